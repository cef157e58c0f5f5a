package cli

import (
	"strconv"

	"github.com/shopspring/decimal"

	"nftharvest/taxrules"
)

// Fast, allocation-light formatting of money and quantities for reports of
// a million lots. Each function has a fast path for coefficients that fit
// an int64 and falls back to the decimal package otherwise; tests check
// that both give the same text for every input (see numfmt_test.go).

var pow10 = [...]int64{1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
	1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18}

// centsOf returns d rounded to the cent (half away from zero, as
// taxrules.Cents) as a count of cents, when that is cheap and exact.
func centsOf(d decimal.Decimal) (int64, bool) {
	if d.NumDigits() > 17 {
		return 0, false
	}
	c, exp := d.CoefficientInt64(), int(d.Exponent())
	switch {
	case exp >= -2:
		shift := exp + 2
		if d.NumDigits()+shift > 17 {
			return 0, false
		}
		return c * pow10[shift], true
	case exp >= -18:
		// As decimal.Round: truncate to three places, add ±5, truncate.
		q := c / pow10[-exp-3]
		if q < 0 {
			q -= 5
		} else {
			q += 5
		}
		return q / 10, true
	}
	return 0, false
}

// appendMoney appends d rounded to the cent with two decimals, as
// taxrules.Cents(d).StringFixed(2): "-1519.90".
func appendMoney(b []byte, d decimal.Decimal) []byte {
	c, ok := centsOf(d)
	if !ok {
		return append(b, taxrules.Cents(d).StringFixed(2)...)
	}
	if c < 0 {
		b = append(b, '-')
		c = -c
	}
	b = strconv.AppendInt(b, c/100, 10)
	b = append(b, '.', byte('0'+c%100/10), byte('0'+c%10))
	return b
}

// appendQty appends d as d.String() does: the exact decimal without
// trailing zeros ("12", "0.5", "-3.25").
func appendQty(b []byte, d decimal.Decimal) []byte {
	exp := int(d.Exponent())
	if d.NumDigits() > 18 || exp > 0 || exp < -18 {
		return append(b, d.String()...)
	}
	c := d.CoefficientInt64()
	if exp == 0 {
		return strconv.AppendInt(b, c, 10)
	}
	neg := c < 0
	if neg {
		c = -c
	}
	ip, fp := c/pow10[-exp], c%pow10[-exp]
	// Trim trailing zeros of the fraction.
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
		start := len(b)
		b = strconv.AppendInt(b, fp, 10)
		// Left-pad the fraction with zeros to its digit count.
		if n := len(b) - start; n < digits {
			pad := digits - n
			b = append(b, make([]byte, pad)...)
			copy(b[start+pad:], b[start:start+n])
			for i := 0; i < pad; i++ {
				b[start+i] = '0'
			}
		}
	}
	return b
}
