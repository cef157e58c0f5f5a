package importer

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// FuzzParseAmount: an amount cell that amountText accepts is read as
// decimal.NewFromString reads its plain text, to the exponent (the file
// keeps a decimal's scale), by the integer path up to 18 digits too.
func FuzzParseAmount(f *testing.F) {
	for _, s := range []string{"0", "0.0", "0.000", "1", "1.50", "007.250", ".5", "5.", "1,500.25", "$1,500.25", "$.5",
		"123456789012345678", "1234567890123456789", "0.123456789012345678", "99999999999999999.9", "1.2.3", "", ".", "1e5", "-1",
		"1,50", "12,345,678.000", "000000000000000000000001"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, gok := parseAmount(s)
		plain, _, ok := amountText(s)
		if gok != ok {
			t.Fatalf("parseAmount(%q) ok = %v, amountText ok = %v", s, gok, ok)
		}
		if !ok {
			return
		}
		want, err := decimal.NewFromString(plain)
		if err != nil || !want.Equal(got) || want.Exponent() != got.Exponent() {
			t.Fatalf("parseAmount(%q) = %v (e%d); NewFromString(%q) = %v (e%d), %v", s, got, got.Exponent(), plain, want, want.Exponent(), err)
		}
	})
}

// TestAmountText: what an amount cell may look like.
func TestAmountText(t *testing.T) {
	for s, want := range map[string]string{"1,500.25": "1500.25", "$1,500.25": "1500.25", "$.5": ".5", "5.": "5.",
		"12,345,678.000": "12345678.000", "1,50": "", "1.2.3": "", "": "", ".": "", "1e5": "", "-1": "", "1,5000": "",
		strings.Repeat("9", 61): ""} {
		if got, _, ok := amountText(s); got != want || ok != (want != "") {
			t.Errorf("amountText(%q) = %q, %v; want %q", s, got, ok, want)
		}
	}
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
