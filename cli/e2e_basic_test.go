package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"nftharvest/storage"
)

func TestHelpEndToEnd(t *testing.T) {
	dir := t.TempDir()
	r := run(t, dir, "help").ok(t, "help")
	golden(t, "help.txt", r.stdout)
	checkWidth(t, "help", r.stdout)
	if r2 := run(t, dir, "--help").ok(t, "--help"); r2.stdout != r.stdout {
		t.Error("--help differs from help")
	}
	run(t, dir, "simulate", "--help").ok(t, "simulate --help")
	run(t, dir, "frobnicate").failsWith(t, "unknown command", `unknown command "frobnicate"`)
}

func TestBadTodayVariable(t *testing.T) {
	r := runEnv(t, t.TempDir(), []string{TodayVar + "=2026-02-30"}, "help")
	r.failsWith(t, "bad NFTHARVEST_TODAY", `$NFTHARVEST_TODAY: "2026-02-30" is not a date (YYYY-MM-DD)`)
}

func TestInit(t *testing.T) {
	dir := t.TempDir()
	r := run(t, dir, "init").ok(t, "init")
	if !strings.Contains(r.stdout, "portfolio.json") {
		t.Errorf("init output does not name the file: %q", r.stdout)
	}
	path := filepath.Join(dir, DefaultFile)
	if got := readFile(t, path); !bytes.Equal(got, storage.SampleJSON()) {
		t.Fatal("init did not write the embedded sample byte for byte")
	}
	// Never overwrite: exit 2, file unchanged.
	writeFile(t, path, []byte("mine"))
	run(t, dir, "init").failsWith(t, "init over an existing file", "portfolio.json already exists; not overwriting it")
	if got := readFile(t, path); string(got) != "mine" {
		t.Fatalf("init overwrote an existing file: %q", got)
	}
	run(t, dir, "init", "other.json").ok(t, "init other.json")
	if got := readFile(t, filepath.Join(dir, "other.json")); !bytes.Equal(got, storage.SampleJSON()) {
		t.Fatal("init other.json did not write the sample")
	}
	runEnv(t, dir, []string{PortfolioVar + "=fromvar.json"}, "init").ok(t, "init with $NFTHARVEST_PORTFOLIO")
	if !exists(filepath.Join(dir, "fromvar.json")) {
		t.Fatal("init ignored $NFTHARVEST_PORTFOLIO")
	}
}

func TestValidate(t *testing.T) {
	dir := fixtureDir(t, "valid/small.json")
	r := run(t, dir, "validate", "small.json").ok(t, "validate small.json")
	if r.stdout != "ok: 6 lots, 2 sales\n" {
		t.Errorf("validate small.json printed %q", r.stdout)
	}
	sample := sampleDir(t)
	p, err := storage.Parse(storage.SampleJSON(), "sample")
	if err != nil {
		t.Fatal(err)
	}
	want := "ok: " + strconv.Itoa(len(p.Lots)) + " lots, " + strconv.Itoa(len(p.Sales)) + " sales\n"
	if r := run(t, sample, "validate").ok(t, "validate (default file)"); r.stdout != want {
		t.Errorf("validate printed %q, want %q", r.stdout, want)
	}
	run(t, dir, "validate", "missing.json").failsWith(t, "validate missing.json", "missing.json: no such file")
}

