package importer

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// refParseAmount is parseAmount before issue 17: every amount through
// decimal.NewFromString.
func refParseAmount(s string) (decimal.Decimal, bool) {
	s = strings.TrimPrefix(s, "$")
	if strings.Contains(s, ",") {
		intPart, _, _ := strings.Cut(s, ".")
		groups := strings.Split(intPart, ",")
		for i, g := range groups {
			if (i == 0 && (len(g) < 1 || len(g) > 3)) || (i > 0 && len(g) != 3) {
				return decimal.Zero, false
			}
		}
		s = strings.ReplaceAll(s, ",", "")
	}
	digits, dots := 0, 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			digits++
		case c == '.':
			dots++
		default:
			return decimal.Zero, false
		}
	}
	if digits == 0 || dots > 1 || digits > 60 {
		return decimal.Zero, false
	}
	d, err := decimal.NewFromString(s)
	return d, err == nil
}

// FuzzParseAmount: parseAmount reads every cell as decimal.NewFromString
// did, to the exponent (the file keeps a decimal's scale).
func FuzzParseAmount(f *testing.F) {
	for _, s := range []string{"0", "0.0", "0.000", "1", "1.50", "007.250", ".5", "5.", "1,500.25", "$1,500.25", "$.5",
		"123456789012345678", "1234567890123456789", "0.123456789012345678", "99999999999999999.9", "1.2.3", "", ".", "1e5", "-1",
		"1,50", "12,345,678.000", "000000000000000000000001"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, wok := refParseAmount(s)
		got, gok := parseAmount(s)
		if wok != gok || (wok && (!want.Equal(got) || want.Exponent() != got.Exponent())) {
			t.Fatalf("parseAmount(%q) = %v (e%d), %v; want %v (e%d), %v", s, got, got.Exponent(), gok, want, want.Exponent(), wok)
		}
	})
}

// hashKey reads the hashes of 64 digits in any case, and nothing else.
func TestHashKey(t *testing.T) {
	h := "0x" + strings.Repeat("0123456789abcdef", 4)
	cases := []struct {
		a, b string
		ok   bool
	}{
		{h, h, true},
		{h, strings.ToUpper(h), true},
		{h, "0X" + h[2:], true},
		{h[:65], "", false},
		{h + "0", "", false},
		{"0y" + h[2:], "", false},
		{h[:40] + "g" + h[41:], "", false},
	}
	for _, c := range cases {
		a, ok := hashKey(c.a)
		if ok != c.ok {
			t.Fatalf("hashKey(%q) ok = %v", c.a, ok)
		}
		if ok {
			if b, _ := hashKey(c.b); a != b {
				t.Fatalf("%q and %q differ", c.a, c.b)
			}
		}
	}
	if a, _ := hashKey(h); a != 0x0123456789abcdef {
		t.Fatalf("key %x", a)
	}
}
