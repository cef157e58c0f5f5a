package ui

import (
	"errors"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"testing"

	"nftharvest/portfolio"
	"nftharvest/storage"

	tea "charm.land/bubbletea/v2"
	"github.com/shopspring/decimal"
)

// samplePath writes the sample to a temporary file and returns its path.
func samplePath(t *testing.T) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "portfolio.json")
	if err := os.WriteFile(p, storage.SampleJSON(), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestLoadShowsHoldingsSortedByLoss(t *testing.T) {
	h := newHarness(t, 120, 40, "", nil)
	ids := h.viewIDs()
	if len(ids) != 34 {
		t.Fatalf("open lots = %d, want 34", len(ids))
	}
	// Default sort: unrealized ascending, the biggest loss first.
	if ids[0] != "L-0003" || ids[len(ids)-1] != "L-0011" {
		t.Errorf("first/last = %s/%s, want L-0003/L-0011", ids[0], ids[len(ids)-1])
	}
	s := h.screen()
	for _, want := range []string{
		"sample portfolio (saves go to ./portfolio.json)", "as of 2026-11-28", "wash apply/token", "33d left",
		"34 of 34 lots", "Unrealized ↑", "▼ -14,528.36", "▲ +10,436.38", "? help",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("screen lacks %q", want)
		}
	}
}

