package taxrules

import (
	"nftharvest/portfolio"

	"github.com/shopspring/decimal"
)

// rate28Gain is the 28%-rate gain of the year (28% Rate Gain Worksheet,
// Schedule D instructions; IRC 1(h)(4) and 1(h)(5); an NFT is a collectible
// when its associated right or asset is one, Notice 2023-27).
//
// Line 1: collectibles gains and losses in Form 8949 Part II; line 4: other
// collectibles gains (profile other_gains.collectibles); line 6: minus the
// long-term carryover; line 7: minus a Schedule D line 7 (short-term) loss.
// Position: a net long-term loss on non-collectibles also reduces it (the
// 15%-group loss offsets 28%-group gain first, Notice 97-59), so the result
// is never above the long-term net gain; never below 0 (line 8).
func rate28Gain(t totals, other portfolio.OtherGains, stNet, carryLT, ltNet decimal.Decimal) decimal.Decimal {
	g := t.collLT.Add(other.Collectibles) // lines 1 and 4
	g = g.Sub(carryLT)                    // line 6
	if stNet.Sign() < 0 {
		g = g.Add(stNet) // line 7
	}
	nonColl := t.lt.Sub(t.collLT).Add(other.LongTerm.Sub(other.Collectibles))
	if nonColl.Sign() < 0 {
		g = g.Add(nonColl)
	}
	g = decimal.Min(g, decimal.Max(decimal.Zero, ltNet))
	return decimal.Max(decimal.Zero, g) // line 8
}
