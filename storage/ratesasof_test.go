package storage

import (
	"strings"
	"testing"
)

// rates_as_of is read, written after rates in currency order, and a date
// for a currency without a rate, or a bad date, is a problem at its path.
func TestRatesAsOf(t *testing.T) {
	in := `{"format": "nftharvest/portfolio", "version": 1, "tax_profile": {"tax_year": 2026},
  "rates_as_of": {"SOL": "2026-11-02", "ETH": "2026-11-20"}, "rates": {"SOL": "140", "ETH": "3000"}}`
	p := mustParse(t, []byte(in))
	if p.RatesAsOf["ETH"].String() != "2026-11-20" || p.RatesAsOf["SOL"].String() != "2026-11-02" {
		t.Fatalf("RatesAsOf = %v", p.RatesAsOf)
	}
	out := string(mustEncode(t, p))
	want := "  \"rates\": {\n    \"ETH\": \"3000\",\n    \"SOL\": \"140\"\n  },\n  \"rates_as_of\": {\n    \"ETH\": \"2026-11-20\",\n    \"SOL\": \"2026-11-02\"\n  },\n"
	if !strings.Contains(out, want) {
		t.Errorf("encoded:\n%s\nwant a part\n%s", out, want)
	}
	if again := string(mustEncode(t, mustParse(t, []byte(out)))); again != out {
		t.Errorf("second round trip differs")
	}
	bad := strings.Replace(in, `"SOL": "140", `, ``, 1)
	bad = strings.Replace(bad, `"ETH": "2026-11-20"`, `"ETH": "2026-11-31"`, 1)
	_, err := Parse([]byte(bad), "f.json")
	for _, w := range []string{`rates_as_of.ETH: "2026-11-31" is not a date (YYYY-MM-DD)`, `rates_as_of.SOL: "SOL" has no rate in rates`} {
		if err == nil || !strings.Contains(err.Error(), w) {
			t.Errorf("err = %v, want %s", err, w)
		}
	}
}
