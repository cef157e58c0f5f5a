package ui

import (
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// TestColumnTables: every field of every tab has a column with a title,
// sane width limits and a sort key that sorts by itself; the compact
// layouts name real columns.
func TestColumnTables(t *testing.T) {
	for _, tc := range []struct {
		name  string
		ct    *columnTable
		count int
	}{
		{"holdings", &holdingsColumns, hfCount},
		{"collections", &collectionsColumns, cfCount},
		{"realized", &realizedColumns, rfCount},
	} {
		if len(tc.ct.cols) != tc.count {
			t.Errorf("%s: %d columns for %d fields", tc.name, len(tc.ct.cols), tc.count)
		}
		for f, d := range tc.ct.cols {
			if d.title == "" || d.minW <= 0 || d.maxW != 0 && d.maxW < d.minW {
				t.Errorf("%s field %d: %+v", tc.name, f, d)
			}
			if d.key < 0 || d.key >= len(tc.ct.cols) || tc.ct.cols[d.key].key != d.key {
				t.Errorf("%s field %d: sort key %d is not a column sorted by itself", tc.name, f, d.key)
			}
		}
		for _, p := range tc.ct.compact {
			if p.field < 0 || p.field >= len(tc.ct.cols) {
				t.Errorf("%s: compact field %d has no column", tc.name, p.field)
			}
		}
		w := make([]int, tc.count)
		tc.ct.widths(w)
		wide, compact := tc.ct.layout(w, false), tc.ct.layout(w, true)
		if len(compact) != len(tc.ct.compact) || len(wide) == 0 {
			t.Errorf("%s: %d wide and %d compact columns", tc.name, len(wide), len(compact))
		}
		for _, c := range wide {
			if c.width < tc.ct.cols[c.field].minW {
				t.Errorf("%s: %q narrower than its limit: %d", tc.name, c.title, c.width)
			}
		}
	}
}

// TestColumnWidthLimits: widths are the widest cell within the limits.
func TestColumnWidthLimits(t *testing.T) {
	ct := columnTable{cols: []colDef{
		{title: "A", minW: 4},
		{title: "B", minW: 3, maxW: 6},
	}}
	w := []int{2, 9}
	ct.widths(w)
	if w[0] != 4 || w[1] != 6 {
		t.Errorf("widths %v, want [4 6]", w)
	}
	w = []int{7, 5}
	ct.widths(w)
	if w[0] != 7 || w[1] != 5 {
		t.Errorf("widths %v, want [7 5]", w)
	}
}

// TestCompactNameSortsByCollection: the compact layout's lot name sorts by
// collection (its sort key), shows the arrow, and the wide layout shows
// the same sort on the Collection column.
func TestCompactNameSortsByCollection(t *testing.T) {
	h := newHarness(t, 50, 20, "", nil)
	tb := h.m.current()
	for tb.sortField != hfCollection {
		h.keys("s")
		if tb.sortField == hfUnreal {
			t.Fatal("the sort never reached the collection")
		}
	}
	lines := strings.Split(h.screen(), "\n")
	if !slices.ContainsFunc(lines, func(l string) bool { return strings.Contains(l, "Lot ↑") }) {
		t.Errorf("no arrow on the compact name column:\n%s", h.screen())
	}
	h.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	if !strings.Contains(h.screen(), "Collection ↑") {
		t.Errorf("no arrow on the Collection column:\n%s", h.screen())
	}
}
