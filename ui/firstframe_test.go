package ui

import (
	"fmt"
	"strings"
	"testing"

	"nftharvest/portfolio"
	"nftharvest/storage"
	"nftharvest/synthetic"
	"nftharvest/taxrules"

	tea "charm.land/bubbletea/v2"
	"github.com/shopspring/decimal"
)

// fullOrder is the full Holdings table of p in the default order.
func fullOrder(t *testing.T, p *portfolio.Portfolio) (*holdings, []int32) {
	t.Helper()
	d, err := buildDataset(&storage.File{Path: "x.json", Portfolio: p}, p, benchToday, true)
	if err != nil {
		t.Fatal(err)
	}
	tb := newTable(d.hold, d.hold.columns(false), hfUnreal, false)
	return d.hold, tb.view
}

// sameCells fails when row i of got and row j of want differ in any cell.
func sameCells(t *testing.T, got *holdings, i int, want *holdings, j int) {
	t.Helper()
	st := NewStyles(true)
	if got.ID(i) != want.ID(j) {
		t.Fatalf("lot %s, want %s", got.ID(i), want.ID(j))
	}
	for f := range hfCount {
		g, _ := got.Cell(&st, i, f, 40)
		w, _ := want.Cell(&st, j, f, 40)
		if g != w {
			t.Errorf("lot %s field %d: %q, want %q", got.ID(i), f, g, w)
		}
	}
}

// The first frame's rows are exactly the first rows of the full table,
// whatever number of largest losses they are told from.
func TestFirstRowsAreThePrefixOfTheFullTable(t *testing.T) {
	for _, seed := range []int64{1, 2, 3} {
		p := synthetic.Portfolio(3000, seed)
		full, order := fullOrder(t, p)
		a, err := taxrules.AnalyzeWith(p, benchToday, taxrules.Options{LazyLots: true})
		if err != nil {
			t.Fatal(err)
		}
		for _, k := range []int{1, 2, 7, 40, 256, 1000, 5000} {
			t.Run(fmt.Sprintf("seed=%d/k=%d", seed, k), func(t *testing.T) {
				rows := firstRows(a, k)
				if k >= 40 && len(rows) < k/2 && len(rows) < len(order)/4 {
					t.Fatalf("only %d rows from %d losses", len(rows), k)
				}
				if len(rows) > len(order) {
					t.Fatalf("%d rows, the table has %d", len(rows), len(order))
				}
				h := holdingsOf(a, rows)
				h.markStale(portfolio.StalePrices(p, a.AsOf, portfolio.MaxPriceAge), a.Index)
				for i := range rows {
					sameCells(t, h, i, full, int(order[i]))
				}
			})
		}
		if got := a.OpenLots(); got != full.Len() {
			t.Errorf("seed %d: %d open lots, the full table has %d", seed, got, full.Len())
		}
	}
}

// A large first load shows a first frame (exact rows, exact lot count,
// totals pending), queues the keys, then swaps in the full dataset and
// replays them: same rows and numbers as a full build.
func TestFirstFrameThenFullDataset(t *testing.T) {
	defer func(n int) { firstFrameLots = n }(firstFrameLots)
	firstFrameLots = 1000
	p := synthetic.Portfolio(4000, 1)
	full, order := fullOrder(t, p)
	store := newFakeStore()
	store.file = &storage.File{Path: "synthetic.json", Portfolio: p}
	dark := true
	m := New(Options{Path: "synthetic.json", Today: benchToday, Store: store, Dark: &dark})
	m.noTimers = true
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})

	msg, ok := m.loadCmd(false)().(loadedMsg)
	if !ok || msg.d.stage != stageFirst {
		t.Fatalf("the first load of %d lots gave no first frame: %#v", len(p.Lots), msg)
	}
	_, cmd := m.Update(msg)
	if m.loadStage() != stageFirst || m.mode != modeBrowse {
		t.Fatalf("first frame not shown: stage %s, mode %s", m.loadStage(), m.mode)
	}
	screen := ansiStrip(m.View().Content)
	checkFrame(t, m.View().Content, 120, 40)
	count := fmt.Sprintf("%d of %d lots", full.Len(), full.Len())
	for _, want := range []string{count, "Value …", "Unrealized … …", "Harvestable ST … LT …", "Realized 2026"} {
		if !strings.Contains(screen, want) {
			t.Errorf("first frame lacks %q:\n%s", want, screen)
		}
	}
	tb := m.current()
	if len(tb.view) < m.lay.bodyH {
		t.Fatalf("first frame has %d rows for %d lines", len(tb.view), m.lay.bodyH)
	}
	for i := range m.lay.bodyH {
		sameCells(t, m.data.hold, int(tb.view[i]), full, int(order[i]))
	}
	realized := m.summarySegments()[4]

	// Keys wait for the full dataset; the mouse is ignored.
	m.Update(keyMsg("down"))
	m.Update(keyMsg("down"))
	m.Update(tea.MouseWheelMsg{Button: tea.MouseWheelDown})
	if r, _ := tb.selected(); tb.src.ID(r) != full.ID(int(order[0])) {
		t.Errorf("a key moved the first frame's cursor")
	}
	if cmd == nil {
		t.Fatal("no full build after the first frame")
	}
	fm, ok := cmd().(loadedMsg)
	if !ok || fm.d.stage != stageReady {
		t.Fatalf("the full build gave %#v", fm)
	}
	m.Update(fm)
	if m.loadStage() != stageReady || len(m.queued) != 0 {
		t.Fatal("the full dataset did not replace the first frame")
	}
	tb = m.current()
	for i, r := range order {
		sameCells(t, m.data.hold, int(tb.view[i]), full, int(r))
	}
	if r, _ := tb.selected(); tb.src.ID(r) != full.ID(int(order[2])) {
		t.Errorf("cursor on %s after the replayed keys, want %s", tb.src.ID(r), full.ID(int(order[2])))
	}
	if got := m.summarySegments()[4]; got != realized {
		t.Errorf("realized changed on the swap: %q, then %q", realized, got)
	}
	if strings.Contains(ansiStrip(m.View().Content), "…   ") || !strings.Contains(ansiStrip(m.View().Content), count) {
		t.Errorf("full screen:\n%s", ansiStrip(m.View().Content))
	}
}

