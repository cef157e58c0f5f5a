package taxrules

import (
	"slices"

	"nftharvest/money"

	"github.com/shopspring/decimal"
)

// The best harvest: the loss lots whose sale on the analysis date saves the
// most tax this year under the profile's tax model, with no lot that saves
// nothing.
//
// How it searches. A year's tax depends on the lots sold only through three
// sums: the short-term loss, the long-term loss and the long-term loss on
// collectibles (28%-rate gain, IRC 1(h)(4)). More loss never raises the
// tax, so the most any harvest saves is what selling every candidate saves.
// The search takes candidates in Suggest's order (short term first, then
// the largest loss) until that saving is reached (doubling, then halving
// the number taken: O(log n) tax computations), drops the smallest picks
// of each kind that the saving does not need, and trims the last pick of
// each kind to the whole units it needs. Every step keeps the saving at
// its maximum, so the result saves as much as the best subset (a test
// compares it with brute force), and each remaining pick saves something.

// two is 2, for halving decimal unit counts.
var two = decimal.NewFromInt(2)

// harvestKind is which of the three sums a lot's loss goes into.
type harvestKind int

const (
	kindShort harvestKind = iota
	kindLong
	kindLongCollectible
)

// harvestPick is a candidate chosen, with the units and loss taken.
type harvestPick struct {
	c    *cand
	kind harvestKind
	qty  decimal.Decimal
	loss decimal.Decimal // negative
}

// harvestTax computes the year's estimated tax with extra losses added to
// the year's recorded totals.
type harvestTax struct {
	a    *Analysis
	base totals
}

func (a *Analysis) newHarvestTax() harvestTax {
	t := zeroTotals()
	if yt := a.eng.years[a.TaxYear]; yt != nil {
		t = *yt
	}
	return harvestTax{a: a, base: t}
}

// tax is the estimated tax with losses sums[kind] (negative) realized.
func (h harvestTax) tax(sums [3]decimal.Decimal) decimal.Decimal {
	t := h.base
	t.st = money.Add(t.st, sums[kindShort])
	t.lt = money.Add(money.Add(t.lt, sums[kindLong]), sums[kindLongCollectible])
	t.collLT = money.Add(t.collLT, sums[kindLongCollectible])
	return netOnly(t, h.a.TaxYear, &h.a.Portfolio.TaxProfile).EstimatedTax
}

// sumsOf adds the picks' losses by kind.
func sumsOf(picks []harvestPick) [3]decimal.Decimal {
	var s [3]money.Sum
	for i := range picks {
		s[picks[i].kind].Add(picks[i].loss)
	}
	return [3]decimal.Decimal{s[0].Value(), s[1].Value(), s[2].Value()}
}

// kindOf is which sum candidate c's loss goes into.
func kindOf(c *cand) harvestKind {
	switch {
	case c.term == ShortTerm:
		return kindShort
	case c.collectible:
		return kindLongCollectible
	}
	return kindLong
}

// bestHarvest returns the picks of the best harvest from the candidates
// (in Suggest's order, popped from h) and the tax before; none when no
// loss lowers the year's tax.
func (a *Analysis) bestHarvest(h candHeap) (picks []harvestPick, before decimal.Decimal) {
	ht := a.newHarvestTax()
	before = ht.tax([3]decimal.Decimal{decimal.Zero, decimal.Zero, decimal.Zero})
	var all [3]money.Sum
	for i := range h {
		h[i].addLoss(&all[kindOf(&h[i])])
	}
	best := ht.tax([3]decimal.Decimal{all[0].Value(), all[1].Value(), all[2].Value()})
	if best.GreaterThanOrEqual(before) {
		return nil, before
	}
	reaches := func(p []harvestPick) bool { return ht.tax(sumsOf(p)).LessThanOrEqual(best) }

	// The shortest prefix in candidate order that reaches the best tax.
	h.init()
	pop := func() bool {
		if len(h) == 0 {
			return false
		}
		c := h.pop()
		picks = append(picks, c.pick())
		return true
	}
	for n := 1; ; n *= 2 {
		for len(picks) < n && pop() {
		}
		if reaches(picks) || len(h) == 0 {
			break
		}
	}
	lo, hi := 0, len(picks) // picks[:hi] reaches; find the smallest such hi
	for lo < hi {
		mid := (lo + hi) / 2
		if reaches(picks[:mid]) {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	picks = picks[:hi]

	// Drop the smallest losses of each kind that the saving does not need.
	for k := range 3 {
		var idx []int
		for i := range picks {
			if picks[i].kind == harvestKind(k) {
				idx = append(idx, i)
			}
		}
		slices.SortStableFunc(idx, func(x, y int) int { return -picks[x].loss.Cmp(picks[y].loss) }) // smallest loss first
		without := func(m int) []harvestPick {
			drop := map[int]bool{}
			for _, i := range idx[:m] {
				drop[i] = true
			}
			var out []harvestPick
			for i := range picks {
				if !drop[i] {
					out = append(out, picks[i])
				}
			}
			return out
		}
		lo, hi := 0, len(idx) // the most that can be dropped
		for lo < hi {
			mid := (lo + hi + 1) / 2
			if reaches(without(mid)) {
				lo = mid
			} else {
				hi = mid - 1
			}
		}
		picks = without(lo)
	}

	// Trim the last pick of each kind to the whole units it needs.
	for k := range 3 {
		last := -1
		for i := range picks {
			if picks[i].kind == harvestKind(k) {
				last = i
			}
		}
		if last < 0 || !picks[last].qty.GreaterThan(decimal.NewFromInt(1)) || !picks[last].qty.IsInteger() {
			continue
		}
		p := picks[last]
		perUnit := func(u decimal.Decimal) harvestPick {
			return harvestPick{c: p.c, kind: p.kind, qty: u, loss: p.loss.Mul(u).Div(p.qty)}
		}
		// The units are counted in decimals: a lot may hold more than an
		// int64 counts (10^20 units of an ERC-1155 token).
		lo, hi := decimal.NewFromInt(1), p.qty
		for lo.LessThan(hi) {
			mid := lo.Add(hi).Div(two).Floor()
			picks[last] = perUnit(mid)
			if reaches(picks) {
				hi = mid
			} else {
				lo = mid.Add(one1)
			}
		}
		picks[last] = perUnit(lo)
		if lo.Equal(p.qty) {
			picks[last] = p
		}
	}
	return picks, before
}

// savings returns what each pick saves, in order: the tax with the picks
// before it less the tax with it as well, under the summary's arithmetic.
func (a *Analysis) savings(picks []harvestPick) []decimal.Decimal {
	ht := a.newHarvestTax()
	out := make([]decimal.Decimal, len(picks))
	prev := ht.tax([3]decimal.Decimal{decimal.Zero, decimal.Zero, decimal.Zero})
	for i := range picks {
		t := ht.tax(sumsOf(picks[:i+1]))
		out[i] = prev.Sub(t)
		prev = t
	}
	return out
}
