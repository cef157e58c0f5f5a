package cli

import (
	"testing"

	"github.com/shopspring/decimal"

	"nftharvest/taxrules"
)

var numSeeds = []string{
	"0", "-0", "1", "-1", "0.5", "-0.5", "0.005", "-0.005", "0.0049999", "-0.0049999",
	"1323.105", "1323.1049", "-1626.5175", "1058.484", "1.50", "100", "1e3", "-2.5e-3",
	"12345678901234567.89", "123456789012345678901234567890.123456", "0.000000000000000000001",
	"99999999999999.995", "-99999999999999.995", "3150.25", "0.042", "7", "0.10", "-0.10",
	"9223372036854775807", "-9223372036854775808", "92233720368547758.07",
}

func FuzzMoneyAndQty(f *testing.F) {
	for _, s := range numSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := decimal.NewFromString(s)
		if err != nil || d.NumDigits() > 60 || d.Exponent() < -60 || d.Exponent() > 60 {
			return
		}
		if got, want := string(appendMoney(nil, d)), taxrules.Cents(d).StringFixed(2); got != want {
			t.Errorf("appendMoney(%s) = %q, want %q", s, got, want)
		}
		if got, want := string(appendQty(nil, d)), d.String(); got != want {
			t.Errorf("appendQty(%s) = %q, want %q", s, got, want)
		}
	})
}

func TestMoneyAndQtySeeds(t *testing.T) {
	for _, s := range numSeeds {
		d := decimal.RequireFromString(s)
		if got, want := string(appendMoney(nil, d)), taxrules.Cents(d).StringFixed(2); got != want {
			t.Errorf("appendMoney(%s) = %q, want %q", s, got, want)
		}
		if got, want := string(appendQty(nil, d)), d.String(); got != want {
			t.Errorf("appendQty(%s) = %q, want %q", s, got, want)
		}
	}
	// Values that are not literal parses: results of arithmetic.
	a, b := decimal.RequireFromString("0.042"), decimal.RequireFromString("3150.25")
	for _, d := range []decimal.Decimal{a.Mul(b), a.Mul(b).Mul(decimal.NewFromInt(8)).Neg(), b.Div(decimal.NewFromInt(3)), decimal.New(5, 3), decimal.New(-123, 20)} {
		if got, want := string(appendMoney(nil, d)), taxrules.Cents(d).StringFixed(2); got != want {
			t.Errorf("appendMoney(%s) = %q, want %q", d, got, want)
		}
		if got, want := string(appendQty(nil, d)), d.String(); got != want {
			t.Errorf("appendQty(%s) = %q, want %q", d.String(), got, want)
		}
	}
}