// A first frame whose rows cannot fill the screen is not shown: the
// loading screen stays until the full dataset.
func TestFirstFrameTooShortWaits(t *testing.T) {
	m, cmd := firstLoad(t, 2000, firstFrameRows+50)
	if m.loadStage() != stageLoading || m.data != nil {
		t.Fatalf("a first frame too short for the screen was shown (stage %s)", m.loadStage())
	}
	m.Update(cmd())
	if m.mode != modeBrowse || m.loadStage() != stageReady {
		t.Fatalf("full dataset not shown: mode %s, stage %s", m.mode, m.loadStage())
	}
}

// Losses a fraction of a cent apart share a cents key, and the table
// orders them by lot id, not by the exact amount LargestLosses ranks by:
// the first frame keeps only the rows that cannot be reordered.
func TestFirstRowsWithSubCentLosses(t *testing.T) {
	p := synthetic.Portfolio(300, 1)
	tmpl := p.Lots[0]
	for i := range 60 {
		l := tmpl
		l.ID = fmt.Sprintf("L-9%03d", i)
		l.Cost = decimal.New(10_000_000_000+int64(i*7%13), -3) // 10,000,000.000-.012
		l.Value, l.Extra = nil, nil
		p.Lots = append(p.Lots, l)
	}
	full, order := fullOrder(t, p)
	a, err := taxrules.AnalyzeWith(p, benchToday, taxrules.Options{LazyLots: true})
	if err != nil {
		t.Fatal(err)
	}
	for k := 1; k <= 80; k++ {
		rows := firstRows(a, k)
		h := holdingsOf(a, rows)
		h.markStale(portfolio.StalePrices(p, a.AsOf, portfolio.MaxPriceAge), a.Index)
		for i := range rows {
			sameCells(t, h, i, full, int(order[i]))
		}
		if t.Failed() {
			t.Fatalf("k=%d", k)
		}
	}
}

// Keys pressed during the first frame that act on the Collections or
// Realized tab are replayed on complete tables: tab tab j lands on the
// second sale, as it does after loading.
func TestFirstFrameQueuedKeysOnOtherTabs(t *testing.T) {
	defer func(n int) { firstFrameLots = n }(firstFrameLots)
	firstFrameLots = 1000
	p := synthetic.Portfolio(4000, 1)
	store := newFakeStore()
	store.file = &storage.File{Path: "synthetic.json", Portfolio: p}
	dark := true
	m := New(Options{Path: "synthetic.json", Today: benchToday, Store: store, Dark: &dark})
	m.noTimers = true
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	_, cmd := m.Update(m.loadCmd(false)())
	if m.loadStage() != stageFirst {
		t.Fatal("no first frame")
	}
	m.Update(keyMsg("tab"))
	m.Update(keyMsg("tab"))
	m.Update(keyMsg("down"))
	_, replay := m.Update(cmd())
	for replay != nil { // follow-up commands (the rest of the build) until quiet
		msg := replay()
		if msg == nil {
			break
		}
		_, replay = m.Update(msg)
	}
	if m.tab != tabRealized {
		t.Fatalf("tab = %v, want realized", m.tab)
	}
	tb := m.current()
	if r, ok := tb.selected(); !ok || r != int(tb.view[1]) {
		t.Errorf("cursor on row %d, want the second sale (row %d)", r, tb.view[1])
	}
}

