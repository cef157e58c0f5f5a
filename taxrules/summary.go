package taxrules

import (
	"nftharvest/money"

	"nftharvest/portfolio"

	"github.com/shopspring/decimal"
)

// totals are the recognized gains and losses of one tax year.
type totals struct {
	st decimal.Decimal // short term
	lt decimal.Decimal // long term, collectibles included
	// collLT is the long-term part from collectibles (IRC 1(h)(5)), net of
	// collectible long-term losses (28% Rate Gain Worksheet, line 1).
	collLT decimal.Decimal
}

func zeroTotals() totals {
	return totals{st: decimal.Zero, lt: decimal.Zero, collLT: decimal.Zero}
}

// add adds (sign 1) or removes (sign -1) one result's recognized amount.
func (t *totals) add(r *SaleResult, sign int) {
	op := money.Add
	if sign < 0 {
		op = money.Sub
	}
	v := r.Recognized
	if r.Term == ShortTerm {
		t.st = op(t.st, v)
		return
	}
	t.lt = op(t.lt, v)
	if r.Collectible {
		t.collLT = op(t.collLT, v)
	}
}

// yearTotals sums results by the calendar year of their sale date: the
// tax year in which a gain or loss is recognized (Pub 550, "Reporting
// Capital Gains and Losses": trade date).
func yearTotals(results []SaleResult) map[int]*totals {
	m := make(map[int]*totals)
	for i := range results {
		y := results[i].Date.Year()
		t := m[y]
		if t == nil {
			z := zeroTotals()
			t = &z
			m[y] = t
		}
		t.add(&results[i], 1)
	}
	return m
}

// Summary returns the Schedule D summary of the given tax year from the
// sales dated in that year. The profile's carryover in and other gains
// belong to its tax_year and are applied only to that year (position:
// they describe that one year's return).
func (a *Analysis) Summary(year int) Summary {
	t := zeroTotals()
	if yt := a.eng.years[year]; yt != nil {
		t = *yt
	}
	return net(t, year, &a.Portfolio.TaxProfile)
}

// nextLoss is the loss whose saving Summary.NextLossSavesST/LT report.
var nextLoss = lit("1000")

// net nets a year's totals into a Schedule D summary (Schedule D
// instructions; IRC 1211(b), 1212(b), 1(h)), with the estimated tax and
// what the next 1,000 of loss of each term would save.
func net(t totals, year int, prof *portfolio.TaxProfile) Summary {
	s := netOnly(t, year, prof)
	st, lt := t, t
	st.st = money.Sub(st.st, nextLoss)
	lt.lt = money.Sub(lt.lt, nextLoss)
	s.NextLossSavesST = s.EstimatedTax.Sub(netOnly(st, year, prof).EstimatedTax)
	s.NextLossSavesLT = s.EstimatedTax.Sub(netOnly(lt, year, prof).EstimatedTax)
	return s
}

// netOnly is net without the next-loss savings.
func netOnly(t totals, year int, prof *portfolio.TaxProfile) Summary {
	s := Summary{
		TaxYear:              year,
		ShortTermRealized:    t.st,
		LongTermRealized:     t.lt,
		CarryoverInShortTerm: decimal.Zero,
		CarryoverInLongTerm:  decimal.Zero,
		OrdinaryOffset:       decimal.Zero,
		CarryoverShortTerm:   decimal.Zero,
		CarryoverLongTerm:    decimal.Zero,
	}
	other := portfolio.OtherGains{ShortTerm: decimal.Zero, LongTerm: decimal.Zero, Collectibles: decimal.Zero}
	if year == prof.TaxYear {
		s.CarryoverInShortTerm = prof.Carryover.ShortTerm
		s.CarryoverInLongTerm = prof.Carryover.LongTerm
		other = prof.OtherGains
	}
	s.OtherShortTerm, s.OtherLongTerm, s.OtherCollectibles = other.ShortTerm, other.LongTerm, other.Collectibles
	// Schedule D line 7: short-term items, other short-term gains (lines
	// 4-5) less the short-term carryover (line 6).
	s.ShortTermNet = t.st.Add(other.ShortTerm).Sub(s.CarryoverInShortTerm)
	// Schedule D line 15: likewise for long term (lines 11-14).
	s.LongTermNet = t.lt.Add(other.LongTerm).Sub(s.CarryoverInLongTerm)
	// Schedule D line 16: combine.
	s.Net = s.ShortTermNet.Add(s.LongTermNet)
	s.CollectiblesNet = rate28Gain(t, other, s.ShortTermNet, s.CarryoverInLongTerm, s.LongTermNet)
	if s.Net.Sign() < 0 {
		// Schedule D line 21; IRC 1211(b): the loss deducted is the
		// smaller of the net loss and the limit.
		s.OrdinaryOffset = decimal.Min(s.Net.Neg(), LossLimit(prof.FilingStatus))
		w := carryoverWorksheet(s.ShortTermNet, s.LongTermNet, s.OrdinaryOffset, prof.TaxableIncome)
		s.CarryoverShortTerm, s.CarryoverLongTerm = w.line8, w.line13
	}
	estimate(&s, prof)
	return s
}
