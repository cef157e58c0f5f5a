package cli

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"nftharvest/portfolio"
	"nftharvest/storage"
)

func TestReportTables(t *testing.T) {
	dir := sampleDir(t)
	r := run(t, dir, "report").ok(t, "report")
	golden(t, "report-sample.txt", r.stdout)
	checkWidth(t, "report", r.stdout)
	r = run(t, dir, "report", "--top", "5").ok(t, "report --top 5")
	golden(t, "report-sample-top5.txt", r.stdout)
	checkWidth(t, "report --top 5", r.stdout)

	small := fixtureDir(t, "valid/small.json")
	r = run(t, small, "report", "--portfolio", "small.json").ok(t, "report small")
	golden(t, "report-small.txt", r.stdout)
	if r2 := runEnv(t, small, []string{PortfolioVar + "=small.json"}, "report").ok(t, "report via env"); r2.stdout != r.stdout {
		t.Error("$NFTHARVEST_PORTFOLIO gives another report than --portfolio")
	}
	if r2 := run(t, t.TempDir(), "report", "--sample").ok(t, "report --sample"); !strings.HasPrefix(r2.stdout, "the sample portfolio as of 2026-11-28") {
		t.Errorf("report --sample header: %q", firstLine(r2.stdout))
	}
}

func firstLine(s string) string { l, _, _ := strings.Cut(s, "\n"); return l }

// decodeOrdered decodes JSON and also returns the object keys in order,
// per path, to check the contract's field order.
func keyOrder(t *testing.T, data []byte) map[string][]string {
	t.Helper()
	order := map[string][]string{}
	dec := json.NewDecoder(bytes.NewReader(data))
	var walk func(path string)
	walk = func(path string) {
		tok, err := dec.Token()
		if err != nil {
			t.Fatalf("bad JSON: %v", err)
		}
		switch tok {
		case json.Delim('{'):
			var keys []string
			for dec.More() {
				k, _ := dec.Token()
				keys = append(keys, k.(string))
				walk(path + "." + k.(string))
			}
			dec.Token()
			if _, seen := order[path]; !seen {
				order[path] = keys
			}
		case json.Delim('['):
			for dec.More() {
				walk(path + "[]")
			}
			dec.Token()
		}
	}
	walk("")
	return order
}

