package taxrules

import (
	"math"

	"github.com/shopspring/decimal"
)

// pctPlaces is the precision of UnrealizedPct: a display ratio, kept to
// four decimal places of a percent.
const pctPlaces = 4

var pow10 = [...]int64{1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18}

// percent returns part / whole x 100 rounded half away from zero to
// pctPlaces places, exactly as part.Mul(100).DivRound(whole, pctPlaces)
// (a test checks it), using int64 arithmetic when the numbers fit: a
// big-number division per lot would cost more than the rest of the lot's
// state. whole must not be zero.
func percent(part, whole decimal.Decimal) decimal.Decimal {
	if q, ok := percentInt(part, whole); ok {
		return decimal.New(q, -pctPlaces)
	}
	return part.Mul(hundred).DivRound(whole, pctPlaces)
}

func percentInt(part, whole decimal.Decimal) (int64, bool) {
	if part.NumDigits() > 18 || whole.NumDigits() > 18 {
		return 0, false
	}
	num, den := part.CoefficientInt64(), whole.CoefficientInt64()
	// part/whole x 10^(2+places) = num/den x 10^e
	e := int(part.Exponent()) - int(whole.Exponent()) + 2 + pctPlaces
	switch {
	case e >= 0:
		if e >= len(pow10) || abs64(num) > math.MaxInt64/pow10[e] {
			return 0, false
		}
		num *= pow10[e]
	default:
		if -e >= len(pow10) || abs64(den) > math.MaxInt64/pow10[-e] {
			return 0, false
		}
		den *= pow10[-e]
	}
	if den == 0 || abs64(den) > math.MaxInt64/2 {
		return 0, false
	}
	q, r := num/den, num%den
	if 2*abs64(r) >= abs64(den) { // half away from zero
		if (num < 0) != (den < 0) {
			q--
		} else {
			q++
		}
	}
	return q, true
}

func abs64(v int64) int64 {
	if v < 0 {
		return -v
	}
	return v
}
