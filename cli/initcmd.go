package cli

import (
	"fmt"

	"nftharvest/storage"
)

var initCmd = &command{
	name:    "init",
	summary: "write the sample portfolio out as your own file",
	usage: `Usage: nftharvest init [FILE]

Writes the embedded sample portfolio to FILE (default $NFTHARVEST_PORTFOLIO,
else ./portfolio.json) as a starting point to edit. An existing file is
never overwritten.
`,
	run: runInit,
}

func runInit(c *ctx, args []string) error {
	f := c.newFlags()
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
