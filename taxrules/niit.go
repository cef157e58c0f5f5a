package taxrules

import (
	"nftharvest/portfolio"

	"github.com/shopspring/decimal"
)

// niitThresholds are the modified AGI thresholds of the net investment
// income tax (IRC 1411(b); Form 8960 line 14), not indexed for inflation.
var niitThresholds = map[string]decimal.Decimal{
	portfolio.Single:          lit("200000"),
	portfolio.HeadOfHousehold: lit("200000"),
	portfolio.MarriedJoint:    lit("250000"),
	portfolio.MarriedSeparate: lit("125000"),
}

// niitOf is the net investment income tax (IRC 1411; Form 8960) of a year
// whose only net investment income is capital result cr (Form 8960 line
// 5a: the net gain, or the capital loss as deducted, never more than the
// deduction), with modified AGI magi before capital items: 3.8% of the
// smaller of the net investment income and the modified AGI over the
// threshold (line 17), never below zero.
func niitOf(cr, magi decimal.Decimal, status string) decimal.Decimal {
	if cr.Sign() <= 0 {
		return decimal.Zero
	}
	th, ok := niitThresholds[status]
	if !ok {
		th = niitThresholds[portfolio.Single]
	}
	over := magi.Add(cr).Sub(th)
	if over.Sign() <= 0 {
		return decimal.Zero
	}
	return decimal.Min(cr, over).Mul(niitRate)
}
