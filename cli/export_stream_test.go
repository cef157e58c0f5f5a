package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"nftharvest/portfolio"
	"nftharvest/storage"
	"nftharvest/synthetic"
	"nftharvest/taxrules"
)

// referenceExport is the straightforward export: every lot state built
// (taxrules.Analyze), the whole document in memory, JSON by
// encoding/json.
func referenceExport(t *testing.T, a *taxrules.Analysis, year int, format string, today portfolio.Date) []byte {
	t.Helper()
	var b bytes.Buffer
	if format == "json" {
		doc := exportDocRef{TaxYear: year, Realized: []saleJSON{}, Summary: summaryDoc(a.Summary(year))}
		for _, s := range realizedIn(a, year) {
			doc.Realized = append(doc.Realized, saleDoc(s))
		}
		if err := writeJSON(&b, doc); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	rows := a.Form8949(year)
	var err error
	switch format {
	case "turbotax":
		err = taxrules.WriteTurboTaxCSV(&b, rows)
	case "taxact":
		err = taxrules.WriteTaxActCSV(&b, rows)
	case "txf":
		err = taxrules.WriteTXF(&b, rows, today)
	default:
		err = taxrules.WriteForm8949CSV(&b, rows)
	}
	if err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestExportCommandMatchesReference runs "export" in every format, to
// standard output and streamed into --out, on generated portfolio files
// and compares the bytes with the straightforward path (every lot state
// built, the document in memory).
func TestExportCommandMatchesReference(t *testing.T) {
	n := 3000
	if testing.Short() {
		n = 500
	}
	today := portfolio.MustDate(synthetic.Today)
	env := Env{Today: today}
	for seed := int64(1); seed <= 2; seed++ {
		p := synthetic.Portfolio(n, seed)
		data, err := storage.Encode(p)
		if err != nil {
			t.Fatal(err)
		}
		dir := t.TempDir()
		path := filepath.Join(dir, "p.json")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		full := mustAnalyze(t, p, today)
		for _, year := range []int{full.TaxYear, full.TaxYear - 1} {
			for _, format := range []string{"form8949", "turbotax", "taxact", "txf", "json"} {
				want := referenceExport(t, full, year, format, today)
				if bytes.Count(want, []byte("\n")) < 4 {
					t.Fatalf("seed %d %d %s: reference export of %d lines has no sales to test", seed, year, format,
						bytes.Count(want, []byte("\n")))
				}
				args := []string{"export", "--year", fmt.Sprint(year), "--format", format, "--portfolio", path}
				var out, errOut bytes.Buffer
				if code := Run(args, &out, &errOut, env); code != 0 {
					t.Fatalf("export: exit status %d: %s", code, errOut.Bytes())
				}
				if !bytes.Equal(out.Bytes(), want) {
					t.Fatalf("seed %d %d %s: export differs from the reference at byte %d", seed, year, format,
						firstDiff(out.Bytes(), want))
				}
				file := filepath.Join(dir, fmt.Sprintf("out-%d.%s", year, format))
				out.Reset()
				if code := Run(append(args, "--out", file), &out, &errOut, env); code != 0 {
					t.Fatalf("export --out: exit status %d: %s", code, errOut.Bytes())
				}
				got, err := os.ReadFile(file)
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(got, want) {
					t.Fatalf("seed %d %d %s: export --out differs from the reference at byte %d", seed, year, format,
						firstDiff(got, want))
				}
			}
		}
	}
}
