package money

import (
	"math"
	"math/big"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// The slow twin of every fast path: shopspring/decimal itself.

func groupRef(s string) string {
	sign := ""
	if s[0] == '-' || s[0] == '+' {
		sign, s = s[:1], s[1:]
	}
	whole, frac, has := strings.Cut(s, ".")
	var parts []string
	for len(whole) > 3 {
		parts = append([]string{whole[len(whole)-3:]}, parts...)
		whole = whole[:len(whole)-3]
	}
	parts = append([]string{whole}, parts...)
	out := sign + strings.Join(parts, ",")
	if has {
		out += "." + frac
	}
	return out
}

func checkAll(t *testing.T, a, b decimal.Decimal) {
	t.Helper()
	same := func(what string, got, want decimal.Decimal) {
		t.Helper()
		if got.Cmp(want) != 0 || got.Exponent() != want.Exponent() {
			t.Fatalf("%s(%s, %s) = %s (exp %d), decimal gives %s (exp %d)", what, a, b, got, got.Exponent(), want, want.Exponent())
		}
	}
	same("Add", Add(a, b), a.Add(b))
	same("Sub", Sub(a, b), a.Sub(b))
	same("Mul", Mul(a, b), a.Mul(b))
	var s Sum
	s.Add(a)
	s.Add(b)
	s.Add(a)
	if want := a.Add(b).Add(a); s.Value().Cmp(want) != 0 {
		t.Fatalf("Sum(%s, %s, %s) = %s, want %s", a, b, a, s.Value(), want)
	}
	cents := a.Round(2)
	if c, ok := CentsOf(a); ok {
		if !decimal.New(c, -2).Equal(cents) {
			t.Fatalf("CentsOf(%s) = %d, Round(2) gives %s", a, c, cents)
		}
	} else if cents.Shift(2).BigInt().IsInt64() {
		t.Fatalf("CentsOf(%s) refused an amount that fits", a)
	}
	if got, want := Format(a), groupRef(cents.StringFixed(2)); got != want {
		t.Fatalf("Format(%s) = %q, want %q", a, got, want)
	}
	wantSigned := groupRef(cents.StringFixed(2))
	if cents.Sign() > 0 {
		wantSigned = groupRef("+" + cents.StringFixed(2))
	}
	if got := FormatSigned(a); got != wantSigned {
		t.Fatalf("FormatSigned(%s) = %q, want %q", a, got, wantSigned)
	}
	if got, want := string(AppendFixed2(nil, a)), cents.StringFixed(2); got != want {
		t.Fatalf("AppendFixed2(%s) = %q, want %q", a, got, want)
	}
	if got, want := Quantity(a), a.String(); got != want {
		t.Fatalf("Quantity(%s) = %q, want %q", a, got, want)
	}
	if got, want := USD(a), "$"+groupRef(a.Abs().Round(2).StringFixed(2)); got != want {
		t.Fatalf("USD(%s) = %q, want %q", a, got, want)
	}
	checkFixed(t, a, b)
}

// checkFixed checks Fixed against decimal: every operation on a and b
// that it accepts gives decimal's value, and it refuses only what does
// not fit.
func checkFixed(t *testing.T, a, b decimal.Decimal) {
	t.Helper()
	fa, oka := FixedOf(a)
	fb, okb := FixedOf(b)
	if fits := func(d decimal.Decimal) bool {
		return d.NumDigits() <= 18 && d.Coefficient().Int64() <= math.MaxInt64/4 && d.Coefficient().Int64() >= -math.MaxInt64/4
	}; oka != fits(a) || okb != fits(b) {
		t.Fatalf("FixedOf(%s) ok=%v, FixedOf(%s) ok=%v", a, oka, b, okb)
	}
	if !oka || !okb {
		return
	}
	if !fa.Decimal().Equal(a) || fa.Decimal().Exponent() != a.Exponent() || fa.Sign() != a.Sign() {
		t.Fatalf("Fixed of %s is %s (sign %d)", a, fa.Decimal(), fa.Sign())
	}
	for _, c := range []struct {
		name string
		op   func(Fixed, Fixed) (Fixed, bool)
		want decimal.Decimal
	}{{"AddFixed", AddFixed, a.Add(b)}, {"SubFixed", SubFixed, a.Sub(b)}, {"MulFixed", MulFixed, a.Mul(b)}} {
		got, ok := c.op(fa, fb)
		if ok && !got.Decimal().Equal(c.want) {
			t.Fatalf("%s(%s, %s) = %s, want %s", c.name, a, b, got.Decimal(), c.want)
		}
		if !ok && c.want.NumDigits() < 15 && a.NumDigits() < 15 && b.NumDigits() < 15 && a.Exponent()-b.Exponent() < 3 && b.Exponent()-a.Exponent() < 3 && c.name != "MulFixed" {
			t.Fatalf("%s(%s, %s) refused a small result %s", c.name, a, b, c.want)
		}
	}
	if c, ok := fa.Cents(); ok && !decimal.New(c, -2).Equal(a.Round(2)) {
		t.Fatalf("Fixed.Cents(%s) = %d, want %s", a, c, a.Round(2))
	}
	if got, want := fa.RoundCents().Decimal(), a.Round(2); !got.Equal(want) {
		t.Fatalf("RoundCents(%s) = %s, want %s", a, got, want)
	}
	if got, want := string(fa.AppendFixed2(nil)), a.Round(2).StringFixed(2); got != want {
		t.Fatalf("Fixed.AppendFixed2(%s) = %q, want %q", a, got, want)
	}
	if got, want := string(fa.AppendQuantity(nil)), a.String(); got != want {
		t.Fatalf("Fixed.AppendQuantity(%s) = %q, want %q", a, got, want)
	}
	var s1, s2 Sum
	for _, x := range []decimal.Decimal{a, b, a} {
		s1.Add(x)
	}
	for _, x := range []Fixed{fa, fb, fa} {
		s2.AddFixed(x)
	}
	if v1, v2 := s1.Value(), s2.Value(); !v1.Equal(v2) || v1.Exponent() != v2.Exponent() {
		t.Fatalf("Sum.AddFixed(%s, %s, %s) = %s (exp %d), Add gives %s (exp %d)", a, b, a, v2, v2.Exponent(), v1, v1.Exponent())
	}
}

func TestAgainstDecimal(t *testing.T) {
	vals := []string{"0", "1", "-1", "0.005", "-0.005", "0.015", "-0.015", "1234567.891", "-999.995",
		"123456789012345678", "-123456789012345678.5", "1e20", "-1e-20", "0.0000000000000000001",
		"9223372036854775807", "92233720368547758.07", "3.14159265358979323846264338", "100", "1E2"}
	for _, x := range vals {
		for _, y := range vals {
			checkAll(t, decimal.RequireFromString(x), decimal.RequireFromString(y))
		}
	}
}

// FuzzAgainstDecimal builds two decimals from the fuzzer's coefficients and
// exponents and checks every fast path against decimal.
func FuzzAgainstDecimal(f *testing.F) {
	f.Add(int64(151990), int32(-2), int64(-5), int32(-3), false)
	f.Add(int64(9223372036854775807), int32(-18), int64(1), int32(19), true)
	f.Fuzz(func(t *testing.T, ca int64, ea int32, cb int64, eb int32, huge bool) {
		ea, eb = ea%40, eb%40
		a, b := decimal.New(ca, ea), decimal.New(cb, eb)
		if huge {
			a = decimal.NewFromBigInt(new(big.Int).Mul(big.NewInt(ca), big.NewInt(1<<62)), ea)
		}
		checkAll(t, a, b)
	})
}

func TestGroup(t *testing.T) {
	for in, want := range map[string]string{"-1234567.5": "-1,234,567.5", "+1000": "+1,000", "999": "999", "0.5": "0.5",
		"0.00": "0.00", "999.99": "999.99", "1000.00": "1,000.00", "+12345": "+12,345", "123456": "123,456"} {
		if got := Group(in); got != want {
			t.Errorf("Group(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestUSD(t *testing.T) {
	for in, want := range map[string]string{"0": "$0.00", "-1234.565": "$1,234.57", "999.994": "$999.99",
		"1000000": "$1,000,000.00", "12": "$12.00", "123456.5": "$123,456.50"} {
		if got := USD(decimal.RequireFromString(in)); got != want {
			t.Errorf("USD(%s) = %s, want %s", in, got, want)
		}
	}
}
