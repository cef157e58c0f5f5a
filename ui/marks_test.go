package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
)

// TestSortMarksAndHeaders: the sort arrow is not a gain/loss mark, a
// sorted title is not cut, and the wash column shows letters.
func TestSortMarksAndHeaders(t *testing.T) {
	for _, w := range []int{50, 80, 120} {
		h := newHarness(t, w, 24, "", nil)
		head := ansi.Strip(h.m.current().headerView(&h.m.styles))
		if !strings.Contains(head, "Unrealized ↑") || strings.ContainsAny(head, "▲▼…") {
			t.Errorf("%d: header %q", w, head)
		}
		s := h.screen()
		if strings.Contains(s, "adj,") || strings.Contains(s, "ali…") {
			t.Errorf("%d: wash column cut:\n%s", w, s)
		}
	}
	h := newHarness(t, 120, 40, "", nil)
	s := h.screen()
	for _, want := range []string{"-60.6% R ", "-85.6% A ", "-87.1% L "} { // L-0024, L-0040, L-0029
		if !strings.Contains(s, want) {
			t.Errorf("no %q:\n%s", want, s)
		}
	}
}

// TestEstimatedTaxAt60Columns: the summary keeps Est. tax at 60 columns.
func TestEstimatedTaxAt60Columns(t *testing.T) {
	for _, w := range []int{60, 64, 70, 80} {
		h := newHarness(t, w, 24, "", nil)
		if s := h.screen(); !strings.Contains(s, "Est. tax 6,057.07") {
			t.Errorf("%d columns: no Est. tax:\n%s", w, s)
		}
	}
}

// TestActiveTabWithoutColour: without colour the active tab is bracketed.
func TestActiveTabWithoutColour(t *testing.T) {
	h := newHarness(t, 80, 24, "", nil)
	h.keys("2")
	out := ansi.Strip(profiled(h.m.View().Content, colorprofile.NoTTY))
	if !strings.Contains(out, "[2 Collections]") || strings.Contains(out, "[1 Holdings]") {
		t.Errorf("no active tab without colour:\n%s", out)
	}
}
