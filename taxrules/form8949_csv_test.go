package taxrules

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// TestForm8949CSVInjection checks the OWASP guidance on CSV injection: a
// text cell from the file (description, sale id, lot id) starting with
// '=', '+', '-' or '@' gets a quote before it, and no cell holds a control
// character; the amounts nftharvest computed, negative ones included, are
// written unchanged.
func TestForm8949CSVInjection(t *testing.T) {
	rows := []Form8949Row{{
		Part: "II", Description: "=HYPERLINK(\"http://evil\",\"x\")", Acquired: "2025-01-05", Sold: day("2026-03-01"),
		Proceeds: decimal.RequireFromString("150"), Basis: decimal.RequireFromString("400"), Adjustment: decimal.Zero,
		Sale: "-2+3+cmd|' /C calc'!A0", Lot: "@SUM(A1:A9)",
	}, {
		Part: "I", Description: "1 Cats\r\nL-0999 FAKE\x1b]0;pwned\x07 \u202e", Acquired: "2026-01-05", Sold: day("2026-03-02"),
		Proceeds: decimal.RequireFromString("50"), Basis: decimal.RequireFromString("20"), Adjustment: decimal.Zero,
		Sale: "+S-1", Lot: "\tL-1",
	}}
	var b bytes.Buffer
	if err := WriteForm8949CSV(&b, rows); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"II", `'=HYPERLINK("http://evil","x")`, "2025-01-05", "2026-03-01", "150.00", "400.00", "", "0.00", "-250.00", `'-2+3+cmd|' /C calc'!A0`, "'@SUM(A1:A9)", ""},
		{"I", `1 Cats\x0d\x0aL-0999 FAKE\x1b]0;pwned\x07 \u202e`, "2026-01-05", "2026-03-02", "50.00", "20.00", "", "0.00", "30.00", "'+S-1", `\x09L-1`, ""},
	}
	for i, w := range want {
		if got := recs[i+1]; strings.Join(got, "|") != strings.Join(w, "|") {
			t.Errorf("row %d:\n got %q\nwant %q", i, got, w)
		}
	}
	for _, rec := range recs {
		for _, cell := range rec {
			if strings.ContainsFunc(cell, func(r rune) bool { return r < 0x20 || r >= 0x7f && r <= 0x9f || r == 0x202e }) {
				t.Errorf("cell %q holds a control character", cell)
			}
		}
	}
}
