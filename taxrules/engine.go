package taxrules

import (
	"cmp"
	"fmt"
	"slices"
	"sync"

	"nftharvest/portfolio"
)

// engine holds the indexes built once per Analyze and shared by Summary,
// Simulate and Suggest. It is read-only after Analyze returns, so an
// Analysis may be used from several goroutines.
type engine struct {
	p    *portfolio.Portfolio
	ix   *portfolio.Index
	lots []portfolio.Lot
	// washOn is the profile's wash_sale = "apply"; tokenMode is match = "token".
	washOn    bool
	tokenMode bool
	// colls groups lots by collection. A match group (groups.go) is a
	// collection, or in token mode the lots of one token within it.
	colls *groupIndex
	// collOf is each lot's collection number, colInfo what a collection's
	// lots share (see indexCollections).
	collOf  []int32
	colInfo []collInfo
	// saleLot is the lot index of each sale; order the sale indices in
	// processing order (date, then sale id).
	saleLot []int32
	order   []int32
	// lotSales lists, per lot, its sale indices in processing order.
	lotSalesStart []int32
	lotSales      []int32
	// run is the state of the lots after every recorded sale (nil for a
	// lot no sale touched), kept for lot states built on demand.
	run *run
	// results is, per sale index, its range [from, to) in Analysis.Sales.
	results [][2]int32
	// recent flags the collections with a purchase in the 30 days up to
	// the analysis date and windows lists those purchases (markRecent).
	recent  []bool
	windows map[int32]*window30
	// nextSale is the number of the next free sale id S-NNNN, found on
	// the first Simulate.
	nextSaleOnce sync.Once
	nextSale     int
	// years holds the recognized totals per tax year.
	years map[int]*totals
}

// newEngine indexes p. It returns an error for a sale of an unknown lot or
// with a quantity that is not positive.
func newEngine(p *portfolio.Portfolio) (*engine, error) {
	e := &engine{
		p:         p,
		lots:      p.Lots,
		washOn:    p.TaxProfile.WashSale != portfolio.WashOff,
		tokenMode: p.TaxProfile.Match != portfolio.MatchCollection,
	}
	// The portfolio's own index and the collection groups are independent:
	// build them on both cores.
	ixc := make(chan *portfolio.Index, 1)
	go func() { ixc <- portfolio.NewIndex(p) }()
	e.indexCollections()
	e.colls = buildGroups(p.Lots, e.collOf, len(e.colInfo))
	e.ix = <-ixc
	e.saleLot = make([]int32, len(p.Sales))
	counts := make([]int32, len(p.Lots)+1)
	for i := range p.Sales {
		s := &p.Sales[i]
		li, ok := e.ix.SaleLot(i)
		if !ok {
			return nil, fmt.Errorf("sales[%d] (%s): unknown lot %q", i, s.ID, s.Lot)
		}
		if s.Quantity.Sign() <= 0 {
			return nil, fmt.Errorf("sales[%d] (%s): quantity %s is not positive", i, s.ID, s.Quantity)
		}
		e.saleLot[i] = int32(li)
		counts[li+1]++
	}
	e.order = make([]int32, len(p.Sales))
	for i := range e.order {
		e.order[i] = int32(i)
	}
	slices.SortFunc(e.order, func(a, b int32) int { return cmpSales(&p.Sales[a], &p.Sales[b]) })
	for i := 1; i < len(counts); i++ {
		counts[i] += counts[i-1]
	}
	e.lotSalesStart = counts
	next := slices.Clone(counts[:len(p.Lots)])
	e.lotSales = make([]int32, len(p.Sales))
	for _, si := range e.order {
		li := e.saleLot[si]
		e.lotSales[next[li]] = si
		next[li]++
	}
	return e, nil
}

// cmpSales is the processing order of sales: date, then sale id in the
// order ids are numbered (portfolio.CompareIDs: S-9999 before S-10000), so
// a batch is processed in the order it was recorded (IRC 1091 applies loss
// sales in the order they occur; Pub 550 "Wash Sales").
func cmpSales(a, b *portfolio.Sale) int {
	if c := cmp.Compare(a.Date, b.Date); c != 0 {
		return c
	}
	return portfolio.CompareIDs(a.ID, b.ID)
}

// sameKey reports whether lots li and cj are substantially identical (see
// groups.go): the same collection, and in token mode the same token id.
func (e *engine) sameKey(li, cj int32) bool {
	return e.collOf[li] == e.collOf[cj] && (!e.tokenMode || e.lots[li].TokenID == e.lots[cj].TokenID)
}

// salesOfLot returns the lot's sale indices in processing order.
func (e *engine) salesOfLot(li int32) []int32 {
	return e.lotSales[e.lotSalesStart[li]:e.lotSalesStart[li+1]]
}
