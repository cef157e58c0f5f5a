package ui

import (
	"fmt"
	"strings"

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

func (m *Model) detailLines(s *taxrules.LotState) []string {
	sty := &m.styles
	a := m.data.a
	l := s.Lot
	var out []string
	// Every line is made safe before it is styled: add and kv take plain
	// text (names, ids and the note come from the file); kvStyled takes
	// a value the app styled from its own numbers.
	add := func(format string, args ...any) { out = append(out, safef(format, args...)) }
	kvStyled := func(k, v string) { out = append(out, sty.Label.Render(k)+strings.Repeat(" ", max(16-len(k), 1))+v) }
	kv := func(k, v string) { kvStyled(k, safe(v)) }
	section := func(title string) {
		out = append(out, "", sty.Header.Render(title))
	}

	out = append(out, sty.Title.Render(safef("%s  %s #%s", l.ID, s.CollectionName, l.TokenID)))
	kv("Collection", s.CollectionName+" ("+l.Collection+")")
	if c, ok := a.Index.Collection(l.Collection); ok {
		kv("Contract", strings.TrimSpace(c.Chain+" "+c.Contract+" "+c.Standard))
	}
	kv("Token", "#"+l.TokenID)
	kv("Quantity", fmt.Sprintf("%s open of %s", quantity(s.OpenQuantity), quantity(l.Quantity)))
	kv("Acquired", l.Acquired.String())
	kv("Cost", money(l.Cost)+" + fees "+money(l.Fees)+" = "+money(l.Basis()))
	if l.Tx != "" {
		kv("Transaction", l.Tx)
	}
	if l.Wallet != "" {
		kv("Wallet", l.Wallet)
	}
	coll := "no"
	if s.Collectible {
		coll = "yes (28% rate on long-term gain)"
	}
	kv("Collectible", coll)

	section("Adjusted basis")
	kv("Cost basis", money(s.CostBasis)+" (open quantity)")
	if len(s.WashAdjustments) == 0 {
		kv("Wash sales", "none moved a loss into this lot")
	}
	for _, w := range s.WashAdjustments {
		add("  + %s disallowed loss from sale %s of %s on %s (%s units); holding start tacked to %s",
			money(w.Disallowed), w.Sale, w.SoldLot, w.Date, quantity(w.Quantity), w.HoldingStart)
	}
	kv("Adjusted basis", money(s.AdjustedBasis))
	if len(s.Portions) > 1 {
		for _, p := range s.Portions {
			from := "original basis"
			if p.FromSale != "" {
				from = "absorbed " + p.FromSale
			}
			add("  %s units: basis %s, holding from %s, %s term (%s)",
				quantity(p.Quantity), money(p.AdjustedBasis), p.HoldingStart, p.Term, from)
		}
	}

	section("Holding period")
	kv("Holding start", s.HoldingStart.String())
	if s.Term == taxrules.LongTerm {
		kv("Term", "long term (since "+s.LongTermOn.String()+")")
	} else {
		kv("Term", fmt.Sprintf("short term; long term on %s (in %d days)", s.LongTermOn, s.DaysToLongTerm))
	}

	section("Market")
	if s.HasPrice {
		kv("Unit price", money(s.UnitPrice)+" as of "+s.PriceAsOf.String())
		kv("Market value", money(s.MarketValue))
		kvStyled("Unrealized", sty.amountStyle(s.Unrealized.Sign()).Render(marked(s.Unrealized))+
			"  "+percentText(m.data.hold.pct(l.ID), true))
	} else {
		kv("Market value", "n/a (no value or floor price, or no rate for its currency)")
	}

	section("Wash-sale window (purchases in the last 30 days)")
	r := s.WashRisk
	if len(r.Purchases) == 0 && len(r.Warnings) == 0 {
		add("  none: a loss sale today would not be washed by earlier purchases")
	}
	for _, p := range r.Purchases {
		out = append(out, sty.Wash.Render(safef("  %s bought %s ×%s of #%s: a loss sale now would be washed",
			p.Lot, p.Date, quantity(p.Quantity), p.TokenID)))
	}
	for _, p := range r.Warnings {
		add("  look-alike: %s bought #%s on %s ×%s (same collection, other token: warning only)",
			p.Lot, p.TokenID, p.Date, quantity(p.Quantity))
	}
	if r.CleanFrom != 0 {
		kv("Clean from", r.CleanFrom.String())
	}

	var sales []string
	for i := range a.Sales {
		x := &a.Sales[i]
		if x.Lot != l.ID {
			continue
		}
		line := safef("  %s %s ×%s %s %s", x.Sale, x.Date, quantity(x.Quantity), x.Term, marked(x.GainLoss))
		if !x.Disallowed.IsZero() {
			line += fmt.Sprintf(" (W %s disallowed)", money(x.Disallowed))
		}
		sales = append(sales, line)
	}
	if len(sales) > 0 {
		section("Sales from this lot")
		out = append(out, sales...)
	}

	section("Notes")
	if l.Note == "" {
		add("  (none)")
	} else {
		add("  %s", l.Note)
	}
	return out
}
