package cli

import (
	"bufio"
)

var undoCmd = &command{
	name:    "undo",
	summary: "remove the last batch recorded by sell",
	usage: `Usage: nftharvest undo [--portfolio FILE]

Removes the sales of the last batch recorded by "nftharvest sell" and saves
the file the same way (atomically, previous version in FILE.bak, one line in
FILE.log). Sales entered by hand are never removed.

  --portfolio FILE  portfolio file (default $NFTHARVEST_PORTFOLIO, else
                    ./portfolio.json)
`,
	run: runUndo,
}

func runUndo(c *ctx, args []string) error {
	f := c.newFlags()
	f.portfolioFlags(false)
	if err := f.parseNoArgs(args); err != nil {
		return err
	}
	file, err := f.load()
	if err != nil {
		return err
	}
	p := file.Portfolio.Clone()
	batch, _ := p.LastBatch()
	removed := p.UndoLastBatch()
	if len(removed) == 0 {
		return inputErrorf("nothing to undo: %s has no sales recorded by \"nftharvest sell\"", file.Path)
	}
	if c.env.beforeSave != nil {
		c.env.beforeSave(file.Path)
	}
	saveErr := file.SaveRestoringBackup(p, describeBatch("undo", batch, removed))
	if saveErr != nil && file.Portfolio != p {
		return saveErr // nothing was saved
	}
	b := bufio.NewWriter(c.stdout)
	say(b, "Removed batch %s from %s:", batch, file.Path)
	writeSaleLines(b, removed)
	say(b, "Saved %s (previous version in %s.bak).", file.Path, file.Path)
	if err := b.Flush(); err != nil {
		return err
	}
	return saveErr // a failure after the new file was in place (the change log)
}