func TestReportJSONContract(t *testing.T) {
	dir := fixtureDir(t, "valid/small.json")
	r := run(t, dir, "report", "--portfolio", "small.json", "--format", "json").ok(t, "report json")
	golden(t, "report-small.json", r.stdout)
	order := keyOrder(t, []byte(r.stdout))
	want := map[string]string{
		"":                           "as_of tax_year lots realized summary harvestable collections",
		".collections[]":             "id name open_lots unpriced adjusted_basis value unrealized losses gains floor",
		".harvestable":               "short_term long_term washed_if_sold",
		".lots[]":                    "id collection token_id quantity open_quantity acquired holding_start term long_term_on cost_basis adjusted_basis market_value unrealized collectible wash_risk",
		".lots[].wash_risk":          "purchases warnings clean_from",
		".realized[]":                "sale lot date quantity proceeds cost_basis gain_loss disallowed_loss recognized term code replacements",
		".realized[].replacements[]": "lot quantity disallowed adjusted_basis holding_start",
		".summary":                   "tax_year short_term_net long_term_net collectibles_net net ordinary_offset carryover_short_term carryover_long_term estimated_tax tax_model tax_model_warning gain_bands next_loss_saves_short_term next_loss_saves_long_term",
		".summary.gain_bands":        "zero fifteen twenty twenty_eight ordinary_rate",
	}
	for path, keys := range want {
		if got := strings.Join(order[path], " "); got != keys {
			t.Errorf("keys of %q:\n got %s\nwant %s", path, got, keys)
		}
	}
	var doc struct {
		AsOf     string           `json:"as_of"`
		TaxYear  int              `json:"tax_year"`
		Lots     []map[string]any `json:"lots"`
		Realized []map[string]any `json:"realized"`
		Summary  map[string]any   `json:"summary"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.AsOf != testToday || doc.TaxYear != 2026 || len(doc.Lots) != 6 || len(doc.Realized) != 2 {
		t.Fatalf("as_of %s, tax_year %d, %d lots, %d realized", doc.AsOf, doc.TaxYear, len(doc.Lots), len(doc.Realized))
	}
	// The hand-checked numbers of testdata/README.md.
	lot3 := doc.Lots[2]
	if lot3["adjusted_basis"] != "550.00" || lot3["holding_start"] != "2026-02-11" || lot3["unrealized"] != "-250.00" {
		t.Errorf("L-0003 (wash replacement): %v", lot3)
	}
	s1 := doc.Realized[0]
	if s1["sale"] != "S-0001" || s1["gain_loss"] != "-300.00" || s1["disallowed_loss"] != "300.00" ||
		s1["recognized"] != "0.00" || s1["code"] != "W" {
		t.Errorf("S-0001 (wash sale): %v", s1)
	}
	if reps, _ := s1["replacements"].([]any); len(reps) != 1 {
		t.Errorf("S-0001 replacements: %v", s1["replacements"])
	}
	s2 := doc.Realized[1]
	if s2["proceeds"] != "180.00" || s2["cost_basis"] != "44.00" || s2["gain_loss"] != "136.00" || s2["term"] != "long" {
		t.Errorf("S-0002: %v", s2)
	}
	if reps, ok := s2["replacements"].([]any); !ok || len(reps) != 0 {
		t.Errorf("S-0002 replacements should be [] not null: %v", s2["replacements"])
	}
	if !strings.Contains(r.stdout, `"purchases": []`) {
		t.Error(`empty wash_risk purchases should print as []`)
	}
}

// simDoc is the part of the simulate/sell JSON the identity test compares.
type simDoc struct {
	Batch    string           `json:"batch"`
	Date     string           `json:"date"`
	Sales    []map[string]any `json:"sales"`
	Before   map[string]any   `json:"before"`
	After    map[string]any   `json:"after"`
	TaxSaved string           `json:"tax_saved"`
}

func TestSimulateSellReportIdentityAndUndo(t *testing.T) {
	dir := sampleDir(t)
	path := filepath.Join(dir, DefaultFile)
	original := readFile(t, path)
	sellArgs := []string{"--sell", "L-0024", "--sell", "L-0003:1@100", "--sell", "L-0007:5", "--fees", "2.50"}

	r := run(t, dir, append([]string{"simulate", "--format", "json"}, sellArgs...)...).ok(t, "simulate json")
	var sim simDoc
	if err := json.Unmarshal([]byte(r.stdout), &sim); err != nil {
		t.Fatal(err)
	}
	order := keyOrder(t, []byte(r.stdout))
	if got := strings.Join(order[""], " "); got != "date sales before after tax_saved warnings" {
		t.Errorf("simulate keys: %s", got)
	}
	if got := strings.Join(order[".sales[]"], " "); got != "sale lot date quantity proceeds cost_basis gain_loss disallowed_loss recognized term code replacements safe_to_rebuy warnings" {
		t.Errorf("simulate sale keys: %s", got)
	}
	if !bytes.Equal(readFile(t, path), original) {
		t.Fatal("simulate changed the file")
	}
	if len(sim.Sales) < 3 {
		t.Fatalf("simulate returned %d sales", len(sim.Sales))
	}
	for _, s := range sim.Sales {
		if s["sale"] != nil {
			t.Errorf("simulated sale has an id: %v", s["sale"])
		}
	}
	rep0 := reportJSON(t, dir)
	if !reflect.DeepEqual(rep0.Summary, sim.Before) {
		t.Errorf("simulate before != report summary:\n%v\n%v", sim.Before, rep0.Summary)
	}

	// The table of simulate and sell --dry-run are the same and change nothing.
	tbl := run(t, dir, append([]string{"simulate"}, sellArgs...)...).ok(t, "simulate table")
	golden(t, "simulate-sample.txt", tbl.stdout)
	checkWidth(t, "simulate", tbl.stdout)
	dry := run(t, dir, append([]string{"sell", "--dry-run"}, sellArgs...)...).ok(t, "sell --dry-run")
	if dry.stdout != tbl.stdout {
		t.Error("sell --dry-run differs from simulate")
	}
	if !bytes.Equal(readFile(t, path), original) {
		t.Fatal("sell --dry-run changed the file")
	}

	// Sell: the recorded numbers are the simulated ones.
	r = run(t, dir, append([]string{"sell", "--format", "json"}, sellArgs...)...).ok(t, "sell json")
	var sold simDoc
	if err := json.Unmarshal([]byte(r.stdout), &sold); err != nil {
		t.Fatal(err)
	}
	if sold.Batch != "B-0003" {
		t.Errorf("batch = %q, want B-0003 (the sample has B-0001 and B-0002)", sold.Batch)
	}
	afterSell := readFile(t, path)
	if bytes.Equal(afterSell, original) {
		t.Fatal("sell did not change the file")
	}
	if !exists(path+".bak") || !exists(path+".log") {
		t.Error("sell left no .bak or .log")
	}
	if log := string(readFile(t, path+".log")); !strings.Contains(log, "sell B-0003: S-0017 L-0003 1 @ 100.00 fees 2.50 on 2026-11-28; S-0018 L-0007 5 @ 173.26 fees 2.50 on 2026-11-28; S-0019 L-0024") {
		t.Errorf("change log does not describe the sale: %q", log)
	}
	ids := map[string]bool{}
	for i, s := range sold.Sales {
		id, _ := s["sale"].(string)
		if id == "" {
			t.Fatalf("recorded sale %d has no id", i)
		}
		ids[id] = true
		s2 := withoutKey(s, "sale")
		if i >= len(sim.Sales) || !reflect.DeepEqual(s2, withoutKey(sim.Sales[i], "sale")) {
			t.Errorf("recorded sale %d differs from the simulated one:\n%v\n%v", i, s2, sim.Sales[i])
		}
	}
	if !reflect.DeepEqual(sold.After, sim.After) || sold.TaxSaved != sim.TaxSaved {
		t.Error("sell summary differs from simulate")
	}

	// Report after the sale: realized entries and summary equal simulate's.
	rep := reportJSON(t, dir)
	var mine []map[string]any
	for _, s := range rep.Realized {
		if id, _ := s["sale"].(string); ids[id] {
			mine = append(mine, s)
		}
	}
	if len(mine) != len(sim.Sales) {
		t.Fatalf("report lists %d of the new sales, simulate showed %d", len(mine), len(sim.Sales))
	}
	for i := range mine {
		want := withoutKey(sim.Sales[i], "sale", "safe_to_rebuy", "warnings")
		if got := withoutKey(mine[i], "sale"); !reflect.DeepEqual(got, want) {
			t.Errorf("report realized %d != simulated:\n%v\n%v", i, got, want)
		}
	}
	if !reflect.DeepEqual(rep.Summary, sim.After) {
		t.Errorf("report summary after sell != simulate after:\n%v\n%v", rep.Summary, sim.After)
	}

	// The table output of a sale (on a fresh copy, so ids are the same).
	dir2 := sampleDir(t)
	tblSell := run(t, dir2, append([]string{"sell"}, sellArgs...)...).ok(t, "sell table")
	golden(t, "sell-sample.txt", tblSell.stdout)
	checkWidth(t, "sell", tblSell.stdout)

	// Undo restores the exact previous bytes.
	u := run(t, dir, "undo", "--yes").ok(t, "undo")
	if !strings.HasPrefix(u.stdout, "Removed batch B-0003 from portfolio.json:\n") {
		t.Errorf("undo output: %q", u.stdout)
	}
	// The sample is hand formatted; undo still gives back its exact bytes
	// (the backup holds exactly the portfolio after the undo).
	if got := readFile(t, path); !bytes.Equal(got, original) {
		t.Fatalf("undo did not restore the exact previous bytes of a hand-formatted file")
	}
	if log := string(readFile(t, path+".log")); !strings.Contains(log, "undo B-0003: S-0017 L-0003 1 @ 100.00 fees 2.50 on 2026-11-28; S-0018 L-0007 5 @ 173.26 fees 2.50 on 2026-11-28; S-0019 L-0024") {
		t.Errorf("change log does not describe the undo: %q", log)
	}
	// The sample's own batches are next: B-0002 (two sales), then B-0001.
	if u = run(t, dir, "undo", "--yes").ok(t, "undo B-0002"); !strings.Contains(u.stdout, "S-0015") || !strings.Contains(u.stdout, "S-0016") {
		t.Errorf("undo B-0002: %q", u.stdout)
	}
	run(t, dir, "undo", "--yes").ok(t, "undo B-0001")
	before := readFile(t, path)
	run(t, dir, "undo", "--yes").failsWith(t, "undo with nothing left", "nothing to undo")
	if !bytes.Equal(readFile(t, path), before) {
		t.Error("a failed undo changed the file")
	}
}

// canonical is storage's encoding of a portfolio file's content.
func canonical(t *testing.T, data []byte) []byte {
	t.Helper()
	p, err := storage.Parse(data, "test")
	if err != nil {
		t.Fatal(err)
	}
	out, err := storage.Encode(p)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestUndoRestoresExactBytes sells and undoes on a file written by
// nftharvest: undo gives back the exact previous bytes, twice in a row.
func TestUndoRestoresExactBytes(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, DefaultFile)
	writeFile(t, path, canonical(t, storage.SampleJSON()))
	original := readFile(t, path)
	for round := 0; round < 2; round++ {
		run(t, dir, "sell", "--sell", "L-0031:5@100", "--sell", "L-0011", "--date", "2026-11-20").ok(t, "sell")
		if bytes.Equal(readFile(t, path), original) {
			t.Fatal("sell did not change the file")
		}
		if !bytes.Equal(readFile(t, path+".bak"), original) {
			t.Error("the backup is not the previous file")
		}
		run(t, dir, "undo", "--yes").ok(t, "undo")
		if !bytes.Equal(readFile(t, path), original) {
			t.Fatalf("round %d: undo did not restore the exact previous bytes", round)
		}
	}
	log := strings.Split(strings.TrimSpace(string(readFile(t, path+".log"))), "\n")
	if len(log) != 4 {
		t.Errorf("change log has %d lines, want 4 (sell, undo, sell, undo):\n%s", len(log), strings.Join(log, "\n"))
	}
}

type reportDocT struct {
	Realized []map[string]any `json:"realized"`
	Summary  map[string]any   `json:"summary"`
}

func reportJSON(t *testing.T, dir string) reportDocT {
	t.Helper()
	r := run(t, dir, "report", "--format", "json").ok(t, "report json")
	var d reportDocT
	if err := json.Unmarshal([]byte(r.stdout), &d); err != nil {
		t.Fatal(err)
	}
	return d
}

func withoutKey(m map[string]any, keys ...string) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[k] = v
	}
	for _, k := range keys {
		delete(out, k)
	}
	return out
}

// TestErrorsLeaveFileUntouched runs every invalid request of issue 4:
// exit 2, one line on stderr, the file byte-identical, no backup or log.
func TestErrorsLeaveFileUntouched(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"unknown lot", []string{"--sell", "L-9999"}, "L-9999"},
		{"quantity above open", []string{"--sell", "L-0007:16"}, "L-0007"},
		{"sale before acquisition", []string{"--sell", "L-0048", "--date", "2026-11-01"}, "L-0048"},
		{"bad date", []string{"--sell", "L-0003", "--date", "2026-13-01"}, `--date: "2026-13-01" is not a date (YYYY-MM-DD)`},
		{"unknown lot among good ones", []string{"--sell", "L-0003", "--sell", "L-0999:1@5"}, "L-0999"},
		{"price without lot", []string{"--sell", "@5"}, `--sell "@5": no lot id`},
		{"bad quantity", []string{"--sell", "L-0003:abc"}, `--sell "L-0003:abc": "abc" is not a quantity`},
		{"bad price", []string{"--sell", "L-0003@12.3.4"}, `"12.3.4" is not a price`},
		{"bad fees", []string{"--sell", "L-0003", "--fees", "-1"}, `--fees: "-1" must not be negative`},
		{"missing file", []string{"--sell", "L-0003", "--portfolio", "gone.json"}, "gone.json: no such file"},
	}
	for _, tt := range tests {
		for _, cmd := range []string{"simulate", "sell"} {
			t.Run(cmd+" "+tt.name, func(t *testing.T) {
				dir := sampleDir(t)
				path := filepath.Join(dir, DefaultFile)
				before := readFile(t, path)
				run(t, dir, append([]string{cmd}, tt.args...)...).failsWith(t, tt.name, tt.want)
				if !bytes.Equal(readFile(t, path), before) {
					t.Error("the file changed")
				}
				if exists(path+".bak") || exists(path+".log") {
					t.Error("a failed command left a backup or log")
				}
			})
		}
	}
	t.Run("sell in the future", func(t *testing.T) {
		dir := sampleDir(t)
		run(t, dir, "sell", "--sell", "L-0003", "--date", "2026-11-29").failsWith(t, "future sale",
			"--date: 2026-11-29 is after today (2026-11-28)")
		run(t, dir, "simulate", "--sell", "L-0003", "--date", "2026-12-31").ok(t, "simulate in the future")
		if exists(filepath.Join(dir, DefaultFile+".bak")) {
			t.Error("the file was saved")
		}
	})
	t.Run("invalid file", func(t *testing.T) {
		dir := fixtureDir(t, "invalid/bad-date.json")
		path := filepath.Join(dir, "bad-date.json")
		before := readFile(t, path)
		for _, cmd := range [][]string{{"sell", "--sell", "L-0001"}, {"undo", "--yes"}, {"report"}, {"simulate", "--sell", "L-0001"}, {"export"}, {"suggest"}} {
			run(t, dir, append(cmd, "--portfolio", "bad-date.json")...).failsWith(t, cmd[0],
				`bad-date.json: lots[0].acquired: "2024-13-01" is not a date (YYYY-MM-DD)`)
		}
		if !bytes.Equal(readFile(t, path), before) || exists(path+".bak") {
			t.Error("the invalid file was touched")
		}
	})
}

// TestConcurrentModification changes the file between load and save: the
// save must refuse with a clear error naming the file, keeping the other
// writer's content.
func TestConcurrentModification(t *testing.T) {
	for _, args := range [][]string{{"sell", "--sell", "L-0003"}, {"undo", "--yes"}} {
		t.Run(args[0], func(t *testing.T) {
			dir := sampleDir(t)
			path := filepath.Join(dir, DefaultFile)
			other := append(readFile(t, path), '\n')
			env := Env{Today: portfolio.MustDate(testToday), beforeSave: func(p string) {
				if p != path {
					t.Errorf("beforeSave got %q", p)
				}
				writeFile(t, p, other)
			}}
			var out, errb bytes.Buffer
			code := Run(append(args, "--portfolio", path), &out, &errb, env)
			if code != ExitFailure {
				t.Errorf("exit %d, want 1", code)
			}
			msg := errb.String()
			if strings.Count(msg, "\n") != 1 || !strings.HasPrefix(msg, "nftharvest: save "+path+": ") ||
				!strings.Contains(msg, "changed") {
				t.Errorf("stderr %q: want one line naming the file and the change", msg)
			}
			if out.Len() != 0 {
				t.Errorf("stdout %q", out.String())
			}
			if !bytes.Equal(readFile(t, path), other) {
				t.Error("the other writer's content was overwritten")
			}
		})
	}
}

func TestExport(t *testing.T) {
	dir := sampleDir(t)
	r := run(t, dir, "export").ok(t, "export")
	golden(t, "export-sample-2026.csv", r.stdout)
	rows := strings.Count(r.stdout, "\n") - 1 - strings.Count(r.stdout, "\ntotal,")
	if rows < 14 {
		t.Errorf("export has %d rows, want at least the 14 sales of 2026", rows)
	}
	// 2025: two long-term sales, one box (L: digital assets not reported on
	// a Form 1099-DA, from 2025), so one total row.
	if r2 := run(t, dir, "export", "--year", "2025").ok(t, "export 2025"); strings.Count(r2.stdout, "\n")-1 != 3 ||
		!strings.Contains(r2.stdout, "\ntotal,Box L total (Schedule D line 10),,,3806.50,7610.00,,0.00,-3803.50,,,L\n") {
		t.Errorf("2025 export: want 2 rows and a total:\n%s", r2.stdout)
	}
	// "-" is standard output; the other formats.
	if r3 := run(t, dir, "export", "--out", "-").ok(t, "export --out -"); r3.stdout != r.stdout {
		t.Errorf("--out - wrote %q", r3.stdout)
	}
	for format, head := range map[string]string{
		"turbotax": "Currency Name,Purchase Date,Cost Basis,Date Sold,Proceeds\n",
		"taxact":   "Description,Date Acquired,Date Sold,Sales Proceeds,Cost or Other Basis,Wash Sale,Adjustment Code,Adjustment Amount,Reporting Category,Long/Short\n",
		"txf":      "V042\r\nAnftharvest\r\nD11/28/2026\r\n^\r\n",
	} {
		r4 := run(t, dir, "export", "--format", format).ok(t, "export "+format)
		if !strings.HasPrefix(r4.stdout, head) {
			t.Errorf("export --format %s:\n%s", format, r4.stdout)
		}
		golden(t, "export-sample-2026."+format, r4.stdout)
	}
	out := filepath.Join(dir, "f8949.csv")
	w := run(t, dir, "export", "--out", "f8949.csv").ok(t, "export --out")
	if string(readFile(t, out)) != r.stdout || !strings.Contains(w.stdout, "f8949.csv") {
		t.Errorf("--out wrote other bytes, or said %q", w.stdout)
	}
	writeFile(t, out, []byte("keep"))
	run(t, dir, "export", "--out", "f8949.csv").failsWith(t, "export over a file", "f8949.csv already exists; not overwriting it (use --force")
	if string(readFile(t, out)) != "keep" {
		t.Error("export overwrote without --force")
	}
	run(t, dir, "export", "--out", "f8949.csv", "--force").ok(t, "export --force")
	if string(readFile(t, out)) != r.stdout {
		t.Error("--force did not replace the file")
	}

	j := run(t, dir, "export", "--format", "json").ok(t, "export json")
	var doc struct {
		TaxYear  int              `json:"tax_year"`
		Realized []map[string]any `json:"realized"`
		Summary  map[string]any   `json:"summary"`
	}
	if err := json.Unmarshal([]byte(j.stdout), &doc); err != nil {
		t.Fatal(err)
	}
	rep := reportJSON(t, dir)
	if doc.TaxYear != 2026 || !reflect.DeepEqual(doc.Realized, rep.Realized) || !reflect.DeepEqual(doc.Summary, rep.Summary) {
		t.Error("export json is not the realized part of the report")
	}
}

func TestSuggest(t *testing.T) {
	dir := sampleDir(t)
	r := run(t, dir, "suggest").ok(t, "suggest")
	golden(t, "suggest-sample.txt", r.stdout)
	checkWidth(t, "suggest", r.stdout)
	r = run(t, dir, "suggest", "--target", "5000", "--format", "json").ok(t, "suggest json")
	var doc struct {
		AsOf   string           `json:"as_of"`
		Target string           `json:"target"`
		Picks  []map[string]any `json:"picks"`
		Total  string           `json:"total"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.AsOf != testToday || doc.Target != "5000.00" || len(doc.Picks) == 0 {
		t.Fatalf("suggest json: %+v", doc)
	}
	// The suggested command records exactly the suggestion.
	tbl := run(t, dir, "suggest", "--target", "5000").ok(t, "suggest table")
	_, cmd, found := strings.Cut(tbl.stdout, "To record it at market value:\n  nftharvest ")
	if !found {
		t.Fatalf("no sell command in %q", tbl.stdout)
	}
	args := strings.Fields(strings.ReplaceAll(cmd, "\\\n", ""))
	if args[0] != "sell" {
		t.Fatalf("suggested command %q", args)
	}
	args = append([]string{"simulate"}, args[1:]...)
	run(t, dir, args...).ok(t, "the suggested sales simulate")
	for _, p := range doc.Picks {
		if w, _ := p["lot"].(string); w == "L-0024" {
			t.Error("suggest picked L-0024, which is at wash risk")
		}
	}
	if !bytes.Equal(readFile(t, filepath.Join(dir, DefaultFile)), storage.SampleJSON()) {
		t.Error("suggest changed the file")
	}
}

// Once the year's losses use every gain and the ordinary-income offset,
// suggest says that no loss lowers the tax and picks nothing, unless
// --target asks.
func TestSuggestWhenNoLossLowersTheTax(t *testing.T) {
	dir := sampleDir(t)
	run(t, dir, "sell", "--sell", "L-0003", "--sell", "L-0005", "--sell", "L-0008", "--sell", "L-0006",
		"--sell", "L-0022", "--sell", "L-0023").ok(t, "sell the long-term losses")
	r := run(t, dir, "suggest").ok(t, "suggest")
	if !strings.HasPrefix(r.stdout, "No loss lowers your 2026 tax; further losses only add to the carryover: ") ||
		strings.Contains(r.stdout, "nftharvest sell") {
		t.Fatalf("suggest with the offset used:\n%s", r.stdout)
	}
	r = run(t, dir, "suggest", "--format", "json").ok(t, "suggest json")
	var doc struct {
		Room      string           `json:"room"`
		Picks     []map[string]any `json:"picks"`
		Carryover string           `json:"carryover"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Room != "0.00" || len(doc.Picks) != 0 || doc.Carryover == "0.00" {
		t.Fatalf("suggest json: %+v", doc)
	}
	r = run(t, dir, "suggest", "--target", "500").ok(t, "suggest --target")
	if !strings.Contains(r.stdout, "Adds ") || !strings.Contains(r.stdout, "to the carryover into 2027") {
		t.Fatalf("suggest --target does not say what it adds to the carryover:\n%s", r.stdout)
	}
}

// A what-if dated in another year than the profile's says so: its before
// and after are that year's.
func TestSimulateInAnotherTaxYearWarns(t *testing.T) {
	dir := sampleDir(t)
	r := run(t, dir, "simulate", "--sell", "L-0003", "--date", "2027-01-04").ok(t, "simulate 2027")
	if !strings.Contains(r.stdout, "Warning: the sales are dated in 2027, not in the profile's tax year 2026") {
		t.Fatalf("no warning:\n%s", r.stdout)
	}
	checkWidth(t, "simulate 2027", r.stdout)
	r = run(t, dir, "simulate", "--sell", "L-0003", "--date", "2027-01-04", "--format", "json").ok(t, "simulate json")
	var doc struct {
		Warnings []string `json:"warnings"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil || len(doc.Warnings) != 1 {
		t.Fatalf("warnings %v (%v)", doc.Warnings, err)
	}
	r = run(t, dir, "simulate", "--sell", "L-0003", "--date", "2026-12-04").ok(t, "simulate 2026")
	if strings.Contains(r.stdout, "Warning") {
		t.Fatalf("warning in the profile's year:\n%s", r.stdout)
	}
}

// Issue 11's example (testdata/valid/blocks.json): S-2 sells a replaced unit
// at a loss and two untouched units at a gain; report, export and simulate
// all wash the block's 380 and recognize +440 (Pub 550, three blocks).
func TestBlocksExampleInEveryOutput(t *testing.T) {
	dir := fixtureDir(t, "valid/blocks.json")
	r := run(t, dir, "report", "--portfolio", "blocks.json", "--format", "json").ok(t, "report")
	var rep struct {
		Realized []map[string]any `json:"realized"`
		Lots     []map[string]any `json:"lots"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatal(err)
	}
	s2 := rep.Realized[1]
	if s2["sale"] != "S-2" || s2["gain_loss"] != "60.00" || s2["disallowed_loss"] != "380.00" || s2["recognized"] != "440.00" || s2["code"] != "W" {
		t.Errorf("report S-2: %v", s2)
	}
	if l3 := rep.Lots[2]; l3["adjusted_basis"] != "880.00" || l3["holding_start"] != "2026-01-10" {
		t.Errorf("report L-3: %v", l3)
	}
	r = run(t, dir, "export", "--portfolio", "blocks.json", "--year", "2026", "--format", "form8949").ok(t, "export")
	if !strings.Contains(r.stdout, "I,3 Blocks #1,2026-02-10,2026-03-05,960.00,900.00,W,380.00,440.00,S-2,L-2,I\n") {
		t.Errorf("form 8949:\n%s", r.stdout)
	}
	// Undo-free what-if: drop S-2 from the file and simulate it instead.
	path := filepath.Join(dir, "blocks.json")
	data := readFile(t, path)
	i := bytes.Index(data, []byte(`,
    {"id": "S-2"`))
	if i < 0 {
		t.Fatal("fixture changed: no S-2")
	}
	j := bytes.Index(data[i:], []byte("}")) + i + 1
	writeFile(t, path, append(data[:i:i], data[j:]...))
	r = run(t, dir, "simulate", "--portfolio", "blocks.json", "--sell", "L-2:3@960", "--date", "2026-03-05", "--format", "json").ok(t, "simulate")
	var sim simDoc
	if err := json.Unmarshal([]byte(r.stdout), &sim); err != nil {
		t.Fatal(err)
	}
	if len(sim.Sales) != 1 || sim.Sales[0]["disallowed_loss"] != "380.00" || sim.Sales[0]["recognized"] != "440.00" {
		t.Errorf("simulate S-2: %v", sim.Sales)
	}
}

// suggest --gains on small.json with a taxable income of 20,000: the 0%
// band (49,450) leaves 49,450 - 20,000 - 136 (the year's gain) = 29,314 of
// room; both long-term gains fit (L-0006 +1,400, L-0004 +114).
func TestSuggestGains(t *testing.T) {
	dir := fixtureDir(t, "valid/small.json")
	path := filepath.Join(dir, "small.json")
	writeFile(t, path, bytes.Replace(readFile(t, path), []byte(`"taxable_income": "95000"`), []byte(`"taxable_income": "20000"`), 1))
	r := run(t, dir, "suggest", "--portfolio", "small.json", "--gains").ok(t, "suggest --gains")
	for _, want := range []string{"up to 29,314.00 of long-term gain", "adds no federal tax in 2026", "L-0006  Test Cats #4", "L-0004  Test Prints #5", "1,514.00",
		"--sell L-0006:1 --sell L-0004:6"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("suggest --gains lacks %q:\n%s", want, r.stdout)
		}
	}
	checkWidth(t, "suggest --gains", r.stdout)
	r = run(t, dir, "suggest", "--portfolio", "small.json", "--gains", "--format", "json").ok(t, "suggest --gains json")
	var doc struct {
		Room  string           `json:"room"`
		Picks []map[string]any `json:"picks"`
		Total string           `json:"total"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil || doc.Room != "29314.00" || len(doc.Picks) != 2 || doc.Total != "1514.00" {
		t.Fatalf("json %+v %v:\n%s", doc, err, r.stdout)
	}
	run(t, dir, "suggest", "--portfolio", "small.json", "--gains", "--target", "5").failsWith(t, "both", "--gains and --target do not go together")
}

// The app's JSON export (WriteExportJSON, given to ui.Options) writes what
// "export --format json" prints.
func TestWriteExportJSONIsTheCommandsDocument(t *testing.T) {
	dir := sampleDir(t)
	r := run(t, dir, "export", "--format", "json").ok(t, "export json")
	file, err := storage.Load(filepath.Join(dir, DefaultFile))
	if err != nil {
		t.Fatal(err)
	}
	a := mustAnalyze(t, file.Portfolio, portfolio.MustDate(testToday))
	var b bytes.Buffer
	if err := WriteExportJSON(&b, a, 2026); err != nil {
		t.Fatal(err)
	}
	if b.String() != r.stdout {
		t.Errorf("WriteExportJSON differs from the command at byte %d", firstDiff(b.Bytes(), []byte(r.stdout)))
	}
}
