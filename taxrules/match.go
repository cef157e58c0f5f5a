package taxrules

import (
	"nftharvest/money"

	"fmt"

	"nftharvest/portfolio"

	"github.com/shopspring/decimal"
)

// run is one pass over sales in processing order, holding the running
// state of the lots the sales touch. A full analysis uses a dense slice;
// a what-if re-runs a few match groups with a sparse map.
type run struct {
	e       *engine
	works   []*lotWork
	workMap map[int32]*lotWork
	// pending and segs are reused by each sale (appendSale copies the
	// results out), so the pass allocates only what it keeps.
	pending []pendingResult
	segs    []segment
}

func newDenseRun(e *engine) *run {
	return &run{e: e, works: make([]*lotWork, len(e.lots))}
}

func newSparseRun(e *engine) *run {
	return &run{e: e, workMap: make(map[int32]*lotWork)}
}

// get returns the state of lot li, nil while no sale or wash sale touched it.
func (r *run) get(li int32) *lotWork {
	if r.works != nil {
		return r.works[li]
	}
	return r.workMap[li]
}

// work returns the state of lot li, creating it on first use.
func (r *run) work(li int32) *lotWork {
	if w := r.get(li); w != nil {
		return w
	}
	w := newLotWork(&r.e.lots[li])
	if r.works != nil {
		r.works[li] = w
	} else {
		r.workMap[li] = w
	}
	return w
}

// processSale applies one sale of lot li and returns its results, one per
// term. id is the sale id used for ordering and for the replacement
// portions; the caller blanks it for simulated sales.
func (r *run) processSale(s *portfolio.Sale, li int32, id string) ([]SaleResult, error) {
	return r.appendSale(nil, s, li, id)
}

// appendSale is processSale appending the results to dst: a full analysis
// writes them straight into Analysis.Sales.
func (r *run) appendSale(dst []SaleResult, s *portfolio.Sale, li int32, id string) ([]SaleResult, error) {
	lot := &r.e.lots[li]
	if s.Date < lot.Acquired {
		return nil, fmt.Errorf("sale %s of lot %s: dated %s, before the acquisition on %s", id, lot.ID, s.Date, lot.Acquired)
	}
	w := r.work(li)
	segs, ok := w.take(r.segs[:0], s.Quantity)
	r.segs = segs
	if !ok {
		return nil, fmt.Errorf("sale %s of lot %s: quantity %s is more than the %s open", id, lot.ID, s.Quantity, units(w.openQuantity()))
	}
	results := splitByTerm(r.pending[:0], s, lot, segs, r.e.collectible(li), id)
	r.pending = results
	for k := range results {
		res := &results[k]
		if res.Collectible && res.Term == LongTerm {
			// Form 8949 instructions, column (f): code C for collectibles
			// (28%-rate gain or loss, Schedule D line 18).
			res.Code = "C"
		}
		if !res.hasLossBlock {
			// IRC 1091 disallows losses only; a gain is never washed, and a
			// line washes only the blocks it sold at a loss.
			continue
		}
		if r.e.washOn {
			r.wash(res, li, id)
			res.SafeToRebuy = s.Date.AddDays(31)
			if r.e.tokenMode {
				res.Warnings = r.e.lookAlikes(li, s.Date.AddDays(-30), s.Date.AddDays(30))
			}
		}
		if res.Disallowed.Sign() > 0 {
			res.Recognized = money.Add(res.GainLoss, res.Disallowed)
			// Form 8949 instructions, column (f): code W for a wash sale;
			// several codes go in alphabetical order ("CW").
			res.Code += "W"
		}
	}
	for k := range results {
		dst = append(dst, results[k].SaleResult)
	}
	return dst, nil
}

// pendingResult is a SaleResult with the segments (blocks) it was built
// from.
type pendingResult struct {
	SaleResult
	segs []segment
	// hasLossBlock is whether some block was sold at a loss, even when the
	// line as a whole is a gain.
	hasLossBlock bool
}

// splitByTerm turns the segments of a sale into results, one per term,
// appended to buf (whose elements' segs are reused).
// Position: a sale whose units have different holding periods (part of the
// lot replaced a washed sale) is reported as one Form 8949 line per term,
// with the same sale id; each result's HoldingStart is the earliest start
// of its units, Acquired the lot's acquisition date. Net proceeds are
// split pro rata by quantity, the last result taking the remainder.
func splitByTerm(buf []pendingResult, s *portfolio.Sale, lot *portfolio.Lot, segs []segment, collectible bool, id string) []pendingResult {
	results := buf[:0]
	for _, sg := range segs {
		t := TermOf(sg.start, s.Date)
		k := -1
		for j := range results {
			if results[j].Term == t {
				k = j
			}
		}
		if k < 0 {
			var reuse []segment
			if n := len(results); n < cap(results) {
				reuse = results[:n+1][n].segs[:0]
			}
			results = append(results, pendingResult{SaleResult: SaleResult{
				Sale: id, Lot: lot.ID, Date: s.Date, Acquired: lot.Acquired,
				HoldingStart: sg.start, Term: t, Collectible: collectible,
				Disallowed: decimal.Zero,
			}, segs: reuse})
			k = len(results) - 1
		}
		r := &results[k]
		basis := sg.basis()
		if len(r.segs) == 0 {
			r.Quantity, r.CostBasis = sg.qty, basis
		} else {
			r.Quantity, r.CostBasis = money.Add(r.Quantity, sg.qty), money.Add(r.CostBasis, basis)
		}
		r.segs = append(r.segs, sg)
	}
	net := s.NetProceeds()
	rest := net
	for k := range results {
		r := &results[k]
		if k == len(results)-1 {
			r.Proceeds = rest
		} else {
			r.Proceeds = share(net, r.Quantity, s.Quantity)
			rest = money.Sub(rest, r.Proceeds)
		}
		r.GainLoss = money.Sub(r.Proceeds, r.CostBasis)
		r.Recognized = r.GainLoss
		r.hasLossBlock = splitProceeds(r)
	}
	return results
}

// splitProceeds gives each block of line r its share of the line's
// proceeds, pro rata by quantity, the last block taking the remainder, and
// reports whether some block is sold at a loss. Position: a block's
// proceeds are the sale's price per unit times its units (Pub 550, "Wash
// Sales", three blocks sold the same day), rounded to the cent as every
// allocated amount is.
func splitProceeds(r *pendingResult) (hasLoss bool) {
	if len(r.segs) == 1 {
		r.segs[0].proceeds = r.Proceeds
		return r.GainLoss.Sign() < 0
	}
	rest := r.Proceeds
	for i := range r.segs {
		sg := &r.segs[i]
		if i == len(r.segs)-1 {
			sg.proceeds = rest
		} else {
			sg.proceeds = share(r.Proceeds, sg.qty, r.Quantity)
			rest = money.Sub(rest, sg.proceeds)
		}
		if sg.loss().Sign() > 0 {
			hasLoss = true
		}
	}
	return hasLoss
}
