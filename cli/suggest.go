package cli

import (
	"bufio"
	"strings"

	"nftharvest/internal/gcpolicy"
	"nftharvest/safetext"
	"nftharvest/taxrules"

	"github.com/shopspring/decimal"
)

var suggestCmd = &command{
	name:    "suggest",
	summary: "which loss lots to sell (no wash sale, short term first)",
	usage: `Usage: nftharvest suggest [--target AMOUNT | --gains] [--as-of DATE]
                          [--format table|json] [--portfolio FILE | --sample]

Suggests open lots to sell at a loss, none whose loss sale would be a wash
sale. Without --target: the best harvest, the lots (and units of multi-unit
lots) that save the most tax this year under the profile's tax model, each
saving something; nothing when no loss lowers this year's tax. With
--target: whole lots, short-term losses first, until their losses reach the
amount. The file is not changed; the suggestion ends with the "nftharvest
sell" command that would record it.

  --target AMOUNT   losses to harvest, in the base currency (default: the
                    best harvest)
  --gains           instead, long-term gains to realize at no federal tax
                    (inside the 0% band; sell and rebuy at once, a gain is
                    never a wash sale); needs the bracket tax model
  --as-of DATE      suggest as of DATE (YYYY-MM-DD; default today)
  --format FORMAT   table (default) or json (see docs/json.md)
  --portfolio FILE  portfolio file (default $NFTHARVEST_PORTFOLIO, else
                    ./portfolio.json)
  --sample          use the embedded sample portfolio
`,
	run: runSuggest,
}

func runSuggest(c *ctx, args []string) error {
	f := c.newFlags()
	f.portfolioFlags(true)
	f.formatFlag("table", "json")
	targetS := f.String("target", "", "")
	gains := f.Bool("gains", false, "")
	asOfS := f.String("as-of", "", "")
	if err := f.parseNoArgs(args); err != nil {
		return err
	}
	var target *decimal.Decimal
	if *targetS != "" {
		t, err := parseAmountFlag("target", *targetS)
		if err != nil {
			return err
		}
		target = &t
	}
	asOf, err := parseDateFlag("as-of", *asOfS, c.env.Today)
	if err != nil {
		return err
	}
	file, err := f.load()
	if err != nil {
		return err
	}
	// The best harvest and --target need the states of the losing lots
	// only, --gains those of the long-term gains: none builds every lot's
	// state (taxrules.Options.LazyLots).
	a, err := analyzeWith(asOfPortfolio(file.Portfolio, *asOfS, asOf), asOf, taxrules.Options{LazyLots: true})
	if err != nil {
		return err
	}
	if *gains {
		if target != nil {
			return usageErrorf("--gains and --target do not go together")
		}
		return printGains(c, f, a)
	}
	// The states of the losing lots are built and dropped: collect the
	// garbage before it piles up (internal/gcpolicy).
	restore := gcpolicy.Limit(0.25)
	s := a.Suggest(target)
	restore()
	if f.format == "json" {
		return writeSuggestJSON(c.stdout, a, s)
	}
	b := bufio.NewWriter(c.stdout)
	if len(s.Picks) == 0 {
		if target == nil && s.Candidates > 0 {
			say(b, "No loss lowers your %d tax; further losses only add to the carryover: %s", a.TaxYear, amount(s.Carryover))
			b.WriteString("  (--target AMOUNT suggests lots to harvest anyway)\n")
		} else {
			b.WriteString("Nothing to harvest: no open lot has a loss that can be sold without a wash sale\n")
		}
		return b.Flush()
	}
	if target == nil {
		say(b, "Best harvest as of %s: saves %s of %d tax (estimate)", a.AsOf, amount(s.TaxSaved), a.TaxYear)
	} else {
		say(b, "Harvest suggestion as of %s: target %s of losses; saves %s of %d tax (estimate)",
			a.AsOf, amount(s.Target), amount(s.TaxSaved), a.TaxYear)
	}
	t := table{cols: []column{
		{header: "Lot"},
		{header: "Asset", flex: true, min: 12, gap: 2, keepTail: true},
		{header: "Qty", right: true, gap: 2},
		{header: "Term", gap: 2},
		{header: "Loss", right: true, gap: 2},
		{header: "Saves", right: true, gap: 2},
	}}
	sell := []string{"nftharvest sell"}
	if f.portfolio != "" {
		sell = append(sell, "--portfolio "+shellQuote(f.portfolio))
	}
	for _, p := range s.Picks {
		asset := p.Lot
		if i, ok := a.Index.LotIndex(p.Lot); ok && i < len(a.Portfolio.Lots) {
			st := a.LotState(i)
			asset = assetText(&st)
		}
		t.add(p.Lot, asset, qty(p.Quantity), p.Term.String(), amount(p.Loss), amount(p.Saves))
		sell = append(sell, "--sell "+shellQuote(p.Lot+":"+qty(p.Quantity)))
	}
	t.add("Total", "", "", "", amount(s.Total), amount(s.TaxSaved))
	if err := t.render(b, Width); err != nil {
		return err
	}
	if s.CarryoverAdded.Sign() > 0 {
		say(b, "Adds %s to the carryover into %d.", amount(s.CarryoverAdded), a.TaxYear+1)
	}
	b.WriteString("\nWhy:\n")
	for _, p := range s.Picks {
		b.WriteString(wrap(p.Lot+": "+p.Reason, "  ", "    ", Width))
	}
	b.WriteString("\nTo record it at market value:\n")
	b.WriteString(commandLines(sell))
	if file.Sample {
		b.WriteString("(this is the embedded sample: write it out first with \"nftharvest init\")\n")
	}
	return b.Flush()
}

// commandLines formats a shell command over several lines of at most 80
// columns, joined with backslashes. Each word is made safe
// (safetext.String).
func commandLines(words []string) string {
	var b strings.Builder
	line := " "
	for _, w := range words {
		w = safetext.String(w)
		if line != " " && len(line)+1+len(w)+2 > Width {
			b.WriteString(line + " \\\n")
			line = "   "
		}
		line += " " + w
	}
	b.WriteString(line + "\n")
	return b.String()
}
