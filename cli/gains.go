package cli

import (
	"bufio"

	"nftharvest/taxrules"
)

// printGains prints "suggest --gains": the long-term gains to realize at
// no federal tax this year, as a table or JSON.
func printGains(c *ctx, f *flags, a *taxrules.Analysis) error {
	g := a.SuggestGains()
	if f.format == "json" {
		return writeGainsJSON(c.stdout, a, g)
	}
	b := bufio.NewWriter(c.stdout)
	if len(g.Picks) == 0 {
		say(b, "No gain harvest: %s.", g.Why)
		return b.Flush()
	}
	say(b, "Gain harvest as of %s: up to %s of long-term gain", a.AsOf, amount(g.Room))
	say(b, "adds no federal tax in %d (inside the 0%% capital gain band).", a.TaxYear)
	t := table{cols: []column{
		{header: "Lot"},
		{header: "Asset", flex: true, min: 12, gap: 2, keepTail: true},
		{header: "Qty", right: true, gap: 2},
		{header: "Gain", right: true, gap: 2},
	}}
	sell := []string{"nftharvest sell"}
	if f.portfolio != "" {
		sell = append(sell, "--portfolio "+shellQuote(f.portfolio))
	}
	for _, p := range g.Picks {
		asset := p.Lot
		if i, ok := a.Index.LotIndex(p.Lot); ok {
			st := a.LotState(i) // built now on a lazy analysis
			asset = assetText(&st)
		}
		t.add(p.Lot, asset, qty(p.Quantity), amount(p.Gain))
		sell = append(sell, "--sell "+shellQuote(p.Lot+":"+qty(p.Quantity)))
	}
	t.add("Total", "", "", amount(g.Total))
	if err := t.render(b, Width); err != nil {
		return err
	}
	say(b, "Federal tax: 0.00; state tax at the profile's rate: %s.", amount(g.StateTax))
	b.WriteString(wrap("Sell and buy back at once to raise the basis: a gain is never a wash sale. "+
		"Then record the rebuy as a new lot.", "", "", Width))
	b.WriteString("\nTo record the sales at market value:\n")
	b.WriteString(commandLines(sell))
	return b.Flush()
}
