package ui

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// fillBasket adds the first n rows of the holdings view to the basket.
func fillBasket(h *harness, n int) {
	h.t.Helper()
	h.keys("g")
	for range n {
		h.keys("space", "j")
	}
	if got := h.m.basket.len(); got != n {
		h.t.Fatalf("basket has %d lots, want %d", got, n)
	}
}

// TestRecordDialogScrolls: a record dialog taller than the screen keeps
// its totals and keys visible and scrolls its list to the last sale.
func TestRecordDialogScrolls(t *testing.T) {
	for _, sz := range []struct{ w, h, lots int }{{80, 24, 9}, {160, 45, 25}, {50, 15, 9}, {45, 15, 9}} {
		t.Run(fmt.Sprintf("%dx%d", sz.w, sz.h), func(t *testing.T) {
			h := newHarness(t, sz.w, sz.h, "", nil)
			fillBasket(h, sz.lots)
			h.keys("m")
			if h.m.dialog == nil || h.m.dialog.kind != dlgRecord {
				t.Fatal("no record dialog")
			}
			checkFrame(t, h.m.View().Content, sz.w, sz.h)
			box := func() string { return ansi.Strip(h.m.dialog.view(&h.m.styles, sz.w, sz.h, "")) }
			scr := box()
			for _, want := range []string{"Estimated tax", "enter record · esc cancel", "scroll"} {
				if !strings.Contains(scr, want) {
					t.Errorf("%q missing:\n%s", want, scr)
				}
			}
			last := h.m.dialog.write.record[sz.lots-1].Lot
			if strings.Contains(scr, last+" ") {
				t.Errorf("the last lot %s shows before scrolling:\n%s", last, scr)
			}
			h.keys("j")
			if h.m.dialog.offset != 1 {
				t.Errorf("j: offset %d, want 1", h.m.dialog.offset)
			}
			h.keys("G")
			scr = box()
			m := regexp.MustCompile(`lines \d+–(\d+) of (\d+)`).FindStringSubmatch(scr)
			if m == nil || m[1] != m[2] || !strings.Contains(scr, "enter record") || !strings.Contains(scr, "Estimated tax") {
				t.Errorf("after G the last lines, totals and keys should show:\n%s", scr)
			}
			h.keys("k", "k")
			if h.m.dialog.kind != dlgRecord {
				t.Error("scrolling closed the dialog")
			}
		})
	}
}
