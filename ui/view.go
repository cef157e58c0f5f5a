package ui

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"nftharvest/portfolio"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// View renders the screen: exactly height lines, none wider than width.
func (m *Model) View() tea.View {
	v := tea.NewView(m.render())
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = "nftharvest — " + m.fileLabel()
	return v
}

// render builds the screen content.
func (m *Model) render() string {
	w, h := max(m.width, 1), max(m.height, 1)
	if m.loadStage() == stageLoading {
		msg := m.spinner.View() + " Loading " + m.fileLabel() + "…"
		if m.err != nil {
			msg = m.styles.Error.Render(safe(m.err.Error()))
		}
		return lipgloss.Place(w, h, lipgloss.Center, lipgloss.Center, truncate(msg, w))
	}
	lines := make([]string, 0, h)
	lines = append(lines, m.headerLine(w))
	if m.mode != modeHelp {
		lines = append(lines, m.lay.summary...)
	}
	switch m.mode {
	case modeHelp:
		lines = append(lines, m.helpWindow(w, max(m.lay.footerY-len(lines), 1))...)
	case modeDetail:
		lines = append(lines, m.tabsLine(w))
		avail := max(m.lay.footerY-len(lines), 0)
		d := &m.detail
		wrapped := d.wrapped(w)
		d.offset = min(d.offset, max(len(wrapped)-avail, 0))
		end := min(d.offset+avail, len(wrapped))
		lines = append(lines, wrapped[d.offset:end]...)
	}
	for i := range lines {
		lines[i] = truncate(lines[i], w)
	}
	if m.mode == modeBrowse {
		lines = append(lines, truncate(m.tabsLine(w), w))
		// The table block is laid out to fit: no need to measure it again.
		lines = append(lines, m.tableBlock()...)
	}
	for len(lines) < m.lay.footerY {
		lines = append(lines, "")
	}
	lines = lines[:min(len(lines), max(m.lay.footerY, 0))]
	lines = append(lines, truncate(m.footerLine(w), w))
	if len(lines) > h {
		lines = lines[:h]
	}
	out := strings.Join(lines, "\n")
	if m.dialog != nil {
		out = overlay(out, m.dialog.view(&m.styles, w, h, m.spinner.View()), w, h)
	}
	if m.add != nil {
		out = overlay(out, m.addView(), w, h)
	}
	return out
}

// helpWindow is the part of the help that fits in room lines, from the
// scroll offset, with a last line saying where it is when it scrolls.
func (m *Model) helpWindow(w, room int) []string {
	all := m.helpLines(w)
	if len(all) <= room {
		m.helpOffset, m.helpPage, m.helpMaxOff = 0, room, 0
		return all
	}
	win := max(room-1, 1)
	m.helpMaxOff = len(all) - win
	m.helpOffset = min(m.helpOffset, m.helpMaxOff)
	m.helpPage = win
	end := m.helpOffset + win
	more := m.styles.Muted.Render(fmt.Sprintf("lines %d–%d of %d · j/k pgup/pgdn scroll · esc back", m.helpOffset+1, end, len(all)))
	return append(all[m.helpOffset:end:end], more)
}

// helpTitle names the screen the help was opened from.
func (m *Model) helpTitle() string {
	if m.helpCtx.mode == modeDetail {
		return "Keys of the lot detail"
	}
	return "Keys of the " + m.helpCtx.tab.String() + " tab"
}

// helpLines is the help of the screen it was opened from (helpCtx):
// its keys in columns that wrap to the width, then what the markers mean.
func (m *Model) helpLines(w int) []string {
	browse := DefaultKeyMap()
	ctx := m.helpCtx
	if ctx.mode == modeBrowse && ctx.tab == tabHoldings {
		ctx.basket = true // the basket's keys belong to this screen
	}
	ctx.filter = true
	browse.setContext(ctx)
	var rows []string
	row := ""
	for _, g := range browse.FullHelp() {
		col := m.help.FullHelpView([][]key.Binding{g})
		switch {
		case row == "":
			row = col
		case lipgloss.Width(row)+4+lipgloss.Width(col) <= w:
			row = lipgloss.JoinHorizontal(lipgloss.Top, row, "    ", col)
		default:
			rows = append(rows, row)
			row = col
		}
	}
	rows = append(rows, row)
	lines := []string{m.styles.Header.Render(m.helpTitle())}
	for i, r := range rows {
		if i > 0 {
			lines = append(lines, "")
		}
		lines = append(lines, strings.Split(r, "\n")...)
	}
	lines = append(lines, "")
	for _, s := range []string{
		"Markers: ▼ loss, ▲ gain, ● in the basket, › cursor, ~ a value from a price (floor, value or rate) older than 7 days. " +
			"Term: ST 12d = short term, long term in 12 days.",
		"Wash: A = the basis includes a disallowed loss; R = a loss sale today would be a wash sale; " +
			"L = a look-alike purchase (same collection, other token: a warning only). Sort: ↑ ascending, ↓ descending.",
		"Tax figures are estimates from the rates in your tax profile, not tax advice; the rules and " +
			"positions taken are in docs/tax-rules.md.",
	} {
		lines = append(lines, wrapLine(m.styles.Muted.Render(s), w)...)
	}
	return lines
}

