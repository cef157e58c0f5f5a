package ui

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestEndToEndHostileNames runs the real binary in tmux on the hostile
// fixture: the names show as visible escapes in the table and in the
// "Record these sales?" dialog, the columns and the box stay aligned, no
// name fakes a row, and none retitles the pane.
func TestEndToEndHostileNames(t *testing.T) {
	e := newE2E(t)
	data, err := os.ReadFile(hostileFixture)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(e.file(), data, 0o644); err != nil {
		t.Fatal(err)
	}
	e.start(120, 36)
	pane := e.waitFor("6 of 6 lots", `Title\x1b]0;pwned\x07`, `Clear\x1b[2JDogs`, `Rows\x0d\x0aL-0999 FA`,
		`Csi\u009b2JFish`, `Rtl\u202eesrever`, `Clip\x1b]52;c;cHduZWQ`)
	e.checkWidth(pane, 120)
	var cols []int
	for _, l := range strings.Split(pane, "\n") {
		if strings.HasPrefix(strings.TrimLeft(l, " ›●"), "L-0999") {
			t.Errorf("a name faked a row: %q", l)
		}
		if strings.Contains(l, " L-000") {
			cols = append(cols, cellCol(l, dateRE.FindStringIndex(l)[0]))
		}
	}
	if len(cols) != 6 {
		t.Fatalf("%d lot rows, want 6:\n%s", len(cols), pane)
	}
	for _, c := range cols {
		if c != cols[0] {
			t.Errorf("columns shift: the dates start at %v:\n%s", cols, pane)
			break
		}
	}
	if title := e.paneTitle(); strings.Contains(title, "pwned") || !strings.HasPrefix(title, "nftharvest — ") {
		t.Errorf("pane title %q: a name retitled the window", title)
	}

	for _, lot := range []string{"L-0004", "L-0001"} {
		e.keys("/", "C-u")
		e.text(lot)
		e.keys("Enter")
		e.waitFor(`1 of 6 lots · "` + strings.ToLower(lot) + `"`)
		e.keys("Space")
	}
	e.keys("Escape")
	e.waitFor("6 of 6 lots", "basket 2")
	e.keys("m")
	pane = e.waitFor("Record these sales?", `L-0004 Rows\x0d\x0aL-0999 FAKE #4 ×1  proceeds 100.00`,
		`L-0001 Title\x1b]0;pwned\x07Cats #1 ×1  proceeds 100.00`)
	e.checkWidth(pane, 120)
	checkBox(t, pane)
	if title := e.paneTitle(); strings.Contains(title, "pwned") {
		t.Errorf("pane title %q: a name retitled the window", title)
	}
	e.keys("Escape") // wait until it is read, or "q" reads as alt+q
	e.waitFor("enter details")
	e.keys("q") // the basket is not saved: the app asks
	e.waitFor("Quit and drop the basket?")
	e.keys("Enter")
	e.waitFor("[exit status 0]")
}

// paneTitle is the title the app gave the pane.
func (e *e2e) paneTitle() string {
	e.t.Helper()
	out, err := exec.Command("tmux", "-L", e.socket, "display-message", "-p", "-t", "tui", "#{pane_title}").Output()
	if err != nil {
		e.t.Fatalf("display-message: %v", err)
	}
	return strings.TrimSpace(string(out))
}
