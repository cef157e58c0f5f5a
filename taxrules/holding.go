package taxrules

import "nftharvest/portfolio"

// LongTermOn returns the first sale date on which units whose holding period
// starts on start are held long term.
//
// IRC 1222(3) and Pub 550 "Holding Period": long term means held more than
// one year; the count starts the day after acquisition and includes the sale
// date (Rev. Rul. 66-7), in calendar months. So a sale is long term iff
// sale >= start + 1 day + 1 calendar year. Bought 2011-02-28, sold
// 2012-02-29 is short term; sold 2012-03-01 is long term. The anniversary
// itself is short term.
func LongTermOn(start portfolio.Date) portfolio.Date {
	return start.AddDays(1).AddYears(1)
}

// TermOf returns the term of units with holding start start sold on sale
// (IRC 1222; see LongTermOn).
func TermOf(start, sale portfolio.Date) Term {
	if sale >= LongTermOn(start) {
		return LongTerm
	}
	return ShortTerm
}

// TackedStart returns the holding start of replacement units acquired on
// acquired that absorb the disallowed loss of units with holding start
// soldStart sold on saleDate.
//
// IRC 1223(3) and Pub 550 "Wash Sales": the holding period of the
// replacement includes the holding period of the stock sold. Position (the
// "tacking" method): the replacement's start moves back by the number of
// days the sold units were held: acquired - (saleDate - soldStart).
func TackedStart(acquired, saleDate, soldStart portfolio.Date) portfolio.Date {
	return acquired.AddDays(-soldStart.DaysUntil(saleDate))
}
