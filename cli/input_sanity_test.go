package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"nftharvest/storage"
)

// TestTodayVariableRange checks that $NFTHARVEST_TODAY outside the years
// of a tax year is refused.
func TestTodayVariableRange(t *testing.T) {
	now := time.Date(2026, 3, 4, 12, 0, 0, 0, time.UTC)
	for s, ok := range map[string]bool{"1899-12-31": false, "0001-01-01": false, "1900-01-01": true, "9999-12-31": true} {
		env, err := NewEnv(getenv(map[string]string{TodayVar: s}), now)
		switch {
		case ok && (err != nil || env.Today.String() != s || !env.TodayFromVar):
			t.Errorf("%s: %+v %v", s, env, err)
		case !ok && (err == nil || ExitCode(err) != ExitInvalid ||
			err.Error() != "$NFTHARVEST_TODAY: "+s+" is not in the years 1900 to 9999"):
			t.Errorf("%s: %v", s, err)
		}
	}
	r := runEnv(t, t.TempDir(), []string{TodayVar + "=1899-01-01"}, "report", "--sample")
	r.failsWith(t, "NFTHARVEST_TODAY in 1899", "$NFTHARVEST_TODAY: 1899-01-01 is not in the years 1900 to 9999")
}

// TestTodayBeforeFirstAcquisition checks that a $NFTHARVEST_TODAY before
// every lot of the file is refused by the commands that work as of today,
// and not by validate.
func TestTodayBeforeFirstAcquisition(t *testing.T) {
	dir := sampleDir(t)
	early := []string{TodayVar + "=2021-08-28"} // the sample's first lot: 2021-08-29
	want := "$NFTHARVEST_TODAY: 2021-08-28 is before the first acquisition in portfolio.json (lots[0] \"L-0001\", acquired 2021-08-29); unset it or give a later date"
	for _, args := range [][]string{{"report"}, {"suggest"}, {"export"}, {"simulate", "--sell", "L-0001"}, {"sell", "--sell", "L-0001"}} {
		runEnv(t, dir, early, args...).failsWith(t, args[0], want)
	}
	runEnv(t, dir, early, "report", "--sample").failsWith(t, "report --sample", "is before the first acquisition in sample.json (embedded)")
	runEnv(t, dir, early, "validate").ok(t, "validate")
	runEnv(t, dir, []string{TodayVar + "=2021-08-29"}, "report").ok(t, "today on the first acquisition")
}

// TestSellSpecPlainDecimals checks that --sell takes decimals as the file
// does: digits on both sides of the point, at most 18 places.
func TestSellSpecPlainDecimals(t *testing.T) {
	for spec, want := range map[string]string{
		"L-1@.5":                         `--sell "L-1@.5": ".5" is not a price (write plain digits such as 0.5 or 812.50)`,
		"L-1@5.":                         `--sell "L-1@5.": "5." is not a price (write plain digits such as 0.5 or 812.50)`,
		"L-1:.5":                         `--sell "L-1:.5": ".5" is not a quantity (write plain digits such as 0.5 or 812.50)`,
		"L-1:5.":                         `--sell "L-1:5.": "5." is not a quantity (write plain digits such as 0.5 or 812.50)`,
		"L-1:0.0000000000000000001":      `--sell "L-1:0.0000000000000000001": "0.0000000000000000001" has more than 18 decimal places`,
		"L-1@1.000000000000000000000":    `--sell "L-1@1.000000000000000000000": "1.000000000000000000000" has more than 18 decimal places`,
		"L-1:" + strings.Repeat("9", 41): `has more than 40 digits`,
	} {
		_, err := parseSellSpec(spec)
		if err == nil || !strings.Contains(err.Error(), want) || ExitCode(err) != ExitInvalid {
			t.Errorf("%s: %v, want %s", spec, err, want)
		}
	}
	if r, err := parseSellSpec("L-1:0.000000000000000001@0.50"); err != nil || r.Quantity.String() != "0.000000000000000001" {
		t.Errorf("18 places: %+v %v", r, err)
	}
}

// TestSellWholeTokens checks that sell and simulate refuse a fraction of
// an ERC-721 token with exit 2 and leave the file untouched, and accept a
// fraction of an ERC-1155 edition lot.
func TestSellWholeTokens(t *testing.T) {
	dir := sampleDir(t)
	path := filepath.Join(dir, DefaultFile)
	before := readFile(t, path)
	want := `--sell "L-0003:0.5": L-0003 is a token of collection "lunar-lynx", which is ERC-721: its quantity must be a whole number`
	run(t, dir, "sell", "--sell", "L-0003:0.5").failsWith(t, "sell half a token", want)
	run(t, dir, "simulate", "--sell", "L-0003:0.5").failsWith(t, "simulate half a token", want)
	run(t, dir, "sell", "--sell", "L-0001", "--sell", "L-0005:0.000001@1").failsWith(t, "sell a tiny part of a token", "L-0005 is a token of collection")
	if !equalBytes(readFile(t, path), before) {
		t.Fatal("a refused sell changed the file")
	}
	run(t, dir, "simulate", "--sell", "L-0004:0.5").ok(t, "half an edition")
	run(t, dir, "simulate", "--sell", "L-0003:1.0").ok(t, "one token written 1.0")
}

func equalBytes(a, b []byte) bool { return string(a) == string(b) }

// TestBOMPortfolio checks that a file starting with a UTF-8 byte order
// mark is read, and that sell writes it back without the mark.
func TestBOMPortfolio(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, DefaultFile)
	writeFile(t, path, append([]byte("\xef\xbb\xbf"), storage.SampleJSON()...))
	if r := run(t, dir, "validate").ok(t, "validate with a BOM"); !strings.HasPrefix(r.stdout, "ok: ") {
		t.Errorf("validate: %q", r.stdout)
	}
	run(t, dir, "sell", "--sell", "L-0001").ok(t, "sell with a BOM")
	if b := readFile(t, path); len(b) < 3 || string(b[:1]) != "{" {
		t.Errorf("saved file starts %q", b[:3])
	}
}

// TestUnknownTZWarning checks that an unknown $TZ is warned about on
// stderr, and that a known one or none is not.
func TestUnknownTZWarning(t *testing.T) {
	for tz, warn := range map[string]bool{"Nowhere/Bogus": true, ":Nowhere/Bogus": true, "/no/such/zone": true, "": false, "UTC": false, ":UTC": false} {
		got := TZWarning(getenv(map[string]string{"TZ": tz}))
		if (got != "") != warn {
			t.Errorf("TZ=%q: warning %q", tz, got)
		}
	}
	if _, err := time.LoadLocation("Europe/Paris"); err == nil {
		if got := TZWarning(getenv(map[string]string{"TZ": "Europe/Paris"})); got != "" {
			t.Errorf("TZ=Europe/Paris: %q", got)
		}
	}
	if _, err := os.Stat("/etc/localtime"); err == nil {
		if got := TZWarning(getenv(map[string]string{"TZ": "/etc/localtime"})); got != "" {
			t.Errorf("TZ=/etc/localtime: %q", got)
		}
	}
	r := runEnv(t, t.TempDir(), []string{"TZ=Nowhere/Bogus"}, "report", "--sample", "--top", "1")
	if r.code != 0 || r.stderr != "nftharvest: warning: $TZ \"Nowhere/Bogus\" is not a time zone this system knows; dates are taken in UTC\n" {
		t.Errorf("TZ=Nowhere/Bogus: exit %d, stderr %q", r.code, r.stderr)
	}
}
