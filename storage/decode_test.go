package storage

import (
	"reflect"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"nftharvest/portfolio"
)

// TestSampleLoads checks the embedded sample: valid, the story's size, and
// what LoadSample reports about itself.
func TestSampleLoads(t *testing.T) {
	f, err := LoadSample()
	if err != nil {
		t.Fatal(err)
	}
	p := f.Portfolio
	if !f.Sample || f.Path != "" || f.Name() != SampleName || f.SHA256() != "" {
		t.Errorf("sample file: Sample=%v Path=%q Name=%q SHA256=%q", f.Sample, f.Path, f.Name(), f.SHA256())
	}
	if n := len(p.Lots); n < 30 || n > 60 {
		t.Errorf("sample has %d lots, want 30-60", n)
	}
	if !reflect.DeepEqual(Sample(), p) {
		t.Error("Sample() differs from LoadSample().Portfolio")
	}
	b := SampleJSON()
	b[0] = 'x'
	if SampleJSON()[0] != '{' {
		t.Error("SampleJSON returns shared bytes that a caller can change")
	}
}

// TestDefaults checks the documented defaults of optional members.
func TestDefaults(t *testing.T) {
	p := mustParse(t, readTestdata(t, "minimal.json"))
	want := portfolio.DefaultTaxProfile(2026)
	if p.BaseCurrency != "USD" {
		t.Errorf("base_currency default %q", p.BaseCurrency)
	}
	tp := p.TaxProfile
	if tp.Jurisdiction != want.Jurisdiction || tp.FilingStatus != want.FilingStatus || tp.WashSale != "apply" || tp.Match != "token" ||
		!tp.OrdinaryRate.Equal(want.OrdinaryRate) || !tp.LongTermRate.Equal(want.LongTermRate) ||
		!tp.CollectiblesRate.Equal(want.CollectiblesRate) || !tp.StateRate.IsZero() || tp.NIIT || tp.CollectibleDefault ||
		tp.TaxableIncome != nil || !tp.Carryover.ShortTerm.IsZero() || !tp.OtherGains.Collectibles.IsZero() {
		t.Errorf("tax profile defaults: %+v", tp)
	}
	if len(p.Rates) != 0 || p.Rates == nil {
		t.Errorf("rates default: %v (want an empty, non-nil map)", p.Rates)
	}
	c := p.Collections[0]
	if c.Standard != "ERC-721" || c.Name != "" || c.Floor != nil || c.Collectible != nil {
		t.Errorf("collection defaults: %+v", c)
	}
	l := p.Lots[0]
	if !l.Fees.IsZero() || l.TokenID != "" || l.Value != nil || l.Collectible != nil || l.Tx != "" || l.Wallet != "" || l.Note != "" || l.Extra != nil {
		t.Errorf("lot defaults: %+v", l)
	}
	s := p.Sales[0]
	if !s.Fees.IsZero() || s.Tx != "" || s.Batch != "" || !s.Proceeds.Equal(dec("80.5")) {
		t.Errorf("sale defaults: %+v", s)
	}
}

// TestNullIsAbsent checks that null stands for a missing optional member.
func TestNullIsAbsent(t *testing.T) {
	text := edit(t, `"fees": "35.20"`, `"fees": null, "value": null, "collectible": null, "note": null`,
		`"taxable_income": "95000"`, `"taxable_income": null`, `"rates": {"ETH": "3150.25"}`, `"rates": {"ETH": "3150.25"}, "extra": null`)
	p := mustParse(t, []byte(text))
	if l := p.Lots[0]; !l.Fees.IsZero() || l.Value != nil || l.Collectible != nil || l.Note != "" {
		t.Errorf("lot with nulls: %+v", l)
	}
	if p.TaxProfile.TaxableIncome != nil {
		t.Error("taxable_income null should mean none")
	}
	if len(p.Extra) != 1 || string(p.Extra[0].Value) != "null" {
		t.Errorf("an unknown null member is kept as it is: %v", p.Extra)
	}
}

// TestDefaultPriceCurrency checks that a price without a currency is in
// the base currency.
func TestDefaultPriceCurrency(t *testing.T) {
	p := mustParse(t, []byte(edit(t, `"base_currency": "USD"`, `"base_currency": "EUR"`, `"currency": "ETH"}}`, `"as_of": "2026-01-01"}}`)))
	if got := p.Lots[1].Value.Currency; got != "EUR" {
		t.Errorf("value currency %q, want the base currency EUR", got)
	}
}

// TestStringsEscaped checks escapes in names and values.
func TestStringsEscaped(t *testing.T) {
	p := mustParse(t, []byte(edit(t, `"token_id": "1"`, `"token_id": "\u0031\"x\""`, `"fees": "0"`, `"f\u0065es": "0.5"`)))
	if p.Lots[0].TokenID != "1\"x\"" {
		t.Errorf("token_id %q", p.Lots[0].TokenID)
	}
	if !p.Lots[1].Fees.Equal(dec("0.5")) {
		t.Errorf("an escaped member name was not recognised: fees %s", p.Lots[1].Fees)
	}
}

