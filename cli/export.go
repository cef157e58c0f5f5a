package cli

import (
	"bufio"
	"fmt"
	"io"

	"nftharvest/portfolio"
	"nftharvest/storage"
	"nftharvest/taxrules"
)

var exportCmd = &command{
	name:    "export",
	summary: "Form 8949 CSV, tax software imports or JSON of a year's sales",
	usage: `Usage: nftharvest export [--year YEAR]
                         [--format form8949|turbotax|taxact|txf|json]
                         [--out FILE|- [--force]] [--portfolio FILE | --sample]

Writes the sales of a tax year, amounts to the cent:
  form8949  Form 8949 rows in CSV (part I short term, II long term,
            description, dates, proceeds, basis, code, adjustment, gain or
            loss, sale, lot, box), then the total of each box for Schedule D
  turbotax  TurboTax Online's gain/loss CSV (Currency Name, Purchase Date,
            Cost Basis, Date Sold, Proceeds; a washed row's basis is less
            the disallowed loss, since the format has no adjustment column)
  taxact    TaxAct's CSV (Description, Date Acquired, Date Sold, Sales
            Proceeds, Cost or Other Basis, Wash Sale, Adjustment Code,
            Adjustment Amount, Reporting Category, Long/Short)
  txf       Tax Exchange Format V042 for desktop tax software
  json      the realized part of "report --format json" with the summary
Digital assets from 2025 go in Form 8949 boxes I and L (C and F before):
see docs/tax-rules.md.

  --year YEAR       tax year (default: the portfolio's tax year)
  --format FORMAT   form8949 (default), turbotax, taxact, txf or json
  --out FILE        write to FILE (atomically) instead of standard output
                    ("-" is standard output);
                    an existing FILE is not overwritten without --force, and
                    the portfolio, FILE.bak*, FILE.log or FILE.lock never is;
                    FILE gets the portfolio's permissions
  --force           allow --out to replace an existing file
  --portfolio FILE  portfolio file (default $NFTHARVEST_PORTFOLIO, else
                    ./portfolio.json)
  --sample          use the embedded sample portfolio
`,
	run: runExport,
}

func runExport(c *ctx, args []string) error {
	f := c.newFlags()
	f.portfolioFlags(true)
	f.formatFlag("form8949", "turbotax", "taxact", "txf", "json")
	yearS := f.String("year", "", "")
	out := f.String("out", "", "")
	force := f.Bool("force", false, "")
	if err := f.parseNoArgs(args); err != nil {
		return err
	}
	if *out == "-" {
		*out = "" // standard output
	}
	if *out != "" && !f.sample {
		if err := storage.CheckNotCompanion(*out, f.path()); err != nil {
			return fmt.Errorf("--out %w", err)
		}
	}
	if *out != "" && !*force {
		if err := mustNotExist(*out, "--force"); err != nil {
			return err
		}
	}
	year, err := parseYearFlag("year", *yearS, 0)
	if err != nil {
		return err
	}
	file, err := f.load()
	if err != nil {
		return err
	}
	// An export reads the sales only: no lot state is built
	// (taxrules.Options.LazyLots).
	a, err := analyzeWith(file.Portfolio, c.env.Today, taxrules.Options{LazyLots: true})
	if err != nil {
		return err
	}
	if year == 0 {
		year = a.TaxYear
	}
	write, what := exportWriter(a, year, f.format, c.env.Today)
	if *out == "" {
		return write(c.stdout)
	}
	// Streamed into the temporary file. The portfolio and its companions
	// are refused again there, and a file that appeared meanwhile is not
	// replaced without --force.
	if err := storage.WriteExportFunc(*out, file.Path, write, *force); err != nil {
		return fmt.Errorf("writing %s: %w", *out, err)
	}
	return say(c.stdout, "Wrote %s to %s.", what, *out)
}

// exportWriter returns the function that writes the export of year's
// sales in format, streaming, and what it holds ("12 Form 8949 rows of
// 2026 (txf)").
func exportWriter(a *taxrules.Analysis, year int, format string, today portfolio.Date) (write func(io.Writer) error, what string) {
	if format == "json" {
		realized := realizedIn(a, year)
		summary := a.Summary(year)
		return func(w io.Writer) error {
			return writeExportJSON(w, year, realized, summary)
		}, fmt.Sprintf("%d realized sale entries of %d", len(realized), year)
	}
	rows := a.Form8949(year)
	return func(w io.Writer) error {
		b := bufio.NewWriterSize(w, 64<<10)
		var err error
		switch format {
		case "turbotax":
			err = taxrules.WriteTurboTaxCSV(b, rows)
		case "taxact":
			err = taxrules.WriteTaxActCSV(b, rows)
		case "txf":
			err = taxrules.WriteTXF(b, rows, today)
		default:
			err = taxrules.WriteForm8949CSV(b, rows)
		}
		if err == nil {
			err = b.Flush()
		}
		if err != nil {
			return fmt.Errorf("writing the %s export: %w", format, err)
		}
		return nil
	}, fmt.Sprintf("%d Form 8949 rows of %d (%s)", len(rows), year, format)
}

// WriteExportJSON writes the JSON export of year from a, as "nftharvest
// export --format json" does; the binary gives it to the app's export
// dialog (ui.Options.ExportJSON).
func WriteExportJSON(w io.Writer, a *taxrules.Analysis, year int) error {
	return writeExportJSON(w, year, realizedIn(a, year), a.Summary(year))
}
