package cli

import (
	"nftharvest/portfolio"
	"nftharvest/storage"
	"nftharvest/taxrules"
)

// wholeTokens refuses a --sell quantity that is not a whole number for a
// lot of an ERC-721 collection, whose tokens cannot be split (the file
// format refuses such a sale too). specs are the --sell values the
// requests were read from, for the message.
func wholeTokens(p *portfolio.Portfolio, reqs []taxrules.SaleRequest, specs []string) error {
	var lots map[string]*portfolio.Lot
	var standard map[string]string
	for i, r := range reqs {
		q := r.Quantity
		if q.Exponent() >= 0 || q.Equal(q.Truncate(0)) {
			continue // all open units, or a whole number
		}
		if lots == nil {
			lots = make(map[string]*portfolio.Lot, len(p.Lots))
			for k := range p.Lots {
				lots[p.Lots[k].ID] = &p.Lots[k]
			}
			standard = make(map[string]string, len(p.Collections))
			for _, c := range p.Collections {
				standard[c.ID] = c.Standard
			}
		}
		l, ok := lots[r.Lot]
		if !ok || standard[l.Collection] != storage.UniqueStandard {
			continue // an unknown lot is reported by the engine
		}
		return usageErrorf("--sell %q: %s is a token of collection %q, which is %s: its quantity must be a whole number",
			specs[i], r.Lot, l.Collection, storage.UniqueStandard)
	}
	return nil
}