func TestLoadErrorQuitsAndIsReturned(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.json")
	if err := os.WriteFile(bad, []byte(`{"format": "nftharvest/portfolio", "version": 1, "lots": [{"id": "L-1", "acquired": "2024-13-01"}]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	m := New(Options{Path: bad, Today: today})
	m.noTimers = true
	_, cmd := m.Update(m.loadCmd(false)())
	if cmd == nil {
		t.Fatal("no quit command after a load error")
	}
	if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Error("load error does not quit")
	}
	var inv *storage.InvalidError
	if !errors.As(m.err, &inv) {
		t.Fatalf("err = %T %v, want *storage.InvalidError", m.err, m.err)
	}
}

func TestRunNeedsToday(t *testing.T) {
	if err := Run(Options{}); err == nil {
		t.Error("Run without Today succeeded")
	}
}

func TestSortCyclesAndReverses(t *testing.T) {
	h := newHarness(t, 120, 40, "", nil)
	tb := h.m.current()
	if tb.sortField != hfUnreal || tb.desc {
		t.Fatalf("default sort = %d desc=%v", tb.sortField, tb.desc)
	}
	h.keys("s")
	if tb.sortField != hfPct {
		t.Errorf("s: sort field = %d, want %% (%d)", tb.sortField, hfPct)
	}
	if got := h.viewIDs()[0]; got != "L-0003" {
		t.Errorf("sorted by %% ascending, first = %s, want L-0003 (-96.7%%)", got)
	}
	h.keys("S")
	if !tb.desc {
		t.Error("S did not reverse")
	}
	if got := h.viewIDs()[0]; got != "L-0014" {
		t.Errorf("sorted by %% descending, first = %s, want L-0014 (+279.7%%)", got)
	}
	if !strings.Contains(h.screen(), "% ↓") {
		t.Error("no ↓ indicator on the sorted column")
	}
	// Cycling wraps around every shown column and back.
	for range len(tb.shown) {
		h.keys("s")
	}
	if tb.sortField != hfPct {
		t.Errorf("after a full cycle sort field = %d", tb.sortField)
	}
}

func TestSortTiesByLotID(t *testing.T) {
	h := newHarness(t, 120, 40, "", nil)
	tb := h.m.current()
	tb.setSort(hfQty, false) // most lots have quantity 1
	ids := h.viewIDs()
	var ones []string
	for _, r := range tb.view {
		if h.m.data.hold.Key(int(r), hfQty) == 1_000_000 {
			ones = append(ones, tb.src.ID(int(r)))
		}
	}
	if len(ones) < 10 || !slices.IsSorted(ones) {
		t.Errorf("lots of quantity 1 not in id order: %v", ones)
	}
	if ids[0] != ones[0] {
		t.Errorf("first row %s, want %s", ids[0], ones[0])
	}
	// Descending keeps ties in id order too.
	tb.reverse()
	ones = ones[:0]
	for _, r := range tb.view {
		if h.m.data.hold.Key(int(r), hfQty) == 1_000_000 {
			ones = append(ones, tb.src.ID(int(r)))
		}
	}
	if !slices.IsSorted(ones) {
		t.Errorf("descending: ties not in id order: %v", ones)
	}
}

func TestCursorFollowsRowAcrossSortAndFilter(t *testing.T) {
	h := newHarness(t, 120, 40, "", nil)
	h.gotoLot("L-0024")
	h.keys("s", "s", "S")
	if got := h.selectedLot(); got != "L-0024" {
		t.Errorf("after sorting the cursor is on %s, want L-0024", got)
	}
	h.keys("l")
	if got := h.selectedLot(); got != "L-0024" {
		t.Errorf("after l the cursor is on %s, want L-0024", got)
	}
}

func TestFilter(t *testing.T) {
	h := newHarness(t, 120, 40, "", nil)
	h.keys("j", "j", "j", "j", "/")
	if h.m.focus != focusInput || h.m.edit.kind != editFilter {
		t.Fatalf("/ did not open the filter: focus %s", h.m.focus)
	}
	h.typeText("LYNX")
	h.keys("enter")
	if h.m.focus != focusTable {
		t.Errorf("enter left focus on %s", h.m.focus)
	}
	ids := h.viewIDs()
	want := []string{"L-0003", "L-0005", "L-0008", "L-0001"}
	if !slices.Equal(ids, want) {
		t.Errorf("filtered rows = %v, want %v", ids, want)
	}
	if h.m.current().cursor != 0 {
		t.Errorf("cursor = %d, want the first match", h.m.current().cursor)
	}
	if !strings.Contains(h.screen(), `4 of 34 lots · "lynx"`) {
		t.Error("count and filter not shown")
	}
	// The filter searches notes, token ids and lot ids too.
	h.keys("/")
	h.keys("backspace", "backspace", "backspace", "backspace")
	h.typeText("top")
	h.keys("enter")
	if got := h.viewIDs(); !slices.Contains(got, "L-0003") {
		t.Errorf("note search %q: %v", "top", got)
	}
	h.keys("/")
	for range 3 {
		h.keys("backspace")
	}
	h.typeText("#9")
	h.keys("enter")
	if got := h.viewIDs(); !slices.Contains(got, "L-0011") || !slices.Contains(got, "L-0005") {
		t.Errorf("token search #9: %v", got)
	}
	h.keys("esc")
	if h.m.filter.active() || len(h.viewIDs()) != 34 {
		t.Errorf("esc did not clear the filter: %v", h.m.filter)
	}
	// esc while typing clears it too.
	h.keys("/")
	h.typeText("koi")
	if len(h.viewIDs()) != 3 {
		t.Errorf("live filter koi: %v", h.viewIDs())
	}
	h.keys("esc")
	if h.m.filter.active() || h.m.focus != focusTable {
		t.Error("esc in the input did not clear the filter")
	}
}

func TestLossesAndTermFilters(t *testing.T) {
	h := newHarness(t, 120, 40, "", nil)
	h.keys("l")
	for _, r := range h.m.current().view {
		if u := h.m.data.hold.Key(int(r), hfUnreal); u >= 0 {
			t.Fatalf("losses only shows %s with %d", h.m.data.hold.ID(int(r)), u)
		}
	}
	losses := len(h.viewIDs())
	if losses != 21 {
		t.Errorf("loss lots = %d, want 21", losses)
	}
	h.keys("t")
	if h.m.filter.term != termShort {
		t.Fatalf("t: term = %s", h.m.filter.term)
	}
	short := h.viewIDs()
	h.keys("t")
	long := h.viewIDs()
	if len(short)+len(long) != losses {
		t.Errorf("short %d + long %d != %d", len(short), len(long), losses)
	}
	if !strings.Contains(h.screen(), "losses · long term") {
		t.Error("active filters not shown")
	}
	h.keys("t")
	if h.m.filter.term != termAll {
		t.Error("t does not cycle back to all")
	}
}

func TestTabs(t *testing.T) {
	h := newHarness(t, 120, 40, "", nil)
	h.keys("tab")
	if h.m.tab != tabCollections || !strings.Contains(h.screen(), "11 of 11 collections") {
		t.Errorf("tab: %s", h.m.tab)
	}
	h.keys("tab")
	if h.m.tab != tabRealized || !strings.Contains(h.screen(), "14 of 14 sales") {
		t.Errorf("tab: %s", h.m.tab)
	}
	s := h.screen()
	if !strings.Contains(s, "S-0006") || !strings.Contains(s, "1,519.90 L-0040   W") {
		t.Error("realized tab lacks the washed sale S-0006 with code W")
	}
	h.keys("tab")
	if h.m.tab != tabHoldings {
		t.Errorf("tab wraps to %s", h.m.tab)
	}
	h.keys("shift+tab")
	if h.m.tab != tabRealized {
		t.Errorf("shift+tab: %s", h.m.tab)
	}
	h.keys("2")
	if h.m.tab != tabCollections {
		t.Errorf("2: %s", h.m.tab)
	}
	// enter on a collection shows its lots.
	h.m.current().top() // Lunar Lynx Society: the biggest loss
	h.keys("enter")
	if h.m.tab != tabHoldings || len(h.viewIDs()) != 4 {
		t.Errorf("enter on a collection: tab %s, rows %v", h.m.tab, h.viewIDs())
	}
	h.keys("1")
	if h.m.tab != tabHoldings {
		t.Errorf("1: %s", h.m.tab)
	}
}

func TestDetail(t *testing.T) {
	h := newHarness(t, 120, 50, "", nil)
	h.gotoLot("L-0040")
	h.keys("enter")
	if h.m.mode != modeDetail {
		t.Fatalf("enter: mode %s", h.m.mode)
	}
	s := h.screen()
	for _, want := range []string{
		"L-0040  Void Runners #2002",
		"1,519.90 disallowed loss from sale S-0006 of L-0026 on 2026-04-06",
		"Adjusted basis  1,858.30",
		"Holding start   2025-06-29",
		"long term (since 2026-06-30)",
		"Wash-sale window",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("detail lacks %q\n%s", want, s)
		}
	}
	h.keys("esc")
	if h.m.mode != modeBrowse {
		t.Errorf("esc: mode %s", h.m.mode)
	}
	// A lot at wash risk shows the purchase and when it is clean; a short
	// term lot says when it turns long term.
	h.gotoLot("L-0024")
	h.keys("enter")
	s = h.screen()
	for _, want := range []string{"L-0047 bought 2026-11-10 ×3 of #14", "Clean from      2026-12-11"} {
		if !strings.Contains(s, want) {
			t.Errorf("L-0024 detail lacks %q", want)
		}
	}
	h.keys("esc")
	h.gotoLot("L-0029")
	h.keys("enter")
	if s = h.screen(); !strings.Contains(s, "long term on 2026-12-10 (in 12 days)") || !strings.Contains(s, "look-alike: L-0048") {
		t.Errorf("L-0029 detail:\n%s", s)
	}
}

func TestHelpAndQuit(t *testing.T) {
	h := newHarness(t, 120, 40, "", nil)
	h.keys("?")
	if h.m.mode != modeHelp || !strings.Contains(h.screen(), "reverse sort") {
		t.Errorf("? did not show full help: %s", h.m.mode)
	}
	h.keys("?")
	if h.m.mode != modeBrowse {
		t.Errorf("? again: %s", h.m.mode)
	}
	h.keys("q")
	if !h.quit {
		t.Error("q did not quit")
	}
	h2 := newHarness(t, 80, 24, "", nil)
	h2.keys("/", "ctrl+c")
	if !h2.quit {
		t.Error("ctrl+c while typing did not quit")
	}
}

func TestResizeNeverBreaksTheFrame(t *testing.T) {
	h := newHarness(t, 120, 40, "", nil)
	h.keys("space", "j", "space") // a basket shows the preview panel
	for _, sz := range [][2]int{{200, 60}, {120, 40}, {119, 40}, {100, 30}, {99, 30}, {80, 24}, {60, 20}, {59, 20}, {50, 20}, {40, 12}, {30, 8}, {20, 5}, {10, 3}} {
		h.send(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
		for _, tabKey := range []string{"1", "2", "3", "1"} {
			h.keys(tabKey)
			checkFrame(t, h.m.View().Content, sz[0], sz[1])
		}
		h.keys("enter")
		checkFrame(t, h.m.View().Content, sz[0], sz[1])
		h.keys("esc", "?")
		checkFrame(t, h.m.View().Content, sz[0], sz[1])
		h.keys("?")
	}
}

func TestColumnsCollapseWhenNarrow(t *testing.T) {
	h := newHarness(t, 120, 40, "", nil)
	fields := func() []int {
		var f []int
		for _, c := range h.m.current().shown {
			f = append(f, c.field)
		}
		return f
	}
	wide := fields()
	if !slices.Contains(wide, hfWallet) || !slices.Contains(wide, hfAcquired) {
		t.Errorf("120 columns: %v", wide)
	}
	h.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	mid := fields()
	for _, gone := range []int{hfWallet, hfLot, hfQty, hfAcquired} {
		if slices.Contains(mid, gone) {
			t.Errorf("80 columns still shows field %d: %v", gone, mid)
		}
	}
	for _, kept := range []int{hfCollection, hfToken, hfTerm, hfUnreal, hfWash} {
		if !slices.Contains(mid, kept) {
			t.Errorf("80 columns lost field %d: %v", kept, mid)
		}
	}
	h.send(tea.WindowSizeMsg{Width: 50, Height: 20})
	if f := fields(); f[0] != hfName || !slices.Contains(f, hfUnreal) {
		t.Errorf("50 columns: compact list expected, got %v", f)
	}
	if s := h.screen(); !strings.Contains(s, "Lunar Lynx Soc… #4417") {
		t.Errorf("compact list:\n%s", s)
	}
}

func TestMouse(t *testing.T) {
	h := newHarness(t, 120, 40, "", nil)
	l := h.m.lay
	tb := h.m.current()
	// Click the Acquired header: sort by it; again: reverse.
	var x int
	for i, c := range tb.shown {
		if c.field == hfAcquired {
			x = tb.colX[i] + 1
		}
	}
	h.send(tea.MouseClickMsg{X: x, Y: l.tableY, Button: tea.MouseLeft})
	if tb.sortField != hfAcquired || tb.desc {
		t.Errorf("header click: field %d desc %v", tb.sortField, tb.desc)
	}
	if got := h.viewIDs()[0]; got != "L-0001" {
		t.Errorf("oldest lot first: %s", got)
	}
	h.send(tea.MouseClickMsg{X: x, Y: l.tableY, Button: tea.MouseLeft})
	if !tb.desc {
		t.Error("second header click did not reverse")
	}
	// Click the third row.
	h.send(tea.MouseClickMsg{X: 5, Y: l.bodyY + 2, Button: tea.MouseLeft})
	if tb.cursor != 2 {
		t.Errorf("row click: cursor %d", tb.cursor)
	}
	// Wheel scrolls.
	h.send(tea.WindowSizeMsg{Width: 120, Height: 15})
	h.send(tea.MouseWheelMsg{Button: tea.MouseWheelDown})
	if tb.offset != 3 {
		t.Errorf("wheel: offset %d, want 3", tb.offset)
	}
	// Click a tab.
	h.send(tea.MouseClickMsg{X: 16, Y: h.m.lay.tabsY, Button: tea.MouseLeft})
	if h.m.tab != tabCollections {
		t.Errorf("tab click: %s", h.m.tab)
	}
}

func TestSelectionSurvivesNoColor(t *testing.T) {
	h := newHarness(t, 120, 40, "", nil)
	body := strings.Split(h.m.View().Content, "\n")[h.m.lay.bodyY]
	// The selected row is reverse video (SGR 7): colour profiles that drop
	// colours keep it.
	if !strings.Contains(body, "\x1b[1;7m") && !strings.Contains(body, "\x1b[7;1m") && !strings.Contains(body, "7m") {
		t.Errorf("selected row has no reverse video: %q", body)
	}
	if !strings.HasPrefix(strings.TrimLeft(stripANSI(body), " "), "›") {
		t.Errorf("selected row lacks the › marker: %q", stripANSI(body))
	}
}

func stripANSI(s string) string { return strings.TrimRight(ansiStrip(s), " ") }

func TestHelpReturnsWhereItWasOpened(t *testing.T) {
	h := newHarness(t, 120, 40, "", nil)
	h.keys("enter", "?")
	if h.m.mode != modeHelp {
		t.Fatal("? in the detail")
	}
	h.keys("esc")
	if h.m.mode != modeDetail {
		t.Errorf("esc from help went to %s, want detail", h.m.mode)
	}
}

func TestHiddenSortColumnIsNamed(t *testing.T) {
	h := newHarness(t, 120, 40, "", nil)
	h.keys("s") // %: hidden at 64 columns
	h.send(tea.WindowSizeMsg{Width: 64, Height: 24})
	if s := h.screen(); !strings.Contains(s, "by % ↑") {
		t.Errorf("sorted by a hidden column, the order is not named:\n%s", s)
	}
}

// TestReloadAndChangedOnDisk uses the real storage: a file changed by
// someone else refuses the save (nothing lost), r reloads, the retry saves.
func TestReloadAndChangedOnDisk(t *testing.T) {
	path := samplePath(t)
	dark := true
	m := New(Options{Path: path, Today: today, Store: DiskStore{}, Dark: &dark})
	m.noTimers = true
	h := &harness{t: t, m: m}
	h.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	h.do(m.loadCmd(false))
	h.gotoLot("L-0003")
	h.keys("space")

	// Someone else records a sale (the CLI, another window).
	other, err := storage.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	p := other.Portfolio.Clone()
	p.RecordSales([]portfolio.Sale{{Lot: "L-0005", Quantity: decimal.NewFromInt(1), Date: today, Proceeds: decimal.NewFromInt(500)}})
	if err := other.Save(p, "test: another writer"); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(path)

	h.keys("m", "enter")
	if h.m.dialog == nil || !strings.Contains(h.m.dialog.err, "changed on disk") {
		t.Fatalf("save over a changed file: %+v", h.m.dialog)
	}
	if after, _ := os.ReadFile(path); string(after) != string(before) {
		t.Error("the refused save changed the file")
	}
	h.keys("esc", "r")
	if !strings.HasPrefix(h.m.status.text, "Reloaded") {
		t.Errorf("status after r: %q", h.m.status.text)
	}
	if _, open := h.m.data.hold.rowOf("L-0005"); open {
		t.Error("the reload does not show the other writer's sale")
	}
	if h.m.basket.len() != 1 {
		t.Errorf("the basket did not survive the reload: %v", basketLots(h.m))
	}
	h.keys("m", "enter")
	if h.m.dialog != nil {
		t.Fatalf("retry failed: %q", h.m.dialog.err)
	}
	if !strings.HasPrefix(h.m.status.text, "Recorded B-0004 (1 sale)") {
		t.Errorf("status %q", h.m.status.text)
	}
	again, err := storage.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if b, sales := again.Portfolio.LastBatch(); b != "B-0004" || len(sales) != 1 || sales[0].Lot != "L-0003" {
		t.Errorf("file on disk: %s %v", b, sales)
	}
	if _, err := os.Stat(path + ".bak"); err != nil {
		t.Errorf("no backup: %v", err)
	}
}

func TestCollectionsAndRealizedFollowTheFirstScreen(t *testing.T) {
	m := New(Options{Today: today, Store: newFakeStore()})
	m.noTimers = true
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	msg := m.loadCmd(false)()
	_, cmd := m.Update(msg)
	if m.loadStage() != stagePartial || m.data.hold.Len() != 34 {
		t.Fatalf("first screen: stage %s, %d lots", m.loadStage(), m.data.hold.Len())
	}
	m.Update(keyMsg("2"))
	if !strings.Contains(ansiStrip(m.View().Content), "computing…") {
		t.Error("the collections tab does not say it is computing")
	}
	m.Update(keyMsg("s")) // sorting before the rows arrive is kept
	m.Update(cmd())
	if m.loadStage() != stageReady || m.data.coll.Len() != 11 || m.data.real.Len() != 14 {
		t.Fatalf("after completion: stage %s, %d collections, %d sales", m.loadStage(), m.data.coll.Len(), m.data.real.Len())
	}
	if m.current().sortField == cfUnreal {
		t.Error("the sort chosen while computing was lost")
	}
	if !strings.Contains(ansiStrip(m.View().Content), "11 of 11 collections") {
		t.Error("collections not shown after completion")
	}
}

// TestRecordThenUndoRestoresTheFile uses the real storage: recording a
// batch and undoing it gives back the hand-formatted file byte for byte.
func TestRecordThenUndoRestoresTheFile(t *testing.T) {
	path := samplePath(t)
	original, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	dark := true
	m := New(Options{Path: path, Today: today, Store: DiskStore{}, Dark: &dark})
	m.noTimers = true
	h := &harness{t: t, m: m}
	h.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	h.do(m.loadCmd(false))
	h.gotoLot("L-0003")
	h.keys("space", "m", "enter")
	if after, _ := os.ReadFile(path); string(after) == string(original) {
		t.Fatal("the record was not saved")
	}
	h.keys("u", "enter")
	if h.m.dialog != nil {
		t.Fatalf("undo failed: %q", h.m.dialog.err)
	}
	if after, _ := os.ReadFile(path); string(after) != string(original) {
		t.Error("record then undo did not give back the original bytes")
	}
}

// The first load may raise the collector target, and puts it back after.
func TestFirstLoadRestoresTheGCTarget(t *testing.T) {
	before := debug.SetGCPercent(150)
	defer debug.SetGCPercent(before)
	m := New(Options{Path: samplePath(t), Today: today, LoadGCPercent: 400})
	if msg := m.loadCmd(false)(); msg == nil {
		t.Fatal("no load result")
	}
	if got := debug.SetGCPercent(150); got != 150 {
		t.Errorf("GC target after the first load = %d, want 150 restored", got)
	}
}
