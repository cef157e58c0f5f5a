package taxrules

import (
	"fmt"

	"nftharvest/money"
	"nftharvest/portfolio"

	"github.com/shopspring/decimal"
)

// The tax model of an estimate: the federal tax at the year's brackets
// (taxModel brackets, the default for a year with tables), or the
// profile's flat marginal rates.

// modelOf returns the model an estimate of year uses for prof, its table
// for brackets, and a warning when brackets were asked for (or are the
// default) but cannot be used.
func modelOf(year int, prof *portfolio.TaxProfile) (model string, t bracketTable, warning string) {
	if prof.TaxModel == portfolio.TaxModelFlat {
		return portfolio.TaxModelFlat, t, ""
	}
	t, ok := tablesFor(year, prof.FilingStatus)
	switch {
	case !ok:
		return portfolio.TaxModelFlat, t, fmt.Sprintf("no federal tables for %d: the estimate uses the profile's flat rates", year)
	case prof.TaxableIncome == nil:
		return portfolio.TaxModelFlat, t, "tax_profile.taxable_income is not set: the estimate uses the profile's flat rates, not the brackets"
	}
	return portfolio.TaxModelBrackets, t, ""
}

// capitalResult is the year's capital result as it enters taxable income:
// the net gain (Schedule D line 16), or minus the loss deducted (line 21).
func capitalResult(s *Summary) decimal.Decimal {
	if s.Net.Sign() > 0 {
		return s.Net
	}
	return s.OrdinaryOffset.Neg()
}

// netCapitalGain is the smaller of Schedule D lines 15 and 16 when both are
// gains (IRC 1(h)(11): "net capital gain"), and its 28%-rate part.
func netCapitalGain(s *Summary) (ncg, g28 decimal.Decimal) {
	if s.Net.Sign() <= 0 || s.LongTermNet.Sign() <= 0 {
		return decimal.Zero, decimal.Zero
	}
	ncg = decimal.Min(s.LongTermNet, s.Net)
	return ncg, decimal.Min(s.CollectiblesNet, ncg)
}

// bracketEstimate is the federal tax the year's capital items cause:
// tax(taxable income + capital result) - tax(taxable income), each by the
// Schedule D Tax Worksheet, plus the net investment income tax they cause
// (niit.go) and state_rate on the capital result. taxable_income is before
// capital gains and losses; MAGI is the profile's magi, else taxable income
// plus the standard deduction (an estimate of AGI for a filer who takes
// it). Rounded to the cent. It also returns the worksheet's gain bands.
func bracketEstimate(s *Summary, prof *portfolio.TaxProfile, t *bracketTable) (decimal.Decimal, GainBands) {
	ti := *prof.TaxableIncome
	cr := capitalResult(s)
	ncg, g28 := netCapitalGain(s)
	before, _ := t.scheduleDTax(ti, decimal.Zero, decimal.Zero)
	after, bands := t.scheduleDTax(ti.Add(cr), ncg, g28)
	magi := ti.Add(t.standardDeduction)
	if prof.MAGI != nil {
		magi = *prof.MAGI
	}
	tax := after.Sub(before).Add(niitOf(cr, magi, prof.FilingStatus)).Add(cr.Mul(prof.StateRate))
	return money.Cents(tax), bands
}

// estimate fills s's EstimatedTax, TaxModel, TaxModelWarning and Bands
// under prof.
func estimate(s *Summary, prof *portfolio.TaxProfile) {
	model, t, warning := modelOf(s.TaxYear, prof)
	s.TaxModel, s.TaxModelWarning = model, warning
	if model == portfolio.TaxModelFlat {
		s.EstimatedTax = flatEstimate(s, prof)
		return
	}
	s.EstimatedTax, s.Bands = bracketEstimate(s, prof, &t)
	s.TaxTables = federalYears[s.TaxYear].source
}