// Keys pressed on the loading screen of the first load are not lost: they
// are replayed once every table is there.
func TestKeysWhileLoadingAreReplayed(t *testing.T) {
	h := newHarness(t, 120, 40, "", nil)
	m := New(Options{Today: today, Store: h.store, Dark: h.m.opts.Dark})
	m.noTimers = true
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	if m.loadStage() != stageLoading {
		t.Fatalf("stage %s before the load", m.loadStage())
	}
	m.Update(keyMsg("down"))
	m.Update(keyMsg("down"))
	_, next := m.Update(m.loadCmd(false)())
	for next != nil {
		msg := next()
		if msg == nil {
			break
		}
		_, next = m.Update(msg)
	}
	tb := m.current()
	if r, ok := tb.selected(); !ok || r != int(tb.view[2]) {
		t.Errorf("cursor on row %d after two queued downs, want row %d", r, tb.view[2])
	}
}

// The summary bar of a large portfolio keeps its number of lines when the
// totals replace the first frame's "…", at every width, so the rows do not
// move.
func TestFirstFrameSummaryKeepsItsLines(t *testing.T) {
	defer func(n int) { firstFrameLots = n }(firstFrameLots)
	firstFrameLots = 1000
	p := synthetic.Portfolio(20_000, 2)
	f := &storage.File{Path: "synthetic.json", Portfolio: p}
	first, err := firstDataset(f, p, benchToday)
	if err != nil || first == nil {
		t.Fatalf("no first frame: %v", err)
	}
	full := datasetOf(f, p, first.a, true, first.stale)
	dark := true
	m := New(Options{Path: "synthetic.json", Today: benchToday, Store: newFakeStore(), Dark: &dark})
	m.noTimers = true
	for w := 40; w <= 200; w += 4 {
		m.Update(tea.WindowSizeMsg{Width: w, Height: 40})
		m.setData(first)
		m.relayout()
		before := len(m.lay.summary)
		m.setData(full)
		m.relayout()
		if after := len(m.lay.summary); after != before {
			t.Errorf("width %d: the summary bar went from %d to %d lines:\n%s", w, before, after, strings.Join(m.lay.summary, "\n"))
		}
	}
}

// A first frame whose rows no longer fill a taller window gives way to
// the loading screen; keys still wait, and the full dataset ends the wait.
func TestFirstFrameGrownTallerWaits(t *testing.T) {
	m, full := firstLoad(t, 2000, 40)
	if m.loadStage() != stageFirst {
		t.Fatalf("stage %s, want a first frame", m.loadStage())
	}
	m.Update(tea.WindowSizeMsg{Width: 120, Height: firstFrameRows + 50})
	if m.loadStage() != stageLoading || !strings.Contains(ansiStrip(m.View().Content), "Loading") {
		t.Fatalf("stage %s after growing past the first frame's rows:\n%s", m.loadStage(), ansiStrip(m.View().Content))
	}
	m.Update(keyMsg("3"))
	if len(m.queued) != 1 {
		t.Fatalf("%d keys queued on the loading screen", len(m.queued))
	}
	m.Update(full())
	if m.loadStage() != stageReady || m.tab != tabRealized || len(m.queued) != 0 {
		t.Errorf("after the full dataset: stage %s, tab %s, %d keys queued", m.loadStage(), m.tab, len(m.queued))
	}
}

func TestStageNames(t *testing.T) {
	for s, want := range map[stage]string{stageLoading: "loading", stageFirst: "first frame", stagePartial: "partial", stageReady: "ready", 9: "stage(9)"} {
		if got := s.String(); got != want {
			t.Errorf("stage %d = %q, want %q", s, got, want)
		}
	}
}

// firstLoad makes a model of a synthetic portfolio of n lots on a screen
// 120 columns wide and h lines high, with first frames from 1,000 lots,
// and delivers its first load; next is the command that load returns.
func firstLoad(t *testing.T, n, h int) (m *Model, next tea.Cmd) {
	t.Helper()
	saved := firstFrameLots
	firstFrameLots = 1000
	t.Cleanup(func() { firstFrameLots = saved })
	store := newFakeStore()
	store.file = &storage.File{Path: "synthetic.json", Portfolio: synthetic.Portfolio(n, 1)}
	m = New(Options{Path: "synthetic.json", Today: benchToday, Store: store})
	m.noTimers = true
	m.Update(tea.WindowSizeMsg{Width: 120, Height: h})
	_, next = m.Update(m.loadCmd(false)())
	return m, next
}
