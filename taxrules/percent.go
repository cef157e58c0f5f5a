package taxrules

import (
	"nftharvest/money"

	"math"

	"github.com/shopspring/decimal"
)

// pctPlaces is the precision of UnrealizedPct: a display ratio, kept to
// four decimal places of a percent.
const pctPlaces = 4

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
		if e > money.MaxPow10 || money.Abs64(num) > math.MaxInt64/money.Pow10(e) {
			return 0, false
		}
		num *= money.Pow10(e)
	default:
		if -e > money.MaxPow10 || money.Abs64(den) > math.MaxInt64/money.Pow10(-e) {
			return 0, false
		}
		den *= money.Pow10(-e)
	}
	if den == 0 || money.Abs64(den) > math.MaxInt64/2 {
		return 0, false
	}
	q, r := num/den, num%den
	if 2*money.Abs64(r) >= money.Abs64(den) { // half away from zero
		if (num < 0) != (den < 0) {
			q--
		} else {
			q++
		}
	}
	return q, true
}
