package ui

import (
	"cmp"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"

	"nftharvest/portfolio"
	"nftharvest/storage"
	"nftharvest/synthetic"

	tea "charm.land/bubbletea/v2"
)

// Benchmarks of the TUI on synthetic portfolios (synthetic.Portfolio).
// Figures are recorded in docs/performance.md ("TUI").

var (
	benchMu  sync.Mutex
	benchPfs = map[int]*portfolio.Portfolio{}
)

func benchPortfolio(n int) *portfolio.Portfolio {
	benchMu.Lock()
	defer benchMu.Unlock()
	if p, ok := benchPfs[n]; ok {
		return p
	}
	p := synthetic.Portfolio(n, 1)
	benchPfs[n] = p
	return p
}

var benchToday = portfolio.MustDate(synthetic.Today)

// benchModel is a loaded model of n lots on a 120×40 screen.
func benchModel(b *testing.B, n int) *Model {
	b.Helper()
	p := benchPortfolio(n)
	f := &storage.File{Path: "synthetic.json", Portfolio: p}
	d, err := buildDataset(f, p, benchToday, true)
	if err != nil {
		b.Fatal(err)
	}
	m := New(Options{Path: f.Path, Today: benchToday, Store: newFakeStore()})
	m.noTimers = true
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	m.Update(loadedMsg{d: d})
	return m
}

var sizes = []int{100, 100_000}

// bigSizes adds 1M lots (about 2 GB of heap and a minute of setup) unless
// -short.
func bigSizes() []int {
	if testing.Short() {
		return sizes
	}
	return append(sizes, 1_000_000)
}

// BenchmarkView is one cursor move (or one page) and the frame it draws.
func BenchmarkView(b *testing.B) {
	for _, n := range bigSizes() {
		for _, step := range []struct {
			name string
			key  tea.KeyPressMsg
		}{{"cursor", keyMsg("down")}, {"page", keyMsg("pgdown")}} {
			b.Run(fmt.Sprintf("lots=%d/%s", n, step.name), func(b *testing.B) {
				m := benchModel(b, n)
				up := keyMsg("g")
				b.ReportAllocs()
				i := 0
				c0 := cpuTime()
				for b.Loop() {
					i++
					if m.current().cursor >= len(m.current().view)-m.lay.bodyH {
						m.Update(up)
					}
					m.Update(step.key)
					_ = m.View()
				}
				reportCPU(b, c0)
			})
		}
	}
}

// BenchmarkSort is a full re-sort of the holdings (s on another column).
func BenchmarkSort(b *testing.B) {
	for _, n := range bigSizes() {
		b.Run(fmt.Sprintf("lots=%d", n), func(b *testing.B) {
			m := benchModel(b, n)
			t := m.tables[tabHoldings]
			fields := []int{hfAcquired, hfUnreal, hfCollection, hfBasis}
			b.ReportAllocs()
			i := 0
			c0 := cpuTime()
			for b.Loop() {
				t.setSort(fields[i%len(fields)], false)
				i++
			}
			reportCPU(b, c0)
		})
	}
}

// BenchmarkSortStable is the same sort with slices.SortStableFunc, for
// comparison: the id tie-break makes the order total, so both give the
// same rows; the unstable sort is the faster.
func BenchmarkSortStable(b *testing.B) {
	m := benchModel(b, 100_000)
	t := m.tables[tabHoldings]
	items := make([]sortItem, t.src.Len())
	fields := []int{hfAcquired, hfUnreal, hfCollection, hfBasis}
	b.ReportAllocs()
	n := 0
	c0 := cpuTime()
	for b.Loop() {
		f := fields[n%len(fields)]
		n++
		for i := range items {
			items[i] = sortItem{key: t.src.Key(i, f), tie: t.src.Tie(i), row: int32(i)}
		}
		slices.SortStableFunc(items, func(a, b sortItem) int {
			if c := cmp.Compare(a.key, b.key); c != 0 {
				return c
			}
			return cmp.Compare(a.tie, b.tie)
		})
	}
	reportCPU(b, c0)
}

// BenchmarkFilter is one keystroke of the live filter over every lot.
func BenchmarkFilter(b *testing.B) {
	m := benchModel(b, 100_000)
	m.Update(keyMsg("/"))
	b.ReportAllocs()
	c0 := cpuTime()
	for b.Loop() {
		m.Update(keyMsg("7"))
		m.Update(keyMsg("backspace"))
	}
	reportCPU(b, c0)
}

// BenchmarkBuild is the work between reading the file and the first
// frame: analysis, holdings rows and sort keys, the first sort, the frame.
// The Collections and Realized tables follow (BenchmarkBuildRest).
func BenchmarkBuild(b *testing.B) {
	for _, n := range sizes {
		b.Run(fmt.Sprintf("lots=%d", n), func(b *testing.B) {
			p := benchPortfolio(n)
			f := &storage.File{Path: "synthetic.json", Portfolio: p}
			b.ReportAllocs()
			c0 := cpuTime()
			for b.Loop() {
				d, err := buildDataset(f, p, benchToday, false)
				if err != nil {
					b.Fatal(err)
				}
				m := New(Options{Path: f.Path, Today: benchToday})
				m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
				m.Update(loadedMsg{d: d})
				_ = m.View()
			}
			reportCPU(b, c0)
		})
	}
}

// BenchmarkBuildRest builds the Collections and Realized tables, which
// arrive just after the first screen.
func BenchmarkBuildRest(b *testing.B) {
	for _, n := range sizes {
		b.Run(fmt.Sprintf("lots=%d", n), func(b *testing.B) {
			p := benchPortfolio(n)
			d, err := buildDataset(&storage.File{Path: "synthetic.json", Portfolio: p}, p, benchToday, false)
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			c0 := cpuTime()
			for b.Loop() {
				if _, ok := completeCmd(d)().(completedMsg); !ok {
					b.Fatal("no completedMsg")
				}
			}
			reportCPU(b, c0)
		})
	}
}

// BenchmarkFirstScreen is load (storage) + build + the first frame from a
// file on disk, as the program does before the user sees the holdings.
func BenchmarkFirstScreen(b *testing.B) {
	for _, n := range sizes {
		b.Run(fmt.Sprintf("lots=%d", n), func(b *testing.B) {
			data, err := storage.Encode(benchPortfolio(n))
			if err != nil {
				b.Fatal(err)
			}
			path := filepath.Join(b.TempDir(), "p.json")
			if err := os.WriteFile(path, data, 0o644); err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			c0 := cpuTime()
			for b.Loop() {
				m := New(Options{Path: path, Today: benchToday})
				m.noTimers = true
				m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
				m.Update(m.loadCmd(false)())
				if m.err != nil {
					b.Fatal(m.err)
				}
				_ = m.View()
			}
			reportCPU(b, c0)
		})
	}
}

// BenchmarkWhatIf is a basket change of 100 lots: the preview's Simulate.
func BenchmarkWhatIf(b *testing.B) {
	m := benchModel(b, 100_000)
	t := m.tables[tabHoldings]
	for i := 0; i < 100 && i < len(t.view); i++ {
		m.basket.toggle(t.src.ID(int(t.view[i])))
	}
	b.ReportAllocs()
	c0 := cpuTime()
	for b.Loop() {
		m.simulate(&m.basket)
		if m.preview.res == nil {
			b.Fatal(m.preview.stale)
		}
	}
	reportCPU(b, c0)
}
