package cli

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"nftharvest/portfolio"
	"nftharvest/safetext"

	"github.com/shopspring/decimal"
)

var pricesCmd = &command{
	name:    "prices",
	summary: "update collection floors and currency rates from a CSV file",
	usage: `Usage: nftharvest prices [--dry-run] [--portfolio FILE] FILE.csv...

Updates collection floors and currency rates from CSV files, each with one
of these headers:
  collection,amount,currency,as_of   the floor of one token of a collection
                                     (its id, contract address or name)
  currency,rate,as_of                the price of one unit in the base
                                     currency
Amounts are plain decimals (0.42); as_of is YYYY-MM-DD, not after today
(empty: today). A price older than the one in the file is not applied. The
file is saved the usual way (previous version in FILE.bak). The app and
"nftharvest report" warn when a floor or rate in use is older than 7 days.

  --dry-run         show the changes; change nothing
  --portfolio FILE  portfolio file (default $NFTHARVEST_PORTFOLIO, else
                    ./portfolio.json)
`,
	run: runPrices,
}

var (
	floorColumns = []string{"collection", "amount", "currency", "as_of"}
	rateColumns  = []string{"currency", "rate", "as_of"}
)

// priceChange is one floor or rate set by a prices file.
type priceChange struct {
	kind, of string // "floor" and a collection id, or "rate" and a currency
	amount   decimal.Decimal
	currency string
	asOf     portfolio.Date
	before   string // the previous price, "" when none
	skipped  bool   // older than the price in the file
}

func runPrices(c *ctx, args []string) error {
	f := c.newFlags()
	f.portfolioFlags(false)
	dry := f.Bool("dry-run", false, "")
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return usageErrorf("prices: no file given (see \"nftharvest prices --help\")")
	}
	file, err := f.load()
	if err != nil {
		return err
	}
	p := file.Portfolio.Clone()
	type input struct {
		cf    *csvFile
		rates bool
	}
	var inputs []input
	for _, path := range pos {
		cf, which, err := readCSV(path, floorColumns, rateColumns)
		if err != nil {
			return err
		}
		inputs = append(inputs, input{cf, which == 1})
	}
	// Rates first, so that a floor may be in a currency whose rate comes
	// with it.
	var changes []priceChange
	pending := map[string]bool{}
	for _, in := range inputs {
		if in.rates {
			for _, ch := range rateChanges(in.cf, p, c.env.Today) {
				pending[ch.of] = true
				changes = append(changes, ch)
			}
		}
	}
	for _, in := range inputs {
		if !in.rates {
			changes = append(changes, floorChanges(in.cf, p, pending, c.env.Today)...)
		}
	}
	var probs []string
	for _, in := range inputs {
		probs = append(probs, in.cf.probs...)
	}
	if len(probs) > 0 {
		return &problemsError{lines: probs}
	}
	applied := applyPrices(p, changes)
	b := bufio.NewWriter(c.stdout)
	writePriceChanges(b, changes)
	if *dry || applied == 0 {
		say(b, "%s is unchanged.", file.Path)
		return b.Flush()
	}
	if c.env.beforeSave != nil {
		c.env.beforeSave(file.Path)
	}
	saveErr := file.Save(p, fmt.Sprintf("prices: %d floors and rates from %s", applied, safetext.String(strings.Join(pos, ", "))))
	if saveErr != nil && file.Portfolio != p {
		return saveErr
	}
	say(b, "Saved %s (previous version in %s.bak).", file.Path, file.Path)
	if w := staleWarning(p, c.env.Today); w != "" {
		b.WriteString(wrap(w, "", "  ", Width))
	}
	if err := b.Flush(); err != nil {
		return err
	}
	return saveErr
}

// priceRow reads the amount and as_of of a row.
func priceRow(cf *csvFile, r *csvRow, amountCol string, today portfolio.Date) (decimal.Decimal, portfolio.Date, bool) {
	ok := true
	amount, err := parseAmount(cf.cell(r, amountCol), "a decimal amount")
	if err != nil {
		cf.fail(r, amountCol, "%v", err)
		ok = false
	} else if amount.IsNegative() || (amountCol == "rate" && !amount.IsPositive()) {
		cf.fail(r, amountCol, "%q must be greater than 0", cf.cell(r, amountCol))
		ok = false
	}
	asOf := today
	if s := cf.cell(r, "as_of"); s != "" {
		d, err := portfolio.ParseDate(s)
		switch {
		case err != nil:
			cf.fail(r, "as_of", "%v", err)
			ok = false
		case d.After(today):
			cf.fail(r, "as_of", "%s is after today (%s)", s, today)
			ok = false
		default:
			asOf = d
		}
	}
	return amount, asOf, ok
}

