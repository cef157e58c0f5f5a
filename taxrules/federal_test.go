package taxrules

import (
	"testing"

	"nftharvest/portfolio"
)

// Worked by hand from the Schedule D Tax Worksheet (Schedule D
// instructions) and the Tax Table / Tax Computation Worksheet (Form 1040
// instructions), with the 2026 tables of Rev. Proc. 2025-32 and the 2025
// tables of Rev. Proc. 2024-40. "Table(x)" is the Tax Table amount: the tax
// on the midpoint of x's $50 row, rounded to the dollar. Each case's
// capital result comes from other_gains, so only the tax model is tested.
func TestBracketEstimateWorkedExamples(t *testing.T) {
	cases := []struct {
		name             string
		year             int
		status           string
		ti               string // taxable income before capital items
		st, lt, coll     string // other gains: short, long, 28%-rate part of long
		magi             string // "" for taxable income + standard deduction
		want, wantOffset string
	}{
		// TI 60,000 -> 70,000. Table(60,000) = tax(60,025) = 1,240 + 4,560 +
		// 9,625 x 22% = 7,917.50 -> 7,918; Table(70,000) = tax(70,025) =
		// 1,240 + 4,560 + 19,625 x 22% = 10,117.50 -> 10,118. 10,118 - 7,918.
		{"single, short-term gain at 22%", 2026, portfolio.Single, "60000", "10000", "0", "0", "", "2200", "0"},
		// TI 40,000, all 10,000 of gain under the 0% top (49,450): line 20 =
		// 40,000 - 30,000 = 10,000 at 0%; line 19 = 30,000 = the tax before.
		{"single, long-term gain inside the 0% band", 2026, portfolio.Single, "30000", "0", "10000", "0", "", "0", "0"},
		// TI 55,000: line 14 = 45,000, line 16 = 49,450, line 20 = 4,450 at
		// 0%; line 27 = 55,000 - 49,450 = 5,550 = line 28 at 15% = 832.50.
		{"single, gain crossing the 0% band edge", 2026, portfolio.Single, "45000", "0", "10000", "0", "", "832.50", "0"},
		// TI 600,000: line 19 = 500,000; line 27 = 545,500 - 500,000 = 45,500
		// at 15% = 6,825; line 31 = 54,500 at 20% = 10,900. NIIT: MAGI
		// 500,000 + 16,100 + 100,000 - 200,000 = 416,100 > 100,000, so
		// 100,000 x 3.8% = 3,800. 6,825 + 10,900 + 3,800.
		{"single, gain crossing 15%/20%, NIIT on", 2026, portfolio.Single, "500000", "0", "100000", "0", "", "21525", "0"},
		// All 20,000 is 28%-rate gain: line 40 = 170,000 - 150,000 = 20,000 x
		// 28% = 5,600 plus tax(150,000); but line 44, the regular tax on
		// 170,000, is 20,000 x 24% = 4,800 more than tax(150,000): smaller.
		{"single, 28% gain taxed at 24% (28% or less)", 2026, portfolio.Single, "150000", "0", "20000", "20000", "", "4800", "0"},
		// At 300,000 the next 20,000 would be ordinary at 35% (7,000): line
		// 40 at 28% = 5,600 is smaller. NIIT: 316,100 + 20,000 - 200,000 >
		// 20,000: 20,000 x 3.8% = 760. 5,600 + 760.
		{"single, 28% gain at 28%, NIIT", 2026, portfolio.Single, "300000", "0", "20000", "20000", "", "6360", "0"},
		// NIIT off: the same gain with MAGI given as 150,000: 150,000 +
		// 20,000 < 200,000, no NIIT.
		{"single, 28% gain, MAGI under the NIIT threshold", 2026, portfolio.Single, "300000", "0", "20000", "20000", "150000", "5600", "0"},
		// Net loss 10,000: 3,000 deducted. Table(80,000) = tax(80,025) =
		// 12,317.50 -> 12,318; Table(77,000) = tax(77,025) = 11,657.50 ->
		// 11,658. 11,658 - 12,318; 7,000 carries over.
		{"single, loss over the limit", 2026, portfolio.Single, "80000", "-10000", "0", "0", "", "-660", "3000"},
		// Married separate: 1,500 deducted. Table(60,000) = 7,918;
		// Table(58,500) = tax(58,525) = 1,240 + 4,560 + 8,125 x 22% =
		// 7,587.50 -> 7,588. 7,588 - 7,918.
		{"married separate, loss limit 1,500", 2026, portfolio.MarriedSeparate, "60000", "-5000", "0", "0", "", "-330", "1500"},
		// Married joint, TI 150,000: line 19 = 100,000, 0% top 98,900 so
		// line 20 = 0; line 27 = 150,000 - 100,000 = 50,000 at 15% = 7,500.
		// Line 44 = tax(150,000) = 2,480 + 9,120 + 49,200 x 22% = 22,424 >
		// 11,504 + 7,500.
		{"married joint, long-term gain at 15%", 2026, portfolio.MarriedJoint, "100000", "0", "50000", "0", "", "7500", "0"},
		// Head of household, 0% top 66,200: line 20 = 16,200 at 0%; line 27
		// = 80,000 - 66,200 = 13,800 at 15% = 2,070.
		{"head of household, gain across the 0% top", 2026, portfolio.HeadOfHousehold, "50000", "0", "30000", "0", "", "2070", "0"},
		// 2025: taxable income 2,000 and 3,000 deducted: taxable income 0.
		// Table(2,000) = tax(2,012.50) = 201.25 -> 201 is saved.
		{"2025 single, deduction larger than taxable income", 2025, portfolio.Single, "2000", "-3000", "0", "0", "", "-201", "3000"},
		// 2025: Table(40,000) = tax(40,025) = 1,192.50 + 28,100 x 12% =
		// 4,564.50 -> 4,565; Table(45,000) = 1,192.50 + 33,100 x 12% =
		// 5,164.50 -> 5,165.
		{"2025 single, short-term gain at 12%", 2025, portfolio.Single, "40000", "5000", "0", "0", "", "600", "0"},
	}
	for _, c := range cases {
		p := newPortfolio(c.year)
		p.TaxProfile.FilingStatus = c.status
		ti := d(c.ti)
		p.TaxProfile.TaxableIncome = &ti
		if c.magi != "" {
			m := d(c.magi)
			p.TaxProfile.MAGI = &m
		}
		p.TaxProfile.OtherGains = portfolio.OtherGains{ShortTerm: d(c.st), LongTerm: d(c.lt), Collectibles: d(c.coll)}
		s := mustAnalyze(t, p, "2026-12-31").Summary(c.year)
		if s.TaxModel != portfolio.TaxModelBrackets || s.TaxModelWarning != "" {
			t.Errorf("%s: model %q (%s)", c.name, s.TaxModel, s.TaxModelWarning)
		}
		if !s.EstimatedTax.Equal(d(c.want)) {
			t.Errorf("%s: estimated tax %s, want %s", c.name, s.EstimatedTax, c.want)
		}
		if !s.OrdinaryOffset.Equal(d(c.wantOffset)) {
			t.Errorf("%s: deduction %s, want %s", c.name, s.OrdinaryOffset, c.wantOffset)
		}
	}
}

