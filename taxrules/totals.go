package taxrules

import (
	"slices"

	"nftharvest/money"
	"nftharvest/portfolio"

	"github.com/shopspring/decimal"
)

// Totals are the portfolio-wide figures of the open lots as of the
// analysis date: what a summary bar or a report shows above its tables.
type Totals struct {
	// OpenLots counts the lots with open units; Unpriced those of them
	// without a price (not in the amounts below).
	OpenLots int
	Unpriced int
	// Value is the market value of the priced open lots.
	Value decimal.Decimal
	// Losses is the sum of the unrealized losses (negative or zero),
	// Gains of the unrealized gains (positive or zero).
	Losses decimal.Decimal
	Gains  decimal.Decimal
	// Harvestable splits the losses by what a sale today would do.
	Harvestable Harvestable
}

// CollectionTotals are one collection's open lots, summed.
type CollectionTotals struct {
	ID   string
	Name string
	// OpenLots counts the collection's lots with open units; Unpriced
	// those without a price (their basis is in AdjustedBasis, nothing else).
	OpenLots int
	Unpriced int
	// AdjustedBasis is the adjusted basis of every open lot.
	AdjustedBasis decimal.Decimal
	// Value, Unrealized, Losses (negative or zero) and Gains (positive or
	// zero) are over the priced open lots.
	Value      decimal.Decimal
	Unrealized decimal.Decimal
	Losses     decimal.Decimal
	Gains      decimal.Decimal
	// Floor is the collection's floor price in the base currency, when
	// HasFloor (a floor is recorded and its rate is known).
	Floor    decimal.Decimal
	HasFloor bool
}

// Totals returns the portfolio-wide totals. It reads every lot's state
// once (built a chunk at a time when the analysis was made with
// LazyLots), adding them up as TotalsSums does.
func (a *Analysis) Totals() Totals {
	s := NewTotalsSums()
	a.EachLotState(func(st *LotState) error {
		s.Add(st)
		return nil
	})
	return s.Totals()
}

// OpenLots counts the lots with open units, as Totals does, without
// building lot states: what a first screen shows before the states exist.
func (a *Analysis) OpenLots() int {
	n := 0
	for i := range a.eng.lots {
		if a.openQuantity(int32(i)).Sign() > 0 {
			n++
		}
	}
	return n
}

// Collections returns the totals of every collection with open lots, in
// the order the file lists the collections (collections a lot names but
// the file does not define follow, in the order of their first lot). It
// reads every lot's state, as Totals.
func (a *Analysis) Collections() []CollectionTotals {
	b := a.WithLots()
	c := a.NewCollectionSums()
	for i := range b.Lots {
		c.Add(&b.Lots[i])
	}
	return c.Totals()
}

// CollectionSums adds up CollectionTotals from lot states given one at a
// time (a streamed report adds them as it writes them): adding every lot's
// state gives Analysis.Collections.
type CollectionSums struct {
	e  *engine
	at map[string]int // row of each collection id
	// byNumber is the row of each of the engine's collection numbers,
	// plus one (0: none yet), so states built by this analysis find their
	// row without hashing the id.
	byNumber []int32
	rows     []CollectionTotals
	acc      []collSums
}

type collSums struct{ basis, value, unreal, loss, gain money.Sum }

// NewCollectionSums returns empty sums for a's collections, to add the
// states or figures of a (or of another analysis of the same portfolio).
func (a *Analysis) NewCollectionSums() *CollectionSums {
	n := len(a.eng.colInfo)
	return &CollectionSums{e: a.eng, at: make(map[string]int, n), byNumber: make([]int32, n),
		rows: make([]CollectionTotals, 0, n), acc: make([]collSums, 0, n)}
}

// Add counts st when its lot has open units.
func (c *CollectionSums) Add(st *LotState) {
	if st.OpenQuantity.Sign() <= 0 {
		return
	}
	k := c.row(st.Lot, st.CollectionName, st.collection)
	r, s := &c.rows[k], &c.acc[k]
	r.OpenLots++
	s.basis.Add(st.AdjustedBasis)
	if !st.HasPrice {
		r.Unpriced++
		return
	}
	s.value.Add(st.MarketValue)
	s.unreal.Add(st.Unrealized)
	switch st.Unrealized.Sign() {
	case -1:
		s.loss.Add(st.Unrealized)
	case 1:
		s.gain.Add(st.Unrealized)
	}
}

// row returns the row of lot's collection, adding it on first use; number
// is the engine's collection number plus one, 0 when unknown. The number
// is trusted: states and figures come from analyses of the portfolio the
// sums were made for, which number its collections alike.
func (c *CollectionSums) row(lot *portfolio.Lot, name string, number int32) int {
	num := int(number) - 1
	if num >= 0 && num < len(c.byNumber) && c.byNumber[num] > 0 {
		return int(c.byNumber[num]) - 1
	}
	k, ok := c.at[lot.Collection]
	if !ok {
		k = len(c.rows)
		c.at[lot.Collection] = k
		c.rows = append(c.rows, CollectionTotals{ID: lot.Collection, Name: name})
		c.acc = append(c.acc, collSums{})
	}
	if num >= 0 && num < len(c.byNumber) {
		c.byNumber[num] = int32(k) + 1
	}
	return k
}

// Totals returns the sums, in the order the file lists the collections
// (undefined ones after, in the order they were first added).
func (c *CollectionSums) Totals() []CollectionTotals {
	defined := make(map[string]int, len(c.e.p.Collections))
	for i := range c.e.p.Collections {
		defined[c.e.p.Collections[i].ID] = i
	}
	rank := make([]int, len(c.rows))
	idx := make([]int, len(c.rows))
	for k := range idx {
		idx[k] = k
		rank[k] = len(defined) + k
		if d, ok := defined[c.rows[k].ID]; ok {
			rank[k] = d
		}
	}
	slices.SortFunc(idx, func(x, y int) int { return rank[x] - rank[y] })
	out := make([]CollectionTotals, 0, len(c.rows))
	for _, k := range idx {
		r, s := c.rows[k], &c.acc[k]
		r.AdjustedBasis, r.Value, r.Unrealized = s.basis.Value(), s.value.Value(), s.unreal.Value()
		r.Losses, r.Gains = s.loss.Value(), s.gain.Value()
		if d, ok := defined[r.ID]; ok {
			if ci := &c.e.colInfo[d]; ci.hasPrice {
				r.Floor, r.HasFloor = ci.price, true
			}
		}
		out = append(out, r)
	}
	return out
}
