package cli

var validateCmd = &command{
	name:    "validate",
	summary: "check a portfolio file and list every problem",
	usage: `Usage: nftharvest validate [FILE]

Loads FILE (default: --portfolio, $NFTHARVEST_PORTFOLIO, else
./portfolio.json) and checks everything. Prints "ok: N lots, M sales", or
every problem with its place in the file (one line each, on standard error)
and exits with status 2.

  --portfolio FILE  the file to check, instead of the FILE argument
`,
	run: runValidate,
}

func runValidate(c *ctx, args []string) error {
	f := c.newFlags()
	f.portfolioFlags(false)
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	switch {
	case len(pos) > 1:
		return usageErrorf("validate: one file at a time (got %d)", len(pos))
	case len(pos) == 1 && f.portfolio != "":
		return usageErrorf("validate: give the file either as an argument or with --portfolio, not both")
	case len(pos) == 1:
		f.portfolio = pos[0]
	}
	file, err := f.load()
	if err != nil {
		return err
	}
	return say(c.stdout, "ok: %d lots, %d sales", len(file.Portfolio.Lots), len(file.Portfolio.Sales))
}
