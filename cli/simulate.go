package cli

import (
	"bufio"
	"fmt"

	"nftharvest/portfolio"
	"nftharvest/storage"
	"nftharvest/taxrules"
)

const whatIfFlagsHelp = `  --sell LOT[:QTY][@PRICE]
                    a lot to sell (repeatable): QTY units (default: all open
                    units) for PRICE, the total gross price in the base
                    currency (default: the market value); e.g. L-0004:1@812.50
  --date DATE       date of the sales (YYYY-MM-DD; default today)
  --fees AMOUNT     selling fees (gas, marketplace fee, royalty) of EACH sale
  --format FORMAT   table (default) or json (see docs/json.md)
  --portfolio FILE  portfolio file (default $NFTHARVEST_PORTFOLIO, else
                    ./portfolio.json)
`

var simulateCmd = &command{
	name:    "simulate",
	summary: "preview selling lots (changes nothing)",
	usage: `Usage: nftharvest simulate --sell LOT[:QTY][@PRICE] ... [--date DATE]
                           [--fees AMOUNT] [--format table|json]
                           [--portfolio FILE | --sample]

Previews the sales: gain or loss, term, wash-sale consequences, the date from
which buying the same token again is safe, and the Schedule D summary before
and after with the tax saved. The file is not changed.

` + whatIfFlagsHelp + `  --sample          use the embedded sample portfolio
`,
	run: func(c *ctx, args []string) error { return runWhatIf(c, args, false) },
}

// whatIf is a parsed simulate or sell command line.
type whatIf struct {
	f      *flags
	req    taxrules.WhatIf
	specs  []string // the --sell values, one per request
	dryRun bool
}

func parseWhatIf(c *ctx, args []string, sell bool) (*whatIf, error) {
	f := c.newFlags()
	f.portfolioFlags(!sell)
	f.formatFlag("table", "json")
	var specs []string
	f.Func("sell", "", func(s string) error { specs = append(specs, s); return nil })
	dateS := f.String("date", "", "")
	feesS := f.String("fees", "", "")
	w := &whatIf{f: f}
	if sell {
		f.BoolVar(&w.dryRun, "dry-run", false, "")
	}
	if err := f.parseNoArgs(args); err != nil {
		return nil, err
	}
	date, err := parseDateFlag("date", *dateS, c.env.Today)
	if err != nil {
		return nil, err
	}
	fees, err := parseAmountFlag("fees", *feesS)
	if err != nil {
		return nil, err
	}
	reqs, err := parseSellSpecs(specs, fees)
	if err != nil {
		return nil, err
	}
	w.req = taxrules.WhatIf{Sales: reqs, Date: date}
	w.specs = specs
	return w, nil
}

// simulate loads the portfolio and previews the sales. On an error the
// file's lock (sell) is released.
func (w *whatIf) simulate(today portfolio.Date) (*storage.File, *taxrules.Analysis, *taxrules.WhatIfResult, error) {
	file, err := w.f.load()
	if err != nil {
		return nil, nil, nil, err
	}
	if err := wholeTokens(file.Portfolio, w.req.Sales, w.specs); err != nil {
		return nil, nil, nil, err
	}
	a, err := analyze(file.Portfolio, today)
	if err != nil {
		file.Close()
		return nil, nil, nil, err
	}
	res, err := a.Simulate(w.req)
	if err != nil {
		file.Close()
		return nil, nil, nil, err
	}
	return file, a, res, nil
}

func runWhatIf(c *ctx, args []string, sell bool) error {
	w, err := parseWhatIf(c, args, sell)
	if err != nil {
		return err
	}
	if sell && !w.dryRun {
		return runSell(c, w)
	}
	_, _, res, err := w.simulate(c.env.Today)
	if err != nil {
		return err
	}
	if w.f.format == "json" {
		return writeSimulateJSON(c.stdout, "", res, ptrs(res.Sales))
	}
	b := bufio.NewWriter(c.stdout)
	say(b, "What-if: sell on %s (nothing is recorded)", res.Date)
	if err := whatIfTable(b, res, ptrs(res.Sales)); err != nil {
		return err
	}
	return b.Flush()
}

// whatIfTable renders the sales of a what-if, their notes, the summaries
// before and after, and the tax saved.
func whatIfTable(b *bufio.Writer, res *taxrules.WhatIfResult, sales []*taxrules.SaleResult) error {
	if err := whatIfSaleTable(b, sales); err != nil {
		return err
	}
	if err := saleNotes(b, sales); err != nil {
		return err
	}
	b.WriteString("\n")
	title := fmt.Sprintf("Schedule D summary, tax year %d", res.After.TaxYear)
	if err := summaryBlock(b, title, []string{"Before", "After"}, res.Before, res.After); err != nil {
		return err
	}
	b.WriteString("\n")
	say(b, "Estimated tax saved: %s", amount(res.TaxSaved))
	if res.OtherYear != "" {
		b.WriteString("\n")
		b.WriteString(wrap("Warning: "+res.OtherYear+".", "", "  ", Width))
	}
	return nil
}

func ptrs[T any](s []T) []*T {
	out := make([]*T, len(s))
	for i := range s {
		out[i] = &s[i]
	}
	return out
}
