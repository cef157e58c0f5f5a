package ui

import (
	"fmt"
	"regexp"
	"strings"

	"nftharvest/money"
	"nftharvest/portfolio"
	"nftharvest/taxrules"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/shopspring/decimal"
)

// preview is the live what-if of the basket.
type preview struct {
	res *taxrules.WhatIfResult // last good result; nil when the basket is empty
	// stale says why res does not match the basket (an invalid value being
	// typed, or a request the engine refused); "" when it does.
	stale string
}

// simulate recomputes the preview for b. It is called on every basket
// change: the engine's Simulate is pure and fast.
func (m *Model) simulate(b *basket) {
	if m.data == nil || b.len() == 0 {
		m.preview = preview{}
		return
	}
	w := b.whatIf()
	if w.Date == 0 {
		w.Date = m.today // not the analysis date: the day may have changed
	}
	res, err := m.data.a.Simulate(w)
	if err != nil {
		m.preview.stale = err.Error()
		return
	}
	m.preview = preview{res: res}
}

// refreshPreview recomputes the preview for the basket, including the
// value being typed when it is valid.
func (m *Model) refreshPreview() {
	if m.focus != focusInput || m.edit.kind == editFilter || m.edit.kind == editNone {
		m.simulate(&m.basket)
		return
	}
	tent := m.basket.clone()
	if err := m.applyTyped(&tent); err != nil {
		m.edit.err = err.Error()
		m.preview.stale = fmt.Sprintf("%s not applied: %s", m.edit.kind, err)
		return
	}
	m.edit.err = ""
	m.simulate(&tent)
}

