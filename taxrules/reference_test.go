package taxrules

import (
	"cmp"
	"fmt"
	"slices"

	"nftharvest/portfolio"

	"github.com/shopspring/decimal"
)

// A straightforward reference for the sales pass, written from
// docs/tax-rules.md without the engine's indexes, reuse or fast paths: it
// keeps every lot's open units as a list of blocks, processes the sales in
// date and id order, judges gain or loss per block, and scans every lot for
// replacements. The property tests compare the engine with it line by line.

// refBlock is a run of a lot's open units with one basis and holding start.
type refBlock struct {
	qty, orig, adj decimal.Decimal
	start          portfolio.Date
	absorbed       bool // carries a disallowed loss (Treas. Reg. 1.1091-1(e))
}

// refLine is one reported line: the blocks of one sale in one term.
type refLine struct {
	sale, lot                  string
	term                       Term
	start                      portfolio.Date
	qty, proceeds, basis       decimal.Decimal
	gainLoss, disallowed, reco decimal.Decimal
	replacements               []Replacement
}

// refLotState is what is left of a lot after every sale.
type refLotState struct {
	open, adjusted decimal.Decimal
	start          portfolio.Date
}

type refRun struct {
	p      *portfolio.Portfolio
	blocks map[string][]refBlock
	lots   map[string]*portfolio.Lot
}

// refAnalyze returns the lines of every sale in processing order and the
// open state of every lot with units left.
func refAnalyze(p *portfolio.Portfolio) ([]refLine, map[string]refLotState) {
	r := &refRun{p: p, blocks: map[string][]refBlock{}, lots: map[string]*portfolio.Lot{}}
	for i := range p.Lots {
		l := &p.Lots[i]
		r.lots[l.ID] = l
		r.blocks[l.ID] = []refBlock{{qty: l.Quantity, orig: l.Cost.Add(l.Fees), adj: decimal.Zero, start: l.Acquired}}
	}
	sales := slices.Clone(p.Sales)
	slices.SortStableFunc(sales, func(a, b portfolio.Sale) int {
		if c := cmp.Compare(a.Date, b.Date); c != 0 {
			return c
		}
		return portfolio.CompareIDs(a.ID, b.ID)
	})
	var lines []refLine
	for _, s := range sales {
		lines = append(lines, r.sell(s)...)
	}
	states := map[string]refLotState{}
	for id, bs := range r.blocks {
		st := refLotState{open: decimal.Zero, adjusted: decimal.Zero}
		for k, b := range bs {
			st.open = st.open.Add(b.qty)
			st.adjusted = st.adjusted.Add(b.orig).Add(b.adj)
			if k == 0 || b.start < st.start {
				st.start = b.start
			}
		}
		if st.open.Sign() > 0 {
			states[id] = st
		}
	}
	return lines, states
}

// refShare is total * part / whole rounded to the cent, total itself for
// the whole (docs/tax-rules.md: allocated amounts are in whole cents).
func refShare(total, part, whole decimal.Decimal) decimal.Decimal {
	if part.Equal(whole) {
		return total
	}
	return total.Mul(part).Div(whole).Round(2)
}