func TestValidateInvalidFiles(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "testdata", "invalid", "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no invalid fixtures: %v", err)
	}
	for _, src := range files {
		name := filepath.Base(src)
		t.Run(name, func(t *testing.T) {
			dir := fixtureDir(t, "invalid/"+name)
			before := readFile(t, filepath.Join(dir, name))
			r := run(t, dir, "validate", name)
			if r.code != ExitInvalid || r.stdout != "" || r.stderr == "" {
				t.Fatalf("exit %d, stdout %q, stderr %q; want 2 and problems on stderr", r.code, r.stdout, r.stderr)
			}
			lines := strings.Split(strings.TrimSuffix(r.stderr, "\n"), "\n")
			for _, l := range lines {
				// A problem names the file, then the JSON path (or line:column
				// for malformed JSON, the form editors jump to).
				if !strings.HasPrefix(l, "nftharvest: "+name+": ") && !strings.HasPrefix(l, "nftharvest: "+name+":32:26: ") {
					t.Errorf("problem line without prefix and file name: %q", l)
				}
			}
			want := 1
			if name == "multiple-problems.json" {
				want = 3
			}
			if len(lines) != want {
				t.Errorf("%d problem lines, want %d:\n%s", len(lines), want, r.stderr)
			}
			if !bytes.Equal(readFile(t, filepath.Join(dir, name)), before) {
				t.Error("validate changed the file")
			}
			// The same file through a command that loads it: same lines.
			r2 := run(t, dir, "report", "--portfolio", name)
			if r2.code != ExitInvalid || r2.stderr != r.stderr {
				t.Errorf("report on %s: exit %d, stderr %q; want validate's", name, r2.code, r2.stderr)
			}
		})
	}
}

func TestDemo(t *testing.T) {
	dir := t.TempDir()
	a := run(t, dir, "demo", "--lots", "200", "--seed", "7").ok(t, "demo")
	b := run(t, dir, "demo", "--seed", "7", "--lots", "200").ok(t, "demo again")
	if a.stdout != b.stdout || len(a.stdout) == 0 {
		t.Fatal("same seed gave different bytes")
	}
	c := run(t, dir, "demo", "--lots", "200", "--seed", "8").ok(t, "demo seed 8")
	if c.stdout == a.stdout {
		t.Error("a different seed gave the same portfolio")
	}
	run(t, dir, "demo", "--lots", "200", "--seed", "7", "--out", "d.json").ok(t, "demo --out")
	if got := readFile(t, filepath.Join(dir, "d.json")); string(got) != a.stdout {
		t.Error("--out wrote other bytes than stdout")
	}
	if r := run(t, dir, "validate", "d.json").ok(t, "validate demo"); r.stdout != "ok: 200 lots, 20 sales\n" {
		t.Errorf("validate demo: %q", r.stdout)
	}
	run(t, dir, "demo", "--lots", "3", "--out", "d.json").failsWith(t, "demo over a file", "d.json already exists")
	if got := readFile(t, filepath.Join(dir, "d.json")); string(got) != a.stdout {
		t.Error("demo overwrote d.json without --force")
	}
	run(t, dir, "demo", "--lots", "3", "--out", "d.json", "--force").ok(t, "demo --force")
	if r := run(t, dir, "validate", "d.json").ok(t, "validate"); r.stdout != "ok: 3 lots, 0 sales\n" {
		t.Errorf("after --force: %q", r.stdout)
	}
	// --force may have replaced someone's portfolio: what was there is kept.
	if got := readFile(t, filepath.Join(dir, "d.json.bak")); string(got) != a.stdout {
		t.Error("demo --force did not keep the replaced file as d.json.bak")
	}
	// A read-only file is refused, and neither it nor its backup changes.
	bak := readFile(t, filepath.Join(dir, "d.json.bak"))
	cur := readFile(t, filepath.Join(dir, "d.json"))
	if err := os.Chmod(filepath.Join(dir, "d.json"), 0o444); err != nil {
		t.Fatal(err)
	}
	if r := run(t, dir, "demo", "--lots", "5", "--out", "d.json", "--force"); r.code == 0 || !strings.Contains(r.stderr, "read-only") {
		t.Errorf("demo --force over a read-only file: exit %d, %q", r.code, r.stderr)
	}
	if !bytes.Equal(readFile(t, filepath.Join(dir, "d.json.bak")), bak) || !bytes.Equal(readFile(t, filepath.Join(dir, "d.json")), cur) {
		t.Error("a refused demo --force changed the file or its backup")
	}
}

