package taxrules

import (
	"fmt"
	"slices"

	"nftharvest/portfolio"
)

// Simulate previews w without changing the portfolio. Invalid requests
// (unknown lot; a negative quantity or one above what is open, counting
// earlier requests for the same lot in w; a sale date before acquisition;
// a negative price or fees; no price and no market value) return a
// *RequestError. A zero quantity sells all open units; a nil price sells at
// the market value (unit price x quantity); a zero date is a.AsOf.
//
// The result equals what Analyze reports after appending Record to the
// portfolio with portfolio.RecordSales (the ids it would assign decide the
// order among same-day sales). Before and After are the summaries of the
// sale date's year; simulated results have Sale "" and come in the order
// they would be recorded (lot acquisition date, then lot id; see
// planSales).
//
// Simulate re-runs only the match groups of the lots sold (see groups.go):
// wash sales never cross groups, so every other sale result is unchanged.
// simulateFull is the obviously-correct reference (clone, record,
// re-analyse) and a test keeps the two identical.
func (a *Analysis) Simulate(w WhatIf) (*WhatIfResult, error) {
	date, plan, err := a.plan(w)
	if err != nil {
		return nil, err
	}
	e := a.eng
	year := date.Year()
	after := zeroTotals()
	if t := e.years[year]; t != nil {
		after = *t
	}

	// The match groups touched (in token mode the lots of one token within
	// a collection), each named by the first planned lot in it, in request
	// order.
	var groups []int32
	for _, ps := range plan {
		if !slices.ContainsFunc(groups, func(g int32) bool { return e.sameKey(g, ps.lot) }) {
			groups = append(groups, ps.lot)
		}
	}

	simResults := make([][]SaleResult, len(plan))
	r := newSparseRun(e)
	for _, g := range groups {
		// The group's recorded sales and the planned ones, in processing order.
		type item struct {
			s    *portfolio.Sale
			lot  int32
			sale int32 // recorded sale index, or -1-k for planned sale k
		}
		var items []item
		for _, li := range e.colls.group(e.colls.of[g]) {
			if !e.sameKey(g, li) {
				continue
			}
			for _, si := range e.salesOfLot(li) {
				items = append(items, item{&e.p.Sales[si], li, si})
			}
		}
		for k := range plan {
			if e.sameKey(g, plan[k].lot) {
				items = append(items, item{&plan[k].sale, plan[k].lot, int32(-1 - k)})
			}
		}
		slices.SortFunc(items, func(x, y item) int { return cmpSales(x.s, y.s) })
		for _, it := range items {
			res, err := r.processSale(it.s, it.lot, it.s.ID)
			if err != nil {
				return nil, fmt.Errorf("simulate: %w", err)
			}
			if it.sale >= 0 {
				rg := e.results[it.sale]
				for i := rg[0]; i < rg[1]; i++ {
					if a.Sales[i].Date.Year() == year {
						after.add(&a.Sales[i], -1)
					}
				}
			} else {
				simResults[-1-it.sale] = res
			}
			for i := range res {
				if res[i].Date.Year() == year {
					after.add(&res[i], 1)
				}
			}
		}
	}

	out := &WhatIfResult{Date: date, Before: a.Summary(year), OtherYear: a.otherYear(year)}
	out.After = net(after, year, &a.Portfolio.TaxProfile)
	out.TaxSaved = out.Before.EstimatedTax.Sub(out.After.EstimatedTax)
	nres := 0
	for k := range simResults {
		nres += len(simResults[k])
	}
	if len(plan) == 0 {
		return out, nil
	}
	out.Sales = make([]SaleResult, 0, nres)
	out.Record = make([]portfolio.Sale, len(plan))
	for k := range plan {
		for _, res := range simResults[k] {
			res.Sale = ""
			out.Sales = append(out.Sales, res)
		}
		out.Record[k] = plan[k].sale
		out.Record[k].ID = ""
	}
	return out, nil
}

// simulateFull is Simulate done the plain way: clone the portfolio, record
// the sales, analyse everything again. Tests compare it with Simulate.
func (a *Analysis) simulateFull(w WhatIf) (*WhatIfResult, error) {
	date, plan, err := a.plan(w)
	if err != nil {
		return nil, err
	}
	c := a.Portfolio.Clone()
	var record []portfolio.Sale
	for _, ps := range plan {
		s := ps.sale
		s.ID = ""
		record = append(record, s)
	}
	_, recorded := c.RecordSales(record)
	b, err := Analyze(c, a.AsOf)
	if err != nil {
		return nil, fmt.Errorf("simulate: %w", err)
	}
	year := date.Year()
	out := &WhatIfResult{Date: date, Before: a.Summary(year), After: b.Summary(year), Record: record, OtherYear: a.otherYear(year)}
	out.TaxSaved = out.Before.EstimatedTax.Sub(out.After.EstimatedTax)
	for _, s := range recorded {
		for _, res := range b.Sales {
			if res.Sale == s.ID {
				res.Sale = ""
				out.Sales = append(out.Sales, res)
			}
		}
	}
	return out, nil
}

// plan is the sale date of w (the analysis date when w has none) and its
// validated sales, as both Simulate and simulateFull start.
func (a *Analysis) plan(w WhatIf) (portfolio.Date, []plannedSale, error) {
	date := w.Date
	if date.IsZero() {
		date = a.AsOf
	}
	plan, err := a.planSales(w, date)
	return date, plan, err
}

// otherYear returns a warning when a what-if of year is not in the tax
// profile's year, or "".
func (a *Analysis) otherYear(year int) string {
	if year == a.TaxYear {
		return ""
	}
	return fmt.Sprintf("the sales are dated in %d, not in the profile's tax year %d: before and after are %d's figures, not those of your %d return",
		year, a.TaxYear, year, a.TaxYear)
}
