package taxrules

import (
	"nftharvest/money"

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
	return AnalyzeWith(p, asOf, Options{})
}

// Options choose what AnalyzeWith computes up front.
type Options struct {
	// LazyLots leaves Analysis.Lots nil: lot states are then built on
	// demand by LotState and LargestLosses, so a report of a few lots of a
	// large portfolio does not build (and keep) a state for every lot.
	// Summary, Simulate, Suggest and Form8949 work the same either way.
	LazyLots bool
}

// AnalyzeWith is Analyze with options. Every number it returns is the one
// Analyze returns (tests compare them).
func AnalyzeWith(p *portfolio.Portfolio, asOf portfolio.Date, opt Options) (*Analysis, error) {
	e, err := newEngine(p)
	if err != nil {
		return nil, fmt.Errorf("analyze: %w", err)
	}
	a := &Analysis{AsOf: asOf, TaxYear: p.TaxProfile.TaxYear, Portfolio: p, Index: e.ix, eng: e}
	r := newDenseRun(e)
	e.run = r
	e.results = make([][2]int32, len(p.Sales))
	// A sale gives two results only when its units differ in term (a
	// replacement's tacked units sold with others): leave room for a few.
	a.Sales = make([]SaleResult, 0, len(p.Sales)+len(p.Sales)/32+4)
	for _, si := range e.order {
		s := &p.Sales[si]
		from := len(a.Sales)
		a.Sales, err = r.appendSale(a.Sales, s, e.saleLot[si], s.ID)
		if err != nil {
			return nil, fmt.Errorf("analyze: %w", err)
		}
		e.results[si] = [2]int32{int32(from), int32(len(a.Sales))}
	}
	e.years = yearTotals(a.Sales)
	e.markRecent(asOf)
	if !opt.LazyLots {
		a.Lots = a.allLotStates()
	}
	return a, nil
}

// allLotStates builds the state of every lot, in the order of
// Portfolio.Lots.
func (a *Analysis) allLotStates() []LotState {
	e := a.eng
	states := make([]LotState, len(e.lots))
	ones := make([]Portion, len(e.lots))
	fill := func(from, to int) {
		for i := from; i < to; i++ {
			a.lotState(&states[i], int32(i), e.run.get(int32(i)), ones[i:i+1:i+1])
		}
	}
	// Lot states are independent of each other (everything they read is
	// built by AnalyzeWith and no longer changes): fill them on two cores.
	parallel(len(states), fill)
	return states
}

// parallel calls fill on [0, n) in two halves on two goroutines when n
// is at least parallelLots, else once.
func parallel(n int, fill func(from, to int)) {
	if n < parallelLots {
		fill(0, n)
		return
	}
	var wg sync.WaitGroup
	wg.Go(func() { fill(0, n/2) })
	fill(n/2, n)
	wg.Wait()
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
	st.collection = e.collOf[li] + 1
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
		st.OpenQuantity, st.CostBasis, st.AdjustedBasis = w.totals()
		st.Portions = make([]Portion, len(w.portions))
		for k := range w.portions {
			p := &w.portions[k]
			st.Portions[k] = Portion{
				Quantity: p.qty, AdjustedBasis: money.Add(p.orig, p.adj), HoldingStart: p.start,
				Term: TermOf(p.start, a.AsOf), FromSale: p.from,
			}
		}
		st.WashAdjustments = w.adjustments
	}
	// A closed lot (no open units) has no holding start, term or
	// long-term date: they stay zero (null in JSON).
	st.HoldingStart, st.LongTermOn, st.Term, st.DaysToLongTerm = 0, 0, ShortTerm, 0
	if len(st.Portions) > 0 {
		st.HoldingStart = st.Portions[0].HoldingStart
		st.LongTermOn = LongTermOn(st.HoldingStart)
		if a.AsOf >= st.LongTermOn {
			st.Term = LongTerm
		} else {
			st.DaysToLongTerm = a.AsOf.DaysUntil(st.LongTermOn)
		}
	}
	st.UnitPrice, st.PriceAsOf, st.HasPrice = e.unitPrice(li)
	st.MarketValue, st.Unrealized, st.UnrealizedPct = decimal.Zero, decimal.Zero, decimal.Zero
	if st.HasPrice {
		st.MarketValue, st.Unrealized = valuation(st.UnitPrice, st.OpenQuantity, st.AdjustedBasis)
		if !st.AdjustedBasis.IsZero() {
			st.UnrealizedPct = percent(st.Unrealized, st.AdjustedBasis)
		}
	}
	if st.OpenQuantity.Sign() > 0 {
		st.WashRisk = e.washRisk(li, a.AsOf)
	}
}

// totals returns the open quantity, original basis and adjusted basis of
// the open units.
func (w *lotWork) totals() (open, cost, adjusted decimal.Decimal) {
	open, cost, adjusted = decimal.Zero, decimal.Zero, decimal.Zero
	for k := range w.portions {
		p := &w.portions[k]
		open = money.Add(open, p.qty)
		cost = money.Add(cost, p.orig)
		adjusted = money.Add(adjusted, money.Add(p.orig, p.adj))
	}
	return open, cost, adjusted
}

// valuation returns the market value of open units at unit price price,
// rounded to the cent, and their unrealized gain (market value - adjusted
// basis). Position (docs/tax-rules.md, "Rounding"): the value is what a
// sale at market would bring, and a sale is priced in whole cents (the
// what-if's default price is the same rounded value), so the unrealized
// loss shown equals the loss a sale at market value would realize.
func valuation(price, open, adjusted decimal.Decimal) (value, unrealized decimal.Decimal) {
	value = price
	if !open.Equal(one1) {
		value = money.Mul(price, open)
	}
	if value.Exponent() < -2 {
		value = money.Cents(value)
	}
	return value, money.Sub(value, adjusted)
}