// previewLines renders the preview panel content in width w: a tall
// layout for the panel right of the table (wide), or a dense one for the
// panel below it. The most important lines come first so a short panel
// keeps them; long lines wrap.
func (m *Model) previewLines(w int, wide bool) []string {
	st := &m.styles
	var out []string
	add := func(s string) { out = append(out, wrapLine(s, w)...) }
	res := m.preview.res
	date := m.today
	if m.basket.date != 0 {
		date = m.basket.date
	}
	title := st.Title.Render(fmt.Sprintf("What-if: sell %d lot%s on %s", m.basket.len(), plural(m.basket.len()), date))
	if res == nil {
		add(title)
		if m.preview.stale != "" {
			add(st.Error.Render("⚠ stale: " + safe(m.preview.stale)))
		} else {
			add(st.Muted.Render("space adds the lot under the cursor"))
		}
		return out
	}
	// Tax saved, prominently.
	saved := res.TaxSaved
	label, style := "TAX SAVED", st.Saved
	if saved.Sign() < 0 {
		label, style = "TAX COST", st.Cost
		saved = saved.Neg()
	}
	banner := label + "  " + amountText(saved)
	if wide {
		add(title)
		if m.preview.stale != "" {
			add(st.Error.Render("⚠ stale: " + safe(m.preview.stale)))
		}
		box := lipgloss.NewStyle().Border(lipgloss.DoubleBorder()).BorderForeground(style.GetForeground()).
			Padding(0, 1).Width(min(w, max(textWidth(banner)+4, 24)))
		out = append(out, strings.Split(box.Render(style.Render(banner)), "\n")...)
		add(st.Muted.Render(modelText(res.After)))
	} else {
		out = append(out, packSegments([]string{title, style.Reverse(true).Render(" "+banner+" ") + st.Muted.Render(" (estimate)")}, w, 2)...)
		if m.preview.stale != "" {
			add(st.Error.Render("⚠ stale: " + safe(m.preview.stale)))
		}
	}

	if res.OtherYear != "" {
		add(st.Error.Render("⚠ " + res.OtherYear))
	}

	nets := func() {
		// Before -> after.
		b, a := res.Before, res.After
		carry := func(s taxrules.Summary) decimal.Decimal { return s.CarryoverShortTerm.Add(s.CarryoverLongTerm) }
		if wide {
			row := func(name string, x, y decimal.Decimal) {
				add(fmt.Sprintf("%-15s %12s → %12s", name, amountText(x), amountText(y)))
			}
			add(st.Header.Render(fmt.Sprintf("%-15s %12s   %12s", "", "before", "after")))
			row("Short-term net", b.ShortTermNet, a.ShortTermNet)
			row("Long-term net", b.LongTermNet, a.LongTermNet)
			row("Ordinary offset", b.OrdinaryOffset, a.OrdinaryOffset)
			row("Carryover out", carry(b), carry(a))
			row("Estimated tax", b.EstimatedTax, a.EstimatedTax)
			row("Next 1k ST loss", b.NextLossSavesST, a.NextLossSavesST)
			add(st.Muted.Render(bandsText(a)))
		} else {
			pair := func(name string, x, y decimal.Decimal) string {
				return st.Label.Render(name+" ") + amountText(x) + " → " + amountText(y)
			}
			out = append(out, packSegments([]string{
				pair("ST net", b.ShortTermNet, a.ShortTermNet), pair("LT net", b.LongTermNet, a.LongTermNet),
				pair("Offset", b.OrdinaryOffset, a.OrdinaryOffset), pair("Carryover", carry(b), carry(a)),
				pair("Tax", b.EstimatedTax, a.EstimatedTax), pair("Next 1k loss saves", b.NextLossSavesST, a.NextLossSavesST),
			}, w, 6)...)
			add(st.Muted.Render(bandsText(a)))
		}
	}
	washLines := func() {
		// Wash-sale hits and look-alike warnings.
		for _, s := range res.Sales {
			for _, r := range s.Replacements {
				acq := ""
				if l, ok := m.data.a.Index.Lot(r.Lot); ok {
					acq = " (bought " + l.Acquired.String() + ")"
				}
				add(st.Wash.Render(safef("W wash sale %s: %s disallowed, moves into the basis of %s%s",
					s.Lot, amountText(r.Disallowed), r.Lot, acq)))
			}
			for _, p := range s.Warnings {
				add(st.Wash.Render(safef("look-alike %s: %s #%s bought %s (warning only)", s.Lot, p.Lot, p.TokenID, p.Date)))
			}
		}
	}
	if wide {
		nets()
		washLines()
	} else {
		// A short panel keeps the wash-sale hits first.
		washLines()
		nets()
	}

	var rebuy portfolio.Date
	for _, s := range res.Sales {
		rebuy = max(rebuy, s.SafeToRebuy)
	}
	if rebuy != 0 {
		add(fmt.Sprintf("Safe to rebuy from %s", rebuy))
	}

	// Each sale.
	if wide {
		add(st.Header.Render("Sales"))
	}
	for _, s := range res.Sales {
		name := m.lotName(s.Lot)
		term := "ST"
		if s.Term == taxrules.LongTerm {
			term = "LT"
		}
		edited := ""
		if it, ok := m.basket.item(s.Lot); ok {
			if it.price != nil {
				edited += " price edited"
			}
			if !it.fees.IsZero() {
				edited += " fees " + amountText(it.fees)
			}
		}
		gl := st.amountStyle(s.GainLoss.Sign()).Render(marked(s.GainLoss))
		calc := fmt.Sprintf("net %s − basis %s = %s", amountText(s.Proceeds), amountText(s.CostBasis), gl)
		if !s.Disallowed.IsZero() {
			calc += st.Wash.Render(" W " + amountText(s.Disallowed))
		}
		head := fmt.Sprintf("%s ×%s %s", name, money.Quantity(s.Quantity), term) + st.Muted.Render(edited)
		if wide {
			add(head)
			add("  " + calc)
		} else {
			out = append(out, truncate(head+"  "+calc, w))
		}
	}
	return out
}

