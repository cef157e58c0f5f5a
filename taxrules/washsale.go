package taxrules

import (
	"nftharvest/money"

	"slices"

	"nftharvest/portfolio"

	"github.com/shopspring/decimal"
)

// The wash-sale rule (IRC 1091; Treas. Reg. 1.1091-1; Pub 550 "Wash
// Sales") and the positions this product takes where the sources are
// silent for NFTs:
//
//   - Whether it applies at all: profile wash_sale "apply" (default) or
//     "off" (NFTs are property, Notice 2014-21, not "stock or securities").
//     When off nothing is washed and WashRisk is empty.
//   - Substantially identical: see groups.go (token or collection mode). In
//     token mode, other tokens of the same collection bought inside the
//     window are reported as warnings only.
//   - Window: a replacement acquired in [sale - 30 days, sale + 30 days]
//     (61 days); a purchase 31 days away is outside it.
//   - Only a loss (GainLoss < 0) is washed.
//   - The unsold rest of the sold lot is never a replacement (Rev. Rul.
//     56-602); a lot acquired before the sold lot but inside the window
//     counts (the literal reading of Pub 550).
//   - Replacement units are matched earliest acquisition first (ties by lot
//     id), unit by unit; a unit absorbs at most one disallowed loss (Treas.
//     Reg. 1.1091-1(e)).
//   - A unit can absorb only if it is still held when the loss sale is
//     processed (not taken by a sale earlier in processing order: an
//     earlier date, or the same date and a smaller sale id) or is acquired
//     later: the basis of units already sold cannot change afterwards.
//   - When fewer units are replaced than sold, only the replaced share of
//     the loss is disallowed, pro rata by quantity (Treas. Reg.
//     1.1091-1(c)).
//   - The disallowed loss is added to the replacement units' basis (IRC
//     1091(d)) and their holding period includes the sold units' (IRC
//     1223(3)), by tacking (TackedStart). Sold units are paired with
//     replacement units in order, earliest holding start with earliest
//     acquisition. Chains carry forward: a replacement later sold at a loss
//     is washed in turn.

// chunk is a run of replacement units from one lot.
type chunk struct {
	lot int32
	qty decimal.Decimal
}

// wash applies the wash-sale rule to each block of line res (units of lot
// li with one basis and one holding start) sold at a loss, in the order
// the blocks were sold (earliest holding start first), and adds what each
// disallows to res.Disallowed. A block sold at a gain is left whole: the
// loss of another block cannot reduce it (Pub 550, "Wash Sales", three
// blocks sold the same day; Treas. Reg. 1.1091-1(b), (c)). id is the sale
// id.
func (r *run) wash(res *pendingResult, li int32, id string) {
	for k := range res.segs {
		sg := &res.segs[k]
		if loss := sg.loss(); loss.Sign() > 0 {
			res.Disallowed = money.Add(res.Disallowed, r.washBlock(res, li, sg, loss, id))
		}
	}
}

// washBlock matches the units of block sg, sold at a loss of loss, with
// replacement units and moves the disallowed part of the loss into them.
// It returns the amount disallowed.
func (r *run) washBlock(res *pendingResult, li int32, sg *segment, loss decimal.Decimal, id string) decimal.Decimal {
	e := r.e
	lots := e.lots
	date := res.Date
	need := sg.qty
	var chunks []chunk
	replaced := decimal.Zero
	for _, cj := range e.colls.window(lots, e.colls.of[li], date.AddDays(-30), date.AddDays(30)) {
		if cj == li || !e.sameKey(li, cj) {
			continue // Rev. Rul. 56-602: the rest of the same lot is not a replacement.
		}
		avail := lots[cj].Quantity
		if w := r.get(cj); w != nil {
			avail = w.available()
		}
		if avail.Sign() <= 0 {
			continue
		}
		q := decimal.Min(avail, money.Sub(need, replaced))
		chunks = append(chunks, chunk{lot: cj, qty: q})
		replaced = money.Add(replaced, q)
		if replaced.Equal(need) {
			break
		}
	}
	if len(chunks) == 0 {
		return decimal.Zero
	}
	// Treas. Reg. 1.1091-1(c): only the replaced share of the loss.
	disallowed := share(loss, replaced, need)
	// Move the loss chunk by chunk (earliest acquisition first), the last
	// chunk taking the remainder so the pieces sum to disallowed.
	rest := disallowed
	for ci, c := range chunks {
		dis := rest
		if ci < len(chunks)-1 {
			dis = share(disallowed, c.qty, replaced)
		}
		rest = money.Sub(rest, dis)
		r.moveLoss(res, li, c.lot, c.qty, dis, sg.start, id)
	}
	return disallowed
}