// tableBlock is the table (header and body) with the preview panel right
// of it or below it.
func (m *Model) tableBlock() []string {
	t := m.current()
	l := &m.lay
	var block []string
	block = append(block, t.headerView(&m.styles))
	if t.src.Len() == 0 {
		block = append(block, m.styles.Muted.Render("  "+m.emptyText()))
	} else if len(t.view) == 0 {
		block = append(block, m.styles.Muted.Render("  no rows match the filters (esc clears them)"))
	}
	if len(block) == 1 {
		block = append(block, t.bodyLines(&m.styles)...)
	} else {
		for len(block) < l.bodyH+1 {
			block = append(block, "")
		}
	}
	block = block[:min(len(block), l.bodyH+1)]
	switch {
	case l.previewRight:
		pl := m.previewLines(l.previewW-1, true)
		rule := m.styles.Panel.Render("│")
		for len(block) < l.previewH {
			block = append(block, "")
		}
		for i := range block {
			left := padRight(truncate(block[i], l.tableW), l.tableW)
			right := ""
			if i < len(pl) {
				right = pl[i]
			}
			if i == l.previewH-1 && len(pl) > l.previewH {
				right = m.styles.Muted.Render(fmt.Sprintf("… %d more lines (m shows everything)", len(pl)-l.previewH+1))
			}
			block[i] = left + rule + " " + truncate(right, l.previewW-1)
		}
	case l.previewBelow:
		for len(block) < l.bodyH+1 {
			block = append(block, "")
		}
		pl := m.previewLines(l.previewW, false)
		block = append(block, m.styles.Panel.Render(strings.Repeat("─", l.previewW)))
		room := l.previewH - 1
		if len(pl) > room && room > 0 {
			more := len(pl) - room + 1
			pl = append(pl[:room-1:room-1], m.styles.Muted.Render(truncate(fmt.Sprintf("… %d more lines (m shows everything)", more), l.previewW)))
		}
		block = append(block, pl[:min(len(pl), max(room, 0))]...)
	}
	return block
}

func (m *Model) emptyText() string {
	if m.data.stage == stagePartial && m.tab != tabHoldings {
		return "computing…"
	}
	switch m.tab {
	case tabHoldings:
		return "no open lots"
	case tabCollections:
		return "no collections with open lots"
	}
	return fmt.Sprintf("no sales in %d", m.data.a.TaxYear)
}

// headerLine is the file, date, tax year, wash-sale policy and help hint;
// the least important pieces go first when the line is too narrow.
func (m *Model) headerLine(w int) string {
	st := &m.styles
	prof := m.data.p.TaxProfile
	wash := "wash sale: " + prof.WashSale
	if prof.WashSale != portfolio.WashOff {
		wash += " (" + prof.Match + ")"
	}
	// Pieces shrink in a fixed order of steps until the line fits: the
	// least useful first, the file name and wash-sale policy last.
	name := st.Title.Render(displayName(m.data.file))
	hint := []string{"", ""}
	if m.data.file.Sample {
		hint = []string{st.Muted.Render("— changes are saved to ./portfolio.json"), st.Muted.Render("(saves go to ./portfolio.json)")}
	}
	shortWash := "wash " + prof.WashSale
	if prof.WashSale != portfolio.WashOff {
		shortWash += "/" + prof.Match
	}
	const (
		brand = iota
		file
		note
		asOf
		year
		policy
		stale
		yearEnd
		rebuy
		helpHint
		nPieces
	)
	v := [nPieces][]string{
		brand:    {"nftharvest"},
		file:     {name},
		note:     hint,
		asOf:     {"as of " + m.data.a.AsOf.String(), m.data.a.AsOf.String()},
		year:     {fmt.Sprintf("tax year %d %s", m.data.a.TaxYear, prof.Jurisdiction), fmt.Sprintf("%d %s", m.data.a.TaxYear, prof.Jurisdiction)},
		policy:   {st.Wash.Render(wash), st.Wash.Render(shortWash)},
		stale:    staleVariants(st, m.data.stale),
		yearEnd:  m.yearEndVariants(),
		rebuy:    m.rebuyVariants(),
		helpHint: {st.Muted.Render("? help")},
	}
	var cur [nPieces]int // variant index; len(variants) = dropped
	steps := []struct{ piece, to int }{
		{brand, 1}, {yearEnd, 1}, {stale, 1}, {policy, 1}, {stale, 2}, {year, 1}, {note, 1}, {rebuy, 1}, {stale, 3},
		{asOf, 1}, {note, 2}, {helpHint, 1}, {year, 2}, {rebuy, 2}, {asOf, 2}, {yearEnd, 2},
	}
	build := func() string {
		var parts []string
		for i := range v {
			if cur[i] >= len(v[i]) || v[i][cur[i]] == "" {
				continue
			}
			if i == note {
				parts[len(parts)-1] += " " + v[i][cur[i]]
				continue
			}
			parts = append(parts, v[i][cur[i]])
		}
		return strings.Join(parts, " · ")
	}
	line := build()
	for _, s := range steps {
		if lipgloss.Width(line) <= w {
			break
		}
		cur[s.piece] = s.to
		line = build()
	}
	return line
}

