package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"nftharvest/portfolio"
	"nftharvest/storage"
	"nftharvest/synthetic"
	"nftharvest/taxrules"

	"github.com/shopspring/decimal"
)

// The straightforward path: the document structs of jsondoc.go encoded by
// encoding/json. The fast writer must print the same bytes (issue 7).

type reportDocRef struct {
	AsOf     string      `json:"as_of"`
	TaxYear  int         `json:"tax_year"`
	Lots     []lotJSON   `json:"lots"`
	Realized []saleJSON  `json:"realized"`
	Summary  summaryJSON `json:"summary"`
	// Harvestable and Collections are null with --top (only a few lot
	// states are built).
	Harvestable *harvestableJSON `json:"harvestable"`
	Collections []collectionJSON `json:"collections"`
}

type exportDocRef struct {
	TaxYear  int         `json:"tax_year"`
	Realized []saleJSON  `json:"realized"`
	Summary  summaryJSON `json:"summary"`
}

func referenceReport(t testing.TB, a *taxrules.Analysis, year int, lots []*taxrules.LotState) []byte {
	t.Helper()
	realized := realizedIn(a, year)
	doc := reportDocRef{AsOf: a.AsOf.String(), TaxYear: year, Lots: []lotJSON{}, Realized: []saleJSON{},
		Summary: summaryDoc(a.Summary(year))}
	if lots == nil {
		for i := range a.Lots {
			doc.Lots = append(doc.Lots, lotDoc(&a.Lots[i]))
		}
		doc.Harvestable = harvestableDoc(a.Harvestable())
		doc.Collections = collectionsDoc(a)
	} else {
		for _, ls := range lots {
			doc.Lots = append(doc.Lots, lotDoc(ls))
		}
	}
	for _, s := range realized {
		doc.Realized = append(doc.Realized, saleDoc(s))
	}
	var b bytes.Buffer
	if err := writeJSON(&b, doc); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func fastReport(t testing.TB, a *taxrules.Analysis, year, top int, lots []*taxrules.LotState) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := writeReportJSON(&b, a, year, top, lots, realizedIn(a, year), a.Summary(year)); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func compareReports(t *testing.T, name string, p *portfolio.Portfolio, asOf portfolio.Date) {
	t.Helper()
	a, err := taxrules.Analyze(p, asOf)
	if err != nil {
		t.Fatal(err)
	}
	lazy, err := taxrules.AnalyzeWith(p, asOf, taxrules.Options{LazyLots: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, year := range []int{a.TaxYear, a.TaxYear - 1} {
		ref := referenceReport(t, a, year, nil)
		if got := fastReport(t, a, year, 0, nil); !bytes.Equal(got, ref) {
			t.Fatalf("%s %d: fast report JSON differs from encoding/json at byte %d", name, year, firstDiff(got, ref))
		}
		// The full report of an analysis without lot states streams them.
		if got := fastReport(t, lazy, year, 0, nil); !bytes.Equal(got, ref) {
			t.Fatalf("%s %d: streamed lazy report JSON differs from encoding/json at byte %d", name, year, firstDiff(got, ref))
		}
		top := largestLosses(a.Lots, 7)
		if got, want := fastReport(t, a, year, 7, top), referenceReport(t, a, year, top); !bytes.Equal(got, want) {
			t.Fatalf("%s %d --top 7: fast report JSON differs at byte %d", name, year, firstDiff(got, want))
		}
		compareTop(t, name, a, lazy, year)
		var got bytes.Buffer
		if err := writeExportJSON(&got, year, realizedIn(a, year), a.Summary(year)); err != nil {
			t.Fatal(err)
		}
		doc := exportDocRef{TaxYear: year, Realized: []saleJSON{}, Summary: summaryDoc(a.Summary(year))}
		for _, s := range realizedIn(a, year) {
			doc.Realized = append(doc.Realized, saleDoc(s))
		}
		var want bytes.Buffer
		if err := writeJSON(&want, doc); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Fatalf("%s %d: fast export JSON differs at byte %d", name, year, firstDiff(got.Bytes(), want.Bytes()))
		}
	}
}

// compareTop checks what "report --top N" prints (lots ranked by
// taxrules.LargestLosses on an analysis without lot states) against the
// straightforward path (every lot state built, largestLosses, encoding/json
// for the JSON), byte for byte, JSON and table.
func compareTop(t *testing.T, name string, full, lazy *taxrules.Analysis, year int) {
	t.Helper()
	for _, n := range []int{1, 7, 40} {
		want := largestLosses(full.Lots, n)
		got := pointers(lazy.LargestLosses(n))
		if g, w := fastReport(t, lazy, year, n, got), referenceReport(t, full, year, want); !bytes.Equal(g, w) {
			t.Fatalf("%s %d --top %d: lazy report JSON differs from the reference at byte %d", name, year, n, firstDiff(g, w))
		}
		var g, w bytes.Buffer
		if err := reportTable(&g, "p.json", lazy, year, n, got, realizedIn(lazy, year), lazy.Summary(year)); err != nil {
			t.Fatal(err)
		}
		if err := reportTable(&w, "p.json", full, year, n, want, realizedIn(full, year), full.Summary(year)); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(g.Bytes(), w.Bytes()) {
			t.Fatalf("%s %d --top %d: lazy report table differs at byte %d:\n%s\nwant:\n%s", name, year, n,
				firstDiff(g.Bytes(), w.Bytes()), g.Bytes(), w.Bytes())
		}
	}
}

// TestReportTopCommandMatchesReference runs "report --top 40" (JSON and
// table) on generated portfolio files and compares the output with the
// straightforward path on the same portfolio.
func TestReportTopCommandMatchesReference(t *testing.T) {
	n := 3000
	if testing.Short() {
		n = 500
	}
	today := portfolio.MustDate(synthetic.Today)
	for seed := int64(1); seed <= 2; seed++ {
		p := synthetic.Portfolio(n, seed)
		data, err := storage.Encode(p)
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(t.TempDir(), "p.json")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		file, err := storage.Load(path)
		if err != nil {
			t.Fatal(err)
		}
		full := mustAnalyze(t, file.Portfolio, today)
		want := largestLosses(full.Lots, 40)
		wantJSON := referenceReport(t, full, full.TaxYear, want)
		var wantTable bytes.Buffer
		if err := reportTable(&wantTable, path, full, full.TaxYear, 40, want, realizedIn(full, full.TaxYear),
			full.Summary(full.TaxYear)); err != nil {
			t.Fatal(err)
		}
		if err := writeStalePrices(&wantTable, file.Portfolio, today); err != nil {
			t.Fatal(err)
		}
		env := Env{Today: today}
		for _, c := range []struct {
			format string
			want   []byte
		}{{"json", wantJSON}, {"table", wantTable.Bytes()}} {
			var out, errOut bytes.Buffer
			if code := Run([]string{"report", "--top", "40", "--format", c.format, "--portfolio", path}, &out, &errOut, env); code != 0 {
				t.Fatalf("report: exit status %d: %s", code, errOut.Bytes())
			}
			if !bytes.Equal(out.Bytes(), c.want) {
				t.Fatalf("seed %d: report --top 40 --format %s differs from the reference at byte %d", seed, c.format,
					firstDiff(out.Bytes(), c.want))
			}
		}
	}
}

func firstDiff(a, b []byte) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

// TestFastReportJSONMatchesReference compares the streamed report with
// encoding/json on the sample (with and without a partial wash sale that
// splits a lot into portions) and on generated portfolios.
func TestFastReportJSONMatchesReference(t *testing.T) {
	today := portfolio.MustDate(testToday)
	f, err := storage.LoadSample()
	if err != nil {
		t.Fatal(err)
	}
	compareReports(t, "sample", f.Portfolio, today)

	a, err := taxrules.Analyze(f.Portfolio, today)
	if err != nil {
		t.Fatal(err)
	}
	res, err := a.Simulate(taxrules.WhatIf{Sales: []taxrules.SaleRequest{{Lot: "L-0024", Quantity: decimal.NewFromInt(1)}}})
	if err != nil {
		t.Fatal(err)
	}
	p := f.Portfolio.Clone()
	p.RecordSales(res.Record)
	if b := fastReport(t, mustAnalyze(t, p, today), 2026, 0, nil); !bytes.Contains(b, []byte(`"portions": [`)) {
		t.Fatal("expected a lot with portions after selling one unit of L-0024")
	}
	compareReports(t, "sample with portions", p, today)

	n := 3000
	if testing.Short() {
		n = 500
	}
	for seed := int64(1); seed <= 3; seed++ {
		compareReports(t, fmt.Sprintf("synthetic seed %d", seed), synthetic.Portfolio(n, seed),
			portfolio.MustDate(synthetic.Today))
	}
}

func mustAnalyze(t *testing.T, p *portfolio.Portfolio, d portfolio.Date) *taxrules.Analysis {
	t.Helper()
	a, err := taxrules.Analyze(p, d)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func FuzzAppendJSONString(f *testing.F) {
	for _, s := range []string{"", "plain", "quote\" back\\slash", "\x00\x01\b\f\n\r\t\x1f\x7f", "<&>", "é ü 日本", "\u2028\u2029", "\u009b\u202e\u061c", "\xff\xfe bad", "a\xe2\x80"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(s); err != nil {
			t.Fatal(err)
		}
		if got := string(appendJSONString(nil, s)) + "\n"; got != string(escapeJSONControls(want.Bytes())) {
			t.Errorf("appendJSONString(%q) = %q, want %q", s, got, want.String())
		}
	})
}

// suggestDocOf is the reference suggest document.
func suggestDocOf(a *taxrules.Analysis, s taxrules.Suggestion) suggestDoc {
	doc := suggestDoc{AsOf: a.AsOf.String(), Target: plainMoney(s.Target), Room: plainMoney(s.Room),
		Picks: make([]pickJSON, len(s.Picks)), Total: plainMoney(s.Total),
		Carryover: plainMoney(s.Carryover), CarryoverAdded: plainMoney(s.CarryoverAdded),
		TaxSaved: plainMoney(s.TaxSaved), Candidates: s.Candidates}
	for i, p := range s.Picks {
		j := pickJSON{Lot: p.Lot, Quantity: qty(p.Quantity), Loss: plainMoney(p.Loss), Term: p.Term.String(),
			Saves: plainMoney(p.Saves), Reason: p.Reason}
		if l, ok := a.Index.Lot(p.Lot); ok {
			j.Collection, j.TokenID = l.Collection, l.TokenID
		}
		doc.Picks[i] = j
	}
	return doc
}

// The simulate, sell and suggest documents written by the fast writer are
// byte for byte what encoding/json prints of the reference structs, on the
// sample (with a hostile name) and generated portfolios, in the profile's
// year and the next.
func TestWhatIfDocumentsMatchReference(t *testing.T) {
	today := portfolio.MustDate(synthetic.Today)
	for seed := int64(1); seed <= 3; seed++ {
		p := synthetic.Portfolio(600, seed)
		p.Collections[0].Name = "Evil \x1b]0;pwned\x07 \u202e"
		a := mustAnalyze(t, p, today)
		var reqs []taxrules.SaleRequest
		for i := range a.Lots {
			if a.Lots[i].OpenQuantity.Sign() > 0 && a.Lots[i].HasPrice && len(reqs) < 12 {
				reqs = append(reqs, taxrules.SaleRequest{Lot: a.Lots[i].Lot.ID})
			}
		}
		for _, date := range []portfolio.Date{today, today.AddDays(40)} {
			res, err := a.Simulate(taxrules.WhatIf{Sales: reqs, Date: date})
			if err != nil {
				t.Fatal(err)
			}
			for _, batch := range []string{"", "B-0007"} {
				var got, want bytes.Buffer
				if err := writeSimulateJSON(&got, batch, res, ptrs(res.Sales)); err != nil {
					t.Fatal(err)
				}
				var ref any = simulateDocOf(res, res.Sales)
				if batch != "" {
					ref = sellDoc{Batch: batch, simulateDoc: simulateDocOf(res, res.Sales)}
				}
				if err := writeJSON(&want, ref); err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(got.Bytes(), want.Bytes()) {
					t.Fatalf("seed %d %s batch %q: simulate JSON differs at byte %d:\n%s\nwant\n%s", seed, date, batch,
						firstDiff(got.Bytes(), want.Bytes()), got.Bytes(), want.Bytes())
				}
			}
		}
		for _, target := range []*decimal.Decimal{nil, ptr(decimal.NewFromInt(5000))} {
			s := a.Suggest(target)
			var got, want bytes.Buffer
			if err := writeSuggestJSON(&got, a, s); err != nil {
				t.Fatal(err)
			}
			if err := writeJSON(&want, suggestDocOf(a, s)); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got.Bytes(), want.Bytes()) {
				t.Fatalf("seed %d: suggest JSON differs at byte %d", seed, firstDiff(got.Bytes(), want.Bytes()))
			}
		}
	}
}

func ptr[T any](v T) *T { return &v }
