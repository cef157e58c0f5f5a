package taxrules

import (
	"bytes"
	"testing"
)

// Form 8949 instructions: Part I short term, Part II long term; code W and
// the disallowed loss as a positive adjustment in column (g); column (h) =
// (d) - (e) + (g).
func TestForm8949(t *testing.T) {
	p := newPortfolio(2024)
	addLot(p, "A", "punks", "1234", "1", "2024-01-02", "1000")
	addLot(p, "B", "punks", "1234", "1", "2024-03-10", "800")
	addLot(p, "C", "apes", "7", "3", "2020-01-01", "100")
	addSale(p, "S1", "A", "1", "2024-03-01", "750")
	p.Sales[0].Fees = d("0.333")
	addSale(p, "S2", "C", "2", "2024-02-01", "500")
	addSale(p, "S3", "C", "1", "2023-02-01", "500") // other year
	a := mustAnalyze(t, p, "2024-12-31")
	rows := a.Form8949(2024)
	if len(rows) != 2 {
		t.Fatalf("rows %+v", rows)
	}
	r := rows[0]
	if r.Part != "I" || r.Description != "1 Pixel Punks #1234" || r.Acquired != "2024-01-02" || r.Sold != day("2024-03-01") || r.Code != "W" || r.Sale != "S1" || r.Lot != "A" {
		t.Errorf("row %+v", r)
	}
	eq(t, "proceeds net of fees", r.Proceeds, "749.667")
	eq(t, "adjustment", r.Adjustment, "250.333")
	eq(t, "gain/loss", r.GainLoss, "0")
	if rows[1].Part != "II" || rows[1].Description != "2 Bored Apes #7" || rows[1].Code != "" || !rows[1].Adjustment.IsZero() {
		t.Errorf("row %+v", rows[1])
	}
	var b bytes.Buffer
	if err := WriteForm8949CSV(&b, rows); err != nil {
		t.Fatal(err)
	}
	want := "part,description,date_acquired,date_sold,proceeds,cost_basis,code,adjustment,gain_loss,sale,lot\n" +
		"I,1 Pixel Punks #1234,2024-01-02,2024-03-01,749.67,1000.00,W,250.33,0.00,S1,A\n" +
		"II,2 Bored Apes #7,2020-01-01,2024-02-01,500.00,66.67,,0.00,433.33,S2,C\n"
	if b.String() != want {
		t.Errorf("csv:\n%s\nwant:\n%s", b.String(), want)
	}
}

// A sale split by term (tacked units) gives one row in each part with the
// same sale id.
func TestForm8949SplitSale(t *testing.T) {
	p := newPortfolio(2024)
	addLot(p, "A", "punks", "1", "1", "2022-01-01", "100")
	addLot(p, "B", "punks", "1", "2", "2024-03-10", "200")
	addSale(p, "S1", "A", "1", "2024-03-01", "40")
	addSale(p, "S2", "B", "2", "2024-06-01", "300")
	rows := mustAnalyze(t, p, "2024-12-31").Form8949(2024)
	if len(rows) != 3 {
		t.Fatalf("rows %+v", rows)
	}
	// Part I: the short-term unit of S2; Part II: S1 (long term, washed)
	// and the tacked unit of S2.
	if rows[0].Part != "I" || rows[0].Sale != "S2" || rows[1].Part != "II" || rows[1].Sale != "S1" || rows[1].Code != "W" || rows[2].Sale != "S2" || rows[2].Part != "II" {
		t.Errorf("rows %+v", rows)
	}
	if rows[0].Description != "1 Pixel Punks #1" || rows[2].Acquired != "2024-03-10" {
		t.Errorf("description %q acquired %q", rows[0].Description, rows[2].Acquired)
	}
}

// Form 8949 instructions, column (f): code C for a sale of collectibles
// (its gain is 28%-rate gain, Schedule D line 18); codes in alphabetical
// order when more than one applies, so a washed collectible sale is "CW".
// A short-term collectible sale has no C: the 28% rate is for long-term gain.
func TestForm8949CollectiblesCode(t *testing.T) {
	yes := true
	p := newPortfolio(2026)
	p.Collections[1].Collectible = &yes // apes: tokenised art
	addLot(p, "A", "apes", "1", "1", "2020-01-01", "100")
	addLot(p, "B", "apes", "2", "1", "2020-01-01", "900")
	addLot(p, "R", "apes", "2", "1", "2026-03-10", "300")
	addLot(p, "S", "apes", "3", "1", "2026-01-05", "100")
	addSale(p, "S1", "A", "1", "2026-02-01", "500") // long-term gain
	addSale(p, "S2", "B", "1", "2026-03-01", "400") // long-term loss, washed by R
	addSale(p, "S3", "S", "1", "2026-02-01", "150") // short-term gain
	codes := map[string]string{}
	for _, r := range mustAnalyze(t, p, "2026-12-31").Form8949(2026) {
		codes[r.Sale] = r.Part + " " + r.Code
	}
	want := map[string]string{"S1": "II C", "S2": "II CW", "S3": "I "}
	for sale, w := range want {
		if codes[sale] != w {
			t.Errorf("%s: part and code %q, want %q", sale, codes[sale], w)
		}
	}
}