// TestParseDoesNotShareInput checks that changing the input bytes after
// Parse does not change the portfolio.
func TestParseDoesNotShareInput(t *testing.T) {
	data := []byte(validBase)
	p := mustParse(t, data)
	for i := range data {
		data[i] = 'x'
	}
	if p.Lots[0].ID != "L-1" || p.Collections[0].Name != "Punks" || p.Rates["ETH"].String() != "3150.25" {
		t.Errorf("portfolio changed with its input: %q %q", p.Lots[0].ID, p.Collections[0].Name)
	}
}

// TestParseDecimal checks the exact decimal reader.
func TestParseDecimal(t *testing.T) {
	ok := map[string]string{ // text -> encoded form
		"0": "0", "-0": "0", "0.00": "0.00", "5400.00": "5400.00", "007": "7", "-12.50": "-12.50",
		"1e3": "1000", "1.5E-2": "0.015", "2e+2": "200", "0.000000000000000001": "0.000000000000000001",
		"123456789012345678901234567890":   "123456789012345678901234567890",
		"-98765432109876543210.0123456789": "-98765432109876543210.0123456789",
		"0.1":                              "0.1", "3150.25": "3150.25",
	}
	for in, want := range ok {
		d, st := parseDecimal(in)
		if st != decimalOK {
			t.Errorf("parseDecimal(%q) status %d", in, st)
			continue
		}
		if got := formatDecimal(d); got != want {
			t.Errorf("parseDecimal(%q) encodes as %q, want %q", in, got, want)
		}
		if ref, err := decimal.NewFromString(in); err != nil || !ref.Equal(d) {
			t.Errorf("parseDecimal(%q) = %s, shopspring reads %s", in, d, ref)
		}
	}
	for _, in := range []string{"", "-", "+1", ".5", "5.", "1e", "1e+", "0x10", "1_000", "1,5", "NaN", "Infinity", " 1", "1 ", "--1", "1.2.3", "١"} {
		if _, st := parseDecimal(in); st != decimalSyntax {
			t.Errorf("parseDecimal(%q) status %d, want a syntax error", in, st)
		}
	}
	for _, in := range []string{"1e40", "1e-41", "1e999999999999", strings.Repeat("1", 41), "0." + strings.Repeat("0", 40) + "1"} {
		if _, st := parseDecimal(in); st != decimalRange {
			t.Errorf("parseDecimal(%q) status %d, want out of range", in, st)
		}
	}
}

// TestSmallDecimalsShared checks that repeated small values share one
// decimal and still compare and print correctly.
func TestSmallDecimalsShared(t *testing.T) {
	var sd smallDecimals
	a, _ := sd.parseDecimal([]byte("1.50"))
	b, _ := sd.parseDecimal([]byte("1.50"))
	c, _ := sd.parseDecimal([]byte("1.5"))
	if formatDecimal(a) != "1.50" || formatDecimal(c) != "1.5" || !a.Equal(c) || !reflect.DeepEqual(a, b) {
		t.Errorf("shared decimals: %s %s %s", formatDecimal(a), formatDecimal(b), formatDecimal(c))
	}
	if sum := a.Add(b); formatDecimal(sum) != "3.00" || formatDecimal(a) != "1.50" {
		t.Errorf("arithmetic changed a shared decimal: sum %s, a %s", sum, a)
	}
}

// TestFormatDecimal checks the decimal writer against shopspring's own
// fixed-point formatting for many values and scales.
func TestFormatDecimal(t *testing.T) {
	coefs := []int64{0, 1, -1, 7, 10, -10, 123, 5400, -98765, 999999999999999999, -999999999999999999, 1000000000000000000}
	for _, c := range coefs {
		for exp := int32(-25); exp <= 25; exp++ {
			d := decimal.New(c, exp)
			want := d.StringFixed(max(0, -exp))
			if got := formatDecimal(d); got != want {
				t.Errorf("formatDecimal(New(%d, %d)) = %q, want %q", c, exp, got, want)
			}
		}
	}
	big := dec("123456789012345678901234567890.123")
	if got := formatDecimal(big); got != "123456789012345678901234567890.123" {
		t.Errorf("big decimal written as %q", got)
	}
	old := decimal.UseScientificNotation
	decimal.UseScientificNotation = true
	defer func() { decimal.UseScientificNotation = old }()
	if got := formatDecimal(decimal.New(15, 2)); got != "1500" {
		t.Errorf("a global shopspring option changed the output: %q", got)
	}
	if got := formatDecimal(decimal.Decimal{}); got != "0" {
		t.Errorf("zero value written as %q", got)
	}
}
