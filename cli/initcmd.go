package cli

import (
	"flag"
	"fmt"

	"nftharvest/storage"
)

var initCmd = &command{
	name:    "init",
	summary: "write the sample portfolio, or an empty one, out as your own file",
	usage: `Usage: nftharvest init [FILE]
       nftharvest init --empty [FILE] [--year YEAR] [--filing-status S]
                       [--ordinary-rate R] [--long-term-rate R]
                       [--collectibles-rate R] [--state-rate R] [--niit]
                       [--taxable-income AMOUNT] [--magi AMOUNT]
                       [--tax-model brackets|flat]
                       [--wash-sale apply|off] [--match token|collection]

Writes the embedded sample portfolio to FILE (default $NFTHARVEST_PORTFOLIO,
else ./portfolio.json) as a starting point to edit. With --empty, writes a
portfolio with your tax profile and nothing else, to fill with "nftharvest
import". An existing file is never overwritten.

  --empty               a tax profile only, no lots
  --year YEAR           tax year (default this year)
  --filing-status S     single (default), married_joint, married_separate,
                        head_of_household
  --ordinary-rate R     marginal federal rate, 0 to 1 (default 0.24)
  --long-term-rate R    long-term capital gains rate (default 0.15)
  --collectibles-rate R rate on collectibles gains (default 0.28)
  --state-rate R        state rate on capital gains (default 0)
  --niit                the 3.8% net investment income tax applies (flat
                        model; the bracket model computes it)
  --taxable-income AMOUNT  taxable income before capital gains and losses:
                        with it, the estimate uses the year's federal
                        brackets (2025, 2026); without it, the flat rates
  --magi AMOUNT         modified AGI before capital gains and losses, for
                        the NIIT (default: taxable income + the standard
                        deduction)
  --tax-model M         brackets or flat (default: brackets when possible)
  --wash-sale apply|off treat NFTs under the wash-sale rule (default apply)
  --match token|collection  what is substantially identical (default token)
`,
	run: runInit,
}

func runInit(c *ctx, args []string) error {
	f := c.newFlags()
	empty := f.Bool("empty", false, "")
	var e emptyFlags
	e.add(f)
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	path := c.env.defaultPortfolio()
	switch {
	case len(pos) > 1:
		return usageErrorf("init: one file at a time (got %d)", len(pos))
	case len(pos) == 1:
		path = pos[0]
	}
	if *empty {
		return initEmpty(c, path, &e)
	}
	if set := profileFlagsSet(f); set != "" {
		return usageErrorf("init: --%s needs --empty (the sample has its own tax profile)", set)
	}
	if err := mustNotExist(path, ""); err != nil {
		return err
	}
	data := storage.SampleJSON()
	if len(data) == 0 {
		return fmt.Errorf("the embedded sample portfolio is empty")
	}
	if err := storage.WriteNewFileAtomic(path, data); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	try := "nftharvest report"
	if path != c.env.defaultPortfolio() {
		try += " --portfolio " + shellQuote(path)
	}
	return say(c.stdout, "Wrote the sample portfolio to %s. Edit it, then try: %s", path, try)
}

// profileFlagsSet names a tax-profile flag given without --empty.
func profileFlagsSet(f *flags) string {
	name := ""
	f.Visit(func(fl *flag.Flag) {
		if fl.Name != "empty" && name == "" {
			name = fl.Name
		}
	})
	return name
}
