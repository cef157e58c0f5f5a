package cli

import (
	"bufio"
	"fmt"
	"io"

	"nftharvest/portfolio"
)

var undoCmd = &command{
	name:    "undo",
	summary: "remove the last batch recorded by sell or import",
	usage: `Usage: nftharvest undo [--portfolio FILE]

Removes the last batch recorded by "nftharvest sell" (its sales) or by
"nftharvest import" (its lots, sales and new collections) and saves the
file the same way (atomically, previous version in FILE.bak, one line in
FILE.log). Lots and sales entered by hand are never removed.

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
	undone := p.UndoBatch()
	batch, removed := undone.ID, undone.Sales
	if batch == "" {
		return inputErrorf("nothing to undo: %s has no batch recorded by \"nftharvest sell\" or \"nftharvest import\"", file.Path)
	}
	if c.env.beforeSave != nil {
		c.env.beforeSave(file.Path)
	}
	change := describeBatch("undo", batch, removed)
	if len(undone.Lots) > 0 {
		change = fmt.Sprintf("undo %s: %d lots, %d sales, %d collections", batch, len(undone.Lots), len(removed), len(undone.Collections))
	}
	saveErr := file.SaveRestoringBackup(p, change)
	if saveErr != nil && file.Portfolio != p {
		return saveErr // nothing was saved
	}
	b := bufio.NewWriter(c.stdout)
	fmt.Fprintf(b, "Removed batch %s from %s:\n", batch, file.Path)
	writeSaleLines(b, removed)
	writeLotLines(b, undone.Lots)
	for _, col := range undone.Collections {
		fmt.Fprintf(b, "  collection %s\n", shown(col.ID))
	}
	fmt.Fprintf(b, "Saved %s (previous version in %s.bak).\n", file.Path, file.Path)
	if err := b.Flush(); err != nil {
		return err
	}
	return saveErr // a failure after the new file was in place (the change log)
}

// writeLotLines lists removed lots, one per line.
func writeLotLines(b io.Writer, lots []portfolio.Lot) {
	for _, l := range lots {
		fmt.Fprintf(b, "  %s %s #%s %s on %s cost %s fees %s\n", l.ID, shown(l.Collection), shown(l.TokenID), qty(l.Quantity),
			l.Acquired, money(l.Cost), money(l.Fees))
	}
}
