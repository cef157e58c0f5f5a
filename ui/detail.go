package ui

import (
	"fmt"
	"strings"

	"nftharvest/money"
	"nftharvest/taxrules"
)

// detail is the lot detail screen: its lines and the scroll offset.
type detail struct {
	lot    string
	lines  []string
	offset int

	// wrap holds the lines wrapped to width wrapW (a frame is drawn on
	// every key; the lines change only when the detail is rebuilt).
	wrap  []string
	wrapW int
}

// wrapped is the detail's lines wrapped to width w.
func (d *detail) wrapped(w int) []string {
	if d.wrap != nil && d.wrapW == w {
		return d.wrap
	}
	out := make([]string, 0, len(d.lines))
	for _, l := range d.lines {
		out = append(out, wrapLine(l, w)...)
	}
	d.wrap, d.wrapW = out, w
	return out
}

// openDetail builds the detail of lot st.
func (m *Model) openDetail(st *taxrules.LotState) {
	m.detail = detail{lot: st.Lot.ID, lines: m.detailLines(st)}
	m.mode = modeDetail
}

// lines collects the detail screen's lines.
type lines struct {
	sty *Styles
	out []string
}

// Every line is made safe before it is styled: add and kv take plain text
// (names, ids and the note come from the file); kvStyled takes a value the
// app styled from its own numbers.
func (b *lines) add(format string, args ...any) { b.out = append(b.out, safef(format, args...)) }

func (b *lines) kv(k, v string) { b.kvStyled(k, safe(v)) }

func (b *lines) kvStyled(k, v string) {
	b.out = append(b.out, b.sty.Label.Render(k)+strings.Repeat(" ", max(16-len(k), 1))+v)
}

func (b *lines) section(title string) { b.out = append(b.out, "", b.sty.Header.Render(title)) }

func (m *Model) detailLines(s *taxrules.LotState) []string {
	sty := &m.styles
	a := m.data.a
	l := s.Lot
	b := &lines{sty: sty}

	b.out = append(b.out, sty.Title.Render(safef("%s  %s #%s", l.ID, s.CollectionName, l.TokenID)))
	b.kv("Collection", s.CollectionName+" ("+l.Collection+")")
	if c, ok := a.Index.Collection(l.Collection); ok {
		b.kv("Contract", strings.TrimSpace(c.Chain+" "+c.Contract+" "+c.Standard))
	}
	b.kv("Token", "#"+l.TokenID)
	closed := s.OpenQuantity.Sign() <= 0
	if closed {
		b.kv("Quantity", fmt.Sprintf("closed: all %s sold (see the sales below)", money.Quantity(l.Quantity)))
	} else {
		b.kv("Quantity", fmt.Sprintf("%s open of %s", money.Quantity(s.OpenQuantity), money.Quantity(l.Quantity)))
	}
	b.kv("Acquired", l.Acquired.String())
	b.kv("Cost", amountText(l.Cost)+" + fees "+amountText(l.Fees)+" = "+amountText(l.Basis()))
	if l.Tx != "" {
		b.kv("Transaction", l.Tx)
	}
	if l.Wallet != "" {
		b.kv("Wallet", l.Wallet)
	}
	coll := "no"
	if s.Collectible {
		coll = "yes (28% rate on long-term gain)"
	}
	b.kv("Collectible", coll)

	b.section("Adjusted basis")
	b.kv("Cost basis", amountText(s.CostBasis)+" (open quantity)")
	if len(s.WashAdjustments) == 0 {
		b.kv("Wash sales", "none moved a loss into this lot")
	}
	for _, w := range s.WashAdjustments {
		b.add("  + %s disallowed loss from sale %s of %s on %s (%s units); holding start tacked to %s",
			amountText(w.Disallowed), w.Sale, w.SoldLot, w.Date, money.Quantity(w.Quantity), w.HoldingStart)
	}
	b.kv("Adjusted basis", amountText(s.AdjustedBasis))
	if len(s.Portions) > 1 {
		for _, p := range s.Portions {
			from := "original basis"
			if p.FromSale != "" {
				from = "absorbed " + p.FromSale
			}
			b.add("  %s units: basis %s, holding from %s, %s term (%s)",
				money.Quantity(p.Quantity), amountText(p.AdjustedBasis), p.HoldingStart, p.Term, from)
		}
	}
	if !closed {
		m.openLotLines(b, s)
	}
	m.lotSalesLines(b, s)

	b.section("Notes")
	if l.Note == "" {
		b.add("  (none)")
	} else {
		b.add("  %s", l.Note)
	}
	return b.out
}

// openLotLines adds the sections only an open lot has: its holding period,
// market value and the wash-sale window of a loss sale today.
func (m *Model) openLotLines(b *lines, s *taxrules.LotState) {
	b.section("Holding period")
	b.kv("Holding start", s.HoldingStart.String())
	if s.Term == taxrules.LongTerm {
		b.kv("Term", "long term (since "+s.LongTermOn.String()+")")
	} else {
		b.kv("Term", fmt.Sprintf("short term; long term on %s (in %d days)", s.LongTermOn, s.DaysToLongTerm))
	}

	b.section("Market")
	if s.HasPrice {
		b.kv("Unit price", amountText(s.UnitPrice)+" as of "+s.PriceAsOf.String())
		b.kv("Market value", amountText(s.MarketValue))
		b.kvStyled("Unrealized", b.sty.amountStyle(s.Unrealized.Sign()).Render(marked(s.Unrealized))+
			"  "+percentText(m.data.hold.pct(s.Lot.ID), true))
	} else {
		b.kv("Market value", "n/a (no value or floor price, or no rate for its currency)")
	}

	b.section("Wash-sale window (purchases in the last 30 days)")
	r := s.WashRisk
	if len(r.Purchases) == 0 && len(r.Warnings) == 0 {
		b.add("  none: a loss sale today would not be washed by earlier purchases")
	}
	for _, p := range r.Purchases {
		b.out = append(b.out, b.sty.Wash.Render(safef("  %s bought %s ×%s of #%s: a loss sale now would be washed",
			p.Lot, p.Date, money.Quantity(p.Quantity), p.TokenID)))
	}
	for _, p := range r.Warnings {
		b.add("  look-alike: %s bought #%s on %s ×%s (same collection, other token: warning only)",
			p.Lot, p.TokenID, p.Date, money.Quantity(p.Quantity))
	}
	if r.CleanFrom != 0 {
		b.kv("Clean from", r.CleanFrom.String())
	}
}

// lotSalesLines adds where the lot's units went: each sale from it, and
// the lots that absorbed the loss a sale could not deduct (IRC 1091(d)).
func (m *Model) lotSalesLines(b *lines, s *taxrules.LotState) {
	a := m.data.a
	first := true
	for i := range a.Sales {
		x := &a.Sales[i]
		if x.Lot != s.Lot.ID {
			continue
		}
		if first {
			b.section("Sales from this lot")
			first = false
		}
		line := safef("  %s %s ×%s %s term: net proceeds %s − basis %s = %s", x.Sale, x.Date, money.Quantity(x.Quantity),
			x.Term, amountText(x.Proceeds), amountText(x.CostBasis), marked(x.GainLoss))
		if !x.Disallowed.IsZero() {
			line += fmt.Sprintf(" (W %s disallowed)", amountText(x.Disallowed))
		}
		b.out = append(b.out, line)
		for _, r := range x.Replacements {
			b.add("    → %s disallowed moved into %s ×%s: basis %s, held from %s",
				amountText(r.Disallowed), r.Lot, money.Quantity(r.Quantity), amountText(r.AdjustedBasis), r.HoldingStart)
		}
	}
}
