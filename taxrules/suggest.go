package taxrules

import (
	"nftharvest/money"

	"fmt"
	"math"

	"nftharvest/portfolio"

	"github.com/shopspring/decimal"
)

// Suggest picks open lots with unrealized losses whose sale on the
// analysis date reaches target with no wash-sale hit. A nil target is the
// losses that still lower this tax year's tax (LossRoom): the net gains
// left to offset plus what is left of the ordinary-income limit (IRC
// 1211(b)), never below zero; when nothing is left, nothing is suggested
// (further losses would only add to the carryover).
//
// Candidates have a known price, Unrealized < 0 and no purchase in
// WashRisk.Purchases (selling them today would not be washed by what was
// already bought). Short-term losses come first (they offset gains taxed
// at the ordinary rate, IRC 1(h)), then the largest loss, then lot id;
// whole lots are taken until the losses reach the target.
func (a *Analysis) Suggest(target *decimal.Decimal) Suggestion {
	sum := a.Summary(a.TaxYear)
	room := LossRoom(sum, a.Portfolio.TaxProfile.FilingStatus)
	tgt := room
	if target != nil {
		tgt = *target
	}
	out := Suggestion{Target: tgt, Room: room, Total: decimal.Zero, CarryoverAdded: decimal.Zero,
		Carryover: money.Add(sum.CarryoverShortTerm, sum.CarryoverLongTerm)}
	if tgt.Sign() <= 0 {
		return out
	}
	var cands []cand
	states := a.lotStates()
	for i := range states {
		st := &states[i]
		if st.OpenQuantity.Sign() > 0 && st.HasPrice && st.Unrealized.Sign() < 0 && len(st.WashRisk.Purchases) == 0 {
			k, ok := sortKey(st.Unrealized)
			cands = append(cands, cand{st: st, term: st.Term, key: k, ok: ok})
		}
	}
	// Only the first few candidates are usually taken: a heap gives them in
	// order without sorting every losing lot.
	h := candHeap(cands)
	h.init()
	for len(h) > 0 && out.Total.Neg().LessThan(tgt) {
		st := h.pop().st
		out.Picks = append(out.Picks, Pick{
			Lot: st.Lot.ID, Quantity: st.OpenQuantity, Loss: st.Unrealized, Term: st.Term,
			Reason: a.pickReason(st),
		})
		out.Total = out.Total.Add(st.Unrealized)
	}
	out.CarryoverAdded = a.carryoverAdded(out)
	return out
}

// LossRoom is how much more capital loss lowers the tax of the year of s:
// the net gain left to offset plus what is left of the ordinary-income
// limit (IRC 1211(b); Schedule D line 21), never below zero. A loss beyond
// it only adds to the carryover (IRC 1212(b)).
func LossRoom(s Summary, status string) decimal.Decimal {
	return decimal.Max(decimal.Zero, s.ShortTermNet.Add(s.LongTermNet).Add(LossLimit(status)))
}

// carryoverAdded is how much selling the picks at market value on the
// analysis date adds to the carryover into next year.
func (a *Analysis) carryoverAdded(s Suggestion) decimal.Decimal {
	if len(s.Picks) == 0 {
		return decimal.Zero
	}
	w := WhatIf{Sales: make([]SaleRequest, len(s.Picks))}
	for i, p := range s.Picks {
		w.Sales[i] = SaleRequest{Lot: p.Lot, Quantity: p.Quantity}
	}
	r, err := a.Simulate(w)
	if err != nil {
		return decimal.Zero // the picks are open lots; a failure here is not the user's
	}
	before := money.Add(r.Before.CarryoverShortTerm, r.Before.CarryoverLongTerm)
	after := money.Add(r.After.CarryoverShortTerm, r.After.CarryoverLongTerm)
	return decimal.Max(decimal.Zero, money.Sub(after, before))
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

// cand is a lot Suggest may pick, with its ordering keys inline.
type cand struct {
	st   *LotState
	term Term
	key  int64 // Unrealized truncated to 1e-8, when ok
	ok   bool
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
	if c := x.st.Unrealized.Cmp(y.st.Unrealized); c != 0 {
		return c < 0
	}
	return x.st.Lot.ID < y.st.Lot.ID
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
