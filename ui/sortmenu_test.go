package ui

import (
	"strings"
	"testing"
)

// TestSortMenu: o lists the columns shown; a column's key sorts by it, and
// again reverses it.
func TestSortMenu(t *testing.T) {
	h := newHarness(t, 120, 40, "", nil)
	tb := h.m.current()
	h.keys("o")
	if h.m.dialog == nil || h.m.dialog.kind != dlgSort {
		t.Fatal("o: no sort menu")
	}
	s := h.screen()
	for i, c := range tb.shown {
		if !strings.Contains(s, sortPickKeys[i]+"  "+c.title) {
			t.Errorf("menu lacks %s %s:\n%s", sortPickKeys[i], c.title, s)
		}
	}
	h.keys("5") // Acquired at 120 columns
	if h.m.dialog != nil || tb.shown[4].title != "Acquired" || tb.sortField != hfAcquired || tb.desc {
		t.Fatalf("5: sort field %d desc %v (column 5 is %q)", tb.sortField, tb.desc, tb.shown[4].title)
	}
	h.keys("o", "5")
	if tb.sortField != hfAcquired || !tb.desc {
		t.Errorf("5 again should reverse: field %d desc %v", tb.sortField, tb.desc)
	}
	h.keys("o", "esc")
	if h.m.dialog != nil {
		t.Error("esc should close the menu")
	}
}