// wrapLine word-wraps a styled line to width w at spaces (dates and
// amounts are never split at their hyphens); a word longer than w is cut.
// A style open at the end of a line is closed there and reopened on the
// next, so every line stands alone. It takes time linear in the length of
// s: each word is measured once and a long word is cut in one pass
// (cutCells), so a 64 KiB note wraps at once.
func wrapLine(s string, w int) []string {
	if w <= 0 || lipgloss.Width(s) <= w {
		return []string{s}
	}
	var lines []string
	var cur strings.Builder
	curW, started := 0, false
	for _, word := range strings.Split(s, " ") {
		ww := lipgloss.Width(word)
		if ww > w {
			// Too long for any line: fill the current line, then cut.
			var parts []string
			if started {
				if room := w - curW - 1; room >= 4 {
					parts = cutCells(word, room, w)
					cur.WriteByte(' ')
					cur.WriteString(parts[0])
					parts = parts[1:]
				}
				lines = append(lines, cur.String())
				cur.Reset()
				curW, started = 0, false
			}
			if parts == nil {
				parts = cutCells(word, w, w)
			}
			lines = append(lines, parts[:len(parts)-1]...)
			word = parts[len(parts)-1]
			ww = lipgloss.Width(word)
		}
		switch {
		case !started:
			cur.WriteString(word)
			curW, started = ww, true
		case curW+1+ww <= w:
			cur.WriteByte(' ')
			cur.WriteString(word)
			curW += 1 + ww
		default:
			lines = append(lines, cur.String())
			cur.Reset()
			cur.WriteString(word)
			curW = ww
		}
	}
	if started {
		lines = append(lines, cur.String())
	}
	return carrySGR(lines)
}

// cutCells cuts s into pieces of at most first cells (the first piece)
// and w cells (the others), in one pass over s. Escape sequences take no
// cells and stay with the text before the cut; a character wider than a
// whole piece gets a piece of its own.
func cutCells(s string, first, w int) []string {
	var parts []string
	limit, start, cells := first, 0, 0
	var state byte
	for i := 0; i < len(s); {
		_, width, n, next := ansi.DecodeSequence(s[i:], state, nil)
		if n <= 0 {
			n = 1
		}
		if width > 0 && cells > 0 && cells+width > limit {
			parts = append(parts, s[start:i])
			start, cells, limit = i, 0, w
		}
		cells += width
		i += n
		state = next
	}
	return append(parts, s[start:])
}

var sgrRE = regexp.MustCompile(`\x1b\[[0-9;:]*m`)

// carrySGR closes, at the end of each line, the style still open there and
// reopens it at the start of the next line.
func carrySGR(lines []string) []string {
	active := ""
	for i, l := range lines {
		l = active + l
		for _, seq := range sgrRE.FindAllString(lines[i], -1) {
			if seq == "\x1b[m" || seq == "\x1b[0m" {
				active = ""
			} else {
				active += seq
			}
		}
		if active != "" {
			l += "\x1b[m"
		}
		lines[i] = strings.TrimRight(l, " ")
	}
	return lines
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// modelText says how the estimate is computed.
func modelText(s taxrules.Summary) string {
	if s.TaxModel == portfolio.TaxModelBrackets {
		return fmt.Sprintf("estimate: %d brackets + NIIT + state", s.TaxYear)
	}
	return "estimate from the profile's flat rates"
}

// bandsText says where the year's gain sits after the sales: the capital
// gain rates it is taxed at and the top ordinary rate.
func bandsText(s taxrules.Summary) string {
	if s.TaxModel != portfolio.TaxModelBrackets {
		return ""
	}
	var parts []string
	for _, b := range []struct {
		rate string
		amt  decimal.Decimal
	}{{"0%", s.Bands.Zero}, {"15%", s.Bands.Fifteen}, {"20%", s.Bands.Twenty}, {"28%", s.Bands.TwentyEight}} {
		if b.amt.Sign() > 0 {
			parts = append(parts, amountText(b.amt)+" at "+b.rate)
		}
	}
	text := "ordinary income up to " + s.Bands.OrdinaryRate.Shift(2).String() + "%"
	if len(parts) > 0 {
		text = "gain " + strings.Join(parts, ", ") + "; " + text
	}
	return text
}
