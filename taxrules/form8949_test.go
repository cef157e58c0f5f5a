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
	// Before 2025 the boxes for transactions not reported on a Form 1099-B
	// are C and F (Schedule D lines 3 and 10); a total row closes each box.
	want := "part,description,date_acquired,date_sold,proceeds,cost_basis,code,adjustment,gain_loss,sale,lot,box\n" +
		"I,1 Pixel Punks #1234,2024-01-02,2024-03-01,749.67,1000.00,W,250.33,0.00,S1,A,C\n" +
		"II,2 Bored Apes #7,2020-01-01,2024-02-01,500.00,66.67,,0.00,433.33,S2,C,F\n" +
		"total,Box C total (Schedule D line 3),,,749.67,1000.00,,250.33,0.00,,,C\n" +
		"total,Box F total (Schedule D line 10),,,500.00,66.67,,0.00,433.33,,,F\n"
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

// From tax year 2025 digital assets not reported on a Form 1099-DA go in
// boxes I (Part I) and L (Part II), and each box's total adds the printed
// rows.
func TestForm8949DigitalAssetBoxes(t *testing.T) {
	p := newPortfolio(2026)
	addLot(p, "A", "punks", "1", "3", "2026-01-02", "300")
	addLot(p, "B", "apes", "2", "1", "2020-01-01", "100")
	addSale(p, "S1", "A", "1", "2026-03-01", "50.005")
	addSale(p, "S2", "A", "1", "2026-04-01", "50.005")
	addSale(p, "S3", "B", "1", "2026-05-01", "900")
	rows := mustAnalyze(t, p, "2026-12-31").Form8949(2026)
	if len(rows) != 3 || rows[0].Box != "I" || rows[1].Box != "I" || rows[2].Box != "L" {
		t.Fatalf("rows %+v", rows)
	}
	tot := BoxTotals(rows)
	if len(tot) != 2 || tot[0].Box != "I" || tot[0].Rows != 2 || tot[1].Box != "L" {
		t.Fatalf("totals %+v", tot)
	}
	// 50.005 rounds to 50.01 on each printed row: the total is 100.02.
	eq(t, "box I proceeds", tot[0].Proceeds, "100.02")
	eq(t, "box I basis", tot[0].Basis, "200")
	eq(t, "box I gain/loss", tot[0].GainLoss, "-99.98")
	eq(t, "box L gain", tot[1].GainLoss, "800")
	if ScheduleDLine("I") != "3" || ScheduleDLine("L") != "10" {
		t.Error("Schedule D lines")
	}
}

// The three exports of issue 15 on one washed short-term row and one
// long-term row, byte for byte.
func TestTaxSoftwareExports(t *testing.T) {
	p := newPortfolio(2026)
	addLot(p, "A", "punks", "1234", "1", "2026-01-02", "1000")
	addLot(p, "B", "punks", "1234", "1", "2026-03-10", "800")
	addLot(p, "C", "apes", "7", "3", "2020-01-01", "100")
	addSale(p, "S1", "A", "1", "2026-03-01", "750")
	addSale(p, "S2", "C", "2", "2026-02-01", "500")
	rows := mustAnalyze(t, p, "2026-12-31").Form8949(2026)
	var tt, ta, txf bytes.Buffer
	if err := WriteTurboTaxCSV(&tt, rows); err != nil {
		t.Fatal(err)
	}
	// The washed row's basis is 1,000 - 250 so that 750 - 750 = 0, column (h).
	if want := "Currency Name,Purchase Date,Cost Basis,Date Sold,Proceeds\n" +
		"1 Pixel Punks #1234,01/02/2026,750.00,03/01/2026,750.00\n" +
		"2 Bored Apes #7,01/01/2020,66.67,02/01/2026,500.00\n"; tt.String() != want {
		t.Errorf("turbotax:\n%s\nwant\n%s", tt.String(), want)
	}
	if err := WriteTaxActCSV(&ta, rows); err != nil {
		t.Fatal(err)
	}
	if want := "Description,Date Acquired,Date Sold,Sales Proceeds,Cost or Other Basis,Wash Sale,Adjustment Code,Adjustment Amount,Reporting Category,Long/Short\n" +
		"1 Pixel Punks #1234,01/02/2026,03/01/2026,750.00,1000.00,250.00,W,250.00,I,Short\n" +
		"2 Bored Apes #7,01/01/2020,02/01/2026,500.00,66.67,,,0.00,L,Long\n"; ta.String() != want {
		t.Errorf("taxact:\n%s\nwant\n%s", ta.String(), want)
	}
	if err := WriteTXF(&txf, rows, day("2026-12-06")); err != nil {
		t.Fatal(err)
	}
	want := "V042\r\nAnftharvest\r\nD12/06/2026\r\n^\r\n" +
		"TD\r\nN712\r\nP1 Pixel Punks #1234\r\nD01/02/2026\r\nD03/01/2026\r\n$1000.00\r\n$750.00\r\n$250.00\r\n^\r\n" +
		"TD\r\nN714\r\nP2 Bored Apes #7\r\nD01/01/2020\r\nD02/01/2026\r\n$66.67\r\n$500.00\r\n$\r\n^\r\n"
	if txf.String() != want {
		t.Errorf("txf:\n%q\nwant\n%q", txf.String(), want)
	}
}
