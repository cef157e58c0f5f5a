package taxrules

import (
	"nftharvest/money"

	"fmt"
	"math"

	"nftharvest/portfolio"

	"github.com/shopspring/decimal"
)

// Suggest proposes open lots with unrealized losses to sell on the
// analysis date, with no wash-sale hit.
//
// With a nil target it is the best harvest (harvest.go): the lots, and the
// units of multi-unit lots, that save the most tax this year under the
// profile's tax model, none of which saves nothing; nothing when no loss
// lowers this year's tax (further losses would only add to the carryover).
// With a target it takes whole lots in order until their losses reach it.
//
// Candidates have a known price, Unrealized < 0 and no purchase in
// WashRisk.Purchases (selling them today would not be washed by what was
// already bought). Their order: short-term losses first (they offset gains
// taxed at the ordinary rate, IRC 1(h)), then the largest loss, then lot
// id. Each pick's Saves and the suggestion's TaxSaved come from the
// engine's what-if of the picks at market value.
func (a *Analysis) Suggest(target *decimal.Decimal) Suggestion {
	sum := a.Summary(a.TaxYear)
	room := LossRoom(sum, a.Portfolio.TaxProfile.FilingStatus)
	out := Suggestion{Target: room, Room: room, Total: decimal.Zero, CarryoverAdded: decimal.Zero,
		TaxSaved: decimal.Zero, Carryover: money.Add(sum.CarryoverShortTerm, sum.CarryoverLongTerm)}
	cands := a.candidates()
	out.Candidates = len(cands)
	h := candHeap(cands)
	var picks []harvestPick
	if target == nil {
		picks, _ = a.bestHarvest(h)
	} else {
		// Only the first few candidates are usually taken: a heap gives
		// them in order without sorting every losing lot.
		out.Target = *target
		h.init()
		total := decimal.Zero
		for len(h) > 0 && total.Neg().LessThan(out.Target) {
			c := h.pop()
			p := c.pick()
			picks = append(picks, p)
			total = total.Add(p.loss)
		}
	}
	a.fillPicks(&out, picks)
	return out
}

// fillPicks sets the suggestion's picks from the search's, with the
// losses, savings, tax saved and carryover added of their what-if.
func (a *Analysis) fillPicks(out *Suggestion, picks []harvestPick) {
	if len(picks) == 0 {
		return
	}
	saves := a.savings(picks)
	w := WhatIf{Sales: make([]SaleRequest, len(picks))}
	for i, p := range picks {
		w.Sales[i] = SaleRequest{Lot: p.c.id, Quantity: p.qty}
	}
	r, err := a.Simulate(w)
	loss := map[string]decimal.Decimal{}
	if err == nil {
		for _, s := range r.Sales {
			loss[s.Lot] = money.Add(loss[s.Lot], s.GainLoss)
		}
		out.TaxSaved = r.TaxSaved
		before := money.Add(r.Before.CarryoverShortTerm, r.Before.CarryoverLongTerm)
		after := money.Add(r.After.CarryoverShortTerm, r.After.CarryoverLongTerm)
		out.CarryoverAdded = decimal.Max(decimal.Zero, money.Sub(after, before))
	}
	rest := out.TaxSaved
	for i, p := range picks {
		l, ok := loss[p.c.id]
		if !ok {
			l = p.loss
		}
		save := saves[i]
		if i == len(picks)-1 && err == nil {
			save = rest // the what-if's exact total
		}
		rest = money.Sub(rest, save)
		st := a.LotState(int(p.c.li)) // the full state of a pick only
		out.Picks = append(out.Picks, Pick{Lot: p.c.id, Quantity: p.qty, Loss: l, Term: p.c.term,
			Saves: save, Reason: a.pickReason(&st)})
		out.Total = money.Add(out.Total, l)
	}
}

