package ui

// Each tab declares its columns once, in a columnTable next to its Cell
// function: title, alignment, width limits, the order in which they drop
// out of a narrow table, and the sort key. Adding a column adds a field
// constant, a row of the table (indexed by the field), its sort key and
// its cell.

// colDef is one column of a tab.
type colDef struct {
	title string
	align alignment
	// minW and maxW bound the natural width, the widest cell as the tab
	// measures it (maxW 0: no bound).
	minW, maxW int
	// key is the field whose Key sorts this column (usually field).
	key int
	// In the wide layout: flex columns shrink down to flex when the table
	// is narrow (0: a fixed column); drop orders the columns removed when
	// the table is still too wide, higher first (0: never).
	flex, drop int
	// compactOnly columns appear in the compact layout only.
	compactOnly bool
}

// colPlace puts a column into the compact layout, where flex and drop
// are as in colDef; title and width, when set, replace the column's.
type colPlace struct {
	field      int
	title      string
	flex, drop int
	width      int
}

// columnTable is a tab's columns: every column, indexed by field, in the
// order of the wide layout; and the compact layout (narrow screens) in its
// own order.
type columnTable struct {
	cols    []colDef
	compact []colPlace
}

// width clamps a measured width of field f to the column's limits.
func (ct *columnTable) width(f, measured int) int {
	d := &ct.cols[f]
	w := max(measured, d.minW)
	if d.maxW > 0 {
		w = min(w, d.maxW)
	}
	return w
}

// widths clamps every measured width (indexed by field) in place.
func (ct *columnTable) widths(w []int) {
	for f := range ct.cols {
		w[f] = ct.width(f, w[f])
	}
}

// layout returns the columns of the wide or compact layout with the
// natural widths w (indexed by field, as widths leaves them).
func (ct *columnTable) layout(w []int, compact bool) []column {
	if compact {
		out := make([]column, len(ct.compact))
		for i, p := range ct.compact {
			d := &ct.cols[p.field]
			c := column{field: p.field, key: d.key, title: d.title, align: d.align, width: w[p.field],
				flex: p.flex > 0, min: p.flex, drop: p.drop}
			if p.title != "" {
				c.title = p.title
			}
			if p.width > 0 {
				c.width = p.width
			}
			out[i] = c
		}
		return out
	}
	out := make([]column, 0, len(ct.cols))
	for f, d := range ct.cols {
		if d.compactOnly {
			continue
		}
		out = append(out, column{field: f, key: d.key, title: d.title, align: d.align, width: w[f],
			flex: d.flex > 0, min: d.flex, drop: d.drop})
	}
	return out
}
