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
		c := &m.summaryCache
		if c.d != m.data || c.w != w || c.dark != m.styles.Dark || c.compact != l.compact {
			*c = summaryCache{d: m.data, w: w, dark: m.styles.Dark, compact: l.compact,
				lines: packSegments(m.summarySegments(), w, 3)}
		}
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
		l.summary = c.lines[:min(len(c.lines), keep)]
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