// floorChanges reads a floors file against p.
func floorChanges(cf *csvFile, p *portfolio.Portfolio, pending map[string]bool, today portfolio.Date) []priceChange {
	var out []priceChange
	for i := range cf.rows {
		r := &cf.rows[i]
		ref := cf.cell(r, "collection")
		id, msg := findCollection(p, ref)
		if msg != "" {
			cf.fail(r, "collection", "%s", msg)
		}
		cur := strings.ToUpper(cf.cell(r, "currency"))
		if cur == "" {
			cur = p.BaseCurrency
		}
		if _, ok := p.Rates[cur]; !ok && cur != p.BaseCurrency && !pending[cur] {
			cf.fail(r, "currency", "%q has no rate in the portfolio; give its rate in a rates file (currency,rate,as_of) too", cur)
		}
		amount, asOf, ok := priceRow(cf, r, "amount", today)
		if ok && msg == "" {
			out = append(out, priceChange{kind: "floor", of: id, amount: amount, currency: cur, asOf: asOf})
		}
	}
	return out
}

// rateChanges reads a rates file.
func rateChanges(cf *csvFile, p *portfolio.Portfolio, today portfolio.Date) []priceChange {
	var out []priceChange
	for i := range cf.rows {
		r := &cf.rows[i]
		cur := strings.ToUpper(cf.cell(r, "currency"))
		switch {
		case cur == "":
			cf.fail(r, "currency", "is empty")
		case cur == p.BaseCurrency:
			cf.fail(r, "currency", "%q is the base currency, which needs no rate", cur)
		case strings.ContainsAny(cur, " \t") || safetext.String(cur) != cur:
			cf.fail(r, "currency", "%q is not a currency code", cur)
		}
		amount, asOf, ok := priceRow(cf, r, "rate", today)
		if ok && cur != "" && cur != p.BaseCurrency {
			out = append(out, priceChange{kind: "rate", of: cur, amount: amount, asOf: asOf})
		}
	}
	return out
}

// findCollection resolves a collection by id, contract address or name.
func findCollection(p *portfolio.Portfolio, ref string) (string, string) {
	if ref == "" {
		return "", "is empty"
	}
	for _, c := range p.Collections {
		if c.ID == ref {
			return c.ID, ""
		}
	}
	var found []string
	for _, c := range p.Collections {
		if (c.Contract != "" && strings.EqualFold(c.Contract, ref)) || strings.EqualFold(c.Name, ref) {
			found = append(found, c.ID)
		}
	}
	switch len(found) {
	case 0:
		return "", fmt.Sprintf("%q is not a collection id, contract or name in this portfolio", ref)
	case 1:
		return found[0], ""
	}
	return "", fmt.Sprintf("%q names several collections (%s); give the id", ref, strings.Join(found, ", "))
}

// applyPrices sets each floor and rate unless the file already has a newer
// one, and returns how many were applied.
func applyPrices(p *portfolio.Portfolio, changes []priceChange) int {
	n := 0
	if p.RatesAsOf == nil {
		p.RatesAsOf = map[string]portfolio.Date{}
	}
	if p.Rates == nil {
		p.Rates = map[string]decimal.Decimal{}
	}
	for i := range changes {
		ch := &changes[i]
		switch ch.kind {
		case "rate":
			old, had := p.Rates[ch.of]
			oldAsOf := p.RatesAsOf[ch.of]
			if had {
				ch.before = fmt.Sprintf("%s as of %s", old, dateOrUnknown(oldAsOf))
			}
			if had && !oldAsOf.IsZero() && oldAsOf.After(ch.asOf) {
				ch.skipped = true
				continue
			}
			p.Rates[ch.of], p.RatesAsOf[ch.of] = ch.amount, ch.asOf
		case "floor":
			for j := range p.Collections {
				c := &p.Collections[j]
				if c.ID != ch.of {
					continue
				}
				if c.Floor != nil {
					ch.before = fmt.Sprintf("%s %s as of %s", c.Floor.Amount, c.Floor.Currency, dateOrUnknown(c.Floor.AsOf))
					if !c.Floor.AsOf.IsZero() && c.Floor.AsOf.After(ch.asOf) {
						ch.skipped = true
						break
					}
				}
				c.Floor = &portfolio.Price{Amount: ch.amount, Currency: ch.currency, AsOf: ch.asOf}
			}
			if ch.skipped {
				continue
			}
		}
		n++
	}
	if len(p.RatesAsOf) == 0 {
		p.RatesAsOf = nil
	}
	return n
}

func dateOrUnknown(d portfolio.Date) string {
	if d.IsZero() {
		return "an unknown date"
	}
	return d.String()
}

// writePriceChanges lists the floors and rates set or kept.
func writePriceChanges(w io.Writer, changes []priceChange) {
	for _, ch := range changes {
		now := fmt.Sprintf("%s as of %s", ch.amount, ch.asOf)
		if ch.kind == "floor" {
			now = fmt.Sprintf("%s %s as of %s", ch.amount, ch.currency, ch.asOf)
		}
		var line string
		switch {
		case ch.skipped:
			line = fmt.Sprintf("  %s %s: kept %s (newer than %s)", ch.kind, ch.of, ch.before, now)
		case ch.before != "":
			line = fmt.Sprintf("  %s %s: %s → %s", ch.kind, ch.of, ch.before, now)
		default:
			line = fmt.Sprintf("  %s %s: %s", ch.kind, ch.of, now)
		}
		say(w, "%s", safetext.String(line))
	}
}
