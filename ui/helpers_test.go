package ui

import (
	"errors"
	"fmt"
	"image/color"
	"strings"
	"sync"
	"testing"

	"nftharvest/portfolio"
	"nftharvest/storage"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// today is the sample's story date.
var today = portfolio.MustDate("2026-11-28")

// fakeStore loads through storage but keeps writes in memory, and can be
// told to fail.
type fakeStore struct {
	mu       sync.Mutex
	saveErr  error
	exists   map[string]bool
	changes  []string
	saved    []*portfolio.Portfolio
	writes   map[string][]byte
	writeErr error
	// file is what Load returns for a non-empty path (nil: storage.Load).
	file *storage.File
}

func newFakeStore() *fakeStore {
	return &fakeStore{exists: map[string]bool{}, writes: map[string][]byte{}}
}

func (s *fakeStore) Load(path string) (*storage.File, error) {
	if path == "" {
		return storage.LoadSample()
	}
	if s.file != nil {
		return s.file, nil
	}
	return storage.Load(path)
}

// SaveUndo records an undo like any other save.
func (s *fakeStore) SaveUndo(f *storage.File, p *portfolio.Portfolio, change string) error {
	return s.Save(f, p, change)
}

func (s *fakeStore) Save(f *storage.File, p *portfolio.Portfolio, change string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.saveErr != nil {
		return s.saveErr
	}
	if f.Sample {
		return storage.ErrSample
	}
	s.changes = append(s.changes, change)
	s.saved = append(s.saved, p)
	f.Portfolio = p
	return nil
}

func (s *fakeStore) SaveAs(path string, p *portfolio.Portfolio, change string, overwrite bool) (*storage.File, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.saveErr != nil {
		return nil, s.saveErr
	}
	if s.exists[path] && !overwrite {
		return nil, fmt.Errorf("save %s: %w", path, storage.ErrExists)
	}
	s.exists[path] = true
	s.changes = append(s.changes, change)
	s.saved = append(s.saved, p)
	return &storage.File{Path: path, Portfolio: p}, nil
}

func (s *fakeStore) Exists(path string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.exists[path]
}

func (s *fakeStore) WriteExport(path, portfolioPath string, data []byte) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.writeErr != nil {
		return s.writeErr
	}
	s.exists[path] = true
	s.writes[path] = data
	return nil
}

// harness drives a Model synchronously: commands run at once and their
// messages go back to Update.
type harness struct {
	t     *testing.T
	m     *Model
	store *fakeStore
	quit  bool
}

// newHarness loads the sample (or a file through store.file) into a model
// of size w×h.
func newHarness(t *testing.T, w, h int, path string, store *fakeStore) *harness {
	t.Helper()
	if store == nil {
		store = newFakeStore()
	}
	dark := true
	m := New(Options{Path: path, Today: today, Store: store, Dark: &dark})
	m.noTimers = true
	hs := &harness{t: t, m: m, store: store}
	hs.send(tea.WindowSizeMsg{Width: w, Height: h})
	hs.do(m.loadCmd(false))
	if m.err != nil {
		t.Fatalf("load: %v", m.err)
	}
	if m.mode != modeBrowse || m.loadStage() != stageReady {
		t.Fatalf("after load: mode %s, stage %s", m.mode, m.loadStage())
	}
	return hs
}

func (h *harness) send(msg tea.Msg) {
	h.t.Helper()
	_, cmd := h.m.Update(msg)
	h.do(cmd)
}

func (h *harness) do(cmd tea.Cmd) {
	h.t.Helper()
	if cmd == nil {
		return
	}
	switch msg := cmd().(type) {
	case nil:
	case tea.BatchMsg:
		for _, c := range msg {
			h.do(c)
		}
	case tea.QuitMsg:
		h.quit = true
	default:
		h.send(msg)
	}
}

// keys sends key presses: single characters, or names such as "enter",
// "esc", "space", "tab", "shift+tab", "backspace", "up", "down", "ctrl+c".
func (h *harness) keys(names ...string) {
	h.t.Helper()
	for _, n := range names {
		h.send(keyMsg(n))
	}
}

// typeText types s one character at a time.
func (h *harness) typeText(s string) {
	h.t.Helper()
	for _, r := range s {
		h.send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

func keyMsg(n string) tea.KeyPressMsg {
	switch n {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "shift+tab":
		return tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
	case "backspace":
		return tea.KeyPressMsg{Code: tea.KeyBackspace}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "pgdown":
		return tea.KeyPressMsg{Code: tea.KeyPgDown}
	case "ctrl+c":
		return tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}
	case "ctrl+y":
		return tea.KeyPressMsg{Code: 'y', Mod: tea.ModCtrl}
	}
	r := []rune(n)
	if len(r) != 1 {
		panic("keyMsg: unknown key " + n)
	}
	return tea.KeyPressMsg{Code: r[0], Text: n}
}

// screen is the plain text of the view.
func (h *harness) screen() string { return ansi.Strip(h.m.View().Content) }

// selectedLot is the lot id under the holdings cursor.
func (h *harness) selectedLot() string {
	t := h.m.tables[tabHoldings]
	r, ok := t.selected()
	if !ok {
		return ""
	}
	return t.src.ID(r)
}

// viewIDs are the ids of the current table's rows, in order.
func (h *harness) viewIDs() []string {
	t := h.m.current()
	ids := make([]string, len(t.view))
	for i, r := range t.view {
		ids[i] = t.src.ID(int(r))
	}
	return ids
}

// gotoLot moves the holdings cursor onto lot.
func (h *harness) gotoLot(lot string) {
	h.t.Helper()
	if !h.m.tables[tabHoldings].selectID(lot) {
		h.t.Fatalf("lot %s is not in view", lot)
	}
}

// checkFrame asserts the view is exactly h lines, none wider than w.
func checkFrame(t *testing.T, content string, w, h int) {
	t.Helper()
	lines := strings.Split(content, "\n")
	if len(lines) > h {
		t.Errorf("%dx%d: %d lines", w, h, len(lines))
	}
	for i, l := range lines {
		if n := ansi.StringWidth(l); n > w {
			t.Errorf("%dx%d: line %d is %d wide: %q", w, h, i, n, ansi.Strip(l))
		}
	}
}

var errDiskFull = errors.New("write portfolio.json: no space left on device")

func ansiStrip(s string) string { return ansi.Strip(s) }

var tea80x24 = tea.WindowSizeMsg{Width: 80, Height: 24}

// bgColor is a terminal background colour for the BackgroundColorMsg.
func bgColor(name string) color.Color {
	if name == "light" {
		return color.RGBA{R: 0xfa, G: 0xfa, B: 0xfa, A: 0xff}
	}
	return color.RGBA{R: 0x1e, G: 0x1e, B: 0x1e, A: 0xff}
}
