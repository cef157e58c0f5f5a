package cli

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strings"

	"nftharvest/internal/gcpolicy"
	"nftharvest/taxrules"
)

var reportCmd = &command{
	name:    "report",
	summary: "lots, realized sales and the Schedule D summary",
	usage: `Usage: nftharvest report [--as-of DATE] [--year YEAR] [--top N]
                         [--format table|json] [--portfolio FILE | --sample]

Shows every open lot (basis, market value, unrealized gain or loss, term,
wash-sale risk), the sales realized in the tax year and the Schedule D
summary with the estimated tax.

  --as-of DATE      the portfolio as it stood on DATE: lots bought and sales
                    made by then (YYYY-MM-DD; default today)
  --year YEAR       tax year of the realized sales and summary (default: the
                    portfolio's tax year)
  --top N           list only the N largest unrealized losses (the table then
                    leaves out the realized sales; the summary stays)
  --format FORMAT   table (default) or json (see docs/json.md)
  --portfolio FILE  portfolio file (default $NFTHARVEST_PORTFOLIO, else
                    ./portfolio.json)
  --sample          use the embedded sample portfolio
`,
	run: runReport,
}

func runReport(c *ctx, args []string) error {
	f := c.newFlags()
	f.portfolioFlags(true)
	f.formatFlag("table", "json")
	asOfS := f.String("as-of", "", "")
	yearS := f.String("year", "", "")
	topS := f.String("top", "", "")
	if err := f.parseNoArgs(args); err != nil {
		return err
	}
	asOf, err := parseDateFlag("as-of", *asOfS, c.env.Today)
	if err != nil {
		return err
	}
	top, err := parseCountFlag("top", *topS)
	if err != nil {
		return err
	}
	year, err := parseYearFlag("year", *yearS, 0)
	if err != nil {
		return err
	}
	file, err := f.load()
	if err != nil {
		return err
	}
	// No lot state is kept (taxrules.Options.LazyLots): --top builds the
	// few it shows; the full table and the JSON document stream every
	// lot's figures as they are built.
	a, err := analyzeWith(asOfPortfolio(file.Portfolio, *asOfS, asOf), asOf, taxrules.Options{LazyLots: true})
	if err != nil {
		return err
	}
	if year == 0 {
		year = a.TaxYear
	}
	var lots []*taxrules.LotState
	if top > 0 {
		lots = pointers(a.LargestLosses(top))
	}
	realized := realizedIn(a, year)
	summary := a.Summary(year)
	if f.format == "json" {
		if top == 0 {
			// Every lot state is built, written and dropped: collect the
			// garbage before it piles up (internal/gcpolicy).
			defer gcpolicy.Limit(0.25)()
		}
		return writeReportJSON(c.stdout, a, year, top, lots, realized, summary)
	}
	if top == 0 {
		// Every open lot is written as its figures are built (openLotsTable).
		defer gcpolicy.Limit(0.25)()
	}
	if err := reportTable(c.stdout, file.Path, a, year, top, lots, realized, summary); err != nil {
		return err
	}
	return writeStalePrices(c.stdout, file.Portfolio, c.env.Today)
}

// pointers returns pointers to the elements of states.
func pointers(states []taxrules.LotState) []*taxrules.LotState {
	out := make([]*taxrules.LotState, len(states))
	for i := range states {
		out[i] = &states[i]
	}
	return out
}

// largestLosses returns the n lots with the largest unrealized losses,
// largest first, ties by lot id. Lots without a price are left out. It is
// the straightforward form of taxrules.Analysis.LargestLosses, which the
// report uses; the tests compare the two.
func largestLosses(states []taxrules.LotState, n int) []*taxrules.LotState {
	less := func(x, y *taxrules.LotState) bool {
		if c := x.Unrealized.Cmp(y.Unrealized); c != 0 {
			return c < 0
		}
		return x.Lot.ID < y.Lot.ID
	}
	// A bounded insertion sort: most lots are rejected by one comparison
	// with the current n-th loss.
	best := make([]*taxrules.LotState, 0, n+1)
	for i := range states {
		ls := &states[i]
		if !ls.HasPrice || !ls.OpenQuantity.IsPositive() || !ls.Unrealized.IsNegative() {
			continue
		}
		if len(best) == n && !less(ls, best[n-1]) {
			continue
		}
		at, _ := slices.BinarySearchFunc(best, ls, func(e, t *taxrules.LotState) int {
			if less(e, t) {
				return -1
			}
			return 1
		})
		best = slices.Insert(best, at, ls)
		if len(best) > n {
			best = best[:n]
		}
	}
	return best
}

