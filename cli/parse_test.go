package cli

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

func TestParseSellSpec(t *testing.T) {
	tests := []struct {
		spec      string
		lot       string
		qty       string // "" = zero (all open units)
		price     string // "" = nil (market value)
		wantError string
	}{
		{spec: "L-0001", lot: "L-0001"},
		{spec: "L-0001:2", lot: "L-0001", qty: "2"},
		{spec: "L-0001:0.5", lot: "L-0001", qty: "0.5"},
		{spec: "L-0001@812.50", lot: "L-0001", price: "812.5"},
		{spec: "L-0001:3@0", lot: "L-0001", qty: "3", price: "0"},
		{spec: "L-0001:abc", wantError: `--sell "L-0001:abc": "abc" is not a quantity`},
		{spec: "L-0001:", wantError: `--sell "L-0001:": "" is not a quantity`},
		{spec: "L-0001:0", wantError: `--sell "L-0001:0": "0" is not a quantity (must be more than zero)`},
		{spec: "L-0001:-1", wantError: `"-1" is not a quantity (must be more than zero)`},
		{spec: "L-0001:1e3", wantError: `"1e3" is not a quantity`},
		{spec: "L-0001@1,000", wantError: `--sell "L-0001@1,000": "1,000" is not a price`},
		{spec: "L-0001@-5", wantError: `"-5" is not a price (must not be negative)`},
		{spec: "L-0001@", wantError: `"" is not a price`},
		{spec: "L-0001:1@x", wantError: `"x" is not a price`},
		{spec: "L-0001@100.005", wantError: `"100.005" has fractions of a cent`},
		{spec: "L-0001@100.500", lot: "L-0001", price: "100.5"},
		{spec: ":1", wantError: `--sell ":1": no lot id`},
		{spec: "", wantError: `no lot id`},
	}
	for _, tt := range tests {
		t.Run(tt.spec, func(t *testing.T) {
			r, err := parseSellSpec(tt.spec)
			if tt.wantError != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantError) {
					t.Fatalf("parseSellSpec(%q) error = %v, want it to contain %q", tt.spec, err, tt.wantError)
				}
				if ExitCode(err) != ExitInvalid {
					t.Errorf("exit code %d, want 2", ExitCode(err))
				}
				return
			}
			if err != nil {
				t.Fatalf("parseSellSpec(%q): %v", tt.spec, err)
			}
			if r.Lot != tt.lot {
				t.Errorf("lot = %q, want %q", r.Lot, tt.lot)
			}
			wantQty := decimal.Zero
			if tt.qty != "" {
				wantQty = decimal.RequireFromString(tt.qty)
			}
			if !r.Quantity.Equal(wantQty) {
				t.Errorf("quantity = %s, want %s", r.Quantity, wantQty)
			}
			switch {
			case tt.price == "" && r.Price != nil:
				t.Errorf("price = %s, want market value (nil)", r.Price)
			case tt.price != "" && (r.Price == nil || !r.Price.Equal(decimal.RequireFromString(tt.price))):
				t.Errorf("price = %v, want %s", r.Price, tt.price)
			}
		})
	}
}

func TestParseSellSpecsAppliesFeesToEachSale(t *testing.T) {
	fees := decimal.RequireFromString("4.20")
	reqs, err := parseSellSpecs([]string{"L-0001", "L-0002:1@10"}, fees)
	if err != nil {
		t.Fatal(err)
	}
	if len(reqs) != 2 || !reqs[0].Fees.Equal(fees) || !reqs[1].Fees.Equal(fees) {
		t.Fatalf("fees not applied per sale: %+v", reqs)
	}
	if _, err := parseSellSpecs(nil, fees); err == nil || ExitCode(err) != ExitInvalid {
		t.Fatalf("no --sell: err = %v, want a usage error", err)
	}
}

func FuzzParseSellSpec(f *testing.F) {
	for _, s := range []string{"L-0001", "L-0001:2@812.50", "a:b@c", ":@", "L:1:2@3@4", "L-1:-0@-0.0", "é:1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, spec string) {
		r, err := parseSellSpec(spec)
		if err != nil {
			if ExitCode(err) != ExitInvalid {
				t.Fatalf("error %v maps to exit %d, want 2", err, ExitCode(err))
			}
			if strings.Contains(PrintErrorString(err), "\n\n") {
				t.Fatalf("error spans lines: %q", err)
			}
			return
		}
		if strings.TrimSpace(r.Lot) == "" {
			t.Fatalf("accepted an empty lot id in %q", spec)
		}
		if r.Quantity.IsNegative() || (r.Price != nil && r.Price.IsNegative()) {
			t.Fatalf("accepted a negative amount in %q: %+v", spec, r)
		}
		if !strings.HasPrefix(spec, r.Lot) {
			t.Fatalf("lot %q is not the start of %q", r.Lot, spec)
		}
	})
}

// PrintErrorString is PrintError into a string, for tests.
func PrintErrorString(err error) string {
	var b strings.Builder
	PrintError(&b, err)
	return b.String()
}

func TestParseFlagValues(t *testing.T) {
	if _, err := parseDateFlag("as-of", "2026-13-01", 0); err == nil ||
		err.Error() != `--as-of: "2026-13-01" is not a date (YYYY-MM-DD)` {
		t.Errorf("bad date: %v", err)
	}
	if d, err := parseDateFlag("date", "", 42); err != nil || d != 42 {
		t.Errorf("empty date should give the default: %v %v", d, err)
	}
	for _, s := range []string{"26", "20266", "abcd", "0000", "-202"} {
		if _, err := parseYearFlag("year", s, 0); err == nil {
			t.Errorf("year %q accepted", s)
		}
	}
	if y, err := parseYearFlag("year", "2025", 0); err != nil || y != 2025 {
		t.Errorf("year 2025: %v %v", y, err)
	}
	for _, s := range []string{"0", "-1", "x", "1.5"} {
		if _, err := parseCountFlag("top", s); err == nil {
			t.Errorf("count %q accepted", s)
		}
	}
	if _, err := parseAmountFlag("fees", "-1"); err == nil || err.Error() != `--fees: "-1" must not be negative` {
		t.Errorf("negative fees: %v", err)
	}
	if _, err := parseAmountFlag("fees", "abc"); err == nil || err.Error() != `--fees: "abc" is not an amount (write plain digits such as 0.5 or 812.50)` {
		t.Errorf("bad fees: %v", err)
	}
	if d, err := parseAmountFlag("fees", "12.34"); err != nil || d.String() != "12.34" {
		t.Errorf("fees 12.34: %v %v", d, err)
	}
	// Money is in whole cents: a sale's rounded columns must add up.
	if _, err := parseAmountFlag("fees", "12.345"); err == nil || err.Error() != `--fees: "12.345" has fractions of a cent; give the amount in whole cents` {
		t.Errorf("fees 12.345: %v", err)
	}
}

func TestPlainDecimal(t *testing.T) {
	for s, want := range map[string]bool{
		"1": true, "1.5": true, "-2.25": true, "007": true,
		// As in the file: digits on both sides of the point.
		".5": false, "5.": false, "-.5": false, "-5.": false,
		"": false, ".": false, "-": false, "1e3": false, "+1": false, "1,000": false,
		" 1": false, "1.2.3": false, "NaN": false, "--1": false, "٣": false,
	} {
		if got := plainDecimal(s); got != want {
			t.Errorf("plainDecimal(%q) = %v, want %v", s, got, want)
		}
	}
}
