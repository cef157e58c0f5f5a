package taxrules

import (
	"strings"

	"github.com/shopspring/decimal"
)

// FormatUSD formats an amount as dollars to the cent with thousands
// separators, without a sign: 1234.567 -> "$1,234.57" (Cents rounding).
func FormatUSD(v decimal.Decimal) string {
	s := Cents(v.Abs()).StringFixed(2)
	whole, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	b.WriteByte('$')
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	b.WriteByte('.')
	b.WriteString(frac)
	return b.String()
}
