package ui

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"nftharvest/portfolio"
	"nftharvest/storage"

	tea "charm.land/bubbletea/v2"
)

// diskHarness opens the file at path through the real storage.
func diskHarness(t *testing.T, path string) *harness {
	t.Helper()
	dark := true
	m := New(Options{Path: path, Today: today, Store: DiskStore{}, Dark: &dark})
	m.noTimers = true
	h := &harness{t: t, m: m}
	h.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	h.do(m.loadCmd(false))
	if m.err != nil {
		t.Fatal(m.err)
	}
	return h
}

// TestExportNeverOntoPortfolio: x onto the open portfolio, its companions
// (existing or not) or a link to it, even after "Overwrite it?", is
// refused with the reason in the dialog and replaces nothing.
func TestExportNeverOntoPortfolio(t *testing.T) {
	path := samplePath(t)
	dir := filepath.Dir(path)
	h := diskHarness(t, path)
	before, _ := os.ReadFile(path)
	link := filepath.Join(dir, "export.csv")
	if err := os.Symlink(path, link); err != nil {
		t.Skip("no symbolic links:", err)
	}
	for _, out := range []string{path, path + ".bak", path + ".log", path + ".lock", link, filepath.Join(dir, ".", "x", "..", filepath.Base(path))} {
		for _, overwrite := range []bool{false, true} {
			msg := h.m.exportCmd(out, exportChoice{year: 2026}, overwrite)()
			failed, ok := msg.(exportFailedMsg)
			if !ok || !errors.Is(failed.err, storage.ErrCompanion) {
				t.Errorf("export to %s (overwrite %v): %#v, want a refusal", out, overwrite, msg)
			}
		}
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(after, before) {
		t.Fatal("the portfolio was replaced by the export")
	}
	for _, name := range []string{".bak", ".log", ".lock"} {
		if _, err := os.Lstat(path + name); err == nil {
			t.Errorf("%s was created", name)
		}
	}
	// The dialog shows why.
	h.keys("x")
	h.m.dialog.input.SetValue(path)
	h.keys("enter")
	if h.m.dialog == nil || !strings.Contains(h.m.dialog.err, "is the portfolio file") {
		t.Errorf("dialog after exporting onto the portfolio: %+v", h.m.dialog)
	}
}

// TestUndoLogHoldsRemovedSales: the change-log line of an undo in the app
// holds the removed sales in full.
func TestUndoLogHoldsRemovedSales(t *testing.T) {
	h := newHarness(t, 120, 40, samplePath(t), nil)
	h.keys("u", "enter", "enter") // a batch of the file: asked twice
	if len(h.store.changes) != 1 {
		t.Fatal("undo not saved")
	}
	c := h.store.changes[0]
	if !strings.Contains(c, ` removed: [{"id": "S-0015", "lot": "L-0010"`) || !strings.Contains(c, `"batch": "B-0002"}]`) {
		t.Errorf("undo change line %q does not hold the removed sales", c)
	}
}

// blockingStore is a fakeStore whose saves wait until release is closed.
type blockingStore struct {
	*fakeStore
	started chan struct{}
	release chan struct{}
	once    sync.Once
}

func (s *blockingStore) SaveUndo(f *storage.File, p *portfolio.Portfolio, change string) error {
	s.once.Do(func() { close(s.started) })
	<-s.release
	return s.fakeStore.Save(f, p, change)
}

// TestQuitWaitsForRunningSave: when the program ends (q, SIGTERM, SIGHUP)
// while a save runs, Run waits for it, says so, and reports a save that
// failed as an error (a non-zero exit).
func TestQuitWaitsForRunningSave(t *testing.T) {
	for _, fail := range []bool{false, true} {
		store := &blockingStore{fakeStore: newFakeStore(), started: make(chan struct{}), release: make(chan struct{})}
		if fail {
			store.saveErr = errors.New("disk on fire")
		}
		dark := true
		m := New(Options{Path: samplePath(t), Today: today, Store: store, Dark: &dark})
		m.noTimers = true
		h := &harness{t: t, m: m}
		h.send(tea.WindowSizeMsg{Width: 120, Height: 40})
		h.do(m.loadCmd(false))
		go m.writeCmd(pendingWrite{kind: writeUndo, batch: "B-0002"}, saveTarget{})()
		<-store.started
		var out bytes.Buffer
		done := make(chan error, 1)
		go func() { done <- m.writes.finish(&out, "p.json") }()
		select {
		case <-done:
			t.Fatal("finish returned while the save was still running")
		case <-time.After(50 * time.Millisecond):
		}
		close(store.release)
		err := <-done
		if !strings.Contains(out.String(), "closed while saving p.json; waiting") {
			t.Errorf("stderr %q", out.String())
		}
		switch {
		case fail && (err == nil || !strings.Contains(err.Error(), "did not complete: disk on fire")):
			t.Errorf("a failed save: %v", err)
		case !fail && (err != nil || !strings.Contains(out.String(), "the save completed")):
			t.Errorf("a completed save: %v, %q", err, out.String())
		}
	}
}
