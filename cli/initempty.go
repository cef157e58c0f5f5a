package cli

import (
	"strings"

	"nftharvest/portfolio"
	"nftharvest/safetext"
	"nftharvest/storage"

	"github.com/shopspring/decimal"
)

// emptyFlags are the tax-profile flags of "init --empty".
type emptyFlags struct {
	year, status, ordinary, longTerm, collectibles, state, wash, match string
	taxableIncome, magi, taxModel                                      string
	niit                                                               bool
}

func (e *emptyFlags) add(f *flags) {
	f.StringVar(&e.year, "year", "", "")
	f.StringVar(&e.status, "filing-status", portfolio.Single, "")
	f.StringVar(&e.ordinary, "ordinary-rate", "0.24", "")
	f.StringVar(&e.longTerm, "long-term-rate", "0.15", "")
	f.StringVar(&e.collectibles, "collectibles-rate", "0.28", "")
	f.StringVar(&e.state, "state-rate", "0", "")
	f.StringVar(&e.wash, "wash-sale", portfolio.WashApply, "")
	f.StringVar(&e.match, "match", portfolio.MatchToken, "")
	f.BoolVar(&e.niit, "niit", false, "")
	f.StringVar(&e.taxableIncome, "taxable-income", "", "")
	f.StringVar(&e.magi, "magi", "", "")
	f.StringVar(&e.taxModel, "tax-model", "", "")
}

// profile builds the tax profile the flags describe, checking each value.
func (e *emptyFlags) profile(today portfolio.Date) (portfolio.TaxProfile, error) {
	year, err := parseYearFlag("year", e.year, today.Year())
	if err != nil {
		return portfolio.TaxProfile{}, err
	}
	t := portfolio.DefaultTaxProfile(year)
	choices := []struct {
		flag, value string
		allowed     []string
		dst         *string
	}{
		{"filing-status", e.status, []string{portfolio.Single, portfolio.MarriedJoint, portfolio.MarriedSeparate, portfolio.HeadOfHousehold}, &t.FilingStatus},
		{"wash-sale", e.wash, []string{portfolio.WashApply, portfolio.WashOff}, &t.WashSale},
		{"match", e.match, []string{portfolio.MatchToken, portfolio.MatchCollection}, &t.Match},
		{"tax-model", e.taxModel, []string{"", portfolio.TaxModelBrackets, portfolio.TaxModelFlat}, &t.TaxModel},
	}
	for _, c := range choices {
		if !contains(c.allowed, c.value) {
			return t, usageErrorf("--%s: %q is not one of %s", c.flag, safetext.String(c.value), strings.Join(c.allowed, ", "))
		}
		*c.dst = c.value
	}
	rates := []struct {
		flag, value string
		dst         *decimal.Decimal
	}{
		{"ordinary-rate", e.ordinary, &t.OrdinaryRate},
		{"long-term-rate", e.longTerm, &t.LongTermRate},
		{"collectibles-rate", e.collectibles, &t.CollectiblesRate},
		{"state-rate", e.state, &t.StateRate},
	}
	for _, r := range rates {
		d, err := parseAmount(r.value, "a rate")
		if err != nil || d.IsNegative() || d.GreaterThan(decimal.NewFromInt(1)) {
			return t, usageErrorf("--%s: %q is not a rate between 0 and 1 (0.24 means 24%%)", r.flag, safetext.String(r.value))
		}
		*r.dst = d
	}
	t.NIIT = e.niit
	for _, a := range []struct {
		flag, value string
		dst         **decimal.Decimal
	}{{"taxable-income", e.taxableIncome, &t.TaxableIncome}, {"magi", e.magi, &t.MAGI}} {
		if a.value == "" {
			continue
		}
		d, err := parseAmountFlag(a.flag, a.value)
		if err != nil {
			return t, err
		}
		*a.dst = &d
	}
	return t, nil
}

// initEmpty writes a portfolio with a tax profile and nothing else,
// through the safe save path.
func initEmpty(c *ctx, path string, e *emptyFlags) error {
	t, err := e.profile(c.env.Today)
	if err != nil {
		return err
	}
	if err := mustNotExist(path, ""); err != nil {
		return err
	}
	p := &portfolio.Portfolio{Format: portfolio.Format, Version: portfolio.Version, BaseCurrency: "USD",
		TaxProfile: t, Rates: map[string]decimal.Decimal{}}
	if _, err := storage.SaveAs(path, p, "init --empty", false); err != nil {
		return err
	}
	try := ""
	if path != c.env.defaultPortfolio() {
		try = " --portfolio " + shellQuote(path)
	}
	if err := say(c.stdout, "Wrote an empty portfolio to %s (tax year %d, %s, ordinary rate %s, long-term rate %s).",
		path, t.TaxYear, t.FilingStatus, t.OrdinaryRate, t.LongTermRate); err != nil {
		return err
	}
	return say(c.stdout, "Next: nftharvest import etherscan%s --address 0x.. FILE... (see docs/import.md)", try)
}
