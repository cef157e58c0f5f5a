package taxrules

import (
	"nftharvest/money"
	"nftharvest/portfolio"
)

// Lot figures: the compact form of a lot state. A report that writes every
// lot of a million needs each lot's amounts once; building them as
// decimals allocates a big number per amount, which costs more than the
// writing. LotFigures holds the same amounts as money.Fixed, computed
// without allocating, for every lot whose numbers fit and that has at
// most one portion; any other lot comes with its full LotState. Tests
// compare every figure with the state Analyze builds.

// LotFigures is a lot's state as of the analysis date in compact form.
// When Full is set the lot did not fit the compact form: Full is its
// state and the other fields are unset. Otherwise every field equals the
// one of LotState (amounts as money.Fixed of the same coefficient and
// exponent).
type LotFigures struct {
	Full *LotState

	Lot            *portfolio.Lot
	CollectionName string
	OpenQuantity   money.Fixed
	CostBasis      money.Fixed
	AdjustedBasis  money.Fixed
	// HoldingStart, Term, LongTermOn and DaysToLongTerm are as in
	// LotState: zero for a closed lot.
	HoldingStart   portfolio.Date
	Term           Term
	LongTermOn     portfolio.Date
	DaysToLongTerm int
	HasPrice       bool
	MarketValue    money.Fixed
	Unrealized     money.Fixed
	Collectible    bool
	WashRisk       WashRisk
	collection     int32 // as LotState.collection
}

// EachLot calls fn with the figures of every lot, in the order of
// Portfolio.Lots, and stops at the first error fn returns. f is valid
// only during the call (the memory is reused). With the states built
// (no LazyLots) every f carries its state in Full.
func (a *Analysis) EachLot(fn func(f *LotFigures) error) error {
	return EachLotChunk(a, func([]LotFigures, *struct{}) {}, func(figs []LotFigures, _ *struct{}) error {
		for i := range figs {
			if err := fn(&figs[i]); err != nil {
				return err
			}
		}
		return nil
	})
}

// fillFigure fills f for lot li: a pointer to its state when the states
// are built, else its compact figures, else (they do not fit) its state
// built into full, with one as its single portion's room.
func (a *Analysis) fillFigure(f *LotFigures, full *LotState, one []Portion, li int32) {
	if a.Lots != nil {
		*f = LotFigures{Full: &a.Lots[li]}
		return
	}
	*f = LotFigures{}
	if !a.lotFigures(f, li) {
		*full = LotState{}
		a.lotState(full, li, a.eng.run.get(li), one)
		*f = LotFigures{Full: full}
	}
}

