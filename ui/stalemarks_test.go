package ui

import (
	"strings"
	"testing"
)

// TestStalePriceMarks: the lots valued from a price older than 7 days (the
// Atelier Meridian floor and L-0011's value in the sample) read ~ before
// their value; the others do not.
func TestStalePriceMarks(t *testing.T) {
	h := newHarness(t, 120, 60, "", nil)
	for _, id := range h.viewIDs() {
		r, _ := h.m.data.hold.rowOf(id)
		st := h.m.data.hold.state(r)
		cell, _ := h.m.data.hold.Cell(&h.m.styles, r, hfValue, 12)
		want := id == "L-0011" || st.Lot.Collection == "atelier-meridian" && st.Lot.Value == nil
		if got := strings.HasPrefix(cell, staleMark); got != want {
			t.Errorf("%s (%s): value %q, stale mark %v, want %v", id, st.CollectionName, cell, got, want)
		}
	}
	if s := h.screen(); !strings.Contains(s, "~") {
		t.Errorf("no stale mark on screen:\n%s", s)
	}
}
