package taxrules

import (
	"nftharvest/money"
	"nftharvest/portfolio"

	"github.com/shopspring/decimal"
)

// The federal income tax of a year at its brackets: the tables are data
// (federal_2025.go, federal_2026.go, one file per year, each number with
// its source); this file computes with them as Form 1040 does.

// bracketTable is one tax year's tables for one filing status.
type bracketTable struct {
	// over[i] is where the ordinary rate rates[i] starts (IRC 1(j)(2),
	// as adjusted for inflation by the year's Rev. Proc.).
	over  [7]decimal.Decimal
	rates [7]decimal.Decimal
	// zeroTop and fifteenTop are the maximum zero rate amount and the
	// maximum 15-percent rate amount for net capital gain (IRC 1(h)(1),
	// 1(j)(5)).
	zeroTop, fifteenTop decimal.Decimal
	// standardDeduction is the basic standard deduction (IRC 63(c)); it
	// only estimates MAGI when the profile gives none (see niit.go).
	standardDeduction decimal.Decimal
}

// federalYear is one tax year's tables by filing status.
type federalYear struct {
	source   string // the Rev. Proc. the numbers come from
	byStatus map[string]bracketTable
}

// federalYears are the years with tables.
var federalYears = map[int]*federalYear{2025: &federal2025, 2026: &federal2026}

// ordinaryRates are the seven rates of IRC 1(j)(2) for 2018-2025, made
// permanent from 2026 (Pub. L. 119-21, sec. 70101).
var ordinaryRates = [7]decimal.Decimal{lit("0.10"), lit("0.12"), lit("0.22"), lit("0.24"), lit("0.32"), lit("0.35"), lit("0.37")}

// lit parses a literal of the tables.
func lit(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// table builds a bracketTable from the six starts of the 12% to 37%
// brackets, the 0% and 15% capital gain tops and the standard deduction.
func table(starts [6]string, zeroTop, fifteenTop, std string) bracketTable {
	t := bracketTable{rates: ordinaryRates, zeroTop: lit(zeroTop), fifteenTop: lit(fifteenTop), standardDeduction: lit(std)}
	t.over[0] = decimal.Zero
	for i, s := range starts {
		t.over[i+1] = lit(s)
	}
	return t
}

// tablesFor returns the year's table for a filing status (an unknown
// status is single, as LossLimit does), or false when the year has none.
func tablesFor(year int, status string) (bracketTable, bool) {
	y, ok := federalYears[year]
	if !ok {
		return bracketTable{}, false
	}
	if t, ok := y.byStatus[status]; ok {
		return t, true
	}
	return y.byStatus[portfolio.Single], true
}

// bracketTax is the tax on taxable income ti at the ordinary rates, exact
// to the cent (the Tax Computation Worksheet of the Form 1040
// instructions); 0 for ti <= 0.
func (t *bracketTable) bracketTax(ti decimal.Decimal) decimal.Decimal {
	if ti.Sign() <= 0 {
		return decimal.Zero
	}
	tax := decimal.Zero
	for i := len(t.over) - 1; i >= 0; i-- {
		if ti.GreaterThan(t.over[i]) {
			tax = money.Add(tax, money.Mul(money.Sub(ti, t.over[i]), t.rates[i]))
			ti = t.over[i]
		}
	}
	return tax
}

// tableLimit is where the Tax Table ends: below it the Form 1040
// instructions take the tax from the Tax Table, at and above it from the
// Tax Computation Worksheet.
var tableLimit = lit("100000")

// regularTax is the tax on ti as Form 1040 line 16 takes it: below
// $100,000 the Tax Table, which gives the tax on the midpoint of the row
// that holds ti (rows of $5 and $10 up to $25, of $25 up to $3,000, of $50
// up to $100,000) rounded to the whole dollar; from $100,000 on the exact
// bracket computation.
func (t *bracketTable) regularTax(ti decimal.Decimal) decimal.Decimal {
	if ti.Sign() <= 0 {
		return decimal.Zero
	}
	if !ti.LessThan(tableLimit) {
		return money.Cents(t.bracketTax(ti))
	}
	mid, ok := tableMidpoint(ti)
	if !ok {
		return decimal.Zero // under $5: no tax
	}
	return t.bracketTax(mid).Round(0)
}

// tableMidpoint is the midpoint of the Tax Table row that holds ti
// ("at least" the row's start, "but less than" its end), for 0 <= ti <
// $100,000; false for the first row (under $5), whose tax is 0.
func tableMidpoint(ti decimal.Decimal) (decimal.Decimal, bool) {
	switch {
	case ti.LessThan(lit("5")):
		return decimal.Zero, false
	case ti.LessThan(lit("15")):
		return lit("10"), true
	case ti.LessThan(lit("25")):
		return lit("20"), true
	}
	width := lit("50")
	if ti.LessThan(lit("3000")) {
		width = lit("25")
	}
	start := ti.Div(width).Floor().Mul(width)
	return start.Add(width.Div(lit("2"))), true
}