// LossRoom is how much more capital loss lowers the tax of the year of s:
// the net gain left to offset plus what is left of the ordinary-income
// limit (IRC 1211(b); Schedule D line 21), never below zero. A loss beyond
// it only adds to the carryover (IRC 1212(b)).
func LossRoom(s Summary, status string) decimal.Decimal {
	return decimal.Max(decimal.Zero, s.ShortTermNet.Add(s.LongTermNet).Add(LossLimit(status)))
}

// pickReason explains a pick in one line.
func (a *Analysis) pickReason(st *LotState) string {
	what := "token"
	if a.Portfolio.TaxProfile.Match == portfolio.MatchCollection {
		what = "collection"
	}
	r := fmt.Sprintf("%s-term loss of %s; ", st.Term, money.USD(st.Unrealized))
	if !a.eng.washOn {
		return r + "wash-sale rule off"
	}
	r += fmt.Sprintf("no purchase of this %s in the last 30 days", what)
	if n := len(st.WashRisk.Warnings); n > 0 {
		r += fmt.Sprintf(" (%d look-alike purchase(s) of other tokens of the collection)", n)
	}
	return r
}

// sortKey returns v x 10^8 truncated toward zero as an int64, when it fits:
// a cheap key that orders amounts like Cmp whenever two keys differ.
func sortKey(v decimal.Decimal) (int64, bool) {
	c, e, ok := money.Small(v)
	if !ok {
		return 0, false
	}
	return sortKeyOf(c, e)
}

// sortKeyOf is sortKey of c x 10^e.
func sortKeyOf(c int64, e int32) (int64, bool) {
	for ; e < -8; e++ {
		c /= 10
	}
	for ; e > -8; e-- {
		if money.Abs64(c) > math.MaxInt64/10 {
			return 0, false
		}
		c *= 10
	}
	return c, true
}

// cand is a lot Suggest may pick, with its ordering keys inline. It is
// compact (a million lots may be candidates): the open quantity and loss
// are money.Fixed, or in exact when they do not fit one.
type cand struct {
	li          int32 // index in Portfolio.Lots
	term        Term
	collectible bool
	ok          bool  // key is set
	key         int64 // loss truncated to 1e-8, when ok
	id          string
	open, loss  money.Fixed // open quantity, Unrealized (negative)
	exact       *candAmounts
}

// candAmounts are a candidate's amounts when they do not fit a Fixed.
type candAmounts struct{ open, loss decimal.Decimal }

// openQty is the candidate's open quantity.
func (c *cand) openQty() decimal.Decimal {
	if c.exact != nil {
		return c.exact.open
	}
	return c.open.Decimal()
}

// lossAmt is the candidate's unrealized loss (negative).
func (c *cand) lossAmt() decimal.Decimal {
	if c.exact != nil {
		return c.exact.loss
	}
	return c.loss.Decimal()
}

// addLoss adds the candidate's loss to s.
func (c *cand) addLoss(s *money.Sum) {
	if c.exact != nil {
		s.Add(c.exact.loss)
		return
	}
	s.AddFixed(c.loss)
}

// pick is the candidate taken whole.
func (c *cand) pick() harvestPick {
	return harvestPick{c: c, kind: kindOf(c), qty: c.openQty(), loss: c.lossAmt()}
}

// candLess is Suggest's order: short term first, then the largest loss
// (most negative Unrealized), then lot id. Truncated keys keep the order
// when they differ; equal keys fall back to the exact comparison.
func candLess(x, y *cand) bool {
	if x.term != y.term {
		return x.term < y.term
	}
	if x.ok && y.ok && x.key != y.key {
		return x.key < y.key
	}
	if c := x.lossAmt().Cmp(y.lossAmt()); c != 0 { // a tie of keys: rare
		return c < 0
	}
	return x.id < y.id
}

// candHeap is a binary min-heap of candidates under candLess.
type candHeap []cand

func (h candHeap) init() {
	for i := len(h)/2 - 1; i >= 0; i-- {
		h.down(i)
	}
}

func (h candHeap) down(i int) {
	for {
		l := 2*i + 1
		if l >= len(h) {
			return
		}
		m := l
		if r := l + 1; r < len(h) && candLess(&h[r], &h[l]) {
			m = r
		}
		if !candLess(&h[m], &h[i]) {
			return
		}
		h[i], h[m] = h[m], h[i]
		i = m
	}
}

