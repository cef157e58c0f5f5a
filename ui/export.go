package ui

// The export dialog's choice: which tax year, in which format. The
// formats are the command line's (nftharvest export --format), written by
// the engine's writers through storage.WriteExport.

import (
	"bytes"
	"fmt"
	"io"
	"slices"

	"nftharvest/portfolio"
	"nftharvest/taxrules"
)

// exportFormat is one file format the app exports.
type exportFormat struct {
	name, what string
	// file is the default file name for a year.
	file  func(year int) string
	write func(buf *bytes.Buffer, e exportInput) error
}

// exportInput is what an export writer reads.
type exportInput struct {
	a     *taxrules.Analysis
	year  int
	rows  []taxrules.Form8949Row
	today portfolio.Date
}

// exportFormats are the formats tab cycles through, the default first.
var exportFormats = []exportFormat{
	{"form8949", "Form 8949 CSV", func(y int) string { return fmt.Sprintf("./form8949-%d.csv", y) },
		func(b *bytes.Buffer, e exportInput) error { return taxrules.WriteForm8949CSV(b, e.rows) }},
	{"turbotax", "TurboTax CSV", func(y int) string { return fmt.Sprintf("./turbotax-%d.csv", y) },
		func(b *bytes.Buffer, e exportInput) error { return taxrules.WriteTurboTaxCSV(b, e.rows) }},
	{"taxact", "TaxAct CSV", func(y int) string { return fmt.Sprintf("./taxact-%d.csv", y) },
		func(b *bytes.Buffer, e exportInput) error { return taxrules.WriteTaxActCSV(b, e.rows) }},
	{"txf", "TXF (V042)", func(y int) string { return fmt.Sprintf("./nftharvest-%d.txf", y) },
		func(b *bytes.Buffer, e exportInput) error { return taxrules.WriteTXF(b, e.rows, e.today) }},
}

// jsonFormat is the JSON export (the realized sales and the summary, as
// "nftharvest export --format json"), written by w: the binary passes the
// command line's writer (Options.ExportJSON), which ui cannot import.
func jsonFormat(w func(io.Writer, *taxrules.Analysis, int) error) exportFormat {
	return exportFormat{"json", "JSON", func(y int) string { return fmt.Sprintf("./nftharvest-%d.json", y) },
		func(b *bytes.Buffer, e exportInput) error { return w(b, e.a, e.year) }}
}

// formatsOf are the formats of an app with options opts: the CSV and TXF
// ones, and JSON when the binary gave its writer.
func formatsOf(opts Options) []exportFormat {
	if opts.ExportJSON == nil {
		return exportFormats
	}
	return append(slices.Clone(exportFormats), jsonFormat(opts.ExportJSON))
}

// exportChoice is the year and format an export dialog writes.
type exportChoice struct {
	year   int
	format int // index into Model.formats
}

// exportFormat is the format of choice c.
func (m *Model) exportFormat(c exportChoice) exportFormat { return m.formats[c.format] }

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
