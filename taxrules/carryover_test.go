package taxrules

import (
	"math/rand/v2"
	"testing"

	"nftharvest/portfolio"

	"github.com/shopspring/decimal"
)

// summaryOf nets only the given items (no sales) through a portfolio's
// profile: st and lt are other gains, cst and clt the carryover in.
func summaryOf(t *testing.T, status, st, lt, cst, clt string, ti *decimal.Decimal) Summary {
	t.Helper()
	p := newPortfolio(2024)
	p.TaxProfile.FilingStatus = status
	p.TaxProfile.OtherGains.ShortTerm, p.TaxProfile.OtherGains.LongTerm = d(st), d(lt)
	p.TaxProfile.Carryover.ShortTerm, p.TaxProfile.Carryover.LongTerm = d(cst), d(clt)
	p.TaxProfile.TaxableIncome = ti
	return mustAnalyze(t, p, "2024-12-31").Summary(2024)
}

func ptr(s string) *decimal.Decimal { v := d(s); return &v }

// Capital Loss Carryover Worksheet (Schedule D instructions; Pub 550
// "Capital Losses") and IRC 1211(b), 1212(b). Expected numbers worked by
// hand line by line.
func TestCarryoverWorksheet(t *testing.T) {
	cases := []struct {
		name                 string
		status, st, lt       string
		cst, clt             string
		ti                   *decimal.Decimal
		offset, carST, carLT string
	}{
		// Pub 550 "Capital Losses", Bob and Gloria: a $7,000 capital loss,
		// taxable income $26,000: deduct $3,000, carry $4,000 over.
		{"Pub 550 Bob and Gloria: $7,000 loss", portfolio.MarriedJoint, "-7000", "0", "0", "0", ptr("26000"), "3000", "4000", "0"},
		// Same example: had the loss been $2,000, deduct $2,000, no carryover.
		{"Pub 550 Bob and Gloria: $2,000 loss", portfolio.MarriedJoint, "-2000", "0", "0", "0", ptr("26000"), "2000", "0", "0"},
		// L4 3000, L5 5000, L6 0 -> L8 2000; L9 2000, L10 0, L11 0 -> L13 2000.
		{"both losses: deduction uses short-term first (1212(b)(2))", portfolio.Single, "-5000", "-2000", "0", "0", nil, "3000", "2000", "2000"},
		// L5 1000 < L4 3000: L8 0; L11 2000 -> L13 6000 - 2000 = 4000.
		{"small short-term loss: rest of deduction from long-term", portfolio.Single, "-1000", "-6000", "0", "0", nil, "3000", "0", "4000"},
		// L9 8000, L10 2000, L11 3000 -> L13 3000.
		{"short-term gain offsets long-term loss (line 10)", portfolio.Single, "2000", "-8000", "0", "0", nil, "3000", "0", "3000"},
		// L5 8000, L4 3000 + L6 1000 -> L8 4000.
		{"long-term gain offsets short-term loss (line 6)", portfolio.Single, "-8000", "1000", "0", "0", nil, "3000", "4000", "0"},
		// Taxable income 1,000 before capital items: L4 1000 -> L8 6000;
		// the deduction stays 3000 (position).
		{"small taxable income increases the carryover", portfolio.Single, "-7000", "0", "0", "0", ptr("1000"), "3000", "6000", "0"},
		{"negative taxable income: nothing used", portfolio.Single, "-7000", "0", "0", "0", ptr("-500"), "3000", "7000", "0"},
		// IRC 1211(b)(1): $1,500 married filing separately.
		{"married separate limit", portfolio.MarriedSeparate, "-1000", "-6000", "0", "0", nil, "1500", "0", "5500"},
		// Carryover in keeps its character (IRC 1212(b)(1)).
		{"carryover in only", portfolio.HeadOfHousehold, "0", "0", "1000", "9000", nil, "3000", "0", "7000"},
		{"net gain: no carryover", portfolio.Single, "-5000", "6000", "0", "0", nil, "0", "0", "0"},
	}
	for _, c := range cases {
		s := summaryOf(t, c.status, c.st, c.lt, c.cst, c.clt, c.ti)
		if !s.OrdinaryOffset.Equal(d(c.offset)) || !s.CarryoverShortTerm.Equal(d(c.carST)) || !s.CarryoverLongTerm.Equal(d(c.carLT)) {
			t.Errorf("%s: offset %s carryover ST %s LT %s, want %s %s %s", c.name,
				s.OrdinaryOffset, s.CarryoverShortTerm, s.CarryoverLongTerm, c.offset, c.carST, c.carLT)
		}
	}
}

// With taxable income large enough, the worksheet carries over exactly the
// net loss not deducted, and each character's carryover never exceeds its
// own loss (the worksheet's own logic, IRC 1212(b)).
func TestCarryoverWorksheetConservesLoss(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		st := decimal.NewFromInt(rng.Int64N(20001) - 10000)
		lt := decimal.NewFromInt(rng.Int64N(20001) - 10000)
		n := st.Add(lt)
		if n.Sign() >= 0 {
			continue
		}
		ded := decimal.Min(n.Neg(), d("3000"))
		w := carryoverWorksheet(st, lt, ded, nil)
		if got, want := w.line8.Add(w.line13), n.Neg().Sub(ded); !got.Equal(want) {
			t.Fatalf("st %s lt %s: carryover %s, want %s", st, lt, got, want)
		}
		if w.line8.GreaterThan(decimal.Max(decimal.Zero, st.Neg())) || w.line13.GreaterThan(decimal.Max(decimal.Zero, lt.Neg())) {
			t.Fatalf("st %s lt %s: carryover %s/%s above the loss", st, lt, w.line8, w.line13)
		}
	}
}
