package cli

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"nftharvest/portfolio"
	"nftharvest/taxrules"
)

var sellCmd = &command{
	name:    "sell",
	summary: "record sales (saved with a backup and a log line)",
	usage: `Usage: nftharvest sell --sell LOT[:QTY][@PRICE] ... [--date DATE]
                       [--fees AMOUNT] [--dry-run] [--format table|json]
                       [--portfolio FILE]

Records the sales in the portfolio file as one batch (sale ids are
generated), then prints what was recorded with the same numbers simulate
shows. The file is saved atomically; the previous version is kept as
FILE.bak and FILE.log gets one line. "nftharvest undo" removes the batch.

` + whatIfFlagsHelp + `  --dry-run         only preview, exactly like "nftharvest simulate"
`,
	run: func(c *ctx, args []string) error { return runWhatIf(c, args, true) },
}

func runSell(c *ctx, w *whatIf) error {
	if w.req.Date.After(c.env.Today) {
		return usageErrorf("--date: %s is after today (%s); record a sale once it happened (simulate previews future dates)",
			w.req.Date, c.env.Today)
	}
	w.f.forUpdate = true
	file, _, res, err := w.simulate(c.env.Today)
	if err != nil {
		return err
	}
	defer file.Close()
	if file.Sample {
		return inputErrorf("the embedded sample cannot be changed; write it out with \"nftharvest init\" first")
	}
	p := file.Portfolio.Clone()
	batch, recorded := p.RecordSales(res.Record)
	if c.env.beforeSave != nil {
		c.env.beforeSave(file.Path)
	}
	saveErr := file.Save(p, describeBatch("sell", batch, recorded))
	if saveErr != nil && file.Portfolio != p {
		return saveErr // nothing was saved
	}

	// Show the recorded sales with their ids, as the engine now sees them.
	sales := ptrs(res.Sales)
	asOf := max(c.env.Today, res.Date)
	if a2, err := analyze(p, asOf); err == nil {
		ids := make(map[string]bool, len(recorded))
		for _, s := range recorded {
			ids[s.ID] = true
		}
		var mine []*taxrules.SaleResult
		for i := range a2.Sales {
			if ids[a2.Sales[i].Sale] {
				mine = append(mine, &a2.Sales[i])
			}
		}
		if len(mine) > 0 {
			sales = mine
		}
	}
	// From here on the sales are recorded; a saveErr is a failure after
	// the new file was in place (such as the change log), reported last.
	if err := printSell(c, w, file.Path, batch, recorded, res, sales); err != nil {
		return err
	}
	return saveErr
}

func printSell(c *ctx, w *whatIf, path, batch string, recorded []portfolio.Sale,
	res *taxrules.WhatIfResult, sales []*taxrules.SaleResult) error {
	if w.f.format == "json" {
		return writeSimulateJSON(c.stdout, batch, res, sales)
	}
	b := bufio.NewWriter(c.stdout)
	say(b, "Recorded batch %s in %s:", batch, path)
	writeSaleLines(b, recorded)
	b.WriteString("\n")
	if err := whatIfTable(b, res, sales); err != nil {
		return err
	}
	undo := "nftharvest undo"
	if path != c.env.defaultPortfolio() {
		undo += " --portfolio " + shellQuote(path)
	}
	b.WriteString("\n")
	say(b, "Saved %s (previous version in %s.bak).", path, path)
	say(b, "To undo: %s", undo)
	return b.Flush()
}

// describeBatch is the change-log line of a sell or an undo:
// "sell B-0003: S-0012 L-0004 1 @ 812.00; S-0013 L-0007 2 @ 1500.00 fees 12.00".
func describeBatch(verb, batch string, sales []portfolio.Sale) string {
	parts := make([]string, len(sales))
	for i, s := range sales {
		parts[i] = saleLine(s)
	}
	return verb + " " + batch + ": " + strings.Join(parts, "; ")
}

func saleLine(s portfolio.Sale) string {
	line := fmt.Sprintf("%s %s %s @ %s", s.ID, s.Lot, qty(s.Quantity), plainMoney(s.Proceeds))
	if !s.Fees.IsZero() {
		line += " fees " + plainMoney(s.Fees)
	}
	return line + " on " + s.Date.String()
}

// writeSaleLines lists recorded or removed sales, one per line.
func writeSaleLines(b io.Writer, sales []portfolio.Sale) {
	for _, s := range sales {
		say(b, "  %s", saleLine(s))
	}
}

// shellQuote quotes a path for a command line shown to the user when it
// holds characters a shell would interpret.
func shellQuote(s string) string {
	if s != "" && !strings.ContainsAny(s, " \t\n'\"\\$`!*?[]{}()<>|&;#~") {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
