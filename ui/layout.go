package ui

import (
	"strings"

	"charm.land/lipgloss/v2"
)

// Layout thresholds.
const (
	compactWidth      = 60  // below: a compact list
	previewRightWidth = 120 // from here the preview sits right of the table
)

// layout is the geometry of the screen, recomputed after every update so
// that View and mouse handling agree on where things are.
type layout struct {
	compact bool
	summary []string // summary bar lines, packed to the width
	tabsY   int
	tableY  int // the column header row
	bodyY   int
	bodyH   int
	tableW  int
	// preview panel: right of the table, or below it, or none.
	previewRight bool
	previewBelow bool
	previewW     int
	previewH     int
	footerY      int
}

// summaryCache keeps the packed summary bar between frames.
type summaryCache struct {
	d       *dataset
	w       int
	keep    int
	dark    bool
	compact bool
	lines   []string
}

// relayout recomputes the geometry and pushes sizes into the tables.
func (m *Model) relayout() {
	w, h := max(m.width, 1), max(m.height, 1)
	l := layout{compact: w < compactWidth}
	m.lay.compact = l.compact
	if m.data != nil {
		// Short terminals give the rows priority over the summary bar.
		keep := 3
		switch {
		case h < 10:
			keep = 0
		case h < 14:
			keep = 1
		case h < 20:
			keep = 2
		}
		c := &m.summaryCache
		if c.d != m.data || c.w != w || c.keep != keep || c.dark != m.styles.Dark || c.compact != l.compact {
			*c = summaryCache{d: m.data, w: w, keep: keep, dark: m.styles.Dark, compact: l.compact,
				lines: m.summaryLines(w, keep)}
		}
		l.summary = c.lines
	}
	l.tabsY = 1 + len(l.summary)
	l.tableY = l.tabsY + 1
	l.bodyY = l.tableY + 1
	l.footerY = h - 1
	avail := max(l.footerY-l.bodyY, 0) // body rows plus a panel below
	l.tableW = w
	showPreview := m.basket.len() > 0 && m.tab == tabHoldings && m.mode == modeBrowse
	if showPreview {
		if w >= previewRightWidth {
			l.previewRight = true
			l.previewW = min(max(w*2/5, 44), 60)
			l.tableW = w - l.previewW - 1
			l.previewH = avail + 1
		} else {
			l.previewBelow = true
			l.previewW = w
			want := len(m.previewLines(w, false)) + 1 // plus a rule
			l.previewH = min(want, max(avail/2, min(avail, 4)))
			avail -= l.previewH
		}
	}
	l.bodyH = max(avail, 0)
	m.lay = l
	for i, t := range m.tables {
		if t == nil {
			continue
		}
		t.cols = withTitles(m.columnsFor(tab(i), l.compact || (l.previewRight && l.tableW < compactWidth)))
		t.setSize(l.tableW, l.bodyH)
	}
	m.help.SetWidth(w)
}

// summaryLines packs the summary bar into at most keep lines of width w
// (the first keep of the three it would take).
//
// A portfolio large enough for a first frame (firstFrameLots) gets one
// line per group of figures (a pair, or one figure when compact) instead
// of as many as fit: its totals arrive after the first frame, much wider
// than "…", and packing them again would move the bar onto another number
// of lines, and every row below it, a fraction of a second after the rows
// appeared. A terminal too short for three lines packs them as usual:
// there, showing every figure matters more.
func (m *Model) summaryLines(w, keep int) []string {
	segs := m.summarySegments()
	if len(packSegments(segs, w, len(segs))) > 3 {
		segs = m.summaryWith(true) // the long labels would cut the last figures
	}
	if len(m.data.p.Lots) < firstFrameLots || keep < 3 {
		lines := packSegments(segs, w, 3)
		return lines[:min(len(lines), keep)]
	}
	per := 2
	if m.lay.compact {
		per = 1
	}
	var lines []string
	for i := 0; i < len(segs); i += per {
		line := strings.Join(segs[i:min(i+per, len(segs))], "   ")
		if len(lines) == 3 { // the warning of unpriced lots ends the last line
			lines[2] += "   " + line
			continue
		}
		lines = append(lines, line)
	}
	for i := range lines {
		lines[i] = truncate(lines[i], w)
	}
	return lines
}

// columnsFor returns the columns of a tab's table.
func (m *Model) columnsFor(t tab, compact bool) []column {
	switch t {
	case tabHoldings:
		return m.data.hold.columns(compact)
	case tabCollections:
		return m.data.coll.columns(compact)
	default:
		return m.data.real.columns(compact)
	}
}

// packSegments lays styled segments out on at most maxLines lines of width
// w, separated by three spaces; what does not fit is cut with "…".
func packSegments(segs []string, w, maxLines int) []string {
	const sep = "   "
	var lines []string
	cur := ""
	for _, s := range segs {
		switch {
		case cur == "":
			cur = s
		case lipgloss.Width(cur)+len(sep)+lipgloss.Width(s) <= w:
			cur += sep + s
		default:
			lines = append(lines, cur)
			cur = s
		}
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	if len(lines) > maxLines {
		rest := strings.Join(lines[maxLines-1:], sep)
		lines = append(lines[:maxLines-1], rest)
	}
	for i := range lines {
		lines[i] = truncate(lines[i], w)
	}
	return lines
}
