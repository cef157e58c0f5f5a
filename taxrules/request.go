package taxrules

import (
	"nftharvest/money"

	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"nftharvest/portfolio"

	"github.com/shopspring/decimal"
)

// plannedSale is a validated what-if request: the sale to record, the lot
// index and the id RecordSales would give it.
type plannedSale struct {
	sale portfolio.Sale
	lot  int32
}

// planSales validates w's requests for a sale on date and turns them into
// sales with the ids portfolio.RecordSales would assign, so that the
// what-if processes them in exactly the order a recorded batch would be.
func (a *Analysis) planSales(w WhatIf, date portfolio.Date) ([]plannedSale, error) {
	e := a.eng
	used := make(map[int32]decimal.Decimal, len(w.Sales))
	ids := a.nextSaleIDs(len(w.Sales))
	out := make([]plannedSale, 0, len(w.Sales))
	for k, rq := range w.Sales {
		li32, ok := e.ix.LotIndex(rq.Lot)
		if !ok {
			return nil, &RequestError{Lot: rq.Lot, Reason: "no such lot"}
		}
		li := int32(li32)
		lot := &e.lots[li]
		open := a.openQuantity(li)
		if u, ok := used[li]; ok {
			open = money.Sub(open, u)
		}
		q := rq.Quantity
		switch {
		case q.Sign() < 0:
			return nil, &RequestError{Lot: rq.Lot, Reason: fmt.Sprintf("quantity %s is not positive", q)}
		case q.IsZero(): // SaleRequest: zero means all open units
			if open.Sign() <= 0 {
				return nil, &RequestError{Lot: rq.Lot, Reason: "no open units left to sell"}
			}
			q = open
		case q.GreaterThan(open):
			return nil, &RequestError{Lot: rq.Lot, Reason: fmt.Sprintf("quantity %s is more than the %s open", q, units(open))}
		}
		if date < lot.Acquired {
			return nil, &RequestError{Lot: rq.Lot, Reason: fmt.Sprintf("sale date %s is before the acquisition on %s", date, lot.Acquired)}
		}
		if rq.Fees.Sign() < 0 {
			return nil, &RequestError{Lot: rq.Lot, Reason: fmt.Sprintf("fees %s are negative", rq.Fees)}
		}
		var price decimal.Decimal
		if rq.Price != nil {
			if rq.Price.Sign() < 0 {
				return nil, &RequestError{Lot: rq.Lot, Reason: fmt.Sprintf("price %s is negative", *rq.Price)}
			}
			price = *rq.Price
		} else {
			unit, _, ok := e.ix.UnitPrice(lot.ID)
			if !ok {
				return nil, &RequestError{Lot: rq.Lot, Reason: "no market value; give a price"}
			}
			// A sale is priced in whole cents: the default is the market
			// value rounded to the cent, so what is previewed, recorded and
			// reported agree to the cent.
			price = money.Cents(money.Mul(unit, q))
		}
		used[li] = money.Add(used[li], q)
		out = append(out, plannedSale{lot: li, sale: portfolio.Sale{
			ID: ids[k], Lot: lot.ID, Quantity: q, Date: date, Proceeds: price, Fees: rq.Fees,
		}})
	}
	// Position (docs/tax-rules.md, "What-if"): the sales of one batch are
	// processed, numbered and recorded in a canonical order, the lot's
	// acquisition date and then its id (two sales of one lot keep their
	// order), not in the order they were listed. Same-day sales are
	// processed by sale id, and whether one sale's units are still held
	// when another's loss is washed depends on that order, so the outcome
	// of a batch must not depend on how its lots were listed.
	slices.SortStableFunc(out, func(x, y plannedSale) int {
		lx, ly := &e.lots[x.lot], &e.lots[y.lot]
		return cmp.Or(cmp.Compare(lx.Acquired, ly.Acquired), portfolio.CompareIDs(lx.ID, ly.ID))
	})
	for k := range out {
		out[k].sale.ID = ids[k]
	}
	return out, nil
}

// nextSaleIDs returns the n ids portfolio.RecordSales would give n new
// sales: S-NNNN after the highest existing one, in order. The first free
// number is found once per Analysis (portfolio.NextID scans every sale).
func (a *Analysis) nextSaleIDs(n int) []string {
	e := a.eng
	e.nextSaleOnce.Do(func() {
		p := a.Portfolio
		first := portfolio.NextID("S", func(yield func(string) bool) {
			for i := range p.Sales {
				if !yield(p.Sales[i].ID) {
					return
				}
			}
		})
		e.nextSale, _ = strconv.Atoi(strings.TrimPrefix(first, "S-"))
	})
	ids := make([]string, n)
	for k := range ids {
		ids[k] = fmt.Sprintf("S-%04d", e.nextSale+k)
	}
	return ids
}
