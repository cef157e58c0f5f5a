package taxrules

import (
	"strings"

	"github.com/shopspring/decimal"
)

// FormatUSD formats an amount as dollars to the cent with thousands
// separators, without a sign: 1234.567 -> "$1,234.57" (Cents rounding).
func FormatUSD(v decimal.Decimal) string {
	return "$" + GroupThousands(Cents(v.Abs()).StringFixed(2))
}

// GroupThousands puts thousands separators into the whole part of a plain
// decimal string, keeping its sign and fraction: "-1234567.5" ->
// "-1,234,567.5". Display code of every package formats amounts with it.
func GroupThousands(s string) string {
	sign := ""
	if strings.HasPrefix(s, "-") || strings.HasPrefix(s, "+") {
		sign, s = s[:1], s[1:]
	}
	whole, frac, hasFrac := strings.Cut(s, ".")
	var b strings.Builder
	b.Grow(len(sign) + len(s) + len(whole)/3)
	b.WriteString(sign)
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if hasFrac {
		b.WriteByte('.')
		b.WriteString(frac)
	}
	return b.String()
}
