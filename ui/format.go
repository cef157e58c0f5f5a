package ui

import (
	"strconv"

	"nftharvest/money"

	"github.com/shopspring/decimal"
)

// The text of amounts on screen. Rounding, the integer fast paths and the
// thousands separators are the money package's; this file only adds the
// markers and the percentages the tables show.

// amountText formats d to the cent with thousands separators: "-1,234.56".
func amountText(d decimal.Decimal) string { return money.Format(d) }

// Markers make gains and losses readable without colour.
const (
	lossMark = "▼"
	gainMark = "▲"
)

// markedCents formats a gain or loss with its marker and sign:
// "▼ -1,234.56", "▲ +234.00", "0.00".
func markedCents(c int64) string {
	switch {
	case c < 0:
		return lossMark + " " + money.FormatCents(c, true)
	case c > 0:
		return gainMark + " " + money.FormatCents(c, true)
	}
	return money.FormatCents(0, false)
}

// marked is markedCents for a decimal amount.
func marked(d decimal.Decimal) string {
	if c, ok := money.CentsOf(d); ok {
		return markedCents(c)
	}
	s := money.FormatSigned(d)
	switch d.Sign() {
	case -1:
		return lossMark + " " + s
	case 1:
		return gainMark + " " + s
	}
	return s
}

// percentText formats basis points (1/100 of a percent) as "-45.2%".
func percentText(bp int64, plus bool) string {
	neg := bp < 0
	if neg {
		bp = -bp
	}
	tenths := (bp + 5) / 10 // round half up on the magnitude
	s := strconv.FormatInt(tenths/10, 10) + "." + strconv.FormatInt(tenths%10, 10) + "%"
	switch {
	case neg && tenths != 0:
		return "-" + s
	case plus && !neg && tenths != 0:
		return "+" + s
	}
	return s
}
