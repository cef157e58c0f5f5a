package storage

import (
	"strconv"

	"github.com/shopspring/decimal"
)

// maxDigits bounds the digits of a decimal written out in fixed-point
// form (integer digits plus decimal places), so that "1e999999999" cannot
// make a save write a gigabyte of zeros.
const maxDigits = 40

// maxPlaces bounds the decimal places of a decimal (trailing zeros count):
// 18, the precision of ERC-20 style token amounts. More is refused rather
// than rounded, so that nothing is silently changed.
const maxPlaces = 18

// Limits of a decimal in a portfolio file (docs/format.md, Conventions).
const (
	// MaxDecimalDigits is the most digits of a decimal in fixed-point form.
	MaxDecimalDigits = maxDigits
	// MaxDecimalPlaces is the most decimal places of a decimal.
	MaxDecimalPlaces = maxPlaces
)

// DecimalProblem says why d cannot be stored in a portfolio file ("has
// more than 18 decimal places", "has more than 40 digits"), or "" when it
// can. Command-line and app input is checked with it, so that what the
// user typed is refused at once rather than when the file is saved.
func DecimalProblem(d decimal.Decimal) string {
	exp := int(d.Exponent())
	switch {
	case exp < -maxPlaces:
		return "has more than " + strconv.Itoa(maxPlaces) + " decimal places"
	case !fitsDigits(d):
		return "has more than " + strconv.Itoa(maxDigits) + " digits"
	}
	return ""
}

// fitsDigits tells whether d has at most maxDigits digits in fixed-point
// form (integer digits plus decimal places).
func fitsDigits(d decimal.Decimal) bool {
	exp := int(d.Exponent())
	if exp < -maxDigits || exp > maxDigits {
		return false
	}
	return max(d.NumDigits()+exp, 1)+max(-exp, 0) <= maxDigits || d.IsZero() && exp >= 0
}

// decimalStatus is the outcome of parseDecimal.
type decimalStatus uint8

const (
	decimalOK decimalStatus = iota
	decimalSyntax
	decimalRange
	decimalPrecision // more than maxPlaces decimal places
)

// parseDecimal reads s exactly (never through float64). It accepts the
// JSON number grammar with leading zeros allowed:
// -?digits[.digits][(e|E)[+-]digits]. The scale of the text is kept:
// "5400.00" has exponent -2.
func parseDecimal(s string) (decimal.Decimal, decimalStatus) {
	return (*smallDecimals)(nil).parseDecimal([]byte(s))
}

// smallDecimals shares the decimals with a mantissa below smallMant and
// at most smallScale decimal places: files repeat quantities of 1, fees
// of 0 and the like many times.
type smallDecimals struct {
	set [smallScale + 1][smallMant]bool
	v   [smallScale + 1][smallMant]decimal.Decimal
}

const (
	smallMant  = 128
	smallScale = 4
)

// parseDecimal is the package parseDecimal sharing small values (a nil
// receiver shares nothing).
func (t *smallDecimals) parseDecimal(s []byte) (decimal.Decimal, decimalStatus) {
	i, n := 0, len(s)
	neg := false
	if i < n && s[i] == '-' {
		neg = true
		i++
	}
	var mant uint64
	sig := 0 // significant digits seen (leading zeros skipped)
	overflow := false
	intStart := i
	for i < n && s[i] >= '0' && s[i] <= '9' {
		mant, sig, overflow = addDigit(mant, sig, overflow, s[i])
		i++
	}
	if i == intStart {
		return decimal.Decimal{}, decimalSyntax
	}
	frac := 0
	if i < n && s[i] == '.' {
		i++
		fracStart := i
		for i < n && s[i] >= '0' && s[i] <= '9' {
			mant, sig, overflow = addDigit(mant, sig, overflow, s[i])
			i++
		}
		frac = i - fracStart
		if frac == 0 {
			return decimal.Decimal{}, decimalSyntax
		}
	}
	exp := 0
	if i < n && (s[i] == 'e' || s[i] == 'E') {
		i++
		eneg := false
		if i < n && (s[i] == '+' || s[i] == '-') {
			eneg = s[i] == '-'
			i++
		}
		expStart := i
		for i < n && s[i] >= '0' && s[i] <= '9' {
			if exp < 1_000_000 {
				exp = exp*10 + int(s[i]-'0')
			}
			i++
		}
		if i == expStart {
			return decimal.Decimal{}, decimalSyntax
		}
		if eneg {
			exp = -exp
		}
	}
	if i != n {
		return decimal.Decimal{}, decimalSyntax
	}
	e := exp - frac // value = mant * 10^e
	places := 0
	if e < 0 {
		places = -e
	}
	intDigits := sig + e
	if intDigits < 1 {
		intDigits = 1
	}
	if places > maxDigits || intDigits+places > maxDigits {
		return decimal.Decimal{}, decimalRange
	}
	if places > maxPlaces {
		return decimal.Decimal{}, decimalPrecision
	}
	if overflow {
		d, err := decimal.NewFromString(string(s))
		if err != nil {
			return decimal.Decimal{}, decimalSyntax
		}
		return d, decimalOK
	}
	if t != nil && !overflow && !neg && mant < smallMant && e <= 0 && -e <= smallScale {
		if !t.set[-e][mant] {
			t.v[-e][mant] = decimal.New(int64(mant), int32(e))
			t.set[-e][mant] = true
		}
		return t.v[-e][mant], decimalOK
	}
	v := int64(mant)
	if neg {
		v = -v
	}
	return decimal.New(v, int32(e)), decimalOK
}

// addDigit appends one decimal digit to the mantissa, noting when it no
// longer fits in 18 digits (then the slow exact path is used).
func addDigit(mant uint64, sig int, overflow bool, c byte) (uint64, int, bool) {
	if sig == 0 && c == '0' {
		return mant, sig, overflow
	}
	sig++
	if sig > 18 {
		return mant, sig, true
	}
	return mant*10 + uint64(c-'0'), sig, overflow
}

// formatDecimal writes d keeping its scale: 5400.00 stays "5400.00".
// Decimals with a positive exponent are written as plain integers (1e3 is
// "1000"). The output does not depend on shopspring's global formatting
// options.
func formatDecimal(d decimal.Decimal) string {
	var buf [48]byte
	return string(appendDecimal(buf[:0], d))
}

// appendDecimal appends formatDecimal(d) to b.
func appendDecimal(b []byte, d decimal.Decimal) []byte {
	exp := int(d.Exponent())
	if d.NumDigits() > 18 || exp > maxDigits || exp < -maxDigits {
		if exp < 0 {
			return append(b, d.StringFixed(int32(-exp))...)
		}
		return append(b, d.StringFixed(0)...)
	}
	c := d.CoefficientInt64()
	if c < 0 {
		b = append(b, '-')
		c = -c
	}
	var digits [20]byte
	ds := strconv.AppendInt(digits[:0], c, 10)
	switch {
	case c == 0 && exp >= 0:
		return append(b, '0')
	case exp >= 0:
		b = append(b, ds...)
		for range exp {
			b = append(b, '0')
		}
		return b
	}
	places := -exp
	if len(ds) <= places {
		b = append(b, '0', '.')
		for range places - len(ds) {
			b = append(b, '0')
		}
		return append(b, ds...)
	}
	b = append(b, ds[:len(ds)-places]...)
	b = append(b, '.')
	return append(b, ds[len(ds)-places:]...)
}
