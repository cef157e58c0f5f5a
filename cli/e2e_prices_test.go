package cli

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
)

// prices sets floors and rates from CSV files (rates first, so a floor may
// use a rate given with it), keeps a newer price, and report warns about a
// floor in use older than 7 days; a bad row names its file, line and
// column and changes nothing.
func TestPricesEndToEnd(t *testing.T) {
	dir := storyDir(t)
	importStory(t, dir).ok(t, "import")
	path := filepath.Join(dir, DefaultFile)
	writeFile(t, filepath.Join(dir, "rates.csv"), []byte("currency,rate,as_of\nETH,3000.00,2026-11-27\n"))
	writeFile(t, filepath.Join(dir, "floors.csv"), []byte("collection,amount,currency,as_of\n"+
		"pixel-owls,0.02,ETH,2026-11-27\nChrome Koi,0.5,ETH,2026-11-27\n0x0000000000000000000000000000000000000303,0.05,ETH,2026-11-20\n"+
		"tide-editions,30,USD,\nfree-frogs,0,ETH,2026-11-27\n"))
	before := readFile(t, path)
	dry := run(t, dir, "prices", "--dry-run", "floors.csv", "rates.csv").ok(t, "dry run")
	if !strings.Contains(dry.stdout, "floor chrome-koi: 0.5 ETH as of 2026-11-27") || !bytes.Equal(readFile(t, path), before) {
		t.Fatalf("dry run:\n%s", dry.stdout)
	}
	out := run(t, dir, "prices", "floors.csv", "rates.csv").ok(t, "prices")
	for _, want := range []string{"rate ETH: 3000 as of 2026-11-27", "floor tide-editions: 30 USD as of 2026-11-28", "Saved portfolio.json",
		"Warning: 1 price(s) in use older than 7 days as of 2026-11-28: floor of\n  void-runners (2026-11-20, 8 days)."} {
		if !strings.Contains(out.stdout, want) {
			t.Errorf("prices output lacks %q:\n%s", want, out.stdout)
		}
	}
	file := string(readFile(t, path))
	if !strings.Contains(file, "\"rates_as_of\": {\n    \"ETH\": \"2026-11-27\"\n  }") ||
		!strings.Contains(file, `"floor": {"amount": "0.5", "currency": "ETH", "as_of": "2026-11-27"}`) {
		t.Errorf("file:\n%s", file)
	}
	rep := run(t, dir, "report").ok(t, "report").stdout
	if !strings.Contains(rep, "L-0003  Chrome Koi #12       1  long        2,407.50  1,500.00     -907.50") ||
		!strings.Contains(rep, "Warning: 1 price(s) in use older than 7 days") {
		t.Errorf("report:\n%s", rep)
	}

	// An older floor does not replace a newer one.
	writeFile(t, filepath.Join(dir, "old.csv"), []byte("collection,amount,currency,as_of\npixel-owls,9,ETH,2026-01-01\n"))
	old := run(t, dir, "prices", "old.csv").ok(t, "older floor")
	if !strings.Contains(old.stdout, "floor pixel-owls: kept 0.02 ETH as of 2026-11-27 (newer than 9 ETH as of 2026-01-01)") ||
		!strings.Contains(old.stdout, "portfolio.json is unchanged.") {
		t.Errorf("older floor:\n%s", old.stdout)
	}

	saved := readFile(t, path)
	writeFile(t, filepath.Join(dir, "bad.csv"), []byte("collection,amount,currency,as_of\n"+
		"nobody,1,ETH,2026-11-01\npixel-owls,1.5e2,ETH,2026-11-01\npixel-owls,1,SOL,2026-12-25\n"))
	r := run(t, dir, "prices", "bad.csv")
	want := []string{
		`nftharvest: bad.csv:2:1: column "collection": "nobody" is not a collection id, contract or name in this portfolio`,
		`nftharvest: bad.csv:3:12: column "amount": "1.5e2" is not a decimal amount (write plain digits such as 0.5 or 812.50)`,
		`nftharvest: bad.csv:4:14: column "currency": "SOL" has no rate in the portfolio; give its rate in a rates file (currency,rate,as_of) too`,
		`nftharvest: bad.csv:4:18: column "as_of": 2026-12-25 is after today (2026-11-28)`,
	}
	if r.code != ExitInvalid || r.stderr != strings.Join(want, "\n")+"\n" {
		t.Errorf("exit %d, stderr:\n%s\nwant:\n%s", r.code, r.stderr, strings.Join(want, "\n"))
	}
	writeFile(t, filepath.Join(dir, "header.csv"), []byte("name,price\nx,1\n"))
	run(t, dir, "prices", "header.csv").failsWith(t, "unknown header", `header.csv:1: the header "name,price" is not one this command reads; expected collection, amount, currency, as_of; or currency, rate, as_of`)
	if !bytes.Equal(readFile(t, path), saved) {
		t.Error("a refused prices file changed the portfolio")
	}
}
