package cli

import (
	"bufio"
	"flag"
	"fmt"
	"strings"

	"nftharvest/portfolio"
	"nftharvest/safetext"
	"nftharvest/storage"

	"github.com/shopspring/decimal"
)

var addCmd = &command{
	name:    "add",
	summary: "add one lot or one sale from the command line",
	usage: `Usage: nftharvest add lot --collection ID --quantity Q --acquired DATE
                  --cost AMOUNT [--fees AMOUNT] [--token-id T] [--tx HASH]
                  [--wallet ADDR] [--note TEXT] [--id ID]
                  [--new-collection NAME] [--portfolio FILE]
       nftharvest add sale --lot ID --quantity Q --date DATE --proceeds AMOUNT
                  [--fees AMOUNT] [--tx HASH] [--id ID] [--portfolio FILE]

Adds one lot (a purchase) or one sale, checked exactly as the loader checks
a file, and saves the usual way (FILE.bak, one line in FILE.log). Amounts are
in the base currency; the id defaults to the next L-NNNN or S-NNNN. The
record is a batch of its own: "nftharvest undo" removes it.

  --new-collection NAME  create the collection --collection ID, named NAME
                         (ERC-1155 when --quantity is not 1)
`,
	run: runAdd,
}

func runAdd(c *ctx, args []string) error {
	f := c.newFlags()
	f.portfolioFlags(false)
	v := map[string]*string{}
	for _, name := range []string{"id", "collection", "quantity", "acquired", "cost", "fees", "token-id", "tx", "wallet", "note",
		"new-collection", "lot", "date", "proceeds"} {
		v[name] = f.String(name, "", "")
	}
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(pos) != 1 || (pos[0] != "lot" && pos[0] != "sale") {
		return usageErrorf("add: say what to add: \"add lot ...\" or \"add sale ...\" (see \"nftharvest add --help\")")
	}
	kind := pos[0]
	allowed := map[string][]string{
		"lot":  {"id", "collection", "quantity", "acquired", "cost", "fees", "token-id", "tx", "wallet", "note", "new-collection", "portfolio"},
		"sale": {"id", "lot", "quantity", "date", "proceeds", "fees", "tx", "portfolio"},
	}[kind]
	var wrong string
	f.Visit(func(fl *flag.Flag) {
		if wrong == "" && !contains(allowed, fl.Name) {
			wrong = fl.Name
		}
	})
	if wrong != "" {
		return usageErrorf("add %s: --%s is not a flag of \"add %s\"", kind, wrong, kind)
	}
	required := map[string][]string{"lot": {"collection", "quantity", "acquired", "cost"}, "sale": {"lot", "quantity", "date", "proceeds"}}[kind]
	for _, name := range required {
		if *v[name] == "" {
			return usageErrorf("add %s: --%s is required", kind, name)
		}
	}
	file, err := f.load()
	if err != nil {
		return err
	}
	if file.Sample {
		return inputErrorf("the embedded sample cannot be changed; write it out with \"nftharvest init\" first")
	}
	p := file.Portfolio.Clone()
	batch := p.NextBatch()
	dec := func(name string, optional bool) (decimal.Decimal, error) {
		s := *v[name]
		if s == "" && optional {
			return decimal.Zero, nil
		}
		d, err := parseAmount(s, "a decimal number")
		if err != nil {
			return d, usageErrorf("--%s: %v", name, err)
		}
		return d, nil
	}
	date := func(name string) (portfolio.Date, error) {
		d, err := portfolio.ParseDate(*v[name])
		if err != nil {
			return 0, usageErrorf("--%s: %v", name, err)
		}
		if d.After(c.env.Today) {
			return 0, usageErrorf("--%s: %s is after today (%s)", name, d, c.env.Today)
		}
		return d, nil
	}
	var line, where string
	switch kind {
	case "lot":
		l := portfolio.Lot{ID: *v["id"], Collection: *v["collection"], TokenID: *v["token-id"], Tx: *v["tx"],
			Wallet: *v["wallet"], Note: *v["note"], Batch: batch}
		if l.Quantity, err = dec("quantity", false); err != nil {
			return err
		}
		if l.Cost, err = dec("cost", false); err != nil {
			return err
		}
		if l.Fees, err = dec("fees", true); err != nil {
			return err
		}
		if l.Acquired, err = date("acquired"); err != nil {
			return err
		}
		if l.ID == "" {
			l.ID = portfolio.NextID("L", func(yield func(string) bool) {
				for i := range p.Lots {
					if !yield(p.Lots[i].ID) {
						return
					}
				}
			})
		}
		if name := *v["new-collection"]; name != "" {
			std := "ERC-721"
			if !l.Quantity.Equal(decimal.NewFromInt(1)) {
				std = "ERC-1155"
			}
			p.Collections = append(p.Collections, portfolio.Collection{ID: l.Collection, Name: name, Standard: std, Batch: batch})
		}
		p.Lots = append(p.Lots, l)
		where = fmt.Sprintf("lots[%d]", len(p.Lots)-1)
		line = fmt.Sprintf("%s %s #%s ×%s on %s cost %s fees %s", l.ID, safetext.String(l.Collection), safetext.String(l.TokenID), qty(l.Quantity),
			l.Acquired, plainMoney(l.Cost), plainMoney(l.Fees))
	case "sale":
		s := portfolio.Sale{ID: *v["id"], Lot: *v["lot"], Tx: *v["tx"], Batch: batch}
		if s.Quantity, err = dec("quantity", false); err != nil {
			return err
		}
		if s.Proceeds, err = dec("proceeds", false); err != nil {
			return err
		}
		if s.Fees, err = dec("fees", true); err != nil {
			return err
		}
		if s.Date, err = date("date"); err != nil {
			return err
		}
		if s.ID == "" {
			s.ID = portfolio.NextID("S", func(yield func(string) bool) {
				for i := range p.Sales {
					if !yield(p.Sales[i].ID) {
						return
					}
				}
			})
		}
		p.Sales = append(p.Sales, s)
		where = fmt.Sprintf("sales[%d]", len(p.Sales)-1)
		line = saleLine(s)
	}
	if err := checkFlags(p, where); err != nil {
		return err
	}
	if c.env.beforeSave != nil {
		c.env.beforeSave(file.Path)
	}
	saveErr := file.Save(p, fmt.Sprintf("add %s %s: %s", kind, batch, line))
	if saveErr != nil && file.Portfolio != p {
		return saveErr
	}
	b := bufio.NewWriter(c.stdout)
	say(b, "Added %s (batch %s) to %s:", kind, batch, file.Path)
	say(b, "  %s", line)
	say(b, "Saved %s (previous version in %s.bak).", file.Path, file.Path)
	if err := b.Flush(); err != nil {
		return err
	}
	return saveErr
}

