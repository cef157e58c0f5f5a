package ui

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/shopspring/decimal"
)

// e2e runs the real nftharvest binary in a tmux pane on its own socket.
type e2e struct {
	t      *testing.T
	bin    string
	socket string
	dir    string
	env    []string
}

// newE2E builds the binary and prepares a temporary copy of the sample.
func newE2E(t *testing.T) *e2e {
	t.Helper()
	if testing.Short() {
		t.Skip("end-to-end test skipped in -short mode")
	}
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed: the end-to-end TUI test needs it (CI installs it)")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "nftharvest")
	build := exec.Command("go", "build", "-o", bin, "nftharvest")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	e := &e2e{
		t: t, bin: bin, dir: dir,
		socket: fmt.Sprintf("nftharvest-e2e-%d", os.Getpid()),
		env:    append(os.Environ(), "NFTHARVEST_TODAY=2026-11-28", "NFTHARVEST_PORTFOLIO="),
	}
	e.run("init", e.file())
	t.Cleanup(func() { _ = e.tmux("kill-server") })
	return e
}

func (e *e2e) file() string { return filepath.Join(e.dir, "portfolio.json") }

// run runs a headless command and returns its standard output.
func (e *e2e) run(args ...string) string {
	e.t.Helper()
	cmd := exec.Command(e.bin, args...)
	cmd.Env = e.env
	cmd.Dir = e.dir
	out, err := cmd.Output()
	if err != nil {
		msg := ""
		if ee, ok := err.(*exec.ExitError); ok {
			msg = string(ee.Stderr)
		}
		e.t.Fatalf("nftharvest %s: %v\n%s", strings.Join(args, " "), err, msg)
	}
	return string(out)
}

func (e *e2e) tmux(args ...string) error {
	cmd := exec.Command("tmux", append([]string{"-L", e.socket}, args...)...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("tmux %s: %v: %s", strings.Join(args, " "), err, out)
	}
	return nil
}

// start opens the TUI on the file in a w×h pane.
func (e *e2e) start(w, h int) {
	e.t.Helper()
	shell := fmt.Sprintf("cd %q && env NFTHARVEST_TODAY=2026-11-28 %q %q; echo \"[exit status $?]\"; sleep 60", e.dir, e.bin, e.file())
	if err := e.tmux("new-session", "-d", "-s", "tui", "-x", fmt.Sprint(w), "-y", fmt.Sprint(h), shell); err != nil {
		e.t.Fatal(err)
	}
}

func (e *e2e) capture() string {
	e.t.Helper()
	out, err := exec.Command("tmux", "-L", e.socket, "capture-pane", "-p", "-t", "tui").Output()
	if err != nil {
		e.t.Fatalf("capture-pane: %v", err)
	}
	return string(out)
}

// keys sends tmux key names ("Enter", "Escape", "Space", "C-u") or text.
func (e *e2e) keys(keys ...string) {
	e.t.Helper()
	for _, k := range keys {
		if err := e.tmux("send-keys", "-t", "tui", k); err != nil {
			e.t.Fatal(err)
		}
	}
}

// text types literal text.
func (e *e2e) text(s string) {
	e.t.Helper()
	if err := e.tmux("send-keys", "-t", "tui", "-l", s); err != nil {
		e.t.Fatal(err)
	}
}

// waitFor polls the pane until it contains every string.
func (e *e2e) waitFor(what ...string) string {
	e.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	var pane string
	for time.Now().Before(deadline) {
		pane = e.capture()
		ok := true
		for _, w := range what {
			if !strings.Contains(pane, w) {
				ok = false
			}
		}
		if ok {
			return pane
		}
		time.Sleep(50 * time.Millisecond)
	}
	e.t.Fatalf("pane never showed %q:\n%s", what, pane)
	return ""
}

// checkWidth asserts no pane line is wider than w.
func (e *e2e) checkWidth(pane string, w int) {
	e.t.Helper()
	for i, l := range strings.Split(pane, "\n") {
		if n := ansi.StringWidth(l); n > w {
			e.t.Errorf("line %d is %d wide at %d columns: %q", i, n, w, l)
		}
	}
}

func (e *e2e) resize(w, h int) {
	e.t.Helper()
	if err := e.tmux("resize-window", "-t", "tui", "-x", fmt.Sprint(w), "-y", fmt.Sprint(h)); err != nil {
		e.t.Fatal(err)
	}
}

