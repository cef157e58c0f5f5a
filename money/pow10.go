package money

// pow10 holds 10^0 .. 10^18, the powers of ten an int64 holds.
var pow10 = [...]int64{1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
	1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18}

// MaxPow10 is the largest k for which 10^k fits an int64.
const MaxPow10 = 18

// Pow10 returns 10^k for 0 <= k <= MaxPow10.
func Pow10[K ~int | ~int32](k K) int64 { return pow10[k] }

// Abs64 is |x| (for x > math.MinInt64).
func Abs64(x int64) int64 {
	if x < 0 {
		return -x
	}
	return x
}