// lotFigures fills f for lot li as lotState fills a LotState, and reports
// false when the lot does not fit the compact form.
func (a *Analysis) lotFigures(f *LotFigures, li int32) bool {
	e := a.eng
	l := &e.lots[li]
	var open, cost, adjusted money.Fixed
	var start portfolio.Date
	hasUnits := true // the lot has a portion (LotState.Portions not empty)
	switch w := e.run.get(li); {
	case w == nil:
		var ok1, ok2, ok3 bool
		open, ok1 = money.FixedOf(l.Quantity)
		cost, ok2 = money.FixedOf(l.Cost)
		fees, ok3 := money.FixedOf(l.Fees)
		if !ok1 || !ok2 || !ok3 {
			return false
		}
		if fees.C != 0 {
			if cost, ok1 = money.AddFixed(cost, fees); !ok1 {
				return false
			}
		}
		adjusted, start = cost, l.Acquired
	case len(w.portions) == 0: // closed: no open units, zero amounts
		hasUnits = false
	case len(w.portions) == 1:
		// As lotWork.totals: each sum starts from zero (exponent 0).
		p := &w.portions[0]
		qty, ok1 := money.FixedOf(p.qty)
		orig, ok2 := money.FixedOf(p.orig)
		adj, ok3 := money.FixedOf(p.adj)
		if !ok1 || !ok2 || !ok3 {
			return false
		}
		var ok4, ok5, ok6, ok7 bool
		open, ok4 = money.AddFixed(money.Fixed{}, qty)
		cost, ok5 = money.AddFixed(money.Fixed{}, orig)
		adjusted, ok6 = money.AddFixed(orig, adj)
		adjusted, ok7 = money.AddFixed(money.Fixed{}, adjusted)
		if !ok4 || !ok5 || !ok6 || !ok7 {
			return false
		}
		start = p.start
	default:
		return false
	}
	f.Lot, f.OpenQuantity, f.CostBasis, f.AdjustedBasis = l, open, cost, adjusted
	ci := &e.colInfo[e.collOf[li]]
	f.CollectionName, f.collection = ci.name, e.collOf[li]+1
	f.Collectible = e.collectible(li)
	if hasUnits {
		f.HoldingStart = start
		f.LongTermOn = LongTermOn(start)
		if a.AsOf >= f.LongTermOn {
			f.Term = LongTerm
		} else {
			f.DaysToLongTerm = a.AsOf.DaysUntil(f.LongTermOn)
		}
	}
	price, ok := ci.priceFixed, ci.priceFits
	f.HasPrice = ci.hasPrice
	if l.Value != nil {
		d, _, has := e.unitPrice(li)
		f.HasPrice = has
		price, ok = money.FixedOf(d)
	}
	if f.HasPrice {
		// valuation: the market value rounded to the cent, minus the
		// adjusted basis.
		if !ok {
			return false
		}
		value := price // valuation takes the price itself for one unit
		if !isOne(open) {
			var ok1 bool
			if value, ok1 = money.MulFixed(price, open); !ok1 {
				return false
			}
		}
		value = value.RoundCents()
		unrealized, ok2 := money.SubFixed(value, adjusted)
		if !ok2 {
			return false
		}
		f.MarketValue, f.Unrealized = value, unrealized
	}
	if open.C > 0 {
		f.WashRisk = e.washRisk(li, a.AsOf)
	}
	return true
}

// HarvestableSums adds up Harvestable from lot figures given one at a time
// (a streamed report adds them as it writes them): adding every lot's
// figures gives Analysis.Harvestable. The zero value is empty.
type HarvestableSums struct{ short, long, washed money.Sum }

// Add counts the loss of f's lot, when it has one, as Harvestable.Add.
func (h *HarvestableSums) Add(f *LotFigures) {
	if st := f.Full; st != nil {
		if !st.HasPrice || st.OpenQuantity.Sign() <= 0 || st.Unrealized.Sign() >= 0 {
			return
		}
		h.of(st.Term, &st.WashRisk).Add(st.Unrealized)
		return
	}
	if !f.HasPrice || f.OpenQuantity.C <= 0 || f.Unrealized.C >= 0 {
		return
	}
	h.of(f.Term, &f.WashRisk).AddFixed(f.Unrealized)
}

// of returns the sum a loss of term t with wash risk wr goes to.
func (h *HarvestableSums) of(t Term, wr *WashRisk) *money.Sum {
	switch {
	case len(wr.Purchases) > 0:
		return &h.washed
	case t == LongTerm:
		return &h.long
	}
	return &h.short
}

// Value returns the sums.
func (h *HarvestableSums) Value() Harvestable {
	return Harvestable{ShortTerm: h.short.Value(), LongTerm: h.long.Value(), Washed: h.washed.Value()}
}

// AddFigures counts f's lot when it has open units, as Add counts its
// state.
func (c *CollectionSums) AddFigures(f *LotFigures) {
	if f.Full != nil {
		c.Add(f.Full)
		return
	}
	if f.OpenQuantity.C <= 0 {
		return
	}
	k := c.row(f.Lot, f.CollectionName, f.collection)
	r, s := &c.rows[k], &c.acc[k]
	r.OpenLots++
	s.basis.AddFixed(f.AdjustedBasis)
	if !f.HasPrice {
		r.Unpriced++
		return
	}
	s.value.AddFixed(f.MarketValue)
	s.unreal.AddFixed(f.Unrealized)
	switch f.Unrealized.Sign() {
	case -1:
		s.loss.AddFixed(f.Unrealized)
	case 1:
		s.gain.AddFixed(f.Unrealized)
	}
}

// isOne reports whether f equals 1 ("1", "1.0", ...).
func isOne(f money.Fixed) bool {
	return f.E <= 0 && -f.E <= money.MaxPow10 && f.C == money.Pow10(-f.E)
}
