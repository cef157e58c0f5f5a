package cli

import (
	"bytes"
	"fmt"

	"nftharvest/storage"
	"nftharvest/taxrules"
)

var exportCmd = &command{
	name:    "export",
	summary: "Form 8949 rows as CSV, or the year's realized sales as JSON",
	usage: `Usage: nftharvest export [--year YEAR] [--format form8949|json]
                         [--out FILE [--force]] [--portfolio FILE | --sample]

Writes the sales of a tax year: as Form 8949 rows in CSV (description, date
acquired, date sold, proceeds, cost basis, code, adjustment, gain or loss,
with the part: I short term, II long term), amounts to the cent; or as JSON,
the realized part of "report --format json" with the summary.

  --year YEAR       tax year (default: the portfolio's tax year)
  --format FORMAT   form8949 (default) or json
  --out FILE        write to FILE (atomically) instead of standard output;
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
	f.formatFlag("form8949", "json")
	yearS := f.String("year", "", "")
	out := f.String("out", "", "")
	force := f.Bool("force", false, "")
	if err := f.parseNoArgs(args); err != nil {
		return err
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
	a, err := analyze(file.Portfolio, c.env.Today)
	if err != nil {
		return err
	}
	if year == 0 {
		year = a.TaxYear
	}
	var buf bytes.Buffer
	var what string
	if f.format == "json" {
		realized := realizedIn(a, year)
		if err := writeExportJSON(&buf, year, realized, a.Summary(year)); err != nil {
			return err
		}
		what = fmt.Sprintf("%d realized sale entries of %d", len(realized), year)
	} else {
		rows := a.Form8949(year)
		if err := taxrules.WriteForm8949CSV(&buf, rows); err != nil {
			return fmt.Errorf("writing Form 8949 CSV: %w", err)
		}
		what = fmt.Sprintf("%d Form 8949 rows of %d", len(rows), year)
	}
	if *out == "" {
		_, err := c.stdout.Write(buf.Bytes())
		return err
	}
	// The portfolio and its companions are refused again there, and a file
	// that appeared meanwhile is not replaced without --force.
	if err := storage.WriteExport(*out, file.Path, buf.Bytes(), *force); err != nil {
		return fmt.Errorf("writing %s: %w", *out, err)
	}
	return say(c.stdout, "Wrote %s to %s.", what, *out)
}
