package taxrules

import (
	"nftharvest/money"

	"nftharvest/portfolio"

	"github.com/shopspring/decimal"
)

// portion is a run of a lot's open units sharing one basis and holding
// start while sales are processed.
type portion struct {
	qty   decimal.Decimal
	orig  decimal.Decimal // original basis (cost + fees, pro rata)
	adj   decimal.Decimal // disallowed loss moved in (IRC 1091(d))
	start portfolio.Date  // holding start (tacked for replacements)
	from  string          // washed sale absorbed; "" for untouched units
}

// segment is the part of a sale taken from one portion: a block of sold
// units with one basis and one holding start, the unit at which gain or
// loss is judged for the wash-sale rule (Treas. Reg. 1.1091-1(b), (c)).
type segment struct {
	qty   decimal.Decimal
	orig  decimal.Decimal
	adj   decimal.Decimal
	start portfolio.Date
	// proceeds is the block's share of its line's net proceeds, set by
	// splitByTerm.
	proceeds decimal.Decimal
}

// basis is the block's adjusted basis.
func (sg *segment) basis() decimal.Decimal {
	if sg.adj.IsZero() {
		return sg.orig
	}
	return money.Add(sg.orig, sg.adj)
}

// loss is the block's loss as a positive amount, or zero for a gain.
func (sg *segment) loss() decimal.Decimal {
	if l := money.Sub(sg.basis(), sg.proceeds); l.Sign() > 0 {
		return l
	}
	return decimal.Zero
}

// lotWork is the running state of one lot during the pass over sales.
type lotWork struct {
	// portions are the open units, earliest holding start first; ties keep
	// insertion order.
	portions    []portion
	adjustments []WashAdjustment
}

func newLotWork(l *portfolio.Lot) *lotWork {
	return &lotWork{portions: []portion{{
		qty:   l.Quantity,
		orig:  lotBasis(l),
		adj:   decimal.Zero,
		start: l.Acquired,
	}}}
}

// share returns total * part / whole rounded to the cent (half away from
// zero), or total itself when part == whole. Callers keep sums exact by
// giving the last part the remainder, so the pieces of an amount always add
// up to it. Basis is allocated pro rata when part of a lot is sold (Pub 551,
// "Basis of Assets"); rounding each allocated piece to the cent is this
// product's position (docs/tax-rules.md), so that every reported amount is
// in whole cents and a sale's columns add up on Form 8949 and in JSON.
func share(total, part, whole decimal.Decimal) decimal.Decimal {
	if part.Equal(whole) {
		return total
	}
	if total.IsZero() {
		return total
	}
	return money.Cents(total.Mul(part).Div(whole))
}

// openQuantity is the quantity of all open units.
func (w *lotWork) openQuantity() decimal.Decimal {
	if len(w.portions) == 1 {
		return w.portions[0].qty
	}
	q := decimal.Zero
	for i := range w.portions {
		q = money.Add(q, w.portions[i].qty)
	}
	return q
}

// take removes q units, earliest holding start first (the position for a
// partial sale of a lot whose units differ: the oldest holding period goes
// first), and returns the pieces taken appended to segs. ok is false when
// fewer than q units are open; w is then unchanged.
func (w *lotWork) take(segs []segment, q decimal.Decimal) (_ []segment, ok bool) {
	if w.openQuantity().LessThan(q) {
		return segs, false
	}
	rest := q
	n := 0
	for n < len(w.portions) && rest.Sign() > 0 {
		p := &w.portions[n]
		if p.qty.LessThanOrEqual(rest) {
			segs = append(segs, segment{qty: p.qty, orig: p.orig, adj: p.adj, start: p.start})
			rest = money.Sub(rest, p.qty)
			n++
			continue
		}
		o, a := share(p.orig, rest, p.qty), share(p.adj, rest, p.qty)
		segs = append(segs, segment{qty: rest, orig: o, adj: a, start: p.start})
		p.qty, p.orig, p.adj = money.Sub(p.qty, rest), money.Sub(p.orig, o), money.Sub(p.adj, a)
		rest = decimal.Zero
	}
	w.portions = w.portions[n:]
	return segs, true
}

// unabsorbed returns the index of the portion that has not absorbed a
// disallowed loss, or -1.
func (w *lotWork) unabsorbed() int {
	for i := range w.portions {
		if w.portions[i].from == "" {
			return i
		}
	}
	return -1
}

// available returns how many units of w can still absorb a disallowed loss.
func (w *lotWork) available() decimal.Decimal {
	if i := w.unabsorbed(); i >= 0 {
		return w.portions[i].qty
	}
	return decimal.Zero
}

// absorb moves q untouched units into a new portion carrying disallowed
// loss dis and holding start start, and returns the new units' adjusted
// basis. A unit absorbs at most one disallowed loss (Treas. Reg.
// 1.1091-1(e)), so only units with from == "" are used. q must not exceed
// available().
func (w *lotWork) absorb(q, dis decimal.Decimal, start portfolio.Date, sale string) decimal.Decimal {
	i := w.unabsorbed()
	p := &w.portions[i]
	o := share(p.orig, q, p.qty)
	np := portion{qty: q, orig: o, adj: dis, start: start, from: sale}
	if q.Equal(p.qty) {
		w.portions = append(w.portions[:i], w.portions[i+1:]...)
	} else {
		p.qty, p.orig = money.Sub(p.qty, q), money.Sub(p.orig, o)
	}
	// Insert keeping holding-start order, after portions with the same start.
	at := len(w.portions)
	for j := range w.portions {
		if w.portions[j].start > start {
			at = j
			break
		}
	}
	w.portions = append(w.portions, portion{})
	copy(w.portions[at+1:], w.portions[at:])
	w.portions[at] = np
	return money.Add(o, dis)
}