// yearEndVariants say how many days are left to sell in the tax year
// (a sale counts in the year of its date, until 31 December, local
// time), longest first; none once the year is over.
func (m *Model) yearEndVariants() []string {
	y := m.data.a.TaxYear
	last := portfolio.NewDate(y, time.December, 31)
	if m.today.After(last) || m.today.Year() != y {
		return []string{""}
	}
	n := m.today.DaysUntil(last)
	long := fmt.Sprintf("%d days left to sell in %d", n, y)
	switch n {
	case 0:
		long = fmt.Sprintf("last day to sell in %d", y)
	case 1:
		long = fmt.Sprintf("1 day left to sell in %d", y)
	}
	return []string{m.styles.Wash.Render(long), m.styles.Wash.Render(fmt.Sprintf("%dd left", n))}
}

// rebuyVariants give the basket's safe-to-rebuy date (the latest of its
// lots'), longest first; none without a basket.
func (m *Model) rebuyVariants() []string {
	res := m.preview.res
	if res == nil || m.basket.len() == 0 {
		return []string{""}
	}
	var rebuy portfolio.Date
	for _, s := range res.Sales {
		rebuy = max(rebuy, s.SafeToRebuy)
	}
	if rebuy == 0 {
		return []string{""}
	}
	return []string{"basket safe to rebuy from " + rebuy.String(), "rebuy " + rebuy.String()}
}

// staleVariants are the header's warning about prices in use older than
// portfolio.MaxPriceAge days, longest first; none when all are fresh.
func staleVariants(st *Styles, stale []portfolio.StalePrice) []string {
	if len(stale) == 0 {
		return []string{""}
	}
	oldest := stale[0]
	return []string{
		st.Wash.Render(fmt.Sprintf("⚠ %d price(s) older than %d days (oldest: a %s, %d days)",
			len(stale), portfolio.MaxPriceAge, oldest.Kind, oldest.Days)),
		st.Wash.Render(fmt.Sprintf("⚠ %d stale price(s)", len(stale))),
		st.Wash.Render("⚠ stale"),
	}
}

// summarySegments are the summary bar's figures.
func (m *Model) summarySegments() []string { return m.summaryWith(false) }

// summaryWith builds the summary bar's figures, with short labels when
// short (a narrow screen, where the long ones would push Est. tax off).
func (m *Model) summaryWith(short bool) []string {
	labels := [...]string{"Unrealized ", "Harvestable ST ", "Realized %d ST ", "Carryover in "}
	if short {
		labels = [...]string{"Unreal. ", "Harvest ST ", "Real. ST ", "Carry in "}
	}
	st := &m.styles
	d := m.data
	lab := st.Label.Render
	amt := func(x interface{ Sign() int }, s string) string { return st.amountStyle(x.Sign()).Render(s) }
	t := d.tot
	h := t.Harvestable
	s := d.sum
	total := func(x interface{ Sign() int }, s string) string { return amt(x, s) }
	value := amountText(t.Value)
	if d.stage == stageFirst {
		// A first frame: these totals need every lot's state.
		total = func(interface{ Sign() int }, string) string { return st.Muted.Render("…") }
		value = st.Muted.Render("…")
	}
	unreal := lab(labels[0]) + total(t.Losses, marked(t.Losses)) + " " + total(t.Gains, marked(t.Gains))
	harvest := lab(labels[1]) + total(h.ShortTerm, marked(h.ShortTerm)) + lab(" LT ") + total(h.LongTerm, marked(h.LongTerm))
	realLabel := labels[2]
	if !short {
		realLabel = fmt.Sprintf(realLabel, d.a.TaxYear)
	}
	realized := lab(realLabel) + amt(s.ShortTermRealized, marked(s.ShortTermRealized)) +
		lab(" LT ") + amt(s.LongTermRealized, marked(s.LongTermRealized))
	if m.lay.compact {
		return []string{unreal, harvest, realized}
	}
	// In pairs that pack well at 80 and 120 columns.
	segs := []string{
		lab("Value ") + value, unreal,
		harvest, lab(labels[3]) + amountText(s.CarryoverInShortTerm.Add(s.CarryoverInLongTerm)),
		realized, lab("Est. tax ") + amountText(s.EstimatedTax),
	}
	if short {
		// Est. tax before the realized figures: if a line is cut, it is
		// theirs.
		segs[4], segs[5] = segs[5], segs[4]
	}
	if t.Unpriced > 0 {
		segs = append(segs, st.Wash.Render(fmt.Sprintf("%d lots without a price", t.Unpriced)))
	}
	return segs
}