func (h *candHeap) pop() cand {
	old := *h
	top := old[0]
	n := len(old) - 1
	old[0] = old[n]
	*h = old[:n]
	h.down(0)
	return top
}

// isCandidate tells whether st can be suggested: open units with a known
// price, an unrealized loss, and no purchase that would wash its sale.
func isCandidate(st *LotState) bool {
	return st.OpenQuantity.Sign() > 0 && st.HasPrice && st.Unrealized.Sign() < 0 && len(st.WashRisk.Purchases) == 0
}

// candidateOf returns the candidate of lot li with state st (what
// Suggest reads of it), when st is one (isCandidate).
func candidateOf(li int, st *LotState) (cand, bool) {
	if !isCandidate(st) {
		return cand{}, false
	}
	c := cand{li: int32(li), id: st.Lot.ID, term: st.Term, collectible: st.Collectible}
	c.key, c.ok = sortKey(st.Unrealized)
	open, ok1 := money.FixedOf(st.OpenQuantity)
	loss, ok2 := money.FixedOf(st.Unrealized)
	if ok1 && ok2 {
		c.open, c.loss = open, loss
	} else {
		c.exact = &candAmounts{open: st.OpenQuantity, loss: st.Unrealized}
	}
	return c, true
}

// candidateOfFigures is candidateOf from a lot's compact figures.
func candidateOfFigures(li int, f *LotFigures) (cand, bool) {
	if f.OpenQuantity.C <= 0 || !f.HasPrice || f.Unrealized.C >= 0 || len(f.WashRisk.Purchases) > 0 {
		return cand{}, false
	}
	c := cand{li: int32(li), id: f.Lot.ID, term: f.Term, collectible: f.Collectible,
		open: f.OpenQuantity, loss: f.Unrealized}
	c.key, c.ok = sortKeyOf(f.Unrealized.C, f.Unrealized.E)
	return c, true
}

// candidates returns Suggest's candidates in the order of
// Portfolio.Lots: from a.Lots when the states are built, else from states
// built now, on two cores, for the lots whose lossKey is a loss only
// (lossKey is noLoss only for a lot with no open units, no price or no
// loss) and not kept.
func (a *Analysis) candidates() []cand {
	var out []cand
	if a.Lots != nil {
		for i := range a.Lots {
			if c, ok := candidateOf(i, &a.Lots[i]); ok {
				out = append(out, c)
			}
		}
		return out
	}
	n := len(a.eng.lots)
	keys := make([]int64, n)
	parallel(n, func(from, to int) {
		for i := from; i < to; i++ {
			keys[i] = a.lossKey(int32(i))
		}
	})
	// One slice for both halves (no copy of a million candidates): the
	// first half fills it from the start, the second from the end of the
	// first half's room; the second half's candidates are then moved down.
	half := n / 2
	if n < parallelLots {
		half = n
	}
	room := 0
	for _, k := range keys[:half] {
		if k != noLoss {
			room++
		}
	}
	total := room
	for _, k := range keys[half:] {
		if k != noLoss {
			total++
		}
	}
	out = make([]cand, total)
	var filled [2]int
	parallel(n, func(from, to int) {
		part, at := 0, 0
		if from > 0 {
			part, at = 1, room
		}
		var f LotFigures
		var st LotState
		one := make([]Portion, 1)
		k := at
		for i := from; i < to; i++ {
			if keys[i] == noLoss {
				continue
			}
			a.fillFigure(&f, &st, one, int32(i))
			var c cand
			var ok bool
			if f.Full != nil {
				c, ok = candidateOf(i, f.Full)
			} else {
				c, ok = candidateOfFigures(i, &f)
			}
			if ok {
				out[k] = c
				k++
			}
		}
		filled[part] = k - at
	})
	copy(out[filled[0]:], out[room:room+filled[1]])
	return out[:filled[0]+filled[1]]
}
