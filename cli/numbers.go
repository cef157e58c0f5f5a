package cli

import (
	"time"

	"nftharvest/money"
	"nftharvest/portfolio"
	"nftharvest/taxrules"

	"github.com/shopspring/decimal"
)

// plainMoney formats an amount rounded to the cent with two decimals and
// no separators ("-1519.90"), as JSON and the change log write it.
func plainMoney(d decimal.Decimal) string {
	var buf [48]byte
	return string(money.AppendFixed2(buf[:0], d))
}

// qty formats a quantity exactly, without trailing zeros ("12", "0.5").
func qty(d decimal.Decimal) string {
	var buf [48]byte
	return string(money.AppendQuantity(buf[:0], d))
}

// realizedIn returns the analysed sales dated in year, in processing order.
func realizedIn(a *taxrules.Analysis, year int) []*taxrules.SaleResult {
	var out []*taxrules.SaleResult
	first, last := portfolio.NewDate(year, time.January, 1), portfolio.NewDate(year, time.December, 31)
	for i := range a.Sales {
		if d := a.Sales[i].Date; d >= first && d <= last {
			out = append(out, &a.Sales[i])
		}
	}
	return out
}
