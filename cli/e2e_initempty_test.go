package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// init --empty writes a tax profile and nothing else, through the safe
// save (a change log starts); bad flag values and a profile flag without
// --empty are usage errors; an existing file is never replaced.
func TestInitEmpty(t *testing.T) {
	dir := t.TempDir()
	out := run(t, dir, "init", "--empty", "mine.json", "--year", "2025", "--filing-status", "married_joint",
		"--long-term-rate", "0.2", "--niit").ok(t, "init --empty").stdout
	if !strings.Contains(out, "Wrote an empty portfolio to mine.json (tax year 2025, married_joint, ordinary rate 0.24, long-term rate 0.2).") {
		t.Errorf("output: %s", out)
	}
	file := string(readFile(t, filepath.Join(dir, "mine.json")))
	for _, want := range []string{`"tax_year": 2025`, `"filing_status": "married_joint"`, `"long_term_rate": "0.2"`, `"niit": true`,
		`"collections": []`, `"lots": []`, `"sales": []`} {
		if !strings.Contains(file, want) {
			t.Errorf("file lacks %s:\n%s", want, file)
		}
	}
	if log := string(readFile(t, filepath.Join(dir, "mine.json.log"))); !strings.Contains(log, "\tinit --empty\tsha256=") {
		t.Errorf("log: %q", log)
	}
	run(t, dir, "validate", "mine.json").ok(t, "validate")
	run(t, dir, "init", "--empty", "mine.json").failsWith(t, "existing file", "mine.json already exists; not overwriting it")
	run(t, dir, "init", "--empty", "x.json", "--ordinary-rate", "32").failsWith(t, "rate", `--ordinary-rate: "32" is not a rate between 0 and 1`)
	run(t, dir, "init", "--empty", "x.json", "--filing-status", "joint").failsWith(t, "status", `--filing-status: "joint" is not one of single, married_joint`)
	run(t, dir, "init", "x.json", "--niit").failsWith(t, "no --empty", "init: --niit needs --empty")
	if exists(filepath.Join(dir, "x.json")) {
		t.Error("a refused init wrote a file")
	}
}

// With --taxable-income the empty portfolio gets the bracket model (the
// report says so); without it the flat rates and a warning.
func TestInitEmptyTaxableIncome(t *testing.T) {
	dir := t.TempDir()
	run(t, dir, "init", "--empty", "b.json", "--taxable-income", "60000", "--magi", "80000").ok(t, "init --empty brackets")
	file := string(readFile(t, filepath.Join(dir, "b.json")))
	if !strings.Contains(file, `"taxable_income": "60000"`) || !strings.Contains(file, `"magi": "80000"`) {
		t.Errorf("file:\n%s", file)
	}
	if r := run(t, dir, "report", "--portfolio", "b.json").ok(t, "report"); !strings.Contains(r.stdout, "federal tax at the 2026 brackets") {
		t.Errorf("report does not use the brackets:\n%s", r.stdout)
	}
	run(t, dir, "init", "--empty", "f.json", "--tax-model", "flat").ok(t, "init --empty flat")
	if !strings.Contains(string(readFile(t, filepath.Join(dir, "f.json"))), `"tax_model": "flat"`) {
		t.Error("--tax-model flat not written")
	}
	run(t, dir, "init", "--empty", "x.json", "--taxable-income", "-5").failsWith(t, "negative", `--taxable-income: "-5" must not be negative`)
	run(t, dir, "init", "--empty", "x.json", "--tax-model", "progressive").failsWith(t, "model", `--tax-model: "progressive" is not one of`)
}
