package ui

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// countingSource is n rows with keys key[row] and counts formatted cells.
type countingSource struct {
	keys  []int64
	ids   []string
	tie   []int32
	cells int
}

func newCountingSource(keys []int64) *countingSource {
	s := &countingSource{keys: keys}
	for i := range keys {
		s.ids = append(s.ids, fmt.Sprintf("R-%06d", i))
	}
	s.tie = rankIDs(s.ids)
	return s
}

func (s *countingSource) Len() int        { return len(s.keys) }
func (s *countingSource) ID(r int) string { return s.ids[r] }
func (s *countingSource) Tie(r int) int32 { return s.tie[r] }
func (s *countingSource) Key(r, f int) int64 {
	if f == 1 {
		return int64(s.tie[r])
	}
	return s.keys[r]
}
func (s *countingSource) Cell(_ *Styles, r, f, _ int) (string, paint) {
	s.cells++
	if f == 1 {
		return s.ids[r], paint{}
	}
	return fmt.Sprint(s.keys[r]), paint{}
}

var testCols = []column{
	{field: 0, key: 0, title: "Key", width: 6, align: alignRight},
	{field: 1, key: 1, title: "ID", width: 8, flex: true, min: 4},
	{field: 2, key: 2, title: "Extra", width: 10, drop: 1},
}

func TestTableFormatsOnlyVisibleRows(t *testing.T) {
	keys := make([]int64, 100_000)
	for i := range keys {
		keys[i] = int64((i * 7919) % 1000)
	}
	src := newCountingSource(keys)
	tb := newTable(src, slices.Clone(testCols), 0, false)
	tb.setSize(80, 20)
	st := NewStyles(true)
	src.cells = 0
	tb.bodyLines(&st)
	if src.cells != 20*3 {
		t.Errorf("formatted %d cells for 20 visible rows of 3 columns", src.cells)
	}
	tb.move(50_000)
	src.cells = 0
	lines := tb.bodyLines(&st)
	if src.cells != 60 || len(lines) != 20 {
		t.Errorf("after a jump: %d cells, %d lines", src.cells, len(lines))
	}
}

func TestTableSortIsTotalAndReselects(t *testing.T) {
	src := newCountingSource([]int64{5, 3, 5, 1, 3, 5})
	tb := newTable(src, slices.Clone(testCols), 0, false)
	tb.setSize(80, 10)
	got := func() []string {
		var ids []string
		for _, r := range tb.view {
			ids = append(ids, src.ids[r])
		}
		return ids
	}
	want := []string{"R-000003", "R-000001", "R-000004", "R-000000", "R-000002", "R-000005"}
	if !slices.Equal(got(), want) {
		t.Errorf("ascending = %v, want %v", got(), want)
	}
	tb.selectID("R-000004")
	tb.reverse()
	// Descending by key, ties still by id.
	want = []string{"R-000000", "R-000002", "R-000005", "R-000001", "R-000004", "R-000003"}
	if !slices.Equal(got(), want) {
		t.Errorf("descending = %v, want %v", got(), want)
	}
	if r, _ := tb.selected(); src.ids[r] != "R-000004" {
		t.Errorf("cursor on %s after reverse, want R-000004", src.ids[r])
	}
	tb.setFilter(func(r int) bool { return src.keys[r] != 5 })
	if r, _ := tb.selected(); src.ids[r] != "R-000004" {
		t.Errorf("cursor on %s after filter, want R-000004", src.ids[r])
	}
	tb.setFilter(func(r int) bool { return src.keys[r] == 5 })
	if _, ok := tb.selected(); !ok || tb.cursor != 1 {
		t.Errorf("row filtered out: cursor %d should stay at its position, clamped", tb.cursor)
	}
	tb.setFilter(func(int) bool { return false })
	if _, ok := tb.selected(); ok {
		t.Error("empty view has a selection")
	}
}

func TestTableLayoutDropsAndFits(t *testing.T) {
	src := newCountingSource([]int64{1, 2, 3})
	tb := newTable(src, slices.Clone(testCols), 0, false)
	tb.setSize(40, 5)
	if len(tb.shown) != 3 || tb.shown[1].width != 8 {
		t.Errorf("40 wide: %+v", tb.shown)
	}
	tb.setSize(20, 5) // 2 + 6 + 1 + 4 + 1 + 10 = 24 > 20: Extra goes
	if len(tb.shown) != 2 || tb.shown[1].width != 8 {
		t.Errorf("20 wide: %+v", tb.shown)
	}
	tb.setSize(12, 5) // flex shrinks to its minimum
	if tb.shown[1].width != 4-0 && tb.shown[1].width != 12-2-6-1 {
		t.Errorf("12 wide: %+v", tb.shown)
	}
	st := NewStyles(true)
	for _, l := range append(tb.bodyLines(&st), tb.headerView(&st)) {
		if w := ansi.StringWidth(l); w > 12 {
			t.Errorf("line %q is %d wide", ansi.Strip(l), w)
		}
	}
	if h := ansi.Strip(tb.headerView(&st)); !strings.Contains(h, "Key ↑") {
		t.Errorf("header %q lacks the sort arrow", h)
	}
}

func TestFit(t *testing.T) {
	for _, c := range []struct {
		in   string
		w    int
		a    alignment
		want string
	}{
		{"abc", 5, alignLeft, "abc  "},
		{"abc", 5, alignRight, "  abc"},
		{"abcdef", 4, alignLeft, "abc…"},
		{"▼ -1,234.56", 11, alignRight, "▼ -1,234.56"},
		{"▼ -1,234.56", 13, alignRight, "  ▼ -1,234.56"},
		{"Tessellate Editions", 10, alignLeft, "Tessellat…"},
		{"x", 0, alignLeft, ""},
	} {
		if got := fit(c.in, c.w, c.a); got != c.want {
			t.Errorf("fit(%q, %d) = %q, want %q", c.in, c.w, got, c.want)
		}
	}
}
