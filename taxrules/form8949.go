package taxrules

import (
	"nftharvest/money"

	"encoding/csv"
	"fmt"
	"io"
	"slices"

	"github.com/shopspring/decimal"

	"nftharvest/safetext"
)

// Form8949 returns the Form 8949 rows of the sales dated in year: one row
// per SaleResult, Part I (short term) rows first, then Part II (long
// term), each in processing order (date, then sale id). Form 8949
// instructions: column (d) proceeds net of selling costs, (e) basis, (f)
// codes C (collectibles, long term) and W (wash sale), (g) the disallowed
// loss as a positive number for a wash sale, (h) = (d) - (e) + (g).
func (a *Analysis) Form8949(year int) []Form8949Row {
	var rows []Form8949Row
	for i := range a.Sales {
		r := &a.Sales[i]
		if r.Date.Year() != year {
			continue
		}
		row := Form8949Row{
			Part:        "I",
			Description: a.describe(r),
			Acquired:    r.Acquired.String(),
			Sold:        r.Date,
			Proceeds:    r.Proceeds,
			Basis:       r.CostBasis,
			Adjustment:  decimal.Zero,
			Sale:        r.Sale,
			Lot:         r.Lot,
		}
		if r.Term == LongTerm {
			row.Part = "II"
		}
		row.Box = boxOf(row.Part, year)
		// Column (f) codes (set by the sales pass, see match.go): C for a
		// long-term sale of collectibles, W for a wash sale, in alphabetical
		// order; column (g) the disallowed loss as a positive adjustment.
		row.Code = r.Code
		if r.Disallowed.Sign() > 0 {
			row.Adjustment = r.Disallowed
		}
		row.GainLoss = row.Proceeds.Sub(row.Basis).Add(row.Adjustment)
		rows = append(rows, row)
	}
	slices.SortStableFunc(rows, func(x, y Form8949Row) int { return len(x.Part) - len(y.Part) })
	return rows
}

// boxOf is the Form 8949 box of a row of part ("I" or "II") in year.
// Form 8949 instructions: from tax year 2025, digital assets have boxes of
// their own, G/H/I (short term) and J/K/L (long term); I and L are for
// transactions not reported on a Form 1099-DA (before 2025, C and F: not
// reported on a Form 1099-B). Position: a sale recorded here is an NFT sold
// from the owner's own wallet, which no broker reports, so it goes in box I
// or L (C or F before 2025). A sale that a Form 1099-DA did report belongs
// in G/H or J/K instead: change the box by hand.
func boxOf(part string, year int) string {
	switch {
	case part == "I" && year >= 2025:
		return "I"
	case part == "I":
		return "C"
	case year >= 2025:
		return "L"
	}
	return "F"
}

// BoxTotal is the total of one Form 8949 box, as Schedule D takes it.
type BoxTotal struct {
	Part, Box                             string
	Proceeds, Basis, Adjustment, GainLoss decimal.Decimal
	Rows                                  int
}

// BoxTotals returns the totals of rows per box, in the order the boxes
// first appear (Part I before Part II). Each amount is the sum of the rows'
// amounts rounded to the cent, as the CSV writes them, so the totals are
// the sums of the printed columns.
func BoxTotals(rows []Form8949Row) []BoxTotal {
	var out []BoxTotal
	for _, r := range rows {
		k := slices.IndexFunc(out, func(b BoxTotal) bool { return b.Box == r.Box })
		if k < 0 {
			out = append(out, BoxTotal{Part: r.Part, Box: r.Box, Proceeds: decimal.Zero, Basis: decimal.Zero,
				Adjustment: decimal.Zero, GainLoss: decimal.Zero})
			k = len(out) - 1
		}
		b := &out[k]
		p, c, adj := money.Cents(r.Proceeds), money.Cents(r.Basis), money.Cents(r.Adjustment)
		b.Proceeds, b.Basis, b.Adjustment = b.Proceeds.Add(p), b.Basis.Add(c), b.Adjustment.Add(adj)
		b.GainLoss = b.GainLoss.Add(p.Sub(c).Add(adj))
		b.Rows++
	}
	return out
}

// ScheduleDLine is the Schedule D line a box's total goes on: line 3 (Part
// I) or line 10 (Part II), the lines for transactions not reported on a
// Form 1099-B or 1099-DA; lines 2 and 9 for boxes B/H and E/K; 1b and 8b for
// A/G and D/J.
func ScheduleDLine(box string) string {
	switch box {
	case "A", "G":
		return "1b"
	case "B", "H":
		return "2"
	case "C", "I":
		return "3"
	case "D", "J":
		return "8b"
	case "E", "K":
		return "9"
	}
	return "10"
}

// describe is column (a): quantity, collection name and token id, e.g.
// "1 Pixel Punks #1234".
func (a *Analysis) describe(r *SaleResult) string {
	l, ok := a.Index.Lot(r.Lot)
	if !ok {
		return r.Quantity.String() + " " + r.Lot
	}
	s := r.Quantity.String() + " " + a.Index.CollectionName(l.Collection)
	if l.TokenID != "" {
		s += " #" + l.TokenID
	}
	return s
}

// form8949Header is the CSV header of WriteForm8949CSV.
var form8949Header = []string{"part", "description", "date_acquired", "date_sold", "proceeds",
	"cost_basis", "code", "adjustment", "gain_loss", "sale", "lot", "box"}

// WriteForm8949CSV writes rows as CSV with a header, then one "total" row
// per box (part "total", the description naming the box and its Schedule D
// line, the sums of the printed amounts), amounts to the cent
// (Cents, two decimals). Position: gain_loss is computed from the rounded
// proceeds, basis and adjustment so that every row adds up as column (h)
// = (d) - (e) + (g) on the form. The text cells that come from the file
// (description, sale, lot) go through safetext.CSVField: no control
// character, and a leading '=', '+', '-' or '@' gets a quote before it so
// a spreadsheet does not run it as a formula; the amounts are written as
// computed.
func WriteForm8949CSV(w io.Writer, rows []Form8949Row) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(form8949Header); err != nil {
		return fmt.Errorf("form 8949 csv: %w", err)
	}
	for _, r := range rows {
		p, b, adj := money.Cents(r.Proceeds), money.Cents(r.Basis), money.Cents(r.Adjustment)
		rec := []string{r.Part, safetext.CSVField(r.Description), r.Acquired, r.Sold.String(),
			p.StringFixed(2), b.StringFixed(2), r.Code, adj.StringFixed(2),
			p.Sub(b).Add(adj).StringFixed(2), safetext.CSVField(r.Sale), safetext.CSVField(r.Lot), r.Box}
		if err := cw.Write(rec); err != nil {
			return fmt.Errorf("form 8949 csv: %w", err)
		}
	}
	// The totals of each box, as Schedule D takes them.
	for _, t := range BoxTotals(rows) {
		rec := []string{"total", "Box " + t.Box + " total (Schedule D line " + ScheduleDLine(t.Box) + ")", "", "",
			t.Proceeds.StringFixed(2), t.Basis.StringFixed(2), "", t.Adjustment.StringFixed(2),
			t.GainLoss.StringFixed(2), "", "", t.Box}
		if err := cw.Write(rec); err != nil {
			return fmt.Errorf("form 8949 csv: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("form 8949 csv: %w", err)
	}
	return nil
}