// flagOf names the flag of a lot or sale member.
var flagOf = map[string]string{"token_id": "token-id", "collection": "collection", "acquired": "acquired", "date": "date"}

// checkFlags validates p as the loader does and reports a problem of the
// new record (at where, "lots[N]" or "sales[N]") as a problem of its flag.
func checkFlags(p *portfolio.Portfolio, where string) error {
	problems := storage.Validate(p)
	if len(problems) == 0 {
		return nil
	}
	var lines []string
	for _, pr := range problems {
		member, ok := strings.CutPrefix(pr.Path, where)
		if !ok {
			var i int
			if n, _ := fmt.Sscanf(pr.Path, "lots[%d].quantity", &i); n == 1 && strings.HasPrefix(where, "sales") && i < len(p.Lots) {
				// The new sale takes more than its lot holds.
				lines = append(lines, fmt.Sprintf("--quantity: lot %s: %s", safetext.String(p.Lots[i].ID), safetext.String(pr.Message)))
				continue
			}
			lines = append(lines, safetext.String(pr.String()))
			continue
		}
		member = strings.TrimPrefix(member, ".")
		name := member
		if n, ok := flagOf[member]; ok {
			name = n
		}
		if name == "" {
			lines = append(lines, safetext.String(pr.Message))
			continue
		}
		msg := safetext.String(pr.Message)
		if member == "collection" && strings.HasSuffix(msg, "is not a collection id in this file") {
			msg += " (to create it: --new-collection NAME)"
		}
		lines = append(lines, "--"+strings.ReplaceAll(name, "_", "-")+": "+msg)
	}
	return &problemsError{lines: lines}
}
