package ui

import (
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
)

// TestSumIsExact: the integer fast path gives the decimal sum, whatever
// the exponents and sizes (overflow falls back to decimal addition).
func TestSumIsExact(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for trial := range 200 {
		var s sum
		want := decimal.Zero
		n := r.IntN(300)
		for range n {
			var d decimal.Decimal
			switch r.IntN(5) {
			case 0:
				d = decimal.New(r.Int64N(1e6)-5e5, -2)
			case 1:
				d = decimal.New(r.Int64N(1e12)-5e11, -int32(r.IntN(10)))
			case 2:
				d = decimal.New(r.Int64()>>1-r.Int64()>>1, int32(r.IntN(6)))
			case 3:
				d = decimal.RequireFromString("123456789012345678901234.5678")
			default:
				d = decimal.New(r.Int64N(1000), -int32(r.IntN(25)))
			}
			s.add(d)
			want = want.Add(d)
		}
		if got := s.value(); !got.Equal(want) {
			t.Fatalf("trial %d: sum = %s, want %s", trial, got, want)
		}
	}
}