func TestEndToEnd(t *testing.T) {
	e := newE2E(t)
	e.start(120, 40)
	pane := e.waitFor("34 of 34 lots", "portfolio.json", "as of 2026-11-28", "wash apply/token", "Unrealized ↑", "▼ -14,528.36")
	e.checkWidth(pane, 120)

	// Sort: s moves to the next column (%), S reverses it.
	e.keys("s")
	e.waitFor("% ↑")
	e.keys("S")
	pane = e.waitFor("% ↓")
	if i, j := strings.Index(pane, "#540"), strings.Index(pane, "#4417"); i < 0 || j < 0 || i > j {
		t.Errorf("sorted by %% descending, Harbor Owls #540 (+279.7%%) should come before Lunar Lynx #4417:\n%s", pane)
	}

	// Filter, then open the first match's detail.
	e.keys("/")
	e.text("lynx")
	e.keys("Enter")
	e.waitFor(`4 of 34 lots · "lynx"`)
	e.keys("Enter")
	e.waitFor("lot L-0001 · esc back", "Adjusted basis", "Holding period", "Minted at 0.08 ETH")
	e.keys("Escape")
	e.waitFor(`4 of 34 lots · "lynx"`)
	e.keys("Escape")
	e.waitFor("34 of 34 lots")

	// Resize: the frame follows at once and never breaks.
	e.resize(80, 24)
	pane = e.waitFor("34 of 34 lots", "wash apply/token")
	e.checkWidth(pane, 80)
	if strings.Contains(pane, "Wallet") || strings.Contains(pane, "Acquired") {
		t.Errorf("80 columns still show wide-only columns:\n%s", pane)
	}
	e.resize(50, 20)
	pane = e.waitFor("1 Hold", "34 of 34 lots")
	e.checkWidth(pane, 50)
	e.resize(120, 40)
	e.waitFor("Wallet")

	// What-if: two losing lots, picked by id through the filter.
	for _, lot := range []string{"L-0003", "L-0024"} {
		e.keys("/", "C-u")
		e.text(lot)
		e.keys("Enter")
		e.waitFor(`1 of 34 lots · "` + strings.ToLower(lot) + `"`)
		e.keys("Space")
	}
	e.keys("Escape") // clear the filter; wait, or the next key reads as alt+key
	pane = e.waitFor("34 of 34 lots", "basket 2", "What-if: sell 2 lots on 2026-11-28", "TAX SAVED")

	var sim struct {
		Sales []struct {
			Lot        string `json:"lot"`
			GainLoss   string `json:"gain_loss"`
			Disallowed string `json:"disallowed_loss"`
		} `json:"sales"`
		Before struct {
			EstimatedTax string `json:"estimated_tax"`
		} `json:"before"`
		After struct {
			EstimatedTax string `json:"estimated_tax"`
		} `json:"after"`
		TaxSaved string `json:"tax_saved"`
	}
	out := e.run("simulate", "--portfolio", e.file(), "--sell", "L-0003", "--sell", "L-0024", "--format", "json")
	if err := json.Unmarshal([]byte(out), &sim); err != nil {
		t.Fatalf("simulate json: %v\n%s", err, out)
	}
	show := func(s string) string { return amountText(decimal.RequireFromString(s)) }
	for _, want := range []string{
		"TAX SAVED  " + show(sim.TaxSaved),
		show(sim.Before.EstimatedTax) + " →",
		show(sim.After.EstimatedTax),
		marked(decimal.RequireFromString(sim.Sales[0].GainLoss)),
		marked(decimal.RequireFromString(sim.Sales[1].GainLoss)),
		show(sim.Sales[1].Disallowed) + " disallowed",
	} {
		if !strings.Contains(pane, want) {
			t.Errorf("preview lacks %q (from nftharvest simulate):\n%s", want, pane)
		}
	}

	// Record, quit, check the file.
	e.keys("m")
	e.waitFor("Record these sales?", "TAX SAVED "+show(sim.TaxSaved))
	e.keys("Enter")
	e.waitFor("Recorded B-0003 (2 sales). u to undo.")
	e.keys("q")
	e.waitFor("[exit status 0]")

	var rep struct {
		Realized []struct {
			Sale, Lot, Code string
			Disallowed      string `json:"disallowed_loss"`
		} `json:"realized"`
	}
	out = e.run("report", "--portfolio", e.file(), "--format", "json")
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("report json: %v", err)
	}
	got := map[string]string{}
	for _, r := range rep.Realized {
		got[r.Lot] = r.Sale + " " + r.Code + " " + r.Disallowed
	}
	if got["L-0003"] != "S-0017  0.00" || got["L-0024"] != "S-0018 W "+sim.Sales[1].Disallowed {
		t.Errorf("recorded sales in the file: L-0003 %q, L-0024 %q", got["L-0003"], got["L-0024"])
	}
	if log, err := os.ReadFile(e.file() + ".log"); err != nil || !strings.Contains(string(log), "sell B-0003") {
		t.Errorf("change log: %v %q", err, log)
	}
}
