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
	"cost_basis", "code", "adjustment", "gain_loss", "sale", "lot"}

// WriteForm8949CSV writes rows as CSV with a header, amounts to the cent
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
			p.Sub(b).Add(adj).StringFixed(2), safetext.CSVField(r.Sale), safetext.CSVField(r.Lot)}
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
