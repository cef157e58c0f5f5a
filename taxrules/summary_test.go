package taxrules

import "testing"

// Schedule D netting: short-term and long-term separately with carryover
// in and other gains, then combined; the loss limit of IRC 1211(b).
func TestSummaryNetting(t *testing.T) {
	p := newPortfolio(2024)
	p.TaxProfile.Carryover.ShortTerm = d("1000")
	p.TaxProfile.Carryover.LongTerm = d("500")
	p.TaxProfile.OtherGains.ShortTerm = d("200")
	p.TaxProfile.OtherGains.LongTerm = d("300")
	addLot(p, "L1", "punks", "1", "1", "2024-01-01", "5000")
	addLot(p, "L2", "apes", "2", "1", "2020-01-01", "1000")
	addLot(p, "L3", "apes", "3", "1", "2020-01-01", "1000")
	addSale(p, "S1", "L1", "1", "2024-03-01", "1000") // ST -4000
	addSale(p, "S2", "L2", "1", "2024-03-01", "1600") // LT +600
	addSale(p, "S3", "L3", "1", "2023-03-01", "9000") // other year
	a := mustAnalyze(t, p, "2024-12-31")
	s := a.Summary(2024)
	eq(t, "ST realized", s.ShortTermRealized, "-4000")
	eq(t, "LT realized", s.LongTermRealized, "600")
	eq(t, "ST net", s.ShortTermNet, "-4800") // -4000 + 200 - 1000
	eq(t, "LT net", s.LongTermNet, "400")    // 600 + 300 - 500
	eq(t, "net", s.Net, "-4400")
	eq(t, "offset", s.OrdinaryOffset, "3000")
	// Worksheet: L4 3000, L5 4800, L6 400 -> ST carryover 1400; LT none.
	eq(t, "ST carryover", s.CarryoverShortTerm, "1400")
	eq(t, "LT carryover", s.CarryoverLongTerm, "0")
	eq(t, "estimate: -3000 x 24%", s.EstimatedTax, "-720")

	// Carryover and other gains belong to the profile's tax year only.
	s23 := a.Summary(2023)
	eq(t, "2023 LT net", s23.LongTermNet, "8000")
	eq(t, "2023 carryover in", s23.CarryoverInShortTerm, "0")
	eq(t, "2023 estimate: 8000 x 15%", s23.EstimatedTax, "1200")

	p.TaxProfile.FilingStatus = "married_separate"
	s = mustAnalyze(t, p, "2024-12-31").Summary(2024)
	eq(t, "married separate offset (IRC 1211(b)(1))", s.OrdinaryOffset, "1500")
	eq(t, "married separate ST carryover", s.CarryoverShortTerm, "2900")
}

// Other gains from the profile are reported, so that realized + other
// gains - carryover in = the net, line by line (Schedule D lines 7, 15).
func TestSummaryReportsOtherGains(t *testing.T) {
	p := newPortfolio(2026)
	p.TaxProfile.OtherGains.ShortTerm = d("-250")
	p.TaxProfile.OtherGains.LongTerm = d("4500")
	p.TaxProfile.OtherGains.Collectibles = d("1000")
	p.TaxProfile.Carryover.LongTerm = d("800")
	addLot(p, "A", "punks", "1", "1", "2020-01-01", "100")
	addSale(p, "S1", "A", "1", "2026-03-01", "600")
	s := mustAnalyze(t, p, "2026-12-31").Summary(2026)
	eq(t, "other short term", s.OtherShortTerm, "-250")
	eq(t, "other long term", s.OtherLongTerm, "4500")
	eq(t, "other collectibles", s.OtherCollectibles, "1000")
	eq(t, "long-term net = 500 + 4,500 - 800", s.LongTermNet, "4200")
	if prior := mustAnalyze(t, p, "2026-12-31").Summary(2025); !prior.OtherLongTerm.IsZero() {
		t.Error("other gains belong to the profile's tax year only")
	}
}
