package cli

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"nftharvest/portfolio"
	"nftharvest/storage"
)

var undoCmd = &command{
	name:    "undo",
	summary: "remove the last batch recorded by sell (asks first)",
	usage: `Usage: nftharvest undo [--yes] [--portfolio FILE]

Shows the sales of the last batch recorded by "nftharvest sell" and removes
them once confirmed: with --yes, or by answering y when asked on a
terminal. Without --yes and without a terminal to ask on, nothing is
removed (exit 2). The file is saved the same way as by sell (atomically,
previous versions in FILE.bak, FILE.bak.1 and FILE.bak.2, one line in
FILE.log holding the removed sales in full). Sales entered by hand are
never removed.

  --yes             remove without asking
  --portfolio FILE  portfolio file (default $NFTHARVEST_PORTFOLIO, else
                    ./portfolio.json)
`,
	run: runUndo,
}

func runUndo(c *ctx, args []string) error {
	f := c.newFlags()
	f.portfolioFlags(false)
	yes := f.Bool("yes", false, "")
	if err := f.parseNoArgs(args); err != nil {
		return err
	}
	f.forUpdate = *yes
	file, err := f.load()
	if err != nil {
		return err
	}
	defer file.Close()
	p, batch, removed, err := undoPlan(file)
	if err != nil {
		return err
	}
	if !*yes {
		if err := confirmUndo(c, file.Path, batch, removed); err != nil {
			return err
		}
		// Confirmed: now hold the lock, and remove only what was shown.
		f.forUpdate = true
		locked, err := f.load()
		if err != nil {
			return err
		}
		defer locked.Close()
		var again []portfolio.Sale
		p, _, again, err = undoPlan(locked)
		if err != nil || describeBatch("undo", batch, again) != describeBatch("undo", batch, removed) {
			return fmt.Errorf("undo %s: %w (the last batch is no longer the one shown; nothing was removed)", file.Path, storage.ErrChanged)
		}
		file = locked
	}
	change, err := describeUndo(batch, removed)
	if err != nil {
		return err
	}
	if c.env.beforeSave != nil {
		c.env.beforeSave(file.Path)
	}
	saveErr := file.SaveRestoringBackup(p, change)
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

// undoPlan returns the portfolio of file without its last batch, the
// batch and the sales removed; "nothing to undo" is an input error.
func undoPlan(file *storage.File) (*portfolio.Portfolio, string, []portfolio.Sale, error) {
	p := file.Portfolio.Clone()
	batch, _ := p.LastBatch()
	removed := p.UndoLastBatch()
	if len(removed) == 0 {
		return nil, "", nil, inputErrorf("nothing to undo: %s has no sales recorded by \"nftharvest sell\"", file.Path)
	}
	return p, batch, removed, nil
}

// confirmUndo shows what undo would remove and asks on the terminal; with
// no terminal, or any answer but y or yes, it returns an input error.
func confirmUndo(c *ctx, path, batch string, removed []portfolio.Sale) error {
	b := bufio.NewWriter(c.stdout)
	say(b, "Undo would remove batch %s from %s:", batch, path)
	writeSaleLines(b, removed)
	if err := b.Flush(); err != nil {
		return err
	}
	if c.env.Terminal == nil {
		return inputErrorf("undo: not confirmed, nothing removed: run \"nftharvest undo --yes\" to remove batch %s (there is no terminal to ask on)", batch)
	}
	ask(c.stderr, "Remove batch %s (%s)? [y/N] ", batch, plural(len(removed), "sale"))
	line, _ := bufio.NewReader(io.LimitReader(c.env.Terminal, 256)).ReadString('\n')
	switch strings.ToLower(strings.TrimSpace(line)) {
	case "y", "yes":
		return nil
	}
	return inputErrorf("undo: not confirmed, nothing removed")
}

// plural is "1 sale", "2 sales".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// describeUndo is the change-log line of an undo: the short description
// of describeBatch, then the removed sales in full as JSON, so that any
// undo can be redone by hand from the log.
func describeUndo(batch string, removed []portfolio.Sale) (string, error) {
	records, err := storage.SalesJSON(removed)
	if err != nil {
		return "", fmt.Errorf("undo %s: %w", batch, err)
	}
	return describeBatch("undo", batch, removed) + " removed: " + records, nil
}
