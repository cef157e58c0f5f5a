package taxrules

import (
	"nftharvest/portfolio"

	"github.com/shopspring/decimal"
)

// lossLimits is the most net capital loss that can be deducted from
// ordinary income in one year, by filing status.
//
// IRC 1211(b): the lower of $3,000 ($1,500 for a married individual filing
// a separate return) or the excess of losses over gains. Schedule D
// instructions, line 21.
var lossLimits = map[string]decimal.Decimal{
	portfolio.Single:          decimal.NewFromInt(3000),
	portfolio.MarriedJoint:    decimal.NewFromInt(3000),
	portfolio.HeadOfHousehold: decimal.NewFromInt(3000),
	portfolio.MarriedSeparate: decimal.NewFromInt(1500),
}

// LossLimit returns the capital loss deduction limit for a filing status
// (IRC 1211(b)). An unknown or empty status gets the general $3,000.
func LossLimit(filingStatus string) decimal.Decimal {
	if l, ok := lossLimits[filingStatus]; ok {
		return l
	}
	return lossLimits[portfolio.Single]
}
