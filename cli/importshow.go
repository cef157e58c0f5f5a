package cli

import (
	"fmt"
	"io"
	"strings"

	"nftharvest/importer"
	"nftharvest/safetext"
)

// writeImportPlan prints what an import adds (or would add, on a dry run):
// the files read, the collections, lots, sales and wallet moves with their
// totals, and the transactions to review.
func writeImportPlan(w io.Writer, d *importer.Data, pl *importer.Plan, path string, dry bool) {
	files := make([]string, len(d.Files))
	for i, f := range d.Files {
		files[i] = fmt.Sprintf("%s: %s, %d rows", safetext.String(f.Name), f.Kind, f.Rows)
	}
	writePlan(w, files, pl, path, dry)
}

// writePlan prints the files read (one description each) and the plan.
func writePlan(w io.Writer, files []string, pl *importer.Plan, path string, dry bool) {
	say(w, "Read %d file(s):", len(files))
	for _, f := range files {
		say(w, "  %s", f)
	}
	verb := "Adding"
	if dry {
		verb = "Would add"
	}
	say(w, "%s to %s (batch %s):", verb, safetext.String(path), pl.Batch)
	say(w, "  %d collection(s)", len(pl.Collections))
	for i, c := range pl.Collections {
		if more(w, i, len(pl.Collections)) {
			break
		}
		parts := []string{safetext.String(c.ID)}
		for _, v := range []string{c.Name, c.Standard, strings.TrimSpace(c.Chain + " " + c.Contract)} {
			if v != "" {
				parts = append(parts, safetext.String(v))
			}
		}
		say(w, "    %s", strings.Join(parts, "  "))
	}
	say(w, "  %d lot(s): cost %s, fees %s", len(pl.Lots), amount(pl.Cost), amount(pl.LotFees))
	for i, l := range pl.Lots {
		if more(w, i, len(pl.Lots)) {
			break
		}
		line := fmt.Sprintf("    %s  %s #%s ×%s  %s  cost %s  fees %s", l.ID, safetext.String(l.Collection), safetext.String(l.TokenID), qty(l.Quantity),
			l.Acquired, amount(l.Cost), amount(l.Fees))
		if strings.HasPrefix(l.Note, "review:") {
			line += "  (review)"
		}
		say(w, "%s", line)
	}
	say(w, "  %d sale(s): proceeds %s, fees %s", len(pl.Sales), amount(pl.Proceeds), amount(pl.SaleFees))
	for i, s := range pl.Sales {
		if more(w, i, len(pl.Sales)) {
			break
		}
		say(w, "    %s  %s ×%s  %s  proceeds %s  fees %s", s.ID, s.Lot, qty(s.Quantity), s.Date, amount(s.Proceeds), amount(s.Fees))
	}
	if len(pl.Moves) > 0 {
		say(w, "  %d move(s) between your wallets (basis and date kept)", len(pl.Moves))
		for i, m := range pl.Moves {
			if more(w, i, len(pl.Moves)) {
				break
			}
			say(w, "    %s  %s → %s  %s", m.Lot, safetext.String(m.From), safetext.String(m.To), m.Date)
		}
	}
	if pl.Failed >= 0 {
		say(w, "  already imported: %d transfer(s); failed transactions ignored: %d", pl.Known, pl.Failed)
	} else {
		say(w, "  already in the portfolio: %d row(s)", pl.Known)
	}
	if len(pl.Review) > 0 {
		say(w, "To review (%d):", len(pl.Review))
		for i, r := range pl.Review {
			if more(w, i, len(pl.Review)) {
				break
			}
			say(w, "  %s %s: %s", r.Date, shortHash(safetext.String(r.Hash)), safetext.String(r.What))
			say(w, "    → %s", safetext.String(r.Do))
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
	say(w, "    ... and %d more", n-i)
	return true
}
