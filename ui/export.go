package ui

// The export dialog's choice: which tax year, in which format. The
// formats are the command line's (nftharvest export --format), written by
// the engine's writers through storage.WriteExport.

import (
	"bytes"
	"fmt"
	"slices"

	"nftharvest/portfolio"
	"nftharvest/taxrules"
)

// exportFormat is one file format the app exports.
type exportFormat struct {
	name, what string
	// file is the default file name for a year.
	file  func(year int) string
	write func(buf *bytes.Buffer, rows []taxrules.Form8949Row, today portfolio.Date) error
}

// exportFormats are the formats tab cycles through, the default first.
var exportFormats = []exportFormat{
	{"form8949", "Form 8949 CSV", func(y int) string { return fmt.Sprintf("./form8949-%d.csv", y) },
		func(b *bytes.Buffer, r []taxrules.Form8949Row, _ portfolio.Date) error {
			return taxrules.WriteForm8949CSV(b, r)
		}},
	{"turbotax", "TurboTax CSV", func(y int) string { return fmt.Sprintf("./turbotax-%d.csv", y) },
		func(b *bytes.Buffer, r []taxrules.Form8949Row, _ portfolio.Date) error {
			return taxrules.WriteTurboTaxCSV(b, r)
		}},
	{"taxact", "TaxAct CSV", func(y int) string { return fmt.Sprintf("./taxact-%d.csv", y) },
		func(b *bytes.Buffer, r []taxrules.Form8949Row, _ portfolio.Date) error {
			return taxrules.WriteTaxActCSV(b, r)
		}},
	{"txf", "TXF (V042)", func(y int) string { return fmt.Sprintf("./nftharvest-%d.txf", y) },
		func(b *bytes.Buffer, r []taxrules.Form8949Row, today portfolio.Date) error {
			return taxrules.WriteTXF(b, r, today)
		}},
}

// exportChoice is the year and format an export dialog writes.
type exportChoice struct {
	year   int
	format int // index into exportFormats
}

func (c exportChoice) fmt() exportFormat { return exportFormats[c.format] }

// exportYears are the years the dialog offers, latest first: the tax year
// and every year with a sale.
func (m *Model) exportYears() []int {
	years := []int{m.data.a.TaxYear}
	for _, s := range m.data.p.Sales {
		if y := s.Date.Year(); !slices.Contains(years, y) {
			years = append(years, y)
		}
	}
	slices.Sort(years)
	slices.Reverse(years)
	return years
}

// nextYear is the year after c's in the years offered (wrapping).
func (m *Model) nextYear(c exportChoice) int {
	years := m.exportYears()
	i := slices.Index(years, c.year)
	return years[(i+1)%len(years)]
}
