package taxrules

import (
	"math"
	"math/bits"

	"github.com/shopspring/decimal"
)

// Fast paths for the decimal operations done once per lot. They give
// results identical in value and exponent to decimal's Add, Sub and Mul
// (a test checks it) but skip the intermediate big-number copies when the
// coefficients fit in 64 bits; otherwise they call decimal itself. Exact
// decimal arithmetic is kept either way.

// small returns d's coefficient and exponent when the coefficient has at
// most 18 digits.
func small(d decimal.Decimal) (int64, int32, bool) {
	if d.NumDigits() > 18 {
		return 0, 0, false
	}
	return d.CoefficientInt64(), d.Exponent(), true
}

// align returns the coefficients of a and b at the smaller exponent.
func align(a, b decimal.Decimal) (ca, cb int64, exp int32, ok bool) {
	ca, ea, ok1 := small(a)
	cb, eb, ok2 := small(b)
	if !ok1 || !ok2 {
		return 0, 0, 0, false
	}
	scale := func(c int64, by int32) (int64, bool) {
		if by >= int32(len(pow10)) || abs64(c) > math.MaxInt64/4/pow10[by] {
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

// dadd is a.Add(b).
func dadd(a, b decimal.Decimal) decimal.Decimal {
	if ca, cb, e, ok := align(a, b); ok {
		return decimal.New(ca+cb, e)
	}
	return a.Add(b)
}

// dsub is a.Sub(b).
func dsub(a, b decimal.Decimal) decimal.Decimal {
	if ca, cb, e, ok := align(a, b); ok {
		return decimal.New(ca-cb, e)
	}
	return a.Sub(b)
}

// dmul is a.Mul(b).
func dmul(a, b decimal.Decimal) decimal.Decimal {
	ca, ea, ok1 := small(a)
	cb, eb, ok2 := small(b)
	if ok1 && ok2 {
		hi, lo := bits.Mul64(uint64(abs64(ca)), uint64(abs64(cb)))
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
