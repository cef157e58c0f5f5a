package money

import "github.com/shopspring/decimal"

// Sum adds decimals exactly. Amounts whose coefficient fits an int64 are
// added as integers at a common exponent (no big-number work, which
// matters over a million lots); anything else, or an overflow, falls back
// to decimal addition. The zero Sum is empty and ready to use.
type Sum struct {
	c    int64 // integer part of the sum, at exponent e
	e    int32
	used bool
	rest decimal.Decimal // what did not fit the fast path
}

const maxSafe = int64(1) << 61 // headroom so that c + x cannot overflow

// Add adds d to the sum.
func (s *Sum) Add(d decimal.Decimal) {
	if d.NumDigits() > 17 || !s.addSmall(d.CoefficientInt64(), d.Exponent()) {
		s.rest = s.rest.Add(d)
	}
}

// addSmall adds x x 10^e on the integer path, reporting false (the value
// not added) when it does not fit.
func (s *Sum) addSmall(x int64, e int32) bool {
	if !s.used {
		s.c, s.e, s.used = x, e, true
		return true
	}
	switch {
	case e > s.e:
		v, ok := scaleUp(x, e-s.e)
		if !ok {
			return false
		}
		x = v
	case e < s.e:
		c, ok := scaleUp(s.c, s.e-e)
		if !ok {
			return false
		}
		s.c, s.e = c, e
	}
	if x > maxSafe || x < -maxSafe || s.c > maxSafe || s.c < -maxSafe {
		return false
	}
	s.c += x
	return true
}

// scaleUp multiplies x by 10^k, reporting overflow.
func scaleUp(x int64, k int32) (int64, bool) {
	if k > 18 {
		return 0, x == 0
	}
	p := pow10[k]
	if x > maxSafe/p || x < -maxSafe/p {
		return 0, false
	}
	return x * p, true
}

// Value is the sum: exactly the decimal sum of everything added.
func (s *Sum) Value() decimal.Decimal {
	if !s.used {
		return s.rest
	}
	return decimal.New(s.c, s.e).Add(s.rest)
}
