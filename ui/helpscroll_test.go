package ui

import (
	"strings"
	"testing"
)

// TestHelpScrolls: at 80x24 the help does not fit; it scrolls to its last
// line and esc goes back.
func TestHelpScrolls(t *testing.T) {
	h := newHarness(t, 80, 24, "", nil)
	h.keys("?")
	scr := h.screen()
	checkFrame(t, h.m.View().Content, 80, 24)
	if !strings.Contains(scr, "lines 1–") || strings.Contains(scr, "docs/tax-rules.md") {
		t.Fatalf("help at 80x24 should start at its top and say it scrolls:\n%s", scr)
	}
	h.keys("j")
	_ = h.screen()
	if h.m.helpOffset != 1 {
		t.Errorf("j: help offset %d, want 1", h.m.helpOffset)
	}
	h.keys("G")
	scr = h.screen()
	if !strings.Contains(scr, "tax-rules.md") {
		t.Errorf("G should show the end of the help:\n%s", scr)
	}
	h.keys("g")
	if scr = h.screen(); !strings.Contains(scr, "lines 1–") {
		t.Errorf("g should go back to the top:\n%s", scr)
	}
	h.keys("esc")
	if h.m.mode != modeBrowse {
		t.Errorf("esc: mode %s", h.m.mode)
	}
}

// TestHelpIsOfItsScreen: the help lists the keys of the screen it was
// opened from.
func TestHelpIsOfItsScreen(t *testing.T) {
	h := newHarness(t, 120, 60, "", nil)
	h.keys("?")
	scr := h.screen()
	if !strings.Contains(scr, "Keys of the Holdings tab") || !strings.Contains(scr, "basket ±") || !strings.Contains(scr, "mark sold") {
		t.Errorf("holdings help:\n%s", scr)
	}
	h.keys("esc", "3", "?")
	scr = h.screen()
	if !strings.Contains(scr, "Keys of the Realized tab") || strings.Contains(scr, "basket ±") {
		t.Errorf("realized help should not offer the basket:\n%s", scr)
	}
	h.keys("esc", "1")
	h.gotoLot("L-0040")
	h.keys("enter", "?")
	scr = h.screen()
	if !strings.Contains(scr, "Keys of the lot detail") || strings.Contains(scr, "sort column") {
		t.Errorf("detail help should not offer sorting:\n%s", scr)
	}
}

// TestDialogKeys: ? in a dialog lists the dialog's keys (and hides them
// again); in a dialog with a file name, ? is text.
func TestDialogKeys(t *testing.T) {
	h := newHarness(t, 120, 40, "", nil)
	h.keys("space", "m", "?")
	s := h.screen()
	if h.m.dialog == nil || !strings.Contains(s, "Keys of this dialog") || !strings.Contains(s, "pgdn/ctrl+f") || strings.Contains(s, "sort column") {
		t.Errorf("? in the record dialog:\n%s", s)
	}
	h.keys("?")
	if strings.Contains(h.screen(), "Keys of this dialog") {
		t.Error("? again should hide the keys")
	}
	h.keys("esc", "x", "?")
	if v := h.m.dialog.value(); !strings.HasSuffix(v, "?") {
		t.Errorf("? in the export file name: %q", v)
	}
}
