package taxrules

import (
	"nftharvest/money"

	"github.com/shopspring/decimal"
)

// Rates of the Schedule D Tax Worksheet (IRC 1(h)(1)).
var (
	rate15 = lit("0.15")
	rate20 = lit("0.20")
	rate28 = lit("0.28")
)

// GainBands are the amounts of net capital gain the Schedule D Tax
// Worksheet taxes at each capital gain rate, and the top ordinary rate of
// the rest of taxable income.
type GainBands struct {
	Zero, Fifteen, Twenty, TwentyEight decimal.Decimal
	// OrdinaryRate is the rate of the bracket that holds the top of the
	// income taxed at ordinary rates (short-term gain is part of it).
	OrdinaryRate decimal.Decimal
}

// scheduleDTax is the federal tax on taxable income ti of which ncg is net
// capital gain (the smaller of Schedule D lines 15 and 16, when both are
// gains) and g28 its 28%-rate gain (Schedule D line 18), computed as the
// Schedule D Tax Worksheet of the Schedule D instructions does, without
// qualified dividends, Form 4952 or unrecaptured section 1250 gain (which
// this product does not track). The worksheet's lines, in order:
//
//	1  taxable income                         ti
//	10 net capital gain                       ncg
//	12 28%-rate gain in it                    min(ncg, g28)
//	13 gain at 0/15/20%                       g = ncg - line 12
//	14 line 1 - line 13, not below 0
//	16 smaller of line 1 and the 0% top
//	17 smaller of lines 14 and 16
//	18 line 1 - line 10, not below 0
//	19 larger of lines 17 and 18              taxed at ordinary rates
//	20 line 16 - line 17                      taxed at 0%
//	21 smaller of lines 1 and 13
//	23 line 21 - line 20, not below 0
//	25 smaller of line 1 and the 15% top
//	27 line 25 - (line 19 + line 20), not below 0
//	28 smaller of lines 23 and 27             taxed at 15%
//	31 line 21 - (line 20 + line 28)          taxed at 20%
//	40 line 1 - (19 + 20 + 28 + 31)           28%-rate gain taxed at 28%
//	42 regular tax on line 19
//	43 the sum of the taxes above
//	44 regular tax on line 1
//	45 the smaller of lines 43 and 44
//
// (numbered as in the worksheet without the 25% lines 33-38.)
func (t *bracketTable) scheduleDTax(ti, ncg, g28 decimal.Decimal) (decimal.Decimal, GainBands) {
	zero := decimal.Zero
	ti = decimal.Max(zero, ti)
	bands := GainBands{Zero: zero, Fifteen: zero, Twenty: zero, TwentyEight: zero}
	if ncg.Sign() <= 0 {
		bands.OrdinaryRate = t.rateAt(ti)
		return t.regularTax(ti), bands
	}
	l12 := decimal.Min(ncg, decimal.Max(zero, g28))
	l13 := ncg.Sub(l12)
	l14 := decimal.Max(zero, ti.Sub(l13))
	l16 := decimal.Min(ti, t.zeroTop)
	l17 := decimal.Min(l14, l16)
	l18 := decimal.Max(zero, ti.Sub(ncg))
	l19 := decimal.Max(l17, l18)
	l20 := l16.Sub(l17)
	l21 := decimal.Min(ti, l13)
	l23 := decimal.Max(zero, l21.Sub(l20))
	l25 := decimal.Min(ti, t.fifteenTop)
	l27 := decimal.Max(zero, l25.Sub(l19.Add(l20)))
	l28 := decimal.Min(l23, l27)
	l31 := l21.Sub(l20.Add(l28))
	l40 := ti.Sub(l19.Add(l20).Add(l28).Add(l31))
	l43 := l28.Mul(rate15).Add(l31.Mul(rate20)).Add(l40.Mul(rate28)).Add(t.regularTax(l19))
	l44 := t.regularTax(ti)
	bands = GainBands{Zero: l20, Fifteen: l28, Twenty: l31, TwentyEight: l40, OrdinaryRate: t.rateAt(l19)}
	return money.Cents(decimal.Min(l43, l44)), bands
}

// rateAt is the ordinary rate of the bracket that holds the last dollar of
// ti (the 10% rate for ti <= 0).
func (t *bracketTable) rateAt(ti decimal.Decimal) decimal.Decimal {
	for i := len(t.over) - 1; i > 0; i-- {
		if ti.GreaterThan(t.over[i]) {
			return t.rates[i]
		}
	}
	return t.rates[0]
}
