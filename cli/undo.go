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
	summary: "remove the last batch recorded by sell or import (asks first)",
	usage: `Usage: nftharvest undo [--yes] [--portfolio FILE]

Shows the last batch recorded by "nftharvest sell" (its sales), "import" or
"add" (its lots, sales and new collections) and removes it once confirmed:
with --yes, or by answering y when asked on a terminal. Without --yes and
without a terminal to ask on, nothing is removed (exit 2). The file is saved
the same way as by sell (atomically, previous versions in FILE.bak,
FILE.bak.1 and FILE.bak.2, one line in FILE.log holding the removed records
in full). Lots and sales entered by hand are never removed.

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
	p, undone, err := undoPlan(file)
	if err != nil {
		return err
	}
	if !*yes {
		if err := confirmUndo(c, file.Path, undone); err != nil {
			return err
		}
		// Confirmed: now hold the lock, and remove only what was shown.
		f.forUpdate = true
		locked, err := f.load()
		if err != nil {
			return err
		}
		defer locked.Close()
		var again portfolio.Batch
		p, again, err = undoPlan(locked)
		if err != nil || batchText(again) != batchText(undone) {
			return fmt.Errorf("undo %s: %w (the last batch is no longer the one shown; nothing was removed)", file.Path, storage.ErrChanged)
		}
		file = locked
	}
	change, err := describeUndo(undone)
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
	say(b, "Removed batch %s from %s:", undone.ID, file.Path)
	writeBatchLines(b, undone)
	say(b, "Saved %s (previous version in %s.bak).", file.Path, file.Path)
	if err := b.Flush(); err != nil {
		return err
	}
	return saveErr // a failure after the new file was in place (the change log)
}

// undoPlan returns the portfolio of file without its last batch and what
// the batch held; "nothing to undo" is an input error.
func undoPlan(file *storage.File) (*portfolio.Portfolio, portfolio.Batch, error) {
	p := file.Portfolio.Clone()
	undone := p.UndoBatch()
	if undone.ID == "" {
		return nil, undone, inputErrorf("nothing to undo: %s has no batch recorded by \"nftharvest sell\", \"import\" or \"add\"", file.Path)
	}
	return p, undone, nil
}

// confirmUndo shows what undo would remove and asks on the terminal; with
// no terminal, or any answer but y or yes, it returns an input error.
func confirmUndo(c *ctx, path string, undone portfolio.Batch) error {
	b := bufio.NewWriter(c.stdout)
	say(b, "Undo would remove batch %s from %s:", undone.ID, path)
	writeBatchLines(b, undone)
	if err := b.Flush(); err != nil {
		return err
	}
	if c.env.Terminal == nil {
		return inputErrorf("undo: not confirmed, nothing removed: run \"nftharvest undo --yes\" to remove batch %s (there is no terminal to ask on)", undone.ID)
	}
	ask(c.stderr, "Remove batch %s (%s)? [y/N] ", undone.ID, batchCount(undone))
	line, _ := bufio.NewReader(io.LimitReader(c.env.Terminal, 256)).ReadString('\n')
	switch strings.ToLower(strings.TrimSpace(line)) {
	case "y", "yes":
		return nil
	}
	return inputErrorf("undo: not confirmed, nothing removed")
}

// batchCount is "2 sales", "3 lots, 1 sale, 2 collections".
func batchCount(b portfolio.Batch) string {
	var parts []string
	if len(b.Lots) > 0 {
		parts = append(parts, plural(len(b.Lots), "lot"))
	}
	if len(b.Sales) > 0 || len(b.Lots) == 0 {
		parts = append(parts, plural(len(b.Sales), "sale"))
	}
	if len(b.Collections) > 0 {
		parts = append(parts, plural(len(b.Collections), "collection"))
	}
	return strings.Join(parts, ", ")
}

// batchText is the batch as undo shows it, to compare what was shown with
// what is removed.
func batchText(b portfolio.Batch) string {
	var s strings.Builder
	writeBatchLines(&s, b)
	return b.ID + "\n" + s.String()
}

// writeBatchLines lists a batch's sales, lots and collections, one a line.
func writeBatchLines(w io.Writer, b portfolio.Batch) {
	writeSaleLines(w, b.Sales)
	for _, l := range b.Lots {
		say(w, "  lot %s %s #%s %s on %s cost %s fees %s", l.ID, l.Collection, l.TokenID, qty(l.Quantity),
			l.Acquired, plainMoney(l.Cost), plainMoney(l.Fees))
	}
	for _, col := range b.Collections {
		say(w, "  collection %s", col.ID)
	}
}

// plural is "1 sale", "2 sales".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// describeUndo is the change-log line of an undo: the short description
// of describeBatch, then the removed records in full as JSON, so that any
// undo can be redone by hand from the log.
func describeUndo(b portfolio.Batch) (string, error) {
	sales, err := storage.SalesJSON(b.Sales)
	if err != nil {
		return "", fmt.Errorf("undo %s: %w", b.ID, err)
	}
	if len(b.Lots) == 0 {
		return describeBatch("undo", b.ID, b.Sales) + " removed: " + sales, nil
	}
	lots, err := storage.LotsJSON(b.Lots)
	if err != nil {
		return "", fmt.Errorf("undo %s: %w", b.ID, err)
	}
	colls, err := storage.CollectionsJSON(b.Collections)
	if err != nil {
		return "", fmt.Errorf("undo %s: %w", b.ID, err)
	}
	change := fmt.Sprintf("undo %s: %s removed: sales %s lots %s collections %s",
		b.ID, batchCount(b), sales, lots, colls)
	return change, nil
}
