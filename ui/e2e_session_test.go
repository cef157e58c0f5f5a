package ui

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
)

// TestEndToEndRecordDialogFits: at 80x24 and 120x36, a record dialog of 9
// lots shows its totals and keys at once, and scrolls to its last lines.
func TestEndToEndRecordDialogFits(t *testing.T) {
	for _, sz := range []struct{ w, h int }{{80, 24}, {120, 36}} {
		t.Run(fmt.Sprintf("%dx%d", sz.w, sz.h), func(t *testing.T) {
			e := newE2E(t)
			e.start(sz.w, sz.h)
			e.waitFor("34 of 34 lots")
			for range 9 {
				e.keys("Space", "j")
			}
			e.waitFor("basket 9")
			e.keys("m")
			pane := e.waitFor("Record these sales?", "Estimated tax", "TAX SAVED", "enter record · esc cancel")
			e.checkWidth(pane, sz.w)
			if sz.h == 24 && !strings.Contains(pane, "lines 1–") {
				t.Errorf("the list should say it scrolls:\n%s", pane)
			}
			e.keys("G")
			pane = e.waitFor("Estimated tax", "enter record · esc cancel")
			if m := regexp.MustCompile(`lines \d+–(\d+) of (\d+)`).FindStringSubmatch(pane); sz.h == 24 && (m == nil || m[1] != m[2]) {
				t.Errorf("G should show the last lines:\n%s", pane)
			}
			e.keys("Escape")
			e.waitFor("mark sold")
			e.keys("q")
			e.waitFor("Quit and drop the basket?")
			e.keys("Enter")
			e.waitFor("[exit status 0]")
		})
	}
}

// TestEndToEndHelpScrolls: at 80x24 the help scrolls to its end and esc
// goes back.
func TestEndToEndHelpScrolls(t *testing.T) {
	e := newE2E(t)
	e.start(80, 24)
	e.waitFor("34 of 34 lots")
	e.keys("?")
	pane := e.waitFor("Keys of the Holdings tab", "lines 1–")
	e.checkWidth(pane, 80)
	e.keys("G")
	e.waitFor("docs/tax-rules.md")
	e.keys("Escape")
	e.waitFor("34 of 34 lots")
	e.keys("q")
	e.waitFor("[exit status 0]")
}
