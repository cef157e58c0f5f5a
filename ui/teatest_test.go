package ui

import (
	"bytes"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"
)

// TestProgramFlow runs the real Bubble Tea program: load the sample, sort,
// build a basket, confirm, save as a new file, quit.
func TestProgramFlow(t *testing.T) {
	store := newFakeStore()
	dark := true
	m := New(Options{Today: today, Store: store, Dark: &dark})
	tm := teatest.NewTestModel(t, m,
		teatest.WithInitialTermSize(120, 40),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.ANSI256)))
	waitFor := func(what string) {
		t.Helper()
		teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
			return bytes.Contains([]byte(ansi.Strip(string(b))), []byte(what))
		}, teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(20*time.Millisecond))
	}
	waitFor("34 of 34 lots")
	tm.Type("s")
	waitFor("% ↑")
	tm.Type("g")
	tm.Send(keyMsg("space"))
	tm.Type("j")
	tm.Send(keyMsg("space"))
	waitFor("TAX SAVED")
	tm.Type("m")
	waitFor("Record these sales?")
	tm.Send(keyMsg("enter"))
	waitFor("Save your portfolio as")
	tm.Send(keyMsg("enter"))
	waitFor("Recorded B-0003 (2 sales)")
	tm.Type("q")
	final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(*Model)
	if final.data.file.Path != "./portfolio.json" || final.basket.len() != 0 {
		t.Errorf("final: file %q basket %d", final.data.file.Path, final.basket.len())
	}
	store.mu.Lock()
	defer store.mu.Unlock()
	if len(store.saved) != 1 || !strings.HasPrefix(store.changes[0], "sell B-0003") {
		t.Errorf("saved %d: %v", len(store.saved), store.changes)
	}
	b, sales := store.saved[0].LastBatch()
	if b != "B-0003" || len(sales) != 2 || sales[0].Lot != "L-0003" || sales[1].Lot != "L-0005" {
		t.Errorf("recorded %s %v", b, sales)
	}
}
