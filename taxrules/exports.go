package taxrules

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"

	"nftharvest/money"
	"nftharvest/portfolio"
	"nftharvest/safetext"
)

// Exports that tax software imports, written from the Form 8949 rows
// (amounts to the cent, as WriteForm8949CSV). Text cells from the file go
// through safetext.CSVField (CSV) or safetext.String (TXF).

// usDate writes a date as MM/DD/YYYY, the form's own "(Mo., day, yr.)";
// "VARIOUS" and other text as it is.
func usDate(s string) string {
	d, err := portfolio.ParseDate(s)
	if err != nil {
		return s
	}
	y, m, day := d.Civil()
	return fmt.Sprintf("%02d/%02d/%04d", m, day, y)
}

// WriteTurboTaxCSV writes rows in TurboTax Online's gain/loss CSV for
// digital assets ("Currency Name, Purchase Date, Cost Basis, Date Sold,
// Proceeds", the upload TurboTax offers for other crypto sources), dates
// MM/DD/YYYY. The format has no code or adjustment column: a washed row is
// written with its cost basis less the disallowed loss, so that proceeds -
// basis is the gain or loss of column (h); enter code W and the amount by
// hand in TurboTax's review (or use the taxact or txf export).
func WriteTurboTaxCSV(w io.Writer, rows []Form8949Row) error {
	cw := csv.NewWriter(w)
	write := func(rec []string) error {
		if err := cw.Write(rec); err != nil {
			return fmt.Errorf("turbotax csv: %w", err)
		}
		return nil
	}
	if err := write([]string{"Currency Name", "Purchase Date", "Cost Basis", "Date Sold", "Proceeds"}); err != nil {
		return err
	}
	for _, r := range rows {
		p, b, adj := money.Cents(r.Proceeds), money.Cents(r.Basis), money.Cents(r.Adjustment)
		if err := write([]string{safetext.CSVField(r.Description), usDate(r.Acquired), b.Sub(adj).StringFixed(2),
			usDate(r.Sold.String()), p.StringFixed(2)}); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("turbotax csv: %w", err)
	}
	return nil
}

// WriteTaxActCSV writes rows in TaxAct's capital gains import columns:
// Description, Date Acquired, Date Sold, Sales Proceeds, Cost or Other
// Basis, Wash Sale (the loss disallowed, as Form 1099-B box 1g), Adjustment
// Code (column (f)), Adjustment Amount (column (g)), Reporting Category
// (the Form 8949 box) and Long/Short; dates MM/DD/YYYY.
func WriteTaxActCSV(w io.Writer, rows []Form8949Row) error {
	cw := csv.NewWriter(w)
	write := func(rec []string) error {
		if err := cw.Write(rec); err != nil {
			return fmt.Errorf("taxact csv: %w", err)
		}
		return nil
	}
	if err := write([]string{"Description", "Date Acquired", "Date Sold", "Sales Proceeds", "Cost or Other Basis",
		"Wash Sale", "Adjustment Code", "Adjustment Amount", "Reporting Category", "Long/Short"}); err != nil {
		return err
	}
	for _, r := range rows {
		p, b, adj := money.Cents(r.Proceeds), money.Cents(r.Basis), money.Cents(r.Adjustment)
		wash := ""
		if strings.Contains(r.Code, "W") {
			wash = adj.StringFixed(2)
		}
		term := "Short"
		if r.Part == "II" {
			term = "Long"
		}
		if err := write([]string{safetext.CSVField(r.Description), usDate(r.Acquired), usDate(r.Sold.String()),
			p.StringFixed(2), b.StringFixed(2), wash, r.Code, adj.StringFixed(2), r.Box, term}); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("taxact csv: %w", err)
	}
	return nil
}

// txfRefnum is the TXF tax reference of a row: 712 (short term) or 714
// (long term), the sales reported on no Form 1099-B, which tax software
// files in boxes C and F (TXF has no digital-asset refnums yet: move them to
// boxes I and L in the software for 2025 on). 711 and 713 would be the
// sales whose basis was not reported (boxes B and E).
func txfRefnum(r *Form8949Row) string {
	if r.Part == "II" {
		return "714"
	}
	return "712"
}

// WriteTXF writes rows as Tax Exchange Format V042 (the format desktop tax
// software imports): a header (V042, the program, the export date), then
// one detail record per row in record format 5: TD, the refnum, P the
// description, D date acquired, D date sold, $ cost basis, $ proceeds, $
// the wash-sale loss disallowed (empty when none), each record ended by
// "^". Dates MM/DD/YYYY; lines end in CRLF.
func WriteTXF(w io.Writer, rows []Form8949Row, today portfolio.Date) error {
	var b strings.Builder
	line := func(s string) { b.WriteString(s + "\r\n") }
	line("V042")
	line("Anftharvest")
	line("D" + usDate(today.String()))
	line("^")
	for i := range rows {
		r := &rows[i]
		p, c, adj := money.Cents(r.Proceeds), money.Cents(r.Basis), money.Cents(r.Adjustment)
		line("TD")
		line("N" + txfRefnum(r))
		line("P" + strings.ReplaceAll(safetext.String(r.Description), "^", " "))
		line("D" + usDate(r.Acquired))
		line("D" + usDate(r.Sold.String()))
		line("$" + c.StringFixed(2))
		line("$" + p.StringFixed(2))
		if strings.Contains(r.Code, "W") {
			line("$" + adj.StringFixed(2))
		} else {
			line("$")
		}
		line("^")
	}
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("txf: %w", err)
	}
	return nil
}