// The Tax Table rows: $5/$10 at the start, $25 up to 3,000, $50 up to
// 100,000; from 100,000 the exact computation.
func TestRegularTaxTableRows(t *testing.T) {
	tb, _ := tablesFor(2026, portfolio.Single)
	// 99,999.99 is in the row 99,950-100,000: midpoint 99,975: 1,240 +
	// 4,560 + 49,575 x 22% = 16,706.50 -> 16,707. 100,000 exactly: 1,240 +
	// 4,560 + 49,600 x 22% = 16,712.00.
	for _, c := range []struct{ ti, want string }{
		{"0", "0"}, {"4.99", "0"}, {"5", "1"}, {"14.99", "1"}, {"15", "2"}, {"24.99", "2"},
		{"25", "4"}, {"2999.99", "299"}, {"3000", "303"}, {"99999.99", "16707"}, {"100000", "16712"},
		{"100000.01", "16712"}, {"201775", "41024"}, // 1,240 + 4,560 + 12,166 + 96,075 x 24%
	} {
		if got := tb.regularTax(d(c.ti)); !got.Equal(d(c.want)) {
			t.Errorf("regular tax on %s = %s, want %s", c.ti, got, c.want)
		}
	}
}

// A year without tables, or a profile without taxable income, falls back
// to the flat rates with a warning; tax_model "flat" chooses them quietly.
func TestTaxModelFallback(t *testing.T) {
	p := newPortfolio(2024)
	ti := d("100000")
	p.TaxProfile.TaxableIncome = &ti
	s := mustAnalyze(t, p, "2024-12-31").Summary(2024)
	if s.TaxModel != portfolio.TaxModelFlat || s.TaxModelWarning == "" {
		t.Errorf("2024: model %q warning %q", s.TaxModel, s.TaxModelWarning)
	}
	p = newPortfolio(2026)
	s = mustAnalyze(t, p, "2026-12-31").Summary(2026)
	if s.TaxModel != portfolio.TaxModelFlat || s.TaxModelWarning == "" {
		t.Errorf("no taxable income: model %q warning %q", s.TaxModel, s.TaxModelWarning)
	}
	p.TaxProfile.TaxableIncome = &ti
	p.TaxProfile.TaxModel = portfolio.TaxModelFlat
	s = mustAnalyze(t, p, "2026-12-31").Summary(2026)
	if s.TaxModel != portfolio.TaxModelFlat || s.TaxModelWarning != "" {
		t.Errorf("flat chosen: model %q warning %q", s.TaxModel, s.TaxModelWarning)
	}
}

// The marginal saving of the next 1,000 of loss: at taxable income 80,000
// plus a 10,000 short-term gain, in the 22% bracket, either loss saves 220.
func TestNextLossSaves(t *testing.T) {
	p := newPortfolio(2026)
	ti := d("80000")
	p.TaxProfile.TaxableIncome = &ti
	p.TaxProfile.OtherGains.ShortTerm = d("10000")
	s := mustAnalyze(t, p, "2026-12-31").Summary(2026)
	// Table(90,000) = tax(90,025) = 1,240 + 4,560 + 39,625 x 22% =
	// 14,517.50 -> 14,518; Table(89,000) = tax(89,025) = 14,297.50 ->
	// 14,298: 220.
	eq(t, "next 1,000 of short-term loss", s.NextLossSavesST, "220")
	eq(t, "next 1,000 of long-term loss", s.NextLossSavesLT, "220")
	if s.Bands.OrdinaryRate.String() != "0.22" {
		t.Errorf("ordinary band %s", s.Bands.OrdinaryRate)
	}
}
