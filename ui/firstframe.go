package ui

import (
	"fmt"
	"slices"
	"sync"

	"nftharvest/portfolio"
	"nftharvest/storage"
	"nftharvest/taxrules"

	tea "charm.land/bubbletea/v2"
)

// The first frame of a large portfolio. Building every lot's state and the
// whole Holdings table takes most of the time before the first screen, yet
// that screen shows only the largest losses (the default order) and the
// summary bar. So the first load of a large file analyses the sales only
// (taxrules.Options.LazyLots), builds the states of the largest losses,
// and shows them at once; the full dataset is built right after (fullCmd)
// and replaces it, keeping the cursor by lot id.
//
// Nothing in the first frame is an estimate: its rows are exactly the
// first rows of the full table (firstRows proves which ones), the lot
// count and the realized figures are exact, and the totals that need every
// lot's state (value, unrealized, harvestable) are shown as "…" until the
// full dataset arrives. Keys other than quit are queued meanwhile and
// replayed on the full data; the mouse is ignored.

// firstFrameLots is the portfolio size from which the first load shows a
// first frame (below, the full build is quick enough).
var firstFrameLots = 20_000

// firstFrameRows is how many of the largest losses the first frame ranks:
// enough rows for a tall terminal.
const firstFrameRows = 256

// firstDataset analyses p without lot states and returns the first frame's
// dataset, or nil when its rows cannot be told exactly (the caller then
// builds the full dataset).
func firstDataset(f *storage.File, p *portfolio.Portfolio, today portfolio.Date) (*dataset, error) {
	// The stale prices (a quarter of a second at 1M lots) need the
	// portfolio only: they are listed on the other core while the sales
	// are analysed. The open lots are counted there while the largest
	// losses are ranked (both read every lot). The other totals need
	// every lot's state and wait for the full dataset.
	var stale []portfolio.StalePrice
	var open int
	var crash [2]any // a panic of either, raised again on this goroutine
	var wg sync.WaitGroup
	goCatching := func(c *any, fn func()) {
		wg.Go(func() {
			defer func() { *c = recover() }()
			fn()
		})
	}
	goCatching(&crash[0], func() { stale = portfolio.StalePrices(p, today, portfolio.MaxPriceAge) })
	a, err := taxrules.AnalyzeWith(p, today, taxrules.Options{LazyLots: true})
	if err != nil {
		wg.Wait()
		return nil, fmt.Errorf("analysing %s: %w", displayName(f), err)
	}
	goCatching(&crash[1], func() { open = a.OpenLots() })
	rows := firstRows(a, firstFrameRows)
	wg.Wait()
	for _, c := range crash {
		if c != nil {
			panic(c)
		}
	}
	if len(rows) == 0 {
		return nil, nil
	}
	d := &dataset{
		file: f, p: p, a: a, sum: a.Summary(a.TaxYear),
		hold: holdingsOf(a, rows), coll: &collections{}, real: &realized{},
		stage: stageFirst, tot: taxrules.Totals{OpenLots: open}, stale: stale,
	}
	d.hold.markStale(d.stale, a.Index)
	return d, nil
}

// firstRows returns the states of the lots that open the Holdings table in
// its default order (Unrealized ascending, ties by lot id), as far as they
// can be told from the k largest losses alone.
//
// The table sorts by a cents key c (holdRow.keys[hfUnreal]) that is within
// 1.2 cents of the exact unrealized amount v (in cents) when |v| < 10^15:
// rounded to the cent, or truncated from a float64 when the amounts have
// too many digits. LargestLosses returns the k lots of smallest v (ties by
// id). Any other lot x has v(x) >= v(K), the last of them, so c(x) >
// c(K) - 2.4, that is c(x) >= c(K) - 2: every lot of key <= c(K) - 3 is
// among the k, and their order by (key, id) is the table's. When fewer
// than k lots have a loss, all of them are returned and the other lots have
// keys >= 0: every lot of key < 0 is among them.
func firstRows(a *taxrules.Analysis, k int) []taxrules.LotState {
	cands := a.LargestLosses(k)
	if len(cands) == 0 {
		return nil
	}
	h := holdingsOf(a, cands)
	cut := int64(0) // rows of key < cut are certain
	if len(cands) == k {
		last := h.rows[len(cands)-1].unreal
		if last <= -1e14 {
			return nil // beyond the bound above: let the full build tell
		}
		cut = last - 2
	}
	idx := make([]int, 0, len(cands))
	for i := range h.rows {
		if h.rows[i].unreal < cut {
			idx = append(idx, i)
		}
	}
	slices.SortFunc(idx, func(x, y int) int {
		if c := h.rows[x].unreal - h.rows[y].unreal; c != 0 {
			if c < 0 {
				return -1
			}
			return 1
		}
		return int(h.tie[x] - h.tie[y])
	})
	rows := make([]taxrules.LotState, len(idx))
	for i, j := range idx {
		rows[i] = cands[j]
	}
	return rows
}

// showFirst installs a first frame when its rows fill the screen (else the
// loading screen stays until the full dataset arrives).
func (m *Model) showFirst(d *dataset) {
	if m.loadStage() == stageLoading && d.hold.Len() >= m.height {
		m.setData(d)
	}
}

// fullCmd builds the full dataset of a first frame.
func (m *Model) fullCmd(first *dataset) tea.Cmd {
	session := m.opts.LoadGCPercent > 0 // the binary's own GC policy
	return func() tea.Msg {
		lift := buildLimit(len(first.p.Lots)) // see gcbuild.go
		// The first frame's analysis already ran the sales pass: it now
		// builds the lot states once, for the tables. All three tables:
		// keys queued during the first frame may act on the Collections or
		// Realized tab as soon as this arrives.
		d := datasetOf(first.file, first.p, first.a, true, first.stale)
		lift()
		if session {
			sessionGC()
		}
		return loadedMsg{d: d}
	}
}

// replayQueued applies the keys pressed during the first frame to the
// full data, in order.
func (m *Model) replayQueued() tea.Cmd {
	q := m.queued
	m.queued = nil
	var cmds []tea.Cmd
	for _, k := range q {
		m.syncKeys()
		m.relayout()
		cmds = append(cmds, m.update(k))
	}
	return tea.Batch(cmds...)
}
