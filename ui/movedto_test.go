package ui

import (
	"strings"
	"testing"
)

// TestRealizedShowsWhereTheLossWent: the Realized tab names the lot that
// absorbed a disallowed loss; the sold lot's detail reads as closed and
// says how much moved, the new basis and the holding start.
func TestRealizedShowsWhereTheLossWent(t *testing.T) {
	h := newHarness(t, 120, 40, "", nil)
	h.keys("3")
	if s := h.screen(); !strings.Contains(s, "Moved to") || !strings.Contains(s, "1,519.90 L-0040") {
		t.Errorf("realized tab:\n%s", s)
	}
	if !h.m.current().selectID("S-0006/short") {
		t.Fatalf("no S-0006 row: %v", h.viewIDs())
	}
	h.keys("enter")
	s := strings.Join(h.m.detail.wrapped(120), "\n")
	for _, want := range []string{"closed: all 1 sold", "1,519.90 disallowed moved into L-0040 ×1: basis", "held from"} {
		if !strings.Contains(ansiStrip(s), want) {
			t.Errorf("detail lacks %q:\n%s", want, ansiStrip(s))
		}
	}
}