// sell takes the sale's units earliest holding start first, splits them
// into lines by term and washes every block sold at a loss.
func (r *refRun) sell(s portfolio.Sale) []refLine {
	lot := r.lots[s.Lot]
	var taken []refBlock
	rest := s.Quantity
	bs := r.blocks[s.Lot]
	for rest.Sign() > 0 {
		b := &bs[0]
		if b.qty.LessThanOrEqual(rest) {
			taken = append(taken, *b)
			rest = rest.Sub(b.qty)
			bs = bs[1:]
			continue
		}
		o, a := refShare(b.orig, rest, b.qty), refShare(b.adj, rest, b.qty)
		taken = append(taken, refBlock{qty: rest, orig: o, adj: a, start: b.start})
		b.qty, b.orig, b.adj = b.qty.Sub(rest), b.orig.Sub(o), b.adj.Sub(a)
		rest = decimal.Zero
	}
	r.blocks[s.Lot] = bs

	// One line per term, in the order the terms first appear.
	type group struct {
		line   refLine
		blocks []refBlock
	}
	var groups []*group
	for _, b := range taken {
		t := TermOf(b.start, s.Date)
		var g *group
		for _, x := range groups {
			if x.line.term == t {
				g = x
			}
		}
		if g == nil {
			g = &group{line: refLine{sale: s.ID, lot: s.Lot, term: t, start: b.start,
				qty: decimal.Zero, basis: decimal.Zero, disallowed: decimal.Zero}}
			groups = append(groups, g)
		}
		g.line.qty = g.line.qty.Add(b.qty)
		g.line.basis = g.line.basis.Add(b.orig).Add(b.adj)
		g.blocks = append(g.blocks, b)
	}
	net := s.Proceeds.Sub(s.Fees)
	left := net
	var out []refLine
	for k, g := range groups {
		l := &g.line
		if k == len(groups)-1 {
			l.proceeds = left
		} else {
			l.proceeds = refShare(net, l.qty, s.Quantity)
			left = left.Sub(l.proceeds)
		}
		l.gainLoss = l.proceeds.Sub(l.basis)
		blockLeft := l.proceeds
		for j, b := range g.blocks {
			bp := blockLeft
			if j < len(g.blocks)-1 {
				bp = refShare(l.proceeds, b.qty, l.qty)
				blockLeft = blockLeft.Sub(bp)
			}
			loss := b.orig.Add(b.adj).Sub(bp)
			if loss.Sign() > 0 && r.p.TaxProfile.WashSale != portfolio.WashOff {
				l.disallowed = l.disallowed.Add(r.washBlock(l, lot, b, loss, s.Date))
			}
		}
		l.reco = l.gainLoss.Add(l.disallowed)
		out = append(out, *l)
	}
	return out
}

// washBlock finds replacement units for block b of lot sold at loss on
// date, moves the replaced share of the loss into them and returns it.
func (r *refRun) washBlock(l *refLine, sold *portfolio.Lot, b refBlock, loss decimal.Decimal, date portfolio.Date) decimal.Decimal {
	var cands []*portfolio.Lot
	for i := range r.p.Lots {
		c := &r.p.Lots[i]
		if c.ID == sold.ID || c.Collection != sold.Collection {
			continue
		}
		if r.p.TaxProfile.Match != portfolio.MatchCollection && c.TokenID != sold.TokenID {
			continue
		}
		if c.Acquired < date.AddDays(-30) || c.Acquired > date.AddDays(30) {
			continue
		}
		cands = append(cands, c)
	}
	slices.SortFunc(cands, func(a, b *portfolio.Lot) int {
		if c := cmp.Compare(a.Acquired, b.Acquired); c != 0 {
			return c
		}
		return portfolio.CompareIDs(a.ID, b.ID)
	})
	type take struct {
		lot string
		qty decimal.Decimal
	}
	var takes []take
	replaced := decimal.Zero
	for _, c := range cands {
		if replaced.Equal(b.qty) {
			break
		}
		free := decimal.Zero
		for _, cb := range r.blocks[c.ID] {
			if !cb.absorbed {
				free = free.Add(cb.qty)
			}
		}
		if free.Sign() <= 0 {
			continue
		}
		q := decimal.Min(free, b.qty.Sub(replaced))
		takes = append(takes, take{c.ID, q})
		replaced = replaced.Add(q)
	}
	if len(takes) == 0 {
		return decimal.Zero
	}
	disallowed := refShare(loss, replaced, b.qty)
	rest := disallowed
	for k, t := range takes {
		dis := rest
		if k < len(takes)-1 {
			dis = refShare(disallowed, t.qty, replaced)
		}
		rest = rest.Sub(dis)
		start := TackedStart(r.lots[t.lot].Acquired, date, b.start)
		basis := r.absorb(t.lot, t.qty, dis, start)
		l.replacements = append(l.replacements, Replacement{Lot: t.lot, Quantity: t.qty, Disallowed: dis, AdjustedBasis: basis, HoldingStart: start})
	}
	return disallowed
}

