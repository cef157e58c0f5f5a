package ui

import (
	"strings"
	"testing"
)

// TestSortKeepsTheSelectedLotInView: after s, S or a click on a header,
// the lot under the cursor is still under it and on screen.
func TestSortKeepsTheSelectedLotInView(t *testing.T) {
	for _, keys := range [][]string{{"s"}, {"S"}, {"s", "s", "s"}, {"S", "S"}} {
		h := newHarness(t, 80, 24, "", nil)
		h.keys("G") // the last row: the window has scrolled
		lot := h.selectedLot()
		h.keys(keys...)
		if got := h.selectedLot(); got != lot {
			t.Errorf("%v: cursor on %s, want %s", keys, got, lot)
		}
		tb := h.m.current()
		if tb.cursor < tb.offset || tb.cursor >= tb.offset+tb.height {
			t.Errorf("%v: cursor %d outside the window %d+%d", keys, tb.cursor, tb.offset, tb.height)
		}
		if !strings.Contains(h.screen(), "›") {
			t.Errorf("%v: no cursor on screen:\n%s", keys, h.screen())
		}
	}
}
