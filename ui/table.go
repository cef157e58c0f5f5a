package ui

import (
	"cmp"
	"slices"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// source is the data behind a table: rows addressed by index, each with an
// id, integer sort keys per field (computed once per analysis) and a cell
// formatter called only for the rows on screen.
type source interface {
	Len() int
	ID(row int) string
	// Tie orders rows with equal keys: the rank of the row's id.
	Tie(row int) int32
	// Key is the precomputed sort key of a field.
	Key(row, field int) int64
	// Cell formats one cell of width w and picks its paint; text wider
	// than w is cut by the table.
	Cell(st *Styles, row, field, w int) (string, paint)
}

// rowIDs is the part of a source every tab shares: the rows' ids and
// their tie ranks.
type rowIDs struct {
	ids []string
	tie []int32
}

// Len is the number of rows.
func (r *rowIDs) Len() int { return len(r.ids) }

// ID is the row's id.
func (r *rowIDs) ID(row int) string { return r.ids[row] }

// Tie is the rank of the row's id.
func (r *rowIDs) Tie(row int) int32 { return r.tie[row] }

type alignment uint8

const (
	alignLeft alignment = iota
	alignRight
)

// column describes one table column.
type column struct {
	field int // the cell
	key   int // the field whose Key sorts the column
	title string
	align alignment
	// width is the natural width; layout may shrink flex columns.
	width int
	// flex columns shrink to min and grow to width.
	flex bool
	min  int
	// drop orders the columns removed when the table is too narrow:
	// higher first; 0 is never removed.
	drop int
}

// table is a small table that sorts on integer keys, filters, keeps the
// cursor on the same row (by id) across sorts and filters, and formats only
// the visible window of rows.
type table struct {
	src  source
	cols []column // every column this table can show
	// shown are the columns laid out at the current width, with widths.
	shown []column
	colX  []int // start x of each shown column, relative to the table

	width, height int // height counts body rows only

	order []int32 // every row, sorted
	view  []int32 // rows passing the filter, in sorted order
	match func(row int) bool

	sortField int
	desc      bool

	cursor, offset int
	selRow         int32 // source row under the cursor, -1 when none

	// inBasket marks rows with the basket marker; nil for none.
	inBasket func(row int) bool

	sortBuf []sortItem
	// passBuf is refilter's scratch, kept like sortBuf (a million lots:
	// 1 MB of garbage per keystroke otherwise).
	passBuf []bool
}

type sortItem struct {
	key int64
	tie int32
	row int32
}

const gutterWidth = 2 // cursor marker and basket marker

// withTitles widens columns to their titles.
func withTitles(cols []column) []column {
	for i := range cols {
		cols[i].width = max(cols[i].width, textWidth(cols[i].title))
	}
	return cols
}

func newTable(src source, cols []column, sortField int, desc bool) *table {
	t := &table{src: src, cols: cols, sortField: sortField, desc: desc, selRow: -1}
	t.sort()
	return t
}

// sort orders every row by the sort field (ties by id rank) and re-applies
// the filter, keeping the cursor on its row.
func (t *table) sort() {
	n := t.src.Len()
	// The buffer is kept between sorts (16 bytes a row): a fresh one each
	// time was 15 MB of garbage per sort at a million lots, and the heap
	// grew with the sorts faster than the garbage collector freed it.
	items := t.sortBuf[:0]
	if cap(items) < n {
		items = make([]sortItem, 0, n)
	}
	f := t.sortField
	for i := range n {
		items = append(items, sortItem{key: t.src.Key(i, f), tie: t.src.Tie(i), row: int32(i)})
	}
	desc := t.desc
	// The tie rank makes the order total, so an unstable sort gives the
	// same, deterministic result as a stable one, faster.
	slices.SortFunc(items, func(a, b sortItem) int {
		if c := cmp.Compare(a.key, b.key); c != 0 {
			if desc {
				return -c
			}
			return c
		}
		return cmp.Compare(a.tie, b.tie)
	})
	if cap(t.order) < n {
		t.order = make([]int32, n)
	}
	t.order = t.order[:n]
	for i := range items {
		t.order[i] = items[i].row
	}
	t.sortBuf = items
	t.refilter()
}

// setSort sorts by field; asking again for the sorted field reverses it.
func (t *table) setSort(field int, toggle bool) {
	if toggle && field == t.sortField {
		t.desc = !t.desc
	} else {
		t.sortField = field
	}
	t.sort()
}

// cycleSort moves the sort to the next shown column.
func (t *table) cycleSort() {
	if len(t.shown) == 0 {
		return
	}
	i := slices.IndexFunc(t.shown, func(c column) bool { return c.key == t.sortField })
	t.sortField = t.shown[(i+1)%len(t.shown)].key
	t.sort()
}

// reverse flips the sort direction.
func (t *table) reverse() {
	t.desc = !t.desc
	t.sort()
}

// setFilter installs a row predicate (nil for all rows) and re-filters.
func (t *table) setFilter(match func(row int) bool) {
	t.match = match
	t.refilter()
}

func (t *table) refilter() {
	if t.match == nil {
		t.view = t.order
	} else {
		// Rows are tested in their own order, not the sorted one: the
		// data behind them is then read in the order it lies in memory
		// (at 100k lots and more, the filter waited on the memory).
		pass := t.passBuf[:0]
		if cap(pass) < len(t.order) {
			pass = make([]bool, len(t.order))
		} else {
			pass = pass[:len(t.order)]
			clear(pass)
		}
		t.passBuf = pass
		n := 0
		for r := range pass {
			if t.match(r) {
				pass[r] = true
				n++
			}
		}
		v := make([]int32, 0, n)
		for _, r := range t.order {
			if pass[r] {
				v = append(v, r)
			}
		}
		t.view = v
	}
	t.reselect()
}

// reselect puts the cursor back on selRow when it is still in view;
// otherwise it keeps the cursor position, clamped.
func (t *table) reselect() {
	if t.selRow >= 0 {
		if i := slices.Index(t.view, t.selRow); i >= 0 {
			t.cursor = i
		}
	}
	t.clamp()
}

// selectID puts the cursor on the row with the given id, if it is in view.
func (t *table) selectID(id string) bool {
	for i, r := range t.view {
		if t.src.ID(int(r)) == id {
			t.cursor = i
			t.clamp()
			return true
		}
	}
	return false
}

func (t *table) clamp() {
	if t.cursor >= len(t.view) {
		t.cursor = len(t.view) - 1
	}
	if t.cursor < 0 {
		t.cursor = 0
	}
	if len(t.view) == 0 {
		t.selRow = -1
	} else {
		t.selRow = t.view[t.cursor]
	}
	h := max(t.height, 1)
	if t.cursor < t.offset {
		t.offset = t.cursor
	}
	if t.cursor >= t.offset+h {
		t.offset = t.cursor - h + 1
	}
	if maxOff := max(len(t.view)-h, 0); t.offset > maxOff {
		t.offset = maxOff
	}
	if t.offset < 0 {
		t.offset = 0
	}
}

// move moves the cursor by delta rows.
func (t *table) move(delta int) {
	t.cursor += delta
	t.clamp()
}

// top and bottom jump to the first and last row.
func (t *table) top()    { t.cursor = 0; t.clamp() }
func (t *table) bottom() { t.cursor = len(t.view) - 1; t.clamp() }

// scroll moves the window by delta rows, keeping the cursor inside it.
func (t *table) scroll(delta int) {
	h := max(t.height, 1)
	t.offset = min(max(t.offset+delta, 0), max(len(t.view)-h, 0))
	if t.cursor < t.offset {
		t.cursor = t.offset
	}
	if t.cursor >= t.offset+h {
		t.cursor = t.offset + h - 1
	}
	t.clamp()
}

// clickRow selects the row at body line y (0 = first body row).
func (t *table) clickRow(y int) bool {
	i := t.offset + y
	if y < 0 || i >= len(t.view) {
		return false
	}
	t.cursor = i
	t.clamp()
	return true
}

// keyAt returns the sort key of the shown column at x, if any.
func (t *table) keyAt(x int) (int, bool) {
	for i, c := range t.shown {
		if x >= t.colX[i] && x < t.colX[i]+c.width {
			return c.key, true
		}
	}
	return 0, false
}

// selected returns the source row under the cursor.
func (t *table) selected() (int, bool) {
	if t.selRow < 0 {
		return 0, false
	}
	return int(t.selRow), true
}

// setSize lays the columns out in width w with h body rows: columns with
// the highest drop order go first until the rest fit; flex columns take the
// remaining space up to their natural width.
func (t *table) setSize(w, h int) {
	t.width, t.height = w, h
	shown := slices.Clone(t.cols)
	for i, c := range shown {
		// The sorted column's title keeps room for the arrow.
		if c.key == t.sortField {
			need := textWidth(c.title) + 2
			shown[i].width = max(c.width, need)
			if c.flex {
				shown[i].min = max(c.min, min(need, c.width))
			}
		}
	}
	need := func() int {
		n := gutterWidth
		for i, c := range shown {
			if i > 0 {
				n++
			}
			if c.flex {
				n += c.min
			} else {
				n += c.width
			}
		}
		return n
	}
	for need() > w {
		worst := -1
		for i, c := range shown {
			if c.drop > 0 && (worst < 0 || c.drop > shown[worst].drop) {
				worst = i
			}
		}
		if worst < 0 {
			break
		}
		shown = slices.Delete(shown, worst, worst+1)
	}
	spare := w - need()
	for i := range shown {
		if shown[i].flex {
			grow := max(shown[i].width-shown[i].min, 0)
			if spare < 0 {
				grow = max(spare, 1-shown[i].min) // shrink below the minimum
			} else {
				grow = min(spare, grow)
			}
			shown[i].width = shown[i].min + grow
			spare -= grow
		}
	}
	t.shown = shown
	t.colX = t.colX[:0]
	x := gutterWidth
	for i, c := range shown {
		if i > 0 {
			x++
		}
		t.colX = append(t.colX, x)
		x += c.width
	}
	t.clamp()
}

// lineWidth is the width of a rendered row.
func (t *table) lineWidth() int {
	if len(t.shown) == 0 {
		return gutterWidth
	}
	last := len(t.shown) - 1
	return t.colX[last] + t.shown[last].width
}

// sortArrow marks the sort direction: ↑ ascending, ↓ descending (not
// ▲/▼, which mark gains and losses).
func sortArrow(desc bool) string {
	if desc {
		return "↓"
	}
	return "↑"
}

// headerView renders the column titles with the sort indicator.
func (t *table) headerView(st *Styles) string {
	var b strings.Builder
	b.WriteString(st.paints.header.pre)
	b.WriteString(strings.Repeat(" ", gutterWidth))
	for i, c := range t.shown {
		if i > 0 {
			b.WriteByte(' ')
		}
		title := c.title
		if c.key == t.sortField {
			arrow := " " + sortArrow(t.desc)
			if c.width > 2 {
				title = fit(title, c.width-2, alignLeft)
				title = strings.TrimRight(title, " ") + arrow
			}
		}
		b.WriteString(fit(title, c.width, c.align))
	}
	b.WriteString(st.paints.header.post)
	if t.lineWidth() > t.width {
		return ansi.Truncate(b.String(), t.width, "")
	}
	return b.String()
}

// bodyLines renders the visible rows, exactly t.height lines (blank lines
// below the last row).
func (t *table) bodyLines(st *Styles) []string {
	lines := make([]string, 0, t.height)
	end := min(t.offset+t.height, len(t.view))
	var b strings.Builder
	tooWide := t.lineWidth() > t.width
	for i := t.offset; i < end; i++ {
		b.Reset()
		t.renderRow(&b, st, int(t.view[i]), i == t.cursor)
		if tooWide {
			lines = append(lines, ansi.Truncate(b.String(), t.width, ""))
		} else {
			lines = append(lines, b.String())
		}
	}
	for len(lines) < t.height {
		lines = append(lines, "")
	}
	return lines
}

func (t *table) renderRow(b *strings.Builder, st *Styles, row int, selected bool) {
	sel := st.paints.selected
	open := func() {
		if selected {
			b.WriteString(sel.pre)
		}
	}
	closeSel := func() {
		if selected {
			b.WriteString(sel.post)
		}
	}
	open()
	if selected {
		b.WriteString("›")
	} else {
		b.WriteByte(' ')
	}
	if t.inBasket != nil && t.inBasket(row) {
		closeSel()
		open()
		b.WriteString(st.paints.header.pre)
		b.WriteString("●")
		b.WriteString(st.paints.header.post)
		open()
	} else {
		b.WriteByte(' ')
	}
	for i, c := range t.shown {
		if i > 0 {
			b.WriteByte(' ')
		}
		text, p := t.src.Cell(st, row, c.field, c.width)
		cell := fit(safe(text), c.width, c.align)
		if p.pre != "" {
			b.WriteString(p.pre)
			b.WriteString(cell)
			b.WriteString(p.post)
			open()
		} else {
			b.WriteString(cell)
		}
	}
	if selected {
		if pad := t.width - t.lineWidth(); pad > 0 {
			b.WriteString(strings.Repeat(" ", pad))
		}
	}
	closeSel()
}

// isASCII reports whether s is plain ASCII (one column per byte).
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// textWidth is the display width of plain text (no escape sequences).
func textWidth(s string) int {
	if isASCII(s) {
		return len(s)
	}
	return ansi.StringWidth(s)
}

// cut shortens plain text to at most w cells, ending in "…" (without a
// space before it).
func cut(s string, w int) string {
	if textWidth(s) <= w {
		return s
	}
	if w <= 1 {
		return ansi.Truncate(s, w, "")
	}
	return strings.TrimRight(ansi.Truncate(s, w-1, ""), " ") + "…"
}

// fit pads or truncates plain text to exactly w columns ("…" marks a cut).
func fit(s string, w int, a alignment) string {
	if w <= 0 {
		return ""
	}
	n := textWidth(s)
	if n > w {
		s = cut(s, w)
		n = textWidth(s)
	}
	if n == w {
		return s
	}
	pad := strings.Repeat(" ", w-n)
	if a == alignRight {
		return pad + s
	}
	return s + pad
}
