package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
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
			atEnd := func(pane string) bool {
				m := regexp.MustCompile(`lines \d+–(\d+) of (\d+)`).FindStringSubmatch(pane)
				return m != nil && m[1] == m[2]
			}
			for deadline := time.Now().Add(5 * time.Second); sz.h == 24 && !atEnd(pane) && time.Now().Before(deadline); {
				time.Sleep(50 * time.Millisecond)
				pane = e.capture()
			}
			if sz.h == 24 && !atEnd(pane) {
				t.Errorf("G should show the last lines:\n%s", pane)
			}
			e.waitFor("Estimated tax", "enter record · esc cancel")
			e.keys("Escape")
			e.waitFor("mark sold")
			e.keys("q")
			e.waitFor("Quit and drop the basket?")
			e.keys("Enter")
			e.waitFor("[exit status 0]")
		})
	}
}

// TestEndToEndHelpScrolls: at 80x24 and 120x36 the help reaches its end
// (scrolling where it does not fit) and esc goes back.
func TestEndToEndHelpScrolls(t *testing.T) {
	for _, sz := range []struct{ w, h int }{{80, 24}, {120, 36}} {
		t.Run(fmt.Sprintf("%dx%d", sz.w, sz.h), func(t *testing.T) {
			e := newE2E(t)
			e.start(sz.w, sz.h)
			e.waitFor("34 of 34 lots")
			e.keys("?")
			pane := e.waitFor("Keys of the Holdings tab")
			e.checkWidth(pane, sz.w)
			if sz.h == 24 && !strings.Contains(pane, "lines 1–") {
				t.Errorf("help at 80x24 should say it scrolls:\n%s", pane)
			}
			e.keys("G")
			e.waitFor("docs/tax-rules.md")
			e.keys("Escape")
			e.waitFor("34 of 34 lots")
			e.keys("q")
			e.waitFor("[exit status 0]")
		})
	}
}

// TestEndToEndDefectScenarios drives the small defects at 80x24 and
// 120x36: an empty basket says why, the status goes at the next key, a
// collection drills down by id, H and q ask before dropping a basket.
func TestEndToEndDefectScenarios(t *testing.T) {
	for _, sz := range []struct{ w, h int }{{80, 24}, {120, 36}} {
		t.Run(fmt.Sprintf("%dx%d", sz.w, sz.h), func(t *testing.T) {
			e := newE2E(t)
			e.start(sz.w, sz.h)
			e.waitFor("34 of 34 lots")
			e.keys("m")
			e.waitFor("The basket is empty")
			e.keys("j")
			pane := e.waitFor("space basket ±")
			if strings.Contains(pane, "The basket is empty") {
				t.Errorf("the status should go at the next key:\n%s", pane)
			}
			e.keys("2")
			e.waitFor("11 of 11 collections")
			e.keys("Enter")
			e.waitFor("4 of 34 lots · collection Lunar Lynx")
			e.keys("Escape")
			e.waitFor("34 of 34 lots")
			e.keys("Space", "H")
			e.waitFor("Replace the basket?")
			e.keys("Escape") // wait, or q reads as alt+q
			pane = e.waitFor("basket 1", "enter details")
			if strings.Contains(pane, "Replace the basket?") {
				t.Errorf("esc should close the question:\n%s", pane)
			}
			e.keys("q")
			e.waitFor("Quit and drop the basket?")
			e.keys("Enter")
			e.waitFor("[exit status 0]")
		})
	}
}

// TestEndToEndHarvestSession: a whole session without touching the file
// by hand: filter to short-term risk-free losses, add all, sell 2 of the
// 12 units of L-0031, record, undo, export.
func TestEndToEndHarvestSession(t *testing.T) {
	e := newE2E(t)
	e.start(120, 36)
	e.waitFor("34 of 34 lots")
	e.keys("/")
	e.text("risk:no term:short loss")
	e.keys("Enter")
	e.waitFor(`9 of 34 lots · "risk:no term:short loss"`)
	e.keys("A")
	e.waitFor("basket 9", "Added the 9 lots shown")
	e.keys("g")
	for range 6 { // L-0031, the seventh row
		e.keys("j")
	}
	e.keys("n")
	e.waitFor("Units of L-0031 to sell (of 12)")
	e.text("2")
	e.keys("Enter")
	e.waitFor("Quantity of L-0031 set.", "L-0031 Glitch Gardens #7 ×2")
	e.keys("m")
	e.waitFor("Record these sales?", "enter record · esc cancel")
	e.keys("Enter")
	e.waitFor("Recorded B-0003 (9 sales). u to undo.")
	e.keys("u")
	e.waitFor("Undo B-0003?", "enter undo · esc cancel")
	e.keys("Enter")
	e.waitFor("Undid B-0003 (9 sales removed).")
	e.keys("x")
	e.waitFor("Export 2026 as Form 8949 CSV")
	e.keys("Enter")
	e.waitFor("Exported 14 Form 8949 rows (2026, form8949) to ./form8949-2026.csv.")
	e.keys("q")
	e.waitFor("[exit status 0]")

	log, err := os.ReadFile(e.file() + ".log")
	if err != nil || !strings.Contains(string(log), "sell B-0003") || !strings.Contains(string(log), "undo B-0003") {
		t.Errorf("change log: %v\n%s", err, log)
	}
	if !strings.Contains(string(log), `"lot": "L-0031", "quantity": "2"`) { // the undo line holds the records
		t.Errorf("the log should record 2 units of L-0031:\n%s", log)
	}
	if data, err := os.ReadFile(filepath.Join(e.dir, "form8949-2026.csv")); err != nil || !strings.Contains(string(data), "S-0006") {
		t.Errorf("export: %v\n%s", err, data)
	}
}
