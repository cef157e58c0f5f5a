package taxrules

import (
	"nftharvest/money"

	"math"
	"math/bits"
	"slices"

	"github.com/shopspring/decimal"
)

// Lot states on demand. A report of the 40 largest losses of a million
// lots needs 40 full states, not a million: LargestLosses ranks the lots
// by an integer key computed from the lots' coefficients (no decimal is
// allocated where they fit in 64 bits) and builds full states only for
// the lots that can be among the largest losses. The result is the one the
// straightforward way (build every state, sort by Unrealized) gives; tests
// compare the two.

// LotState returns the state of the lot at index i of Portfolio.Lots as
// of a.AsOf: a.Lots[i] when the states were built, else built now (equal
// to what Analyze would have put there).
func (a *Analysis) LotState(i int) LotState {
	if a.Lots != nil {
		return a.Lots[i]
	}
	var st LotState
	a.lotState(&st, int32(i), a.eng.run.get(int32(i)), make([]Portion, 1))
	return st
}

// openQuantity is the open quantity of lot li, LotState(li).OpenQuantity.
func (a *Analysis) openQuantity(li int32) decimal.Decimal {
	if a.Lots != nil {
		return a.Lots[li].OpenQuantity
	}
	if w := a.eng.run.get(li); w != nil {
		open, _, _ := w.totals()
		return open
	}
	return a.eng.lots[li].Quantity
}

// WithLots returns a with every lot's state: a itself when they are
// built, else a copy that shares a's sales pass and carries the states
// Analyze would have built, so the pass is not run twice. a is not
// changed and may be read meanwhile (building states only reads the
// finished pass).
func (a *Analysis) WithLots() *Analysis {
	if a.Lots != nil {
		return a
	}
	c := *a
	c.Lots = a.allLotStates()
	return &c
}

// LargestLosses returns the states of the n open lots with the largest
// unrealized losses (most negative Unrealized first, ties by lot id). Lots
// without a price and lots without a loss are left out, so fewer than n
// may be returned. It works with and without Options.LazyLots and builds
// only a few full lot states.
func (a *Analysis) LargestLosses(n int) []LotState {
	if n <= 0 {
		return nil
	}
	e := a.eng
	keys := make([]int64, len(e.lots))
	parallel(len(keys), func(from, to int) {
		for i := from; i < to; i++ {
			keys[i] = a.lossKey(int32(i))
		}
	})
	// The n smallest keys, in a max-heap: limit is the n-th smallest.
	h := make(keyHeap, 0, n)
	for _, k := range keys {
		if k == noLoss {
			continue
		}
		if len(h) < n {
			h.push(k)
		} else if k < h[0] {
			h.replaceTop(k)
		}
	}
	if len(h) == 0 {
		return nil
	}
	limit := h[0]
	// Keys are monotone in the exact loss (lossKey), so every lot of the
	// n largest losses has a key <= limit: build those states, sort them
	// exactly.
	var cands []LotState
	for i, k := range keys {
		if k <= limit {
			cands = append(cands, a.LotState(i))
		}
	}
	slices.SortFunc(cands, func(x, y LotState) int {
		if c := x.Unrealized.Cmp(y.Unrealized); c != 0 {
			return c
		}
		if x.Lot.ID < y.Lot.ID {
			return -1
		}
		if x.Lot.ID > y.Lot.ID {
			return 1
		}
		return 0
	})
	return cands[:min(n, len(cands))]
}

// noLoss is the key of a lot that has no open units, no price or no
// unrealized loss.
const noLoss = math.MaxInt64

// lossKey returns a ranking key of lot li's unrealized loss: its
// Unrealized x 10^8 truncated toward zero, clamped to the int64 range
// (so always <= 0 for a loss), or noLoss. The key is monotone: a smaller
// key means a strictly smaller Unrealized, equal keys say nothing. A lot
// priced by its collection's floor whose open units share one basis is
// ranked from the int64 coefficients of its decimals without allocating;
// other lots are valued as lotState does.
func (a *Analysis) lossKey(li int32) int64 {
	e := a.eng
	l := &e.lots[li]
	w := e.run.get(li)
	if w != nil && len(w.portions) == 0 {
		return noLoss // sold out
	}
	if l.Value == nil && (w == nil || len(w.portions) == 1) {
		ci := &e.colInfo[e.collOf[li]]
		// Untouched: cost + fees; one portion: its original basis + the
		// disallowed loss moved in.
		qty, basis, extra := l.Quantity, l.Cost, l.Fees
		if w != nil {
			p := &w.portions[0]
			qty, basis, extra = p.qty, p.orig, p.adj
		}
		if !ci.hasPrice || qty.Sign() <= 0 {
			return noLoss
		}
		if k, sign, ok := unrealizedKey(ci.price, qty, basis, extra); ok {
			if sign >= 0 {
				return noLoss
			}
			return k
		}
	}
	var open, adjusted decimal.Decimal
	if w == nil {
		open, adjusted = l.Quantity, lotBasis(l)
	} else {
		open, _, adjusted = w.totals()
	}
	if open.Sign() <= 0 {
		return noLoss
	}
	price, _, ok := e.unitPrice(li)
	if !ok {
		return noLoss
	}
	_, u := valuation(price, open, adjusted)
	if u.Sign() >= 0 {
		return noLoss
	}
	return decimalKey(u)
}

