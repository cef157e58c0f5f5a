package ui

import (
	"strconv"
	"strings"

	"nftharvest/taxrules"

	"github.com/shopspring/decimal"
)

// pow10 holds 10^0 .. 10^18.
var pow10 = func() [19]int64 {
	var p [19]int64
	p[0] = 1
	for i := 1; i < len(p); i++ {
		p[i] = p[i-1] * 10
	}
	return p
}()

// centsOf returns d rounded to the cent (half away from zero, as
// taxrules.Cents does) as an integer number of cents. ok is false when the
// amount does not fit an int64; callers then format the decimal itself.
// The integer fast path avoids big.Int work for the common amounts, which
// matters when keys are computed for 100k lots.
func centsOf(d decimal.Decimal) (c int64, ok bool) {
	if d.NumDigits() <= 18 {
		coef := d.CoefficientInt64()
		e := int(d.Exponent())
		switch {
		case e >= -2:
			s := e + 2
			if s > 18 {
				break
			}
			p := pow10[s]
			if coef > 0 && coef > (1<<63-1)/p || coef < 0 && coef < -(1<<63-1)/p {
				break
			}
			return coef * p, true
		case -e-2 > 18:
			// |d| < 10^18 / 10^19 cents: rounds to zero.
			return 0, true
		default:
			p := pow10[-e-2]
			q, r := coef/p, coef%p
			if r < 0 {
				r = -r
			}
			if 2*r >= p {
				if coef < 0 {
					q--
				} else {
					q++
				}
			}
			return q, true
		}
	}
	v := taxrules.Cents(d).Shift(2).BigInt()
	if !v.IsInt64() {
		return 0, false
	}
	return v.Int64(), true
}

// money formats d to the cent with thousands separators: "-1,234.56".
func money(d decimal.Decimal) string {
	if c, ok := centsOf(d); ok {
		return fmtCents(c, false)
	}
	return groupDecimal(taxrules.Cents(d).StringFixed(2), false)
}

// signedMoney is money with an explicit "+" for positive amounts.
func signedMoney(d decimal.Decimal) string {
	if c, ok := centsOf(d); ok {
		return fmtCents(c, true)
	}
	return groupDecimal(taxrules.Cents(d).StringFixed(2), true)
}

// fmtCents formats an amount in cents as "1,234.56"; plus adds "+" to
// positive amounts.
func fmtCents(c int64, plus bool) string {
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

// groupDecimal adds thousands separators to a plain decimal string such as
// "-1234567.89", with a "+" for a positive amount when plus is set.
func groupDecimal(s string, plus bool) string {
	if plus && !strings.HasPrefix(s, "-") && strings.Trim(s, "0.") != "" {
		s = "+" + s
	}
	return taxrules.GroupThousands(s)
}

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
		return lossMark + " " + fmtCents(c, true)
	case c > 0:
		return gainMark + " " + fmtCents(c, true)
	}
	return fmtCents(0, false)
}

// marked is markedCents for a decimal amount.
func marked(d decimal.Decimal) string {
	if c, ok := centsOf(d); ok {
		return markedCents(c)
	}
	s := signedMoney(d)
	switch d.Sign() {
	case -1:
		return lossMark + " " + s
	case 1:
		return gainMark + " " + s
	}
	return s
}

// quantity formats a quantity without trailing zeros: "1", "2.5".
func quantity(d decimal.Decimal) string {
	if d.IsInteger() && d.NumDigits() <= 18 {
		return strconv.FormatInt(d.IntPart(), 10)
	}
	return d.String()
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
