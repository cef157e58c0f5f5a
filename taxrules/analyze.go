package taxrules

import (
	"fmt"
	"sync"

	"nftharvest/portfolio"

	"github.com/shopspring/decimal"
)

var (
	hundred = decimal.NewFromInt(100)
	one1    = decimal.NewFromInt(1)
)

// Analyze computes the state of p as of asOf: every recorded sale with its
// tax outcome (wash sales applied in date order), every lot with its open
// units, and the yearly totals behind Summary. Sales are processed for the
// whole history whatever asOf is; asOf sets the terms, the days to long
// term and the wash-sale risk of open lots. p must be valid (storage
// validates on load); an inconsistency (a sale of an unknown lot, a
// quantity above what is open, a sale before its acquisition) is returned
// as an error. Analyze never changes p.
func Analyze(p *portfolio.Portfolio, asOf portfolio.Date) (*Analysis, error) {
	e, err := newEngine(p)
	if err != nil {
		return nil, fmt.Errorf("analyze: %w", err)
	}
	a := &Analysis{AsOf: asOf, TaxYear: p.TaxProfile.TaxYear, Portfolio: p, Index: e.ix, eng: e}
	r := newDenseRun(e)
	e.results = make([][2]int32, len(p.Sales))
	a.Sales = make([]SaleResult, 0, len(p.Sales))
	for _, si := range e.order {
		s := &p.Sales[si]
		res, err := r.processSale(s, e.saleLot[si], s.ID)
		if err != nil {
			return nil, fmt.Errorf("analyze: %w", err)
		}
		e.results[si] = [2]int32{int32(len(a.Sales)), int32(len(a.Sales) + len(res))}
		a.Sales = append(a.Sales, res...)
	}
	e.years = yearTotals(a.Sales)
	e.markRecent(asOf)
	a.Lots = make([]LotState, len(p.Lots))
	ones := make([]Portion, len(p.Lots))
	fill := func(from, to int) {
		for i := from; i < to; i++ {
			a.lotState(&a.Lots[i], int32(i), r.get(int32(i)), ones[i:i+1:i+1])
		}
	}
	// Lot states are independent of each other (everything they read is
	// built above and no longer changes): fill them on two cores.
	n := len(p.Lots)
	if n < parallelLots {
		fill(0, n)
		return a, nil
	}
	var wg sync.WaitGroup
	wg.Go(func() { fill(0, n/2) })
	fill(n/2, n)
	wg.Wait()
	return a, nil
}

// parallelLots is the portfolio size from which lot states are filled on
// two goroutines.
var parallelLots = 8192

// lotState fills st for lot li as of a.AsOf from its running state w (nil
// when no sale or wash sale touched the lot). one is the lot's single
// portion when w is nil (allocated in bulk by the caller).
func (a *Analysis) lotState(st *LotState, li int32, w *lotWork, one []Portion) {
	e := a.eng
	l := &e.lots[li]
	st.Lot = l
	st.CollectionName = e.colInfo[e.collOf[li]].name
	st.Collectible = e.collectible(li)
	if w == nil {
		st.OpenQuantity = l.Quantity
		st.CostBasis = lotBasis(l)
		st.AdjustedBasis = st.CostBasis
		one[0] = Portion{
			Quantity: l.Quantity, AdjustedBasis: st.CostBasis,
			HoldingStart: l.Acquired, Term: TermOf(l.Acquired, a.AsOf),
		}
		st.Portions = one
	} else {
		st.OpenQuantity, st.CostBasis, st.AdjustedBasis = decimal.Zero, decimal.Zero, decimal.Zero
		st.Portions = make([]Portion, len(w.portions))
		for k := range w.portions {
			p := &w.portions[k]
			adjusted := dadd(p.orig, p.adj)
			st.OpenQuantity = dadd(st.OpenQuantity, p.qty)
			st.CostBasis = dadd(st.CostBasis, p.orig)
			st.AdjustedBasis = dadd(st.AdjustedBasis, adjusted)
			st.Portions[k] = Portion{
				Quantity: p.qty, AdjustedBasis: adjusted, HoldingStart: p.start,
				Term: TermOf(p.start, a.AsOf), FromSale: p.from,
			}
		}
		st.WashAdjustments = w.adjustments
	}
	st.HoldingStart = l.Acquired
	if len(st.Portions) > 0 {
		st.HoldingStart = st.Portions[0].HoldingStart
	}
	st.LongTermOn = LongTermOn(st.HoldingStart)
	st.Term = ShortTerm
	if a.AsOf >= st.LongTermOn {
		st.Term = LongTerm
	} else {
		st.DaysToLongTerm = a.AsOf.DaysUntil(st.LongTermOn)
	}
	st.UnitPrice, st.PriceAsOf, st.HasPrice = e.unitPrice(li)
	st.MarketValue, st.Unrealized, st.UnrealizedPct = decimal.Zero, decimal.Zero, decimal.Zero
	if st.HasPrice {
		st.MarketValue = st.UnitPrice
		if !st.OpenQuantity.Equal(one1) {
			st.MarketValue = dmul(st.UnitPrice, st.OpenQuantity)
		}
		st.Unrealized = dsub(st.MarketValue, st.AdjustedBasis)
		if !st.AdjustedBasis.IsZero() {
			st.UnrealizedPct = percent(st.Unrealized, st.AdjustedBasis)
		}
	}
	if st.OpenQuantity.Sign() > 0 {
		st.WashRisk = e.washRisk(li, a.AsOf)
	}
}
