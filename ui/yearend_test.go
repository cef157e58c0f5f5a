package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestHeaderYearEndAndRebuy: the header counts the days left to sell in
// the tax year and, with a basket, its safe-to-rebuy date.
func TestHeaderYearEndAndRebuy(t *testing.T) {
	h := newHarness(t, 160, 30, "", nil)
	if got := ansi.Strip(h.m.headerLine(160)); !strings.Contains(got, "33 days left to sell in 2026") && !strings.Contains(got, "33d left") {
		t.Errorf("header: %q", got)
	}
	h.gotoLot("L-0003")
	h.keys("space")
	got := ansi.Strip(h.m.headerLine(160))
	if !strings.Contains(got, "2026-12-29") {
		t.Errorf("header with a basket: %q", got)
	}
	for _, w := range []int{50, 80} {
		if got := ansi.Strip(h.m.headerLine(w)); !strings.Contains(got, "33d left") {
			t.Errorf("%d columns: the days left should stay: %q", w, got)
		}
	}
	h.m.today = today.AddDays(33) // 31 December
	if got := h.m.yearEndVariants()[0]; !strings.Contains(got, "last day to sell in 2026") {
		t.Errorf("31 December: %q", got)
	}
}
