package cli

import (
	"bufio"

	"nftharvest/money"
	"nftharvest/safetext"
	"nftharvest/taxrules"

	"github.com/mattn/go-runewidth"
)

// openLotsTable writes the table of every open lot of a, the notes of the
// lots marked W and the harvestable losses, without keeping the lots'
// states (a million lots): a first pass over the lots' figures measures
// the columns, a second renders the rows, each on two goroutines
// (taxrules.EachLotChunk). The output is the one of lotTable and
// washNotes on every open lot's state (tests compare the two).
func openLotsTable(b *bufio.Writer, a *taxrules.Analysis) error {
	t := lotColumns()
	t.measure(nil)
	var harvest taxrules.HarvestableSums
	open := 0
	type measured struct {
		widest []int
		open   int
	}
	err := taxrules.EachLotChunk(a, func(figs []taxrules.LotFigures, m *measured) {
		m.widest, m.open = make([]int, len(t.cols)), 0
		var scratch []byte
		for i := range figs {
			f := &figs[i]
			if f.Full == nil && f.OpenQuantity.C > 0 {
				var ends [lotCells]int
				if scratch, ends = compactCells(f, scratch); plainNames(f) {
					m.open++
					for k, from := range cellStarts(ends) {
						m.widest[k] = max(m.widest[k], ends[k]-from) // plain ASCII: a byte a column
					}
					continue
				}
			}
			cells := figureCells(f)
			if cells == nil {
				continue
			}
			m.open++
			for k, c := range cells {
				m.widest[k] = max(m.widest[k], runewidth.StringWidth(c))
			}
		}
	}, func(figs []taxrules.LotFigures, m *measured) error {
		open += m.open
		for k, w := range m.widest {
			t.widest[k] = max(t.widest[k], w)
		}
		for i := range figs {
			harvest.Add(&figs[i])
		}
		return nil
	})
	if err != nil {
		return err
	}
	if open == 0 {
		b.WriteString("  none\n")
	} else {
		w := t.widths(Width)
		b.Write(t.appendHeader(nil, w))
		type rendered struct {
			lines, scratch []byte
			notes          []string
		}
		var notes []string
		err = taxrules.EachLotChunk(a, func(figs []taxrules.LotFigures, r *rendered) {
			r.lines, r.notes = r.lines[:0], nil
			for i := range figs {
				f := &figs[i]
				var plain bool
				if f.Full == nil && f.OpenQuantity.C > 0 {
					r.lines, r.scratch, plain = t.appendPlainRow(r.lines, w, f, r.scratch)
				}
				if !plain {
					cells := figureCells(f)
					if cells == nil {
						continue
					}
					r.lines = t.appendLine(r.lines, w, cells)
				}
				id, wr := lotIDAndRisk(f)
				if len(wr.Purchases) > 0 {
					r.notes = append(r.notes, washNote(id, wr))
				}
			}
		}, func(_ []taxrules.LotFigures, r *rendered) error {
			b.Write(r.lines)
			notes = append(notes, r.notes...)
			return nil
		})
		if err != nil {
			return err
		}
		for _, n := range notes {
			b.WriteString(n)
		}
	}
	h := harvest.Value()
	say(b, "Harvestable today (no wash sale): short-term %s, long-term %s", amount(h.ShortTerm), amount(h.LongTerm))
	if h.Washed.Sign() != 0 {
		say(b, "  not counted: %s of losses a sale today would wash (W)", amount(h.Washed))
	}
	return nil
}

// lotIDAndRisk returns the lot id and wash risk of figures f.
func lotIDAndRisk(f *taxrules.LotFigures) (string, *taxrules.WashRisk) {
	if f.Full != nil {
		return f.Full.Lot.ID, &f.Full.WashRisk
	}
	return f.Lot.ID, &f.WashRisk
}

// figureCells are the safe cells of the row of an open lot, as
// stateCells gives them (then made safe by table.add); nil for a lot
// with no open units.
func figureCells(f *taxrules.LotFigures) []string {
	var cells []string
	if st := f.Full; st != nil {
		if !st.OpenQuantity.IsPositive() {
			return nil
		}
		cells = stateCells(st)
	} else {
		if f.OpenQuantity.C <= 0 {
			return nil
		}
		s, ends := compactCells(f, nil)
		cells = make([]string, lotCells)
		for k, from := range cellStarts(ends) {
			cells[k] = string(s[from:ends[k]])
		}
	}
	for i, c := range cells {
		cells[i] = safetext.String(c)
	}
	return cells
}

