package taxrules

import (
	"fmt"

	"nftharvest/portfolio"

	"github.com/shopspring/decimal"
)

var hundred = decimal.NewFromInt(100)

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
	a.Lots = make([]LotState, len(p.Lots))
	for i := range p.Lots {
		a.lotState(&a.Lots[i], int32(i), r.get(int32(i)))
	}
	return a, nil
}

// lotState fills st for lot li as of a.AsOf from its running state w (nil
// when no sale or wash sale touched the lot).
func (a *Analysis) lotState(st *LotState, li int32, w *lotWork) {
	e := a.eng
	l := &e.lots[li]
	st.Lot = l
	st.CollectionName = e.ix.CollectionName(l.Collection)
	st.Collectible = e.ix.Collectible(l.ID)
	if w == nil {
		st.OpenQuantity = l.Quantity
		st.CostBasis = l.Basis()
		st.AdjustedBasis = st.CostBasis
		st.Portions = []Portion{{
			Quantity: l.Quantity, AdjustedBasis: st.CostBasis,
			HoldingStart: l.Acquired, Term: TermOf(l.Acquired, a.AsOf),
		}}
	} else {
		st.OpenQuantity, st.CostBasis, st.AdjustedBasis = decimal.Zero, decimal.Zero, decimal.Zero
		st.Portions = make([]Portion, len(w.portions))
		for k := range w.portions {
			p := &w.portions[k]
			adjusted := p.orig.Add(p.adj)
			st.OpenQuantity = st.OpenQuantity.Add(p.qty)
			st.CostBasis = st.CostBasis.Add(p.orig)
			st.AdjustedBasis = st.AdjustedBasis.Add(adjusted)
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
	st.Term = TermOf(st.HoldingStart, a.AsOf)
	if st.Term == ShortTerm {
		st.DaysToLongTerm = a.AsOf.DaysUntil(st.LongTermOn)
	}
	st.UnitPrice, st.PriceAsOf, st.HasPrice = e.ix.UnitPrice(l.ID)
	st.MarketValue, st.Unrealized, st.UnrealizedPct = decimal.Zero, decimal.Zero, decimal.Zero
	if st.HasPrice {
		st.MarketValue = st.UnitPrice.Mul(st.OpenQuantity)
		st.Unrealized = st.MarketValue.Sub(st.AdjustedBasis)
		if !st.AdjustedBasis.IsZero() {
			st.UnrealizedPct = st.Unrealized.Mul(hundred).Div(st.AdjustedBasis)
		}
	}
	if st.OpenQuantity.Sign() > 0 {
		st.WashRisk = e.washRisk(li, a.AsOf)
	}
}