// An export never replaces the portfolio it was made from, or its backup
// and log, even with --force.
func TestExportNeverReplacesThePortfolio(t *testing.T) {
	dir := sampleDir(t)
	path := filepath.Join(dir, DefaultFile)
	run(t, dir, "sell", "--sell", "L-0003").ok(t, "sell") // makes .bak and .log
	for _, name := range []string{DefaultFile, DefaultFile + ".bak", DefaultFile + ".log"} {
		before := readFile(t, filepath.Join(dir, name))
		run(t, dir, "export", "--out", name, "--force").failsWith(t, "export --out "+name, "is the portfolio file")
		if !bytes.Equal(readFile(t, filepath.Join(dir, name)), before) {
			t.Errorf("export --out %s --force changed it", name)
		}
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatal(err)
	}
}

func TestMissingFile(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{
		{"report"}, {"simulate", "--sell", "L-0001"}, {"sell", "--sell", "L-0001"}, {"undo"},
		{"export"}, {"suggest"}, {"validate"},
	} {
		run(t, dir, args...).failsWith(t, strings.Join(args, " "), `portfolio.json: no such file (create it with "nftharvest init portfolio.json"`)
	}
	run(t, dir, "report", "--portfolio", "nope.json").failsWith(t, "--portfolio nope.json", "nope.json: no such file")
	runEnv(t, dir, []string{PortfolioVar + "=env.json"}, "report").failsWith(t, "$NFTHARVEST_PORTFOLIO", "env.json: no such file")
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("commands on a missing file created %v", entries)
	}
}

// report --as-of shows the portfolio as it stood on that day: lots bought
// later are not there, and sales made later have not happened yet.
func TestReportAsOfAPastDate(t *testing.T) {
	dir := sampleDir(t)
	r := run(t, dir, "report", "--as-of", "2022-06-30", "--format", "json").ok(t, "report --as-of")
	var doc struct {
		Lots []struct {
			ID           string `json:"id"`
			OpenQuantity string `json:"open_quantity"`
		} `json:"lots"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatal(err)
	}
	open := map[string]string{}
	for _, l := range doc.Lots {
		open[l.ID] = l.OpenQuantity
	}
	if _, ok := open["L-0022"]; ok {
		t.Error("L-0022, bought 2025-01-22, is listed as of 2022-06-30")
	}
	if open["L-0007"] != "25" {
		t.Errorf("L-0007 open as of 2022-06-30 = %q, want 25 (its 10 were sold in 2026)", open["L-0007"])
	}
}

// Without --as-of, report uses every lot and sale, as simulate does: a
// file with entries after today gives the same "before" in both.
func TestReportWithoutAsOfMatchesSimulate(t *testing.T) {
	dir := sampleDir(t)
	env := []string{"NFTHARVEST_TODAY=2026-06-01"} // sales and lots after this day exist
	var rep struct {
		Summary struct {
			EstimatedTax string `json:"estimated_tax"`
		} `json:"summary"`
	}
	r := runEnv(t, dir, env, "report", "--format", "json").ok(t, "report")
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatal(err)
	}
	var sim struct {
		Before struct {
			EstimatedTax string `json:"estimated_tax"`
		} `json:"before"`
	}
	s := runEnv(t, dir, env, "simulate", "--sell", "L-0003", "--format", "json").ok(t, "simulate")
	if err := json.Unmarshal([]byte(s.stdout), &sim); err != nil {
		t.Fatal(err)
	}
	if rep.Summary.EstimatedTax != sim.Before.EstimatedTax || rep.Summary.EstimatedTax != "6057.07" {
		t.Errorf("report %s, simulate before %s, want both 6057.07 (the Schedule D Tax Worksheet on the sample: docs/tax-rules.md)", rep.Summary.EstimatedTax, sim.Before.EstimatedTax)
	}
}
