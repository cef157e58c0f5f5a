package ui

import (
	"strings"
	"testing"

	"nftharvest/portfolio"
	"nftharvest/storage"

	tea "charm.land/bubbletea/v2"
)

// fakeClock is a clock a test moves by hand.
type fakeClock struct{ d portfolio.Date }

func (c *fakeClock) now() portfolio.Date { return c.d }

// newClockHarness opens a copy of the sample as file p.json, with the app
// reading today's date from clock.
func newClockHarness(t *testing.T, clock *fakeClock) *harness {
	t.Helper()
	sample, err := storage.LoadSample()
	if err != nil {
		t.Fatal(err)
	}
	store := newFakeStore()
	store.file = &storage.File{Path: "p.json", Portfolio: sample.Portfolio}
	dark := true
	m := New(Options{Path: "p.json", Clock: clock.now, Store: store, Dark: &dark})
	m.noTimers = true
	h := &harness{t: t, m: m, store: store}
	h.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	h.do(m.loadCmd(false))
	if m.err != nil || m.mode != modeBrowse || m.loadStage() != stageReady {
		t.Fatalf("load: %v, mode %s, stage %s", m.err, m.mode, m.loadStage())
	}
	return h
}

// TestClockReadForEachAction checks that an app left open past midnight
// on 31 December previews and records the sale with the new date, says
// that the date and the tax year changed, and analyses as of the new date.
func TestClockReadForEachAction(t *testing.T) {
	clock := &fakeClock{portfolio.MustDate("2026-12-31")}
	h := newClockHarness(t, clock)
	h.gotoLot("L-0003")
	h.keys("space")
	if res := h.m.preview.res; res == nil || res.Date.String() != "2026-12-31" {
		t.Fatalf("preview before midnight: %+v", res)
	}

	clock.d = portfolio.MustDate("2027-01-01")
	h.keys("j") // any action reads the clock
	if got, want := h.m.status.text, "Date changed to 2027-01-01: tax year 2027 (a sale today counts in 2027, not 2026)."; got != want {
		t.Errorf("status %q, want %q", got, want)
	}
	res := h.m.preview.res
	if res == nil || res.Date.String() != "2027-01-01" || res.After.TaxYear != 2027 {
		t.Fatalf("preview after midnight: %+v", res)
	}
	if got := h.m.data.a.AsOf.String(); got != "2027-01-01" {
		t.Errorf("analysis as of %s after the date changed", got)
	}
	if s := h.screen(); !strings.Contains(s, "as of 2027-01-01") || !strings.Contains(s, "2027-01-01") {
		t.Errorf("the screen does not show the new date:\n%s", s)
	}
	// The default sale date offered by d is the new today.
	h.keys("d")
	if ph := h.m.input.Placeholder; ph != "2027-01-01" {
		t.Errorf("sale date placeholder %q", ph)
	}
	h.keys("esc")

	h.keys("m")
	if h.m.dialog == nil || h.m.dialog.kind != dlgRecord {
		t.Fatalf("no record dialog; status %q", h.m.status.text)
	}
	h.keys("enter")
	if len(h.store.saved) != 1 {
		t.Fatalf("%d saves; status %q", len(h.store.saved), h.m.status.text)
	}
	p := h.store.saved[0]
	if s := p.Sales[len(p.Sales)-1]; s.Lot != "L-0003" || s.Date.String() != "2027-01-01" {
		t.Errorf("recorded %+v, want L-0003 on 2027-01-01", s)
	}
}

// TestDateChangeClosesRecordDialog checks that a "Record these sales?"
// dialog listing yesterday's date is not confirmed after midnight: the
// key that notices the change closes it, and a new one has the new date.
func TestDateChangeClosesRecordDialog(t *testing.T) {
	clock := &fakeClock{portfolio.MustDate("2026-12-01")}
	h := newClockHarness(t, clock)
	h.gotoLot("L-0003")
	h.keys("space", "m")
	if h.m.dialog == nil || h.m.dialog.kind != dlgRecord {
		t.Fatal("no record dialog")
	}
	clock.d = portfolio.MustDate("2026-12-02")
	h.keys("enter")
	if len(h.store.saved) != 0 {
		t.Fatal("the sale was recorded with the old date after midnight")
	}
	if h.m.dialog != nil || !strings.Contains(h.m.status.text, "Date changed to 2026-12-02; nothing recorded: press m to review") {
		t.Errorf("dialog %v, status %q", h.m.dialog != nil, h.m.status.text)
	}
	if strings.Contains(h.m.status.text, "tax year") {
		t.Errorf("same year, yet the status mentions the tax year: %q", h.m.status.text)
	}
	h.keys("m", "enter")
	if len(h.store.saved) != 1 {
		t.Fatalf("%d saves", len(h.store.saved))
	}
	p := h.store.saved[0]
	if s := p.Sales[len(p.Sales)-1]; s.Date.String() != "2026-12-02" {
		t.Errorf("recorded on %s, want 2026-12-02", s.Date)
	}
}

// TestCheckFileRefusesLoad checks that Options.CheckFile can refuse a file
// (the binary refuses a NFTHARVEST_TODAY before the first acquisition).
func TestCheckFileRefusesLoad(t *testing.T) {
	dark := true
	refused := errString("refused")
	m := New(Options{Today: today, Store: newFakeStore(), Dark: &dark,
		CheckFile: func(*storage.File) error { return refused }})
	m.noTimers = true
	h := &harness{t: t, m: m}
	h.do(m.loadCmd(false))
	if m.err != refused || !h.quit {
		t.Errorf("err %v, quit %v", m.err, h.quit)
	}
}

type errString string

func (e errString) Error() string { return string(e) }
