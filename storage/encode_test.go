package storage

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"nftharvest/portfolio"
	"nftharvest/synthetic"
)

// TestEncodeGolden pins the exact layout of an encoded file: member order,
// one record per line, unknown members kept after the known ones.
func TestEncodeGolden(t *testing.T) {
	for _, name := range []string{"full", "minimal"} {
		t.Run(name, func(t *testing.T) {
			p := mustParse(t, readTestdata(t, name+".json"))
			golden(t, name+".golden.json", mustEncode(t, p))
		})
	}
}

// TestEncodeIsStable checks that a file written by Encode loads and encodes
// to the very same bytes, and decodes to an equal portfolio.
func TestEncodeIsStable(t *testing.T) {
	inputs := map[string][]byte{
		"full":      readTestdata(t, "full.json"),
		"minimal":   readTestdata(t, "minimal.json"),
		"sample":    SampleJSON(),
		"synthetic": mustEncode(t, synthetic.Portfolio(300, 7)),
	}
	for name, in := range inputs {
		t.Run(name, func(t *testing.T) {
			first := mustEncode(t, mustParse(t, in))
			p := mustParse(t, first)
			second := mustEncode(t, p)
			if !bytes.Equal(first, second) {
				t.Fatalf("re-encoding changed the bytes:\n%s", firstDiff(string(first), string(second)))
			}
			if q := mustParse(t, second); !reflect.DeepEqual(p, q) {
				t.Error("the same bytes decoded to different portfolios")
			}
		})
	}
}

// TestEncodeKeepsScale checks that decimals keep the digits they were
// written with and that JSON numbers are read exactly.
func TestEncodeKeepsScale(t *testing.T) {
	in := strings.Replace(string(readTestdata(t, "minimal.json")), `"cost": 100`, `"cost": 5400.00, "fees": 12345678901234.100000000000000001`, 1)
	in = strings.Replace(in, `"proceeds": 80.5`, `"proceeds": "123456789012345678901234.50"`, 1)
	p := mustParse(t, []byte(in))
	out := string(mustEncode(t, p))
	for _, want := range []string{`"cost": "5400.00"`, `"fees": "12345678901234.100000000000000001"`, `"proceeds": "123456789012345678901234.50"`, `"quantity": "1"`} {
		if !strings.Contains(out, want) {
			t.Errorf("encoded file lacks %s:\n%s", want, out)
		}
	}
	if got := p.Lots[0].Fees.String(); got != "12345678901234.100000000000000001" {
		t.Errorf("fees read as %s, not exactly", got)
	}
}

// TestEncodeSortsRates checks that rates come out sorted by currency.
func TestEncodeSortsRates(t *testing.T) {
	p := mustParse(t, readTestdata(t, "full.json"))
	p.Rates["AAA"] = dec("2")
	p.Rates["ZZZ"] = dec("3")
	out := string(mustEncode(t, p))
	a, e, s, z := strings.Index(out, `"AAA"`), strings.Index(out, `"ETH"`), strings.Index(out, `"SOL"`), strings.Index(out, `"ZZZ"`)
	if !(a < e && e < s && s < z) {
		t.Errorf("rates not sorted: AAA@%d ETH@%d SOL@%d ZZZ@%d", a, e, s, z)
	}
}

// TestEncodeEscapes checks strings that need escaping survive a round trip.
func TestEncodeEscapes(t *testing.T) {
	p := mustParse(t, readTestdata(t, "minimal.json"))
	note := "quote \" backslash \\ tab \t newline \n bell \x07 é 🦊 </script>"
	p.Lots[0].Note = note
	out := mustEncode(t, p)
	if !strings.Contains(string(out), `</script>`) {
		t.Error("HTML characters were escaped; they need not be")
	}
	if got := mustParse(t, out).Lots[0].Note; got != note {
		t.Errorf("note came back as %q", got)
	}
}