// absorb moves q untouched units of lot id into a new block carrying dis,
// kept in holding-start order, and returns the new block's basis.
func (r *refRun) absorb(id string, q, dis decimal.Decimal, start portfolio.Date) decimal.Decimal {
	bs := r.blocks[id]
	i := slices.IndexFunc(bs, func(b refBlock) bool { return !b.absorbed })
	o := refShare(bs[i].orig, q, bs[i].qty)
	if q.Equal(bs[i].qty) {
		bs = slices.Delete(bs, i, i+1)
	} else {
		bs[i].qty, bs[i].orig = bs[i].qty.Sub(q), bs[i].orig.Sub(o)
	}
	at := len(bs)
	for j := range bs {
		if bs[j].start > start {
			at = j
			break
		}
	}
	r.blocks[id] = slices.Insert(bs, at, refBlock{qty: q, orig: o, adj: dis, start: start, absorbed: true})
	return o.Add(dis)
}

// compareWithReference returns the first difference between the engine's
// analysis of p and the reference, or "".
func compareWithReference(p *portfolio.Portfolio, a *Analysis) string {
	lines, states := refAnalyze(p)
	if len(lines) != len(a.Sales) {
		return fmt.Sprintf("%d lines, reference %d", len(a.Sales), len(lines))
	}
	for i, want := range lines {
		got := a.Sales[i]
		same := got.Sale == want.sale && got.Lot == want.lot && got.Term == want.term &&
			got.HoldingStart == want.start && got.Quantity.Equal(want.qty) &&
			got.Proceeds.Equal(want.proceeds) && got.CostBasis.Equal(want.basis) &&
			got.GainLoss.Equal(want.gainLoss) && got.Disallowed.Equal(want.disallowed) &&
			got.Recognized.Equal(want.reco)
		if !same {
			return fmt.Sprintf("line %d: engine %s %s %s start %s qty %s proceeds %s basis %s g/l %s disallowed %s recognized %s;\n reference %s %s %s start %s qty %s proceeds %s basis %s g/l %s disallowed %s recognized %s",
				i, got.Sale, got.Lot, got.Term, got.HoldingStart, got.Quantity, got.Proceeds, got.CostBasis, got.GainLoss, got.Disallowed, got.Recognized,
				want.sale, want.lot, want.term, want.start, want.qty, want.proceeds, want.basis, want.gainLoss, want.disallowed, want.reco)
		}
		if msg := compareReplacements(got.Replacements, want.replacements); msg != "" {
			return fmt.Sprintf("line %d (%s): %s", i, got.Sale, msg)
		}
	}
	for i := range p.Lots {
		st := a.LotState(i)
		want, open := states[p.Lots[i].ID]
		if !open {
			if st.OpenQuantity.Sign() != 0 {
				return fmt.Sprintf("lot %s: open %s, reference closed", p.Lots[i].ID, st.OpenQuantity)
			}
			continue
		}
		if !st.OpenQuantity.Equal(want.open) || !st.AdjustedBasis.Equal(want.adjusted) || st.HoldingStart != want.start {
			return fmt.Sprintf("lot %s: open %s basis %s start %s; reference %s %s %s", p.Lots[i].ID,
				st.OpenQuantity, st.AdjustedBasis, st.HoldingStart, want.open, want.adjusted, want.start)
		}
	}
	return ""
}

// compareReplacements compares replacements after merging adjacent pieces
// of one lot and holding start (the engine reports them merged).
func compareReplacements(got, want []Replacement) string {
	merge := func(rs []Replacement) []Replacement {
		var out []Replacement
		for _, rp := range rs {
			if n := len(out); n > 0 && out[n-1].Lot == rp.Lot && out[n-1].HoldingStart == rp.HoldingStart {
				out[n-1].Quantity = out[n-1].Quantity.Add(rp.Quantity)
				out[n-1].Disallowed = out[n-1].Disallowed.Add(rp.Disallowed)
				out[n-1].AdjustedBasis = out[n-1].AdjustedBasis.Add(rp.AdjustedBasis)
				continue
			}
			out = append(out, rp)
		}
		return out
	}
	g, w := merge(got), merge(want)
	if len(g) != len(w) {
		return fmt.Sprintf("replacements %+v, reference %+v", g, w)
	}
	for k := range g {
		if g[k].Lot != w[k].Lot || !g[k].Quantity.Equal(w[k].Quantity) || !g[k].Disallowed.Equal(w[k].Disallowed) ||
			!g[k].AdjustedBasis.Equal(w[k].AdjustedBasis) || g[k].HoldingStart != w[k].HoldingStart {
			return fmt.Sprintf("replacement %d: %+v, reference %+v", k, g[k], w[k])
		}
	}
	return ""
}