// keyExp is the exponent of the ranking keys: amounts are compared to
// 10^-8.
const keyExp = -8

// decimalKey returns v x 10^8 truncated toward zero, clamped to the int64
// range.
func decimalKey(v decimal.Decimal) int64 {
	if k, ok := sortKey(v); ok {
		return k
	}
	t := v.Shift(-keyExp).Truncate(0)
	if b := t.BigInt(); b.IsInt64() {
		return b.Int64()
	}
	if v.Sign() < 0 {
		return math.MinInt64
	}
	return math.MaxInt64 - 1
}

// unrealizedKey returns decimalKey(u) and the sign of u, where u is the
// unrealized gain valuation gives for qty units at unit price price against
// the basis cost + fees: the market value rounded to the cent, minus the
// basis. It works on int64 coefficients; ok is false when a coefficient or
// an intermediate value does not fit.
func unrealizedKey(price, qty, cost, fees decimal.Decimal) (key int64, sign int, ok bool) {
	pc, pe, ok1 := money.Small(price)
	qc, qe, ok2 := money.Small(qty)
	cc, ce, ok3 := money.Small(cost)
	fc, fe, ok4 := money.Small(fees)
	if !ok1 || !ok2 || !ok3 || !ok4 {
		return 0, 0, false
	}
	hi, lo := bits.Mul64(uint64(money.Abs64(pc)), uint64(money.Abs64(qc)))
	if hi != 0 || lo > math.MaxInt64/4 {
		return 0, 0, false
	}
	mc := int64(lo)
	if (pc < 0) != (qc < 0) {
		mc = -mc
	}
	me := pe + qe
	// valuation rounds the market value to the cent (half away from zero)
	// before the basis is subtracted.
	if me < -2 {
		mc, me = roundToCents(mc, me), -2
	}
	exp := min(me, ce, fe)
	mc, ok1 = scaleTo(mc, me-exp)
	cc, ok2 = scaleTo(cc, ce-exp)
	fc, ok3 = scaleTo(fc, fe-exp)
	if !ok1 || !ok2 || !ok3 {
		return 0, 0, false
	}
	// |each| <= MaxInt64/4: the sum cannot overflow.
	u := mc - cc - fc
	switch {
	case u > 0:
		sign = 1
	case u < 0:
		sign = -1
	}
	shift := int(exp) - keyExp
	switch {
	case shift >= 0:
		u, ok = scaleTo(u, int32(shift))
		if !ok {
			return 0, 0, false
		}
	case -shift < money.MaxPow10+1:
		u /= money.Pow10(-shift) // truncates toward zero
	default:
		u = 0
	}
	return u, sign, true
}

// roundToCents rounds c x 10^exp (exp < -2) to a whole number of cents,
// half away from zero as Cents does, and returns the cents.
func roundToCents(c int64, exp int32) int64 {
	by := int(-2 - exp)
	if by >= money.MaxPow10+1 {
		return 0 // |c| < 10^19 / 2: less than half a cent
	}
	q, r := c/money.Pow10(by), c%money.Pow10(by)
	if 2*money.Abs64(r) >= money.Pow10(by) {
		if c < 0 {
			q--
		} else {
			q++
		}
	}
	return q
}

// scaleTo returns c x 10^by when its magnitude stays within MaxInt64/4.
func scaleTo(c int64, by int32) (int64, bool) {
	if by < 0 || by > money.MaxPow10 || money.Abs64(c) > math.MaxInt64/4/money.Pow10(by) {
		return 0, false
	}
	return c * money.Pow10(by), true
}

// keyHeap is a binary max-heap of ranking keys.
type keyHeap []int64

func (h *keyHeap) push(k int64) {
	*h = append(*h, k)
	s := *h
	for i := len(s) - 1; i > 0; {
		p := (i - 1) / 2
		if s[p] >= s[i] {
			break
		}
		s[p], s[i] = s[i], s[p]
		i = p
	}
}

// replaceTop replaces the largest key with k.
func (h keyHeap) replaceTop(k int64) {
	h[0] = k
	for i := 0; ; {
		l := 2*i + 1
		if l >= len(h) {
			return
		}
		m := l
		if r := l + 1; r < len(h) && h[r] > h[l] {
			m = r
		}
		if h[m] <= h[i] {
			return
		}
		h[i], h[m] = h[m], h[i]
		i = m
	}
}