// lotCells is the number of cells of an open lot's row (lotColumns).
const lotCells = 8

// compactCells writes the cells of an open lot's row from its compact
// figures into s (reused), one after the other, as stateCells gives them
// before they are made safe; ends[k] is where cell k ends.
func compactCells(f *taxrules.LotFigures, s []byte) ([]byte, [lotCells]int) {
	var ends [lotCells]int
	name := f.CollectionName
	if name == "" {
		name = f.Lot.Collection
	}
	s = append(s[:0], f.Lot.ID...)
	ends[0] = len(s)
	s = append(append(append(s, name...), " #"...), f.Lot.TokenID...)
	ends[1] = len(s)
	s = f.OpenQuantity.AppendQuantity(s)
	ends[2] = len(s)
	s = append(s, termLabel(f.Term, f.DaysToLongTerm)...)
	ends[3] = len(s)
	s = appendGroupedAmount(s, f.AdjustedBasis)
	ends[4] = len(s)
	if f.HasPrice {
		s = appendGroupedAmount(s, f.MarketValue)
		ends[5] = len(s)
		s = appendGroupedAmount(s, f.Unrealized)
	} else {
		s = append(s, "n/a"...)
		ends[5] = len(s)
		s = append(s, "n/a"...)
	}
	ends[6] = len(s)
	s = append(s, washFlag(&f.WashRisk)...)
	ends[7] = len(s)
	return s, ends
}

// cellStarts returns where each cell of compactCells starts.
func cellStarts(ends [lotCells]int) [lotCells]int {
	var starts [lotCells]int
	copy(starts[1:], ends[:lotCells-1])
	return starts
}

// plainNames reports whether the names in f's row are printable ASCII
// only, so that its cells need no sanitising and are as wide as long.
func plainNames(f *taxrules.LotFigures) bool {
	name := f.CollectionName
	if name == "" {
		name = f.Lot.Collection
	}
	return plainASCII(f.Lot.ID) && plainASCII(name) && plainASCII(f.Lot.TokenID)
}

// plainASCII reports whether s is printable ASCII only (shown as is, one
// column per byte).
func plainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] > 0x7e {
			return false
		}
	}
	return true
}

// appendPlainRow appends the row of an open lot's compact figures, laid
// out in column widths w exactly as appendLine lays out figureCells,
// without building a string: the cells are written into scratch. It
// reports false (nothing appended) when a name is not plain ASCII;
// appendLine does those rows.
func (t *table) appendPlainRow(dst []byte, w []int, f *taxrules.LotFigures, scratch []byte) ([]byte, []byte, bool) {
	if !plainNames(f) {
		return dst, scratch, false
	}
	s, ends := compactCells(f, scratch)
	start := len(dst)
	for i, from := range cellStarts(ends) {
		c, cell := t.cols[i], s[from:ends[i]]
		if i > 0 {
			dst = appendSpaces(dst, c.gap)
		}
		if len(cell) > w[i] { // only the flex Asset column can be too wide
			short := truncate(string(cell), w[i], c.keepTail)
			dst = appendPadded(dst, short, w[i]-runewidth.StringWidth(short), c.right)
			continue
		}
		dst = appendPadded(dst, cell, w[i]-len(cell), c.right)
	}
	return endLine(dst, start), s, true
}

// appendGroupedAmount appends f as amount formats f.Decimal(): to the
// cent, with thousands separators.
func appendGroupedAmount(dst []byte, f money.Fixed) []byte {
	var buf [48]byte
	b := f.AppendFixed2(buf[:0])
	if b[0] == '-' {
		dst = append(dst, '-')
		b = b[1:]
	}
	whole := len(b) - len(".00")
	for i := range whole {
		if i > 0 && (whole-i)%3 == 0 {
			dst = append(dst, ',')
		}
		dst = append(dst, b[i])
	}
	return append(dst, b[whole:]...)
}
