package taxrules

import (
	"testing"

	"nftharvest/portfolio"
)

// 28% Rate Gain Worksheet (Schedule D instructions; IRC 1(h)(4), 1(h)(5);
// Notice 2023-27 for NFTs as collectibles).
func TestRate28Gain(t *testing.T) {
	cases := []struct {
		name                                  string
		collLT, otherLT, otherColl, st, carLT string
		want                                  string
	}{
		{"collectible long-term gain", "5000", "0", "0", "0", "0", "5000"},
		{"line 7: a short-term net loss reduces it", "5000", "0", "0", "-2000", "0", "3000"},
		{"non-collectible long-term loss reduces it", "5000", "-1000", "0", "0", "0", "4000"},
		{"line 6: long-term carryover reduces it", "5000", "0", "0", "0", "1500", "3500"},
		{"line 4: other collectibles gain adds", "1000", "2000", "2000", "0", "0", "3000"},
		{"line 8: never below zero", "1000", "0", "0", "-5000", "0", "0"},
		{"collectible loss: zero", "-1000", "3000", "0", "0", "0", "0"},
	}
	for _, c := range cases {
		p := newPortfolio(2024)
		yes := true
		p.Collections[0].Collectible = &yes
		p.TaxProfile.OtherGains.LongTerm = d(c.otherLT)
		p.TaxProfile.OtherGains.Collectibles = d(c.otherColl)
		p.TaxProfile.OtherGains.ShortTerm = d(c.st)
		p.TaxProfile.Carryover.LongTerm = d(c.carLT)
		addLot(p, "C", "punks", "1", "1", "2020-01-01", "10000")
		addSale(p, "S1", "C", "1", "2024-06-01", d("10000").Add(d(c.collLT)).String())
		s := mustAnalyze(t, p, "2024-12-31").Summary(2024)
		if !s.CollectiblesNet.Equal(d(c.want)) {
			t.Errorf("%s: 28%% gain %s, want %s", c.name, s.CollectiblesNet, c.want)
		}
		if s.CollectiblesNet.GreaterThan(s.LongTermNet) && s.CollectiblesNet.Sign() > 0 {
			t.Errorf("%s: 28%% gain %s above long-term net %s", c.name, s.CollectiblesNet, s.LongTermNet)
		}
	}
}

// The estimate (labelled as such) from the profile's marginal rates.
func TestEstimatedTax(t *testing.T) {
	cases := []struct {
		name         string
		st, lt, coll string
		edit         func(*portfolio.TaxProfile)
		want         string
	}{
		{"short-term gain at the ordinary rate", "10000", "0", "0", nil, "2400"},
		{"long-term gain at the long-term rate", "0", "10000", "0", nil, "1500"},
		// 6000 x 15% + 4000 x 28%
		{"28%-rate gain at the collectibles rate", "0", "10000", "4000", func(p *portfolio.TaxProfile) { p.OrdinaryRate = d("0.35") }, "2020"},
		// 6000 x 15% + 4000 x min(28%, 22%)
		{"collectibles rate capped by the ordinary rate", "0", "10000", "4000", func(p *portfolio.TaxProfile) { p.OrdinaryRate = d("0.22") }, "1780"},
		{"long-term loss offsets short-term gain", "3000", "-1000", "0", nil, "480"},
		{"short-term loss offsets long-term gain", "-1000", "3000", "0", nil, "300"},
		// 10000 x 24% + 10000 x 3.8% + 10000 x 5%
		{"NIIT and state", "10000", "0", "0", func(p *portfolio.TaxProfile) { p.NIIT = true; p.StateRate = d("0.05") }, "3280"},
		// -3000 x (24% + 5%)
		{"net loss saves tax on the offset", "-9000", "0", "0", func(p *portfolio.TaxProfile) { p.StateRate = d("0.05") }, "-870"},
		{"short-term gain, larger long-term loss: no gain tax", "1000", "-5000", "0", nil, "-720"},
	}
	for _, c := range cases {
		p := newPortfolio(2024)
		p.TaxProfile.OtherGains.ShortTerm = d(c.st)
		p.TaxProfile.OtherGains.LongTerm = d(c.lt)
		p.TaxProfile.OtherGains.Collectibles = d(c.coll)
		if c.edit != nil {
			c.edit(&p.TaxProfile)
		}
		s := mustAnalyze(t, p, "2024-12-31").Summary(2024)
		if !s.EstimatedTax.Equal(d(c.want)) {
			t.Errorf("%s: estimate %s, want %s", c.name, s.EstimatedTax, c.want)
		}
	}
}

// With a small taxable income the $3,000 deduction is still taken (IRC
// 1211(b)), but only the part that meets ordinary income saves tax: the
// Capital Loss Carryover Worksheet line 4, min(deduction, taxable income).
// The rest is carried over, so it must not also count as saved now.
func TestEstimateLossSavingLimitedByTaxableIncome(t *testing.T) {
	p := newPortfolio(2026)
	p.TaxProfile.TaxModel = portfolio.TaxModelFlat
	p.TaxProfile.OrdinaryRate = d("0.32")
	ti := d("1000")
	p.TaxProfile.TaxableIncome = &ti
	addLot(p, "A", "punks", "1", "1", "2026-01-05", "7000")
	addSale(p, "S1", "A", "1", "2026-03-01", "1000") // short-term loss 6,000
	s := mustAnalyze(t, p, "2026-12-31").Summary(2026)
	eq(t, "deduction", s.OrdinaryOffset, "3000")
	eq(t, "carryover: 6,000 - line 4 (1,000)", s.CarryoverShortTerm, "5000")
	eq(t, "estimated tax: -1,000 x 32%", s.EstimatedTax, "-320")
}
