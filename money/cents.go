package money

import "github.com/shopspring/decimal"

// Cents rounds d to the cent, half away from zero: the rounding of every
// reported amount (docs/tax-rules.md, "Amounts").
func Cents(d decimal.Decimal) decimal.Decimal { return d.Round(2) }

// CentsOf returns d rounded to the cent (as Cents) as a whole number of
// cents. ok is false when that does not fit an int64; callers then use
// Cents. The integer path avoids big-number work for common amounts.
func CentsOf(d decimal.Decimal) (c int64, ok bool) {
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
	v := Cents(d).Shift(2).BigInt()
	if !v.IsInt64() {
		return 0, false
	}
	return v.Int64(), true
}