// TestEncodeErrors checks what Encode refuses to write.
func TestEncodeErrors(t *testing.T) {
	tests := []struct {
		name   string
		change func(p *portfolio.Portfolio)
		want   string
	}{
		{"invalid UTF-8", func(p *portfolio.Portfolio) { p.Lots[0].Note = "bad \xff" }, `is not valid UTF-8 text`},
		{"extra not JSON", func(p *portfolio.Portfolio) {
			p.Lots[0].Extra = portfolio.Extra{{Name: "x", Value: []byte("{oops")}}
		}, `encode: lots[0].x: unknown-field value {oops is not valid JSON`},
		{"extra shadows a known member", func(p *portfolio.Portfolio) {
			p.Sales[0].Extra = portfolio.Extra{{Name: "proceeds", Value: []byte("1")}}
		}, `encode: sales[0].proceeds: unknown-field entry uses the name of a known field`},
		{"top extra shadows", func(p *portfolio.Portfolio) {
			p.Extra = portfolio.Extra{{Name: "lots", Value: []byte("[]")}}
		}, `encode: lots: unknown-field entry uses the name of a known field`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := mustParse(t, readTestdata(t, "minimal.json"))
			tc.change(p)
			_, err := Encode(p)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("Encode error = %v, want it to contain %q", err, tc.want)
			}
		})
	}
}

// TestUnknownFieldsKept checks that unknown members at every level survive
// decoding and encoding, in their original order.
func TestUnknownFieldsKept(t *testing.T) {
	p := mustParse(t, readTestdata(t, "full.json"))
	checks := []struct {
		where string
		x     portfolio.Extra
		names []string
	}{
		{"top", p.Extra, []string{"notes"}},
		{"tax_profile", p.TaxProfile.Extra, []string{"advisor"}},
		{"carryover", p.TaxProfile.Carryover.Extra, []string{"source"}},
		{"other_gains", p.TaxProfile.OtherGains.Extra, []string{"broker"}},
		{"collections[0]", p.Collections[0].Extra, []string{"tags"}},
		{"lots[1]", p.Lots[1].Extra, []string{"source"}},
		{"sales[1]", p.Sales[1].Extra, []string{"memo"}},
	}
	for _, c := range checks {
		var got []string
		for _, f := range c.x {
			got = append(got, f.Name)
		}
		if !reflect.DeepEqual(got, c.names) {
			t.Errorf("%s: unknown members %v, want %v", c.where, got, c.names)
		}
	}
	again := mustParse(t, mustEncode(t, p))
	if got := string(again.Lots[1].Extra[0].Value); got != `{"exchange": "example-market", "order": 991}` {
		t.Errorf("lots[1].source re-encoded as %s", got)
	}
	if got := string(again.TaxProfile.Extra[0].Value); !strings.Contains(got, `"phone": null`) {
		t.Errorf("tax_profile.advisor re-encoded as %s", got)
	}
}

// TestEncodeEmpty checks that a portfolio built in code with no records
// encodes empty rates as {} and empty arrays as [], and loads again.
func TestEncodeEmpty(t *testing.T) {
	p := &portfolio.Portfolio{Format: portfolio.Format, Version: 1, BaseCurrency: "USD", TaxProfile: portfolio.DefaultTaxProfile(2026)}
	out := string(mustEncode(t, p))
	for _, want := range []string{`"rates": {}`, `"collections": []`, `"lots": []`, `"sales": []`} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %s in\n%s", want, out)
		}
	}
	if _, err := Parse([]byte(out), "empty.json"); err != nil {
		t.Errorf("an empty portfolio does not load: %v", err)
	}
}

// tax_model and magi are read, written and read back.
func TestTaxModelAndMAGIRoundTrip(t *testing.T) {
	src := strings.Replace(validBase, `"taxable_income": "95000",`, `"taxable_income": "95000", "tax_model": "flat", "magi": "120000.50",`, 1)
	p, err := Parse([]byte(src), "p.json")
	if err != nil {
		t.Fatal(err)
	}
	if p.TaxProfile.TaxModel != portfolio.TaxModelFlat || p.TaxProfile.MAGI == nil || p.TaxProfile.MAGI.String() != "120000.5" {
		t.Fatalf("read %q %v", p.TaxProfile.TaxModel, p.TaxProfile.MAGI)
	}
	data, err := Encode(p)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), `"magi": "120000.50"`) || !strings.Contains(string(data), `"tax_model": "flat"`) {
		t.Fatalf("written:\n%s", data)
	}
	q, err := Parse(data, "p.json")
	if err != nil || q.TaxProfile.TaxModel != "flat" || !q.TaxProfile.MAGI.Equal(*p.TaxProfile.MAGI) {
		t.Fatalf("read back: %v %+v", err, q.TaxProfile)
	}
}
