package cli

import (
	"bufio"
	"fmt"
	"strconv"

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
		for i := range figs {
			f := &figs[i]
			if f.Full == nil && f.OpenQuantity.C > 0 && measurePlain(f, m.widest) {
				m.open++
				continue
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
		value, unreal := "n/a", "n/a"
		if f.HasPrice {
			value, unreal = fixedAmount(f.MarketValue), fixedAmount(f.Unrealized)
		}
		name := f.CollectionName
		if name == "" {
			name = f.Lot.Collection
		}
		term := "short"
		switch {
		case f.Term == taxrules.LongTerm:
			term = "long"
		case f.DaysToLongTerm > 0:
			term = fmt.Sprintf("short %dd", f.DaysToLongTerm)
		}
		var q [48]byte
		cells = []string{f.Lot.ID, name + " #" + f.Lot.TokenID, string(f.OpenQuantity.AppendQuantity(q[:0])), term,
			fixedAmount(f.AdjustedBasis), value, unreal, washFlag(&f.WashRisk)}
	}
	for i, c := range cells {
		cells[i] = safetext.String(c)
	}
	return cells
}

// fixedAmount is amount of a compact figure.
func fixedAmount(f money.Fixed) string {
	var buf [48]byte
	return money.Group(string(f.AppendFixed2(buf[:0])))
}

// measurePlain counts the widths of the cells of an open lot's compact
// figures into widest, as measuring figureCells would, without building
// the cells; it reports false (nothing counted) when a name is not plain
// printable ASCII, whose width is its length.
func measurePlain(f *taxrules.LotFigures, widest []int) bool {
	name := f.CollectionName
	if name == "" {
		name = f.Lot.Collection
	}
	if !plainASCII(f.Lot.ID) || !plainASCII(name) || !plainASCII(f.Lot.TokenID) {
		return false
	}
	var buf [48]byte
	term := len("short")
	switch {
	case f.Term == taxrules.LongTerm:
		term = len("long")
	case f.DaysToLongTerm > 0:
		term = len("short ") + len(strconv.AppendInt(buf[:0], int64(f.DaysToLongTerm), 10)) + len("d")
	}
	value, unreal := len("n/a"), len("n/a")
	if f.HasPrice {
		value, unreal = fixedAmountWidth(f.MarketValue), fixedAmountWidth(f.Unrealized)
	}
	flag := len(washFlag(&f.WashRisk))
	for k, w := range [...]int{len(f.Lot.ID), len(name) + len(" #") + len(f.Lot.TokenID),
		len(f.OpenQuantity.AppendQuantity(buf[:0])), term, fixedAmountWidth(f.AdjustedBasis), value, unreal, flag} {
		widest[k] = max(widest[k], w)
	}
	return true
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

// fixedAmountWidth is the width of fixedAmount(f), without building it.
func fixedAmountWidth(f money.Fixed) int {
	var buf [48]byte
	b := f.AppendFixed2(buf[:0])
	digits := len(b) - len(".00")
	if b[0] == '-' {
		digits--
	}
	return len(b) + (digits-1)/3 // a thousands separator every three digits
}

// appendPlainRow appends the row of an open lot's compact figures, laid
// out in column widths w exactly as appendLine lays out figureCells,
// without building a string: the cells are written into scratch. It
// reports false (nothing appended) when a name is not plain ASCII;
// appendLine does those rows.
func (t *table) appendPlainRow(dst []byte, w []int, f *taxrules.LotFigures, scratch []byte) ([]byte, []byte, bool) {
	name := f.CollectionName
	if name == "" {
		name = f.Lot.Collection
	}
	if !plainASCII(f.Lot.ID) || !plainASCII(name) || !plainASCII(f.Lot.TokenID) {
		return dst, scratch, false
	}
	var ends [8]int
	s := append(scratch[:0], f.Lot.ID...)
	ends[0] = len(s)
	s = append(append(append(s, name...), " #"...), f.Lot.TokenID...)
	ends[1] = len(s)
	s = f.OpenQuantity.AppendQuantity(s)
	ends[2] = len(s)
	switch {
	case f.Term == taxrules.LongTerm:
		s = append(s, "long"...)
	case f.DaysToLongTerm > 0:
		s = append(strconv.AppendInt(append(s, "short "...), int64(f.DaysToLongTerm), 10), 'd')
	default:
		s = append(s, "short"...)
	}
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
	start, from := len(dst), 0
	for i, c := range t.cols {
		cell := s[from:ends[i]]
		from = ends[i]
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

// appendGroupedAmount appends fixedAmount(f) without building a string.
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