// tabsLine is the tab bar with the row count and active filters.
func (m *Model) tabsLine(w int) string {
	st := &m.styles
	var b strings.Builder
	for i := range tabCount {
		name := i.String()
		if m.compactTabs(w) {
			name = name[:4]
		}
		label := fmt.Sprintf(" %d %s ", i+1, name)
		if i == m.tab {
			// Brackets too: without colour (TERM=dumb, NO_COLOR) they
			// are what shows the active tab.
			label = fmt.Sprintf("[%d %s]", i+1, name)
			b.WriteString(st.TabActive.Render(label))
		} else {
			b.WriteString(st.Tab.Render(label))
		}
	}
	left := b.String()
	right := m.countText()
	if m.mode == modeDetail {
		right = "lot " + safe(m.detail.lot) + " · esc back"
	}
	gap := w - lipgloss.Width(left) - lipgloss.Width(right)
	if gap < 1 {
		return left + " " + right
	}
	return left + strings.Repeat(" ", gap) + right
}

func (m *Model) compactTabs(w int) bool { return w < 70 }

// countText is "12 of 48 lots" plus the active filters and the basket.
func (m *Model) countText() string {
	t := m.current()
	unit := [...]string{"lots", "collections", "sales"}[m.tab]
	parts := []string{fmt.Sprintf("%d of %d %s", len(t.view), t.src.Len(), unit)}
	if m.data.stage == stageFirst {
		// A first frame shows the first rows of all the open lots.
		parts[0] = fmt.Sprintf("%d of %d %s", m.data.tot.OpenLots, m.data.tot.OpenLots, unit)
	}
	if m.filter.collection != "" {
		parts = append(parts, "collection "+safe(m.filter.collName))
	}
	if m.filter.text != "" {
		parts = append(parts, fmt.Sprintf("%q", m.filter.text))
	}
	if m.filter.losses {
		parts = append(parts, "losses")
	}
	if m.filter.term != termAll {
		parts = append(parts, m.filter.term.String())
	}
	if !slices.ContainsFunc(t.shown, func(c column) bool { return c.key == t.sortField }) {
		// The sorted column is hidden at this width: say what the order is.
		arrow := sortArrow(t.desc)
		for _, c := range m.columnsFor(m.tab, false) {
			if c.key == t.sortField {
				parts = append(parts, "by "+c.title+" "+arrow)
			}
		}
	}
	if n := m.basket.len(); n > 0 {
		parts = append(parts, m.styles.Header.Render(fmt.Sprintf("basket %d", n)))
	}
	return strings.Join(parts, " · ")
}

// footerLine is the input being typed, else the status, else short help.
func (m *Model) footerLine(w int) string {
	st := &m.styles
	if m.focus == focusInput {
		line := inputView(m.input)
		if m.edit.err != "" {
			line += " " + st.Error.Render("✗ "+safe(m.edit.err))
		} else if m.edit.kind != editFilter {
			line += " " + st.Muted.Render("enter apply · esc cancel · empty = default")
		}
		return line
	}
	if m.status.text != "" {
		if m.status.isErr {
			return st.Error.Render(m.status.text)
		}
		return st.Status.Render(m.status.text)
	}
	return m.help.ShortHelpView(m.keys.ShortHelp())
}

// truncate cuts a styled line to w cells, marking the cut with "…".
func truncate(s string, w int) string {
	if len(s) <= w || lipgloss.Width(s) <= w { // a cell takes at least a byte
		return s
	}
	return ansi.Truncate(s, w, "…")
}

// padRight pads a styled line with spaces to w cells.
func padRight(s string, w int) string {
	if n := lipgloss.Width(s); n < w {
		return s + strings.Repeat(" ", w-n)
	}
	return s
}
