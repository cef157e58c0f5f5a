package taxrules

import (
	"nftharvest/money"

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
// (built now, once, when the analysis was made with LazyLots).
func (a *Analysis) Totals() Totals {
	b := a.WithLots()
	var t Totals
	var value, losses, gains money.Sum
	for i := range b.Lots {
		st := &b.Lots[i]
		if st.OpenQuantity.Sign() <= 0 {
			continue
		}
		t.OpenLots++
		if !st.HasPrice {
			t.Unpriced++
			continue
		}
		value.Add(st.MarketValue)
		switch st.Unrealized.Sign() {
		case -1:
			losses.Add(st.Unrealized)
		case 1:
			gains.Add(st.Unrealized)
		}
	}
	t.Value, t.Losses, t.Gains = value.Value(), losses.Value(), gains.Value()
	t.Harvestable = b.Harvestable()
	return t
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
	e := b.eng
	type sums struct{ basis, value, unreal, loss, gain money.Sum }
	at := make([]int32, len(e.colInfo)) // row + 1 of each collection, 0 for none yet
	var rows []CollectionTotals
	var acc []sums
	for i := range b.Lots {
		st := &b.Lots[i]
		if st.OpenQuantity.Sign() <= 0 {
			continue
		}
		c := e.collOf[i]
		if at[c] == 0 {
			rows = append(rows, CollectionTotals{ID: st.Lot.Collection, Name: st.CollectionName})
			acc = append(acc, sums{})
			at[c] = int32(len(rows))
		}
		r, s := &rows[at[c]-1], &acc[at[c]-1]
		r.OpenLots++
		s.basis.Add(st.AdjustedBasis)
		if !st.HasPrice {
			r.Unpriced++
			continue
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
	out := make([]CollectionTotals, 0, len(rows))
	for c := range at {
		if at[c] == 0 {
			continue
		}
		r, s := rows[at[c]-1], &acc[at[c]-1]
		r.AdjustedBasis, r.Value, r.Unrealized = s.basis.Value(), s.value.Value(), s.unreal.Value()
		r.Losses, r.Gains = s.loss.Value(), s.gain.Value()
		if ci := &e.colInfo[c]; ci.hasPrice {
			r.Floor, r.HasFloor = ci.price, true
		}
		out = append(out, r)
	}
	return out
}