func reportTable(out io.Writer, path string, a *taxrules.Analysis, year, top int,
	lots []*taxrules.LotState, realized []*taxrules.SaleResult, summary taxrules.Summary) error {
	b := bufio.NewWriterSize(out, 64<<10)
	name := path
	if name == "" {
		name = "the sample portfolio"
	}
	prof := a.Portfolio.TaxProfile
	say(b, "%s as of %s, tax year %d", name, a.AsOf, year)
	say(b, "Wash-sale rule: %s (match: %s)", prof.WashSale, prof.Match)
	b.WriteString("\n")
	if top > 0 {
		say(b, "Largest unrealized losses (top %d)", top)
	} else {
		b.WriteString("Open lots\n")
	}
	switch {
	case top == 0:
		if err := openLotsTable(b, a); err != nil {
			return err
		}
	case len(lots) == 0:
		b.WriteString("  none\n")
	default:
		if err := lotTable(b, lots); err != nil {
			return err
		}
		washNotes(b, lots)
	}
	b.WriteString("\n")
	switch {
	case top > 0:
		say(b, "Realized in %d: %d sale entries (not listed with --top)", year, len(realized))
	case len(realized) == 0:
		say(b, "Realized in %d", year)
		b.WriteString("  none\n")
	default:
		say(b, "Realized in %d", year)
		if err := saleTable(b, realized); err != nil {
			return err
		}
		if err := saleNotes(b, realized); err != nil {
			return err
		}
	}
	b.WriteString("\n")
	if err := summaryBlock(b, fmt.Sprintf("Schedule D summary, tax year %d", year), nil, summary); err != nil {
		return err
	}
	return b.Flush()
}

// lotColumns are the columns of the open-lots tables; "W" marks a lot
// whose loss sale today would be a wash sale.
func lotColumns() table {
	return table{cols: []column{
		{header: "Lot"},
		{header: "Asset", flex: true, min: 12, gap: 2, keepTail: true},
		{header: "Qty", right: true, gap: 2},
		{header: "Term", gap: 2},
		{header: "Basis", right: true, gap: 2},
		{header: "Value", right: true, gap: 2},
		{header: "Unrealized", right: true, gap: 2},
		{header: "", gap: 1},
	}}
}

// lotTable renders the given lots' states.
func lotTable(out io.Writer, lots []*taxrules.LotState) error {
	t := lotColumns()
	for _, ls := range lots {
		t.add(stateCells(ls)...)
	}
	return t.render(out, Width)
}

// stateCells are the cells of one lot's row, from its state.
func stateCells(ls *taxrules.LotState) []string {
	value, unreal := "n/a", "n/a"
	if ls.HasPrice {
		value, unreal = amount(ls.MarketValue), amount(ls.Unrealized)
	}
	return []string{ls.Lot.ID, assetText(ls), qty(ls.OpenQuantity), termText(ls),
		amount(ls.AdjustedBasis), value, unreal, washFlag(&ls.WashRisk)}
}

// washFlag is "W" when a loss sale today would be washed.
func washFlag(w *taxrules.WashRisk) string {
	if len(w.Purchases) > 0 {
		return "W"
	}
	return ""
}

// washNotes explains the "W" marks: which purchases would wash a loss sale
// and from which date a loss sale is clean.
func washNotes(b *bufio.Writer, lots []*taxrules.LotState) {
	for _, ls := range lots {
		if len(ls.WashRisk.Purchases) > 0 {
			b.WriteString(washNote(ls.Lot.ID, &ls.WashRisk))
		}
	}
}

// washNote is the note of one lot marked "W", wrapped.
func washNote(id string, w *taxrules.WashRisk) string {
	ids := make([]string, len(w.Purchases))
	for i, p := range w.Purchases {
		ids[i] = p.Lot + " bought " + p.Date.String()
	}
	note := fmt.Sprintf("W %s: a loss sale now would be washed by %s; clean from %s",
		id, strings.Join(ids, ", "), w.CleanFrom)
	return wrap(note, "  ", "    ", Width)
}
