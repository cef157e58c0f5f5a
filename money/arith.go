package money

import (
	"math"
	"math/bits"

	"github.com/shopspring/decimal"
)

// Small returns d's coefficient and exponent when the coefficient has at
// most 18 digits.
func Small(d decimal.Decimal) (int64, int32, bool) {
	if d.NumDigits() > 18 {
		return 0, 0, false
	}
	return d.CoefficientInt64(), d.Exponent(), true
}

// align returns the coefficients of a and b at the smaller exponent.
func align(a, b decimal.Decimal) (ca, cb int64, exp int32, ok bool) {
	ca, ea, ok1 := Small(a)
	cb, eb, ok2 := Small(b)
	if !ok1 || !ok2 {
		return 0, 0, 0, false
	}
	scale := func(c int64, by int32) (int64, bool) {
		if by >= int32(len(pow10)) || Abs64(c) > math.MaxInt64/4/pow10[by] {
			return 0, false
		}
		return c * pow10[by], true
	}
	switch {
	case ea > eb:
		ca, ok = scale(ca, ea-eb)
		return ca, cb, eb, ok
	case eb > ea:
		cb, ok = scale(cb, eb-ea)
		return ca, cb, ea, ok
	}
	return ca, cb, ea, true
}

// Add is a.Add(b), equal in value and exponent, without big-number work
// when the coefficients fit.
func Add(a, b decimal.Decimal) decimal.Decimal {
	if ca, cb, e, ok := align(a, b); ok {
		return decimal.New(ca+cb, e)
	}
	return a.Add(b)
}

// Sub is a.Sub(b), as Add.
func Sub(a, b decimal.Decimal) decimal.Decimal {
	if ca, cb, e, ok := align(a, b); ok {
		return decimal.New(ca-cb, e)
	}
	return a.Sub(b)
}

// Mul is a.Mul(b), as Add.
func Mul(a, b decimal.Decimal) decimal.Decimal {
	ca, ea, ok1 := Small(a)
	cb, eb, ok2 := Small(b)
	if ok1 && ok2 {
		hi, lo := bits.Mul64(uint64(Abs64(ca)), uint64(Abs64(cb)))
		if hi == 0 && lo <= math.MaxInt64 {
			p := int64(lo)
			if (ca < 0) != (cb < 0) {
				p = -p
			}
			return decimal.New(p, ea+eb)
		}
	}
	return a.Mul(b)
}
