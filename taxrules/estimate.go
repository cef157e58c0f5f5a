package taxrules

import (
	"nftharvest/money"

	"nftharvest/portfolio"

	"github.com/shopspring/decimal"
)

// niitRate is the net investment income tax rate (IRC 1411).
var niitRate = decimal.RequireFromString("0.038")

// flatEstimate is an estimate, from the profile's marginal rates, of the tax
// the year's capital items add (negative: the tax they save). It is
// labelled an estimate everywhere it is shown: it ignores brackets,
// phase-outs and the rest of the return.
//
//   - A net gain (Schedule D line 16 > 0) splits into the long-term net
//     gain min(LT net, net) (IRC 1(h): "net capital gain"), of which the
//     28%-rate gain is taxed at min(collectibles_rate, ordinary_rate)
//     (IRC 1(h)(1)(E)) and the rest at long_term_rate; what is left of the
//     net (short-term gain) is taxed at ordinary_rate. The pieces sum to
//     the net gain.
//   - A net loss reduces ordinary income by OrdinaryOffset (IRC 1211(b)),
//     saving ordinary_rate on it; but the saving cannot exceed the tax on
//     the ordinary income there is: with taxable_income set, only
//     min(OrdinaryOffset, max(0, taxable_income)) saves tax, which is line
//     4 of the Capital Loss Carryover Worksheet (the rest carries over, so
//     it is not counted as saved now as well).
//   - NIIT: 3.8% of a net gain when the profile says it applies (IRC 1411).
//   - State: state_rate on the net gain, or minus state_rate on the offset.
//
// The estimate is rounded to the cent, so that a tax saved (before minus
// after) is exactly the difference of the two figures shown.
func flatEstimate(s *Summary, prof *portfolio.TaxProfile) decimal.Decimal {
	if s.Net.Sign() > 0 {
		ltGain := decimal.Min(decimal.Max(decimal.Zero, s.LongTermNet), s.Net)
		c28 := decimal.Min(s.CollectiblesNet, ltGain)
		stGain := s.Net.Sub(ltGain)
		tax := stGain.Mul(prof.OrdinaryRate).
			Add(ltGain.Sub(c28).Mul(prof.LongTermRate)).
			Add(c28.Mul(decimal.Min(prof.CollectiblesRate, prof.OrdinaryRate)))
		if prof.NIIT {
			tax = tax.Add(s.Net.Mul(niitRate))
		}
		return money.Cents(tax.Add(s.Net.Mul(prof.StateRate)))
	}
	usable := s.OrdinaryOffset
	if ti := prof.TaxableIncome; ti != nil {
		usable = decimal.Min(usable, decimal.Max(decimal.Zero, *ti))
	}
	return money.Cents(usable.Neg().Mul(prof.OrdinaryRate.Add(prof.StateRate)))
}
