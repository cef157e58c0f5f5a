package money

import (
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/shopspring/decimal"
)

// The fast paths give exactly decimal's results: same value, same exponent.
func TestRandomOpsMatchDecimal(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 9))
	big := []string{"123456789012345678901234567890.5", "-99999999999999999999", "0.000000000000000000001", "0", "1", "-1"}
	gen := func() decimal.Decimal {
		if rng.IntN(5) == 0 {
			return decimal.RequireFromString(big[rng.IntN(len(big))])
		}
		return decimal.New(rng.Int64N(1<<62)>>rng.IntN(62)*int64(1-2*rng.IntN(2)), int32(rng.IntN(30)-20))
	}
	for range 50000 {
		a, b := gen(), gen()
		for _, c := range []struct {
			name      string
			got, want decimal.Decimal
		}{
			{"add", Add(a, b), a.Add(b)},
			{"sub", Sub(a, b), a.Sub(b)},
			{"mul", Mul(a, b), a.Mul(b)},
		} {
			if !c.got.Equal(c.want) || c.got.Exponent() != c.want.Exponent() || c.got.String() != c.want.String() {
				t.Fatalf("%s(%s, %s) = %s (exp %d), want %s (exp %d)", c.name, a, b, c.got, c.got.Exponent(), c.want, c.want.Exponent())
			}
			if c.got.Sign() != 0 && !reflect.DeepEqual(c.got.Coefficient(), c.want.Coefficient()) {
				t.Fatalf("%s(%s, %s): coefficient differs", c.name, a, b)
			}
		}
	}
}
