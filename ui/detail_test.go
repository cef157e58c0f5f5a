package ui

import (
	"strings"
	"testing"
)

// The details of a sold lot, opened from the Realized tab, say it is
// closed, list where its units went and which lot absorbed its disallowed
// loss, and say nothing of a loss sale today.
func TestDetailOfAClosedLot(t *testing.T) {
	h := newHarness(t, 120, 60, "", nil)
	h.keys("3")
	if !h.m.tables[tabRealized].selectID("S-0006/short") {
		t.Fatal("S-0006 is not in the Realized tab")
	}
	h.keys("enter")
	if h.m.mode != modeDetail || h.m.detail.lot != "L-0026" {
		t.Fatalf("enter on S-0006: mode %v lot %q", h.m.mode, h.m.detail.lot)
	}
	sc := h.screen()
	for _, want := range []string{
		"closed: all 1 sold",
		"S-0006 2026-04-06 ×1 short term: net proceeds 385.10 − basis 1,905.00",
		"(W 1,519.90 disallowed)",
		"→ 1,519.90 disallowed moved into L-0040 ×1: basis 1,858.30, held from 2025-06-29",
	} {
		if !strings.Contains(sc, want) {
			t.Errorf("closed lot detail lacks %q:\n%s", want, sc)
		}
	}
	for _, unwanted := range []string{"a loss sale today", "Holding start", "Market value"} {
		if strings.Contains(sc, unwanted) {
			t.Errorf("closed lot detail shows %q:\n%s", unwanted, sc)
		}
	}
}
