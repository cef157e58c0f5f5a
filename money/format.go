package money

import (
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// Format formats d to the cent with thousands separators: "-1,234.56".
func Format(d decimal.Decimal) string {
	if c, ok := CentsOf(d); ok {
		return FormatCents(c, false)
	}
	return groupPlus(Cents(d).StringFixed(2), false)
}

// FormatSigned is Format with an explicit "+" for a positive amount.
func FormatSigned(d decimal.Decimal) string {
	if c, ok := CentsOf(d); ok {
		return FormatCents(c, true)
	}
	return groupPlus(Cents(d).StringFixed(2), true)
}

// USD formats an amount as dollars to the cent with thousands separators,
// without a sign: 1234.567 -> "$1,234.57".
func USD(d decimal.Decimal) string { return "$" + Format(d.Abs()) }

// FormatCents formats an amount in cents as "1,234.56"; plus adds "+" to a
// positive amount.
func FormatCents(c int64, plus bool) string {
	var buf [32]byte
	i := len(buf)
	neg := c < 0
	u := uint64(c)
	if neg {
		u = -u
	}
	frac := u % 100
	u /= 100
	buf[i-1] = byte('0' + frac%10)
	buf[i-2] = byte('0' + frac/10)
	buf[i-3] = '.'
	i -= 3
	n := 0
	for {
		if n > 0 && n%3 == 0 {
			i--
			buf[i] = ','
		}
		i--
		buf[i] = byte('0' + u%10)
		u /= 10
		n++
		if u == 0 {
			break
		}
	}
	switch {
	case neg:
		i--
		buf[i] = '-'
	case plus && c > 0:
		i--
		buf[i] = '+'
	}
	return string(buf[i:])
}

// groupPlus is Group with a "+" for a positive amount when plus is set.
func groupPlus(s string, plus bool) string {
	if plus && !strings.HasPrefix(s, "-") && strings.Trim(s, "0.") != "" {
		s = "+" + s
	}
	return Group(s)
}

// Group puts thousands separators into the whole part of a plain decimal
// string, keeping its sign and fraction: "-1234567.5" -> "-1,234,567.5".
func Group(s string) string {
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

// AppendFixed2 appends d rounded to the cent with two decimals and no
// separators, as Cents(d).StringFixed(2): "-1519.90".
func AppendFixed2(b []byte, d decimal.Decimal) []byte {
	c, ok := CentsOf(d)
	if !ok {
		return append(b, Cents(d).StringFixed(2)...)
	}
	if c < 0 {
		b = append(b, '-')
		c = -c
	}
	b = strconv.AppendInt(b, c/100, 10)
	b = append(b, '.', byte('0'+c%100/10), byte('0'+c%10))
	return b
}

// AppendQuantity appends d as d.String() does: the exact decimal without
// trailing zeros ("12", "0.5", "-3.25").
func AppendQuantity(b []byte, d decimal.Decimal) []byte {
	exp := int(d.Exponent())
	if d.NumDigits() > 18 || exp > 0 || exp < -18 {
		return append(b, d.String()...)
	}
	return appendSmallQuantity(b, d.CoefficientInt64(), exp)
}

// appendSmallQuantity appends c x 10^exp (-18 <= exp <= 0) without
// trailing zeros, as AppendQuantity.
func appendSmallQuantity(b []byte, c int64, exp int) []byte {
	if exp == 0 {
		return strconv.AppendInt(b, c, 10)
	}
	neg := c < 0
	if neg {
		c = -c
	}
	ip, fp := c/pow10[-exp], c%pow10[-exp]
	digits := -exp
	for digits > 0 && fp%10 == 0 {
		fp /= 10
		digits--
	}
	if neg && (ip != 0 || digits > 0) {
		b = append(b, '-')
	}
	b = strconv.AppendInt(b, ip, 10)
	if digits > 0 {
		b = append(b, '.')
		frac := strconv.AppendInt(nil, fp, 10)
		for range digits - len(frac) {
			b = append(b, '0')
		}
		b = append(b, frac...)
	}
	return b
}

// Quantity formats a quantity as d.String() does ("1", "2.5").
func Quantity(d decimal.Decimal) string {
	if d.IsInteger() && d.NumDigits() <= 18 && d.Exponent() <= 0 {
		return strconv.FormatInt(d.IntPart(), 10)
	}
	return string(AppendQuantity(nil, d))
}
