package cli

import (
	"bufio"
	"io"
	"slices"
	"strings"

	"nftharvest/money"
	"nftharvest/safetext"

	"github.com/mattn/go-runewidth"
	"github.com/shopspring/decimal"
)

// Width is the terminal width tables are laid out for.
const Width = 80

// column describes one table column.
type column struct {
	header string
	right  bool // right-align (numbers)
	flex   bool // takes the width left over, truncating with "…"
	min    int  // minimum width of a flex column
	gap    int  // spaces before the column (ignored for the first)
	// keepTail keeps the text from the last " #" (a token id) when the
	// cell must be truncated, shortening the name before it instead.
	keepTail bool
}

// table is a plain-text table: headers, rows of cells, aligned columns.
type table struct {
	cols     []column
	rows     [][]string
	noHeader bool
	// widest is the width of each column's widest cell or header so far.
	widest []int
}

// add appends a row. Every cell is made safe (safetext.String) before it
// is measured, so a control character in a name shows as a visible escape
// and counts at its shown width.
func (t *table) add(cells ...string) {
	for i, c := range cells {
		cells[i] = safetext.String(c)
	}
	t.measure(cells)
	t.rows = append(t.rows, cells)
}

// measure counts the widths of a row of safe cells (a table streamed
// without keeping its rows measures every row, then writes each with
// appendLine).
func (t *table) measure(cells []string) {
	if t.widest == nil {
		t.widest = make([]int, len(t.cols))
		for i, c := range t.cols {
			t.widest[i] = runewidth.StringWidth(c.header)
		}
	}
	for i := range t.cols {
		if i < len(cells) {
			t.widest[i] = max(t.widest[i], runewidth.StringWidth(cells[i]))
		}
	}
}

// widths returns the width of every column so that the table fits in
// width: fixed columns get their content's width, the flex column (if any)
// what is left, but never less than its minimum.
func (t *table) widths(width int) []int {
	t.measure(nil)
	w := slices.Clone(t.widest)
	used := 0
	for i, c := range t.cols {
		if i > 0 {
			used += c.gap
		}
		if !c.flex {
			used += w[i]
		}
	}
	// Flex columns get their minimum, then what is left, in order.
	left := width - used
	for _, c := range t.cols {
		if c.flex {
			left -= c.min
		}
	}
	for i, c := range t.cols {
		if c.flex {
			extra := max(0, min(w[i]-c.min, left))
			left -= extra
			w[i] = c.min + extra
		}
	}
	return w
}

// render writes the table: a header line, then one line per row, trailing
// spaces trimmed.
func (t *table) render(out io.Writer, width int) error {
	w := t.widths(width)
	b := bufio.NewWriter(out)
	var line []byte
	if !t.noHeader {
		line = t.appendHeader(line[:0], w)
		b.Write(line)
	}
	for _, r := range t.rows {
		line = t.appendLine(line[:0], w, r)
		b.Write(line)
	}
	return b.Flush()
}

// appendHeader appends the header line for column widths w.
func (t *table) appendHeader(dst []byte, w []int) []byte {
	headers := make([]string, len(t.cols))
	for i, c := range t.cols {
		headers[i] = c.header
	}
	return t.appendLine(dst, w, headers)
}

// appendLine appends one row of safe cells laid out in column widths w,
// trailing spaces trimmed, and a line break.
func (t *table) appendLine(dst []byte, w []int, cells []string) []byte {
	start := len(dst)
	for i, c := range t.cols {
		cell := ""
		if i < len(cells) {
			cell = cells[i]
		}
		if i > 0 {
			dst = appendSpaces(dst, c.gap)
		}
		if runewidth.StringWidth(cell) > w[i] {
			cell = truncate(cell, w[i], c.keepTail)
		}
		dst = appendPadded(dst, cell, w[i]-runewidth.StringWidth(cell), c.right)
	}
	return endLine(dst, start)
}

// appendPadded appends a cell and pad spaces, the spaces first when the
// column is right-aligned.
func appendPadded[S ~string | ~[]byte](dst []byte, cell S, pad int, right bool) []byte {
	if right {
		return append(appendSpaces(dst, pad), cell...)
	}
	return appendSpaces(append(dst, cell...), pad)
}

// endLine trims the trailing spaces of the line that starts at start and
// ends it.
func endLine(dst []byte, start int) []byte {
	end := len(dst)
	for end > start && dst[end-1] == ' ' {
		end--
	}
	return append(dst[:end], '\n')
}

// appendSpaces appends n spaces.
func appendSpaces(dst []byte, n int) []byte {
	for range n {
		dst = append(dst, ' ')
	}
	return dst
}

// truncate shortens s to width w with "…". With keepTail, the part from
// the last " #" stays whole when it fits in half the width:
// "Lunar Lynx Society #4417" -> "Lunar Lynx… #4417".
func truncate(s string, w int, keepTail bool) string {
	if keepTail {
		if i := strings.LastIndex(s, " #"); i > 0 {
			head, tail := s[:i], s[i:]
			if tw := runewidth.StringWidth(tail); tw*2 <= w {
				return runewidth.Truncate(head, w-tw, "…") + tail
			}
		}
	}
	return runewidth.Truncate(s, w, "…")
}

// wrap breaks text into lines of at most width columns at spaces; the
// first line starts with first, the others with rest (a hanging indent).
// The text is made safe (safetext.String) first.
func wrap(text, first, rest string, width int) string {
	text = safetext.String(text)
	var b strings.Builder
	indent := first
	line := indent
	for _, word := range strings.Fields(text) {
		if line != indent && runewidth.StringWidth(line)+1+runewidth.StringWidth(word) > width {
			b.WriteString(line + "\n")
			indent = rest
			line = indent
		}
		if line != indent {
			line += " "
		}
		line += word
	}
	if line != indent {
		b.WriteString(line + "\n")
	}
	return b.String()
}

// amount formats money for tables: rounded to the cent, thousands
// separated, "-" for negative amounts: -12,345.67.
func amount(d decimal.Decimal) string {
	var buf [48]byte
	return money.Group(string(money.AppendFixed2(buf[:0], d)))
}

// kv is a block of labelled amounts, labels left, values right-aligned.
type kv struct {
	title   string
	headers []string // value column headers, optional
	rows    []kvRow
}

type kvRow struct {
	label  string
	values []string
}

func (k *kv) add(label string, values ...string) {
	k.rows = append(k.rows, kvRow{label: label, values: values})
}

// render writes the block with values right-aligned in columns.
func (k *kv) render(out io.Writer) error {
	t := table{cols: []column{{header: "", gap: 0}}}
	n := len(k.headers)
	for _, r := range k.rows {
		n = max(n, len(r.values))
	}
	for i := 0; i < n; i++ {
		h := ""
		if i < len(k.headers) {
			h = k.headers[i]
		}
		t.cols = append(t.cols, column{header: h, right: true, gap: 2})
	}
	for _, r := range k.rows {
		t.add(append([]string{"  " + r.label}, r.values...)...)
	}
	t.noHeader = len(k.headers) == 0
	if k.title != "" {
		if _, err := io.WriteString(out, k.title+"\n"); err != nil {
			return err
		}
	}
	return t.render(out, Width)
}
