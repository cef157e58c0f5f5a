package cli

import (
	"fmt"
	"io"
	"strings"

	"nftharvest/importer"
)

// writeImportPlan prints what an import adds (or would add, on a dry run):
// the files read, the collections, lots, sales and wallet moves with their
// totals, and the transactions to review.
func writeImportPlan(w io.Writer, d *importer.Data, pl *importer.Plan, path string, dry bool) {
	files := make([]string, len(d.Files))
	for i, f := range d.Files {
		files[i] = fmt.Sprintf("%s: %s, %d rows", shown(f.Name), f.Kind, f.Rows)
	}
	writePlan(w, files, pl, path, dry)
}

// writePlan prints the files read (one description each) and the plan.
func writePlan(w io.Writer, files []string, pl *importer.Plan, path string, dry bool) {
	fmt.Fprintf(w, "Read %d file(s):\n", len(files))
	for _, f := range files {
		fmt.Fprintf(w, "  %s\n", f)
	}
	verb := "Adding"
	if dry {
		verb = "Would add"
	}
	fmt.Fprintf(w, "%s to %s (batch %s):\n", verb, shown(path), pl.Batch)
	fmt.Fprintf(w, "  %d collection(s)\n", len(pl.Collections))
	for i, c := range pl.Collections {
		if more(w, i, len(pl.Collections)) {
			break
		}
		parts := []string{shown(c.ID)}
		for _, v := range []string{c.Name, c.Standard, strings.TrimSpace(c.Chain + " " + c.Contract)} {
			if v != "" {
				parts = append(parts, shown(v))
			}
		}
		fmt.Fprintf(w, "    %s\n", strings.Join(parts, "  "))
	}
	fmt.Fprintf(w, "  %d lot(s): cost %s, fees %s\n", len(pl.Lots), amount(pl.Cost), amount(pl.LotFees))
	for i, l := range pl.Lots {
		if more(w, i, len(pl.Lots)) {
			break
		}
		line := fmt.Sprintf("    %s  %s #%s ×%s  %s  cost %s  fees %s", l.ID, shown(l.Collection), shown(l.TokenID), qty(l.Quantity),
			l.Acquired, amount(l.Cost), amount(l.Fees))
		if strings.HasPrefix(l.Note, "review:") {
			line += "  (review)"
		}
		fmt.Fprintln(w, line)
	}
	fmt.Fprintf(w, "  %d sale(s): proceeds %s, fees %s\n", len(pl.Sales), amount(pl.Proceeds), amount(pl.SaleFees))
	for i, s := range pl.Sales {
		if more(w, i, len(pl.Sales)) {
			break
		}
		fmt.Fprintf(w, "    %s  %s ×%s  %s  proceeds %s  fees %s\n", s.ID, s.Lot, qty(s.Quantity), s.Date, amount(s.Proceeds), amount(s.Fees))
	}
	if len(pl.Moves) > 0 {
		fmt.Fprintf(w, "  %d move(s) between your wallets (basis and date kept)\n", len(pl.Moves))
		for i, m := range pl.Moves {
			if more(w, i, len(pl.Moves)) {
				break
			}
			fmt.Fprintf(w, "    %s  %s → %s  %s\n", m.Lot, shown(m.From), shown(m.To), m.Date)
		}
	}
	if pl.Failed >= 0 {
		fmt.Fprintf(w, "  already imported: %d transfer(s); failed transactions ignored: %d\n", pl.Known, pl.Failed)
	} else {
		fmt.Fprintf(w, "  already in the portfolio: %d row(s)\n", pl.Known)
	}
	if len(pl.Review) > 0 {
		fmt.Fprintf(w, "To review (%d):\n", len(pl.Review))
		for i, r := range pl.Review {
			if more(w, i, len(pl.Review)) {
				break
			}
			fmt.Fprintf(w, "  %s %s: %s\n    → %s\n", r.Date, shortHash(shown(r.Hash)), shown(r.What), shown(r.Do))
		}
	}
}

// shortHash shows the start and end of a transaction hash.
func shortHash(h string) string {
	if len(h) <= 16 {
		return h
	}
	return h[:10] + "…" + h[len(h)-4:]
}

// listed is how many items of each kind an import lists.
const listed = 100

// more, at the item i of n, prints "... and N more" and reports true once
// listed items were printed.
func more(w io.Writer, i, n int) bool {
	if i < listed {
		return false
	}
	fmt.Fprintf(w, "    ... and %d more\n", n-i)
	return true
}
