package taxrules

import "github.com/shopspring/decimal"

// worksheet holds the lines of the Capital Loss Carryover Worksheet
// (Schedule D instructions; Pub 550 chapter 4, "Capital Losses"), which
// splits a net capital loss not deducted this year into the short-term and
// long-term carryover to next year (IRC 1212(b)).
type worksheet struct {
	line4  decimal.Decimal // the deduction that uses up loss
	line5  decimal.Decimal // short-term loss, positive
	line6  decimal.Decimal // long-term gain, if any
	line8  decimal.Decimal // short-term carryover
	line9  decimal.Decimal // long-term loss, positive
	line10 decimal.Decimal // short-term gain, if any
	line11 decimal.Decimal // deduction left after the short-term loss
	line13 decimal.Decimal // long-term carryover
}

// carryoverWorksheet fills the worksheet for a year with short-term net
// stNet (Schedule D line 7), long-term net ltNet (line 15) and deduction
// (line 21, positive). taxableIncome is taxable income before capital
// gains and losses; nil means large enough.
//
// Lines 1-3 of the form start from taxable income after the deduction
// and add the deduction back; with taxable income before capital gains
// and losses given directly, line 3 is max(0, taxableIncome). Position
// (TAX_RULES.md): the deduction itself is always the full limit amount;
// a small or negative taxable income only increases the carryover.
func carryoverWorksheet(stNet, ltNet, deduction decimal.Decimal, taxableIncome *decimal.Decimal) worksheet {
	var w worksheet
	// Lines 1-4: the smaller of the deduction and taxable income (not below 0).
	w.line4 = deduction
	if taxableIncome != nil {
		w.line4 = decimal.Min(deduction, decimal.Max(decimal.Zero, *taxableIncome))
	}
	// Line 5: the short-term loss from Schedule D line 7, as a positive amount.
	w.line5 = decimal.Max(decimal.Zero, stNet.Neg())
	// Line 6: any gain from Schedule D line 15; a loss is 0.
	w.line6 = decimal.Max(decimal.Zero, ltNet)
	// Lines 7-8: short-term carryover = line 5 - (line 4 + line 6), not below 0.
	w.line8 = decimal.Max(decimal.Zero, w.line5.Sub(w.line4.Add(w.line6)))
	// Line 9: the long-term loss from Schedule D line 15, as a positive amount.
	w.line9 = decimal.Max(decimal.Zero, ltNet.Neg())
	// Line 10: any gain from Schedule D line 7; a loss is 0.
	w.line10 = decimal.Max(decimal.Zero, stNet)
	// Line 11: line 4 - line 5, not below 0 (deduction left for long-term loss).
	w.line11 = decimal.Max(decimal.Zero, w.line4.Sub(w.line5))
	// Lines 12-13: long-term carryover = line 9 - (line 10 + line 11), not below 0.
	w.line13 = decimal.Max(decimal.Zero, w.line9.Sub(w.line10.Add(w.line11)))
	return w
}