// moveLoss adds disallowed loss dis of q sold units (holding start
// soldStart) to q units of replacement lot cj.
func (r *run) moveLoss(res *pendingResult, li, cj int32, q, dis decimal.Decimal, soldStart portfolio.Date, id string) {
	lot := &r.e.lots[cj]
	start := TackedStart(lot.Acquired, res.Date, soldStart)
	w := r.work(cj)
	basis := w.absorb(q, dis, start, id)
	if n := len(res.Replacements); n > 0 && res.Replacements[n-1].Lot == lot.ID && res.Replacements[n-1].HoldingStart == start {
		rp := &res.Replacements[n-1]
		rp.Quantity, rp.Disallowed, rp.AdjustedBasis = money.Add(rp.Quantity, q), money.Add(rp.Disallowed, dis), money.Add(rp.AdjustedBasis, basis)
		wa := &w.adjustments[len(w.adjustments)-1]
		wa.Quantity, wa.Disallowed = money.Add(wa.Quantity, q), money.Add(wa.Disallowed, dis)
		return
	}
	res.Replacements = append(res.Replacements, Replacement{
		Lot: lot.ID, Quantity: q, Disallowed: dis, AdjustedBasis: basis, HoldingStart: start,
	})
	w.adjustments = append(w.adjustments, WashAdjustment{
		Sale: id, SoldLot: r.e.lots[li].ID, Date: res.Date, Quantity: q, Disallowed: dis, HoldingStart: start,
	})
}

// lookAlikes returns purchases of other tokens of lot li's collection
// acquired in [from, to]: in token match mode they are not substantially
// identical (position), but the user is warned about them.
func (e *engine) lookAlikes(li int32, from, to portfolio.Date) []Purchase {
	lot := &e.lots[li]
	var out []Purchase
	for _, cj := range e.colls.window(e.lots, e.colls.of[li], from, to) {
		if o := &e.lots[cj]; o.TokenID != lot.TokenID {
			out = append(out, purchaseOf(o))
		}
	}
	return out
}

func purchaseOf(l *portfolio.Lot) Purchase {
	return Purchase{Lot: l.ID, TokenID: l.TokenID, Date: l.Acquired, Quantity: l.Quantity}
}

// washRisk returns the wash-sale risk of selling open lot li at a loss on
// asOf: purchases of the same match key (other lots) acquired in
// [asOf - 30 days, asOf] (IRC 1091(a): the 30 days before the sale), and
// the first date a loss sale is clean, the latest such purchase + 31 days;
// in token mode, other tokens of the collection bought in that window as
// warnings. Empty when the wash-sale rule is off. Lots of one collection
// share the same slices when their lists are equal; they are read-only.
func (e *engine) washRisk(li int32, asOf portfolio.Date) WashRisk {
	var wr WashRisk
	cg := e.colls.of[li]
	if !e.washOn || !e.recent[cg] {
		return wr
	}
	win := e.windows[cg]
	if !e.tokenMode {
		// Collection mode: every purchase in the window but the lot itself.
		wr.Purchases = win.p
		if k := slices.Index(win.lots, li); k >= 0 {
			wr.Purchases = slices.Delete(slices.Clone(win.p), k, k+1)
		}
	} else {
		same := false
		for k, cj := range win.lots {
			if e.lots[cj].TokenID != e.lots[li].TokenID {
				continue
			}
			same = true
			if cj != li {
				wr.Purchases = append(wr.Purchases, win.p[k])
			}
		}
		wr.Warnings = win.p // no purchase of this token: all are look-alikes
		if same {
			wr.Warnings = nil
			for k, cj := range win.lots {
				if e.lots[cj].TokenID != e.lots[li].TokenID {
					wr.Warnings = append(wr.Warnings, win.p[k])
				}
			}
		}
	}
	if n := len(wr.Purchases); n > 0 {
		wr.CleanFrom = wr.Purchases[n-1].Date.AddDays(31)
	} else {
		wr.Purchases = nil
	}
	return wr
}

// window30 is the purchases of one group in [asOf - 30 days, asOf].
type window30 struct {
	p    []Purchase
	lots []int32
}

// recentWindow returns group g's purchases in [asOf - 30, asOf].
func (e *engine) recentWindow(gi *groupIndex, g int32, asOf portfolio.Date) *window30 {
	w := &window30{lots: gi.window(e.lots, g, asOf.AddDays(-30), asOf)}
	for _, cj := range w.lots {
		w.p = append(w.p, purchaseOf(&e.lots[cj]))
	}
	return w
}

// markRecent flags the collections with an acquisition in
// [asOf - 30 days, asOf] and lists their purchases in that window, so
// washRisk only reads (lot states are filled concurrently) and skips every
// other lot at once.
func (e *engine) markRecent(asOf portfolio.Date) {
	e.recent = make([]bool, len(e.colls.start)-1)
	e.windows = make(map[int32]*window30)
	from := asOf.AddDays(-30)
	for i := range e.lots {
		if d := e.lots[i].Acquired; d >= from && d <= asOf {
			if g := e.colls.of[i]; !e.recent[g] {
				e.recent[g] = true
				e.windows[g] = e.recentWindow(e.colls, g, asOf)
			}
		}
	}
}
