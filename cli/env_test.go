package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"testing"
	"time"

	"nftharvest/portfolio"
	"nftharvest/storage"
	"nftharvest/taxrules"
)

func getenv(m map[string]string) func(string) string {
	return func(k string) string { return m[k] }
}

func TestNewEnv(t *testing.T) {
	now := time.Date(2026, 3, 4, 23, 30, 0, 0, time.FixedZone("X", -5*3600))
	env, err := NewEnv(getenv(nil), now)
	if err != nil || env.Today.String() != "2026-03-04" || env.PortfolioVar != "" {
		t.Fatalf("clock: %+v %v (want the local date 2026-03-04)", env, err)
	}
	env, err = NewEnv(getenv(map[string]string{TodayVar: "2026-11-28", PortfolioVar: "x.json"}), now)
	if err != nil || env.Today.String() != "2026-11-28" || env.PortfolioVar != "x.json" {
		t.Fatalf("vars: %+v %v", env, err)
	}
	_, err = NewEnv(getenv(map[string]string{TodayVar: "28.11.2026"}), now)
	if err == nil || ExitCode(err) != ExitInvalid || !strings.Contains(err.Error(), "NFTHARVEST_TODAY") {
		t.Fatalf("bad NFTHARVEST_TODAY: %v", err)
	}
}

func TestTUIPath(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	for _, name := range []string{"mine.json", "var.json", "a.json", "-odd.json"} {
		if err := os.WriteFile(name, []byte("{}"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	none, withVar := Env{}, Env{PortfolioVar: "var.json"}
	tests := []struct {
		args    []string
		env     Env
		want    string
		wantErr string
	}{
		{args: nil, env: none, want: ""}, // no ./portfolio.json yet: the sample
		{args: nil, env: withVar, want: "var.json"},
		{args: []string{"mine.json"}, env: withVar, want: "mine.json"},
		{args: []string{"--portfolio", "a.json"}, env: none, want: "a.json"},
		{args: []string{"--portfolio=a.json"}, env: none, want: "a.json"},
		{args: []string{"-portfolio", "a.json"}, env: none, want: "a.json"},
		{args: []string{"--sample"}, env: withVar, want: ""},
		{args: []string{"--", "-odd.json"}, env: none, want: "-odd.json"},
		{args: []string{"missing.json"}, env: none, wantErr: `missing.json: no such file (create it with "nftharvest init missing.json")`},
		{args: nil, env: Env{PortfolioVar: "gone.json"}, wantErr: "gone.json: no such file"},
		{args: []string{"reprot"}, env: none, wantErr: `unknown command "reprot"`},
		{args: []string{"--portfolio"}, env: none, wantErr: "--portfolio needs a file name"},
		{args: []string{"--sample", "mine.json"}, env: none, wantErr: "exclude each other"},
		{args: []string{"a.json", "b.json"}, env: none, wantErr: "more than one portfolio file"},
		{args: []string{"--bogus"}, env: none, wantErr: "unknown flag --bogus"},
	}
	for _, tt := range tests {
		got, err := TUIPath(tt.args, tt.env)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) || ExitCode(err) != ExitInvalid {
				t.Errorf("TUIPath(%q) = %q, %v; want error %q (exit 2)", tt.args, got, err, tt.wantErr)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("TUIPath(%q) = %q, %v; want %q", tt.args, got, err, tt.want)
		}
	}
	if err := os.WriteFile(DefaultFile, []byte("{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got, err := TUIPath(nil, none); err != nil || got != DefaultFile {
		t.Errorf("with ./portfolio.json present: %q, %v", got, err)
	}
}

func TestIsCommand(t *testing.T) {
	for _, a := range []string{"report", "simulate", "sell", "undo", "export", "suggest", "validate", "demo", "init", "help", "-h", "--help"} {
		if !IsCommand(a) {
			t.Errorf("IsCommand(%q) = false", a)
		}
	}
	for _, a := range []string{"", "portfolio.json", "--sample", "--portfolio", "Report"} {
		if IsCommand(a) {
			t.Errorf("IsCommand(%q) = true", a)
		}
	}
}

func TestExitCodeAndPrintError(t *testing.T) {
	invalid := &storage.InvalidError{File: "p.json", Problems: []storage.Problem{
		{Path: "lots[0].acquired", Message: `"2024-13-01" is not a date (YYYY-MM-DD)`},
		{Path: "sales[0].lot", Message: `unknown lot "L-0099"`},
	}}
	tests := []struct {
		err  error
		code int
		out  string
	}{
		{nil, 0, ""},
		{usageErrorf("bad flag"), 2, "nftharvest: bad flag\n"},
		{fmt.Errorf("loading: %w", invalid), 2,
			"nftharvest: p.json: lots[0].acquired: \"2024-13-01\" is not a date (YYYY-MM-DD)\n" +
				"nftharvest: p.json: sales[0].lot: unknown lot \"L-0099\"\n"},
		{&taxrules.RequestError{Lot: "L-9", Reason: "unknown lot"}, 2, "nftharvest: lot L-9: unknown lot\n"},
		{fmt.Errorf("open x: %w", fs.ErrNotExist), 2, "nftharvest: open x: file does not exist\n"},
		{fmt.Errorf("saving p.json: %w", storage.ErrChanged), 1, "nftharvest: saving p.json: " + storage.ErrChanged.Error() + "\n"},
		{inputErrorf("nothing to undo"), 2, "nftharvest: nothing to undo\n"},
		{fmt.Errorf("save p.json: %w: change log: disk full", storage.ErrSavedNotLogged), 3,
			"nftharvest: save p.json: the new file is in place, but: change log: disk full; " + recordedAdvice + "\n"},
		{fmt.Errorf("--out p.json %w", storage.ErrCompanion), 2, "nftharvest: --out p.json " + storage.ErrCompanion.Error() + "\n"},
		{errors.New("disk on fire\nsecond line"), 1, "nftharvest: disk on fire; second line\n"},
	}
	for _, tt := range tests {
		var b strings.Builder
		if code := PrintError(&b, tt.err); code != tt.code || b.String() != tt.out {
			t.Errorf("PrintError(%v) = %d, %q; want %d, %q", tt.err, code, b.String(), tt.code, tt.out)
		}
		if code := ExitCode(tt.err); code != tt.code {
			t.Errorf("ExitCode(%v) = %d, want %d", tt.err, code, tt.code)
		}
	}
}

func TestRunUsageErrors(t *testing.T) {
	env := Env{Today: portfolio.MustDate("2026-11-28")}
	tests := []struct {
		args []string
		want string
	}{
		{nil, "no command given"},
		{[]string{"frobnicate"}, `unknown command "frobnicate"`},
		{[]string{"report", "--bogus"}, `flag provided but not defined: --bogus (see "nftharvest report --help")`},
		{[]string{"report", "extra"}, `unexpected argument "extra"`},
		{[]string{"report", "--format", "xml"}, `--format: "xml" is not one of table, json`},
		{[]string{"report", "--as-of", "2026-02-30"}, `--as-of: "2026-02-30" is not a date (YYYY-MM-DD)`},
		{[]string{"report", "--top", "-3"}, `--top: "-3" is not a positive whole number`},
		{[]string{"report", "--sample", "--portfolio", "x.json"}, "exclude each other"},
		{[]string{"simulate"}, "nothing to sell"},
		{[]string{"simulate", "--sell", "L-1", "--date", "tomorrow"}, `--date: "tomorrow" is not a date`},
		{[]string{"simulate", "--sell", "L-1", "--fees", "1,5"}, `--fees: "1,5" is not an amount`},
		{[]string{"sell", "--sell", "L-1", "--sample"}, "flag provided but not defined: --sample"},
		{[]string{"export", "--format", "csv"}, `--format: "csv" is not one of form8949, json`},
		{[]string{"export", "--year", "26"}, `--year: "26" is not a year`},
		{[]string{"suggest", "--target", "lots"}, `--target: "lots" is not an amount`},
		{[]string{"demo"}, "--lots N is required"},
		{[]string{"demo", "--lots", "0"}, `--lots: "0" is not a positive whole number`},
		{[]string{"demo", "--lots", "5", "--seed", "x"}, `--seed: "x" is not a whole number`},
		{[]string{"validate", "a.json", "b.json"}, "one file at a time"},
		{[]string{"init", "a.json", "b.json"}, "one file at a time"},
		{[]string{"help", "frobnicate"}, `unknown command "frobnicate"`},
	}
	for _, tt := range tests {
		var out, errb strings.Builder
		code := Run(tt.args, &out, &errb, env)
		if code != ExitInvalid || out.Len() != 0 || strings.Count(errb.String(), "\n") != 1 ||
			!strings.HasPrefix(errb.String(), "nftharvest: ") || !strings.Contains(errb.String(), tt.want) {
			t.Errorf("Run(%q) = %d, stdout %q, stderr %q; want 2 and one line containing %q",
				tt.args, code, out.String(), errb.String(), tt.want)
		}
	}
}

func TestHelpForEveryCommand(t *testing.T) {
	for _, c := range commands {
		for _, args := range [][]string{{c.name, "--help"}, {c.name, "-h"}, {"help", c.name}} {
			var out strings.Builder
			if code := Run(args, &out, io.Discard, Env{}); code != 0 {
				t.Errorf("%q: exit %d", args, code)
			}
			if out.String() != c.usage || !strings.HasPrefix(out.String(), "Usage: nftharvest "+c.name) {
				t.Errorf("%q printed %q", args, out.String())
			}
		}
		for _, line := range strings.Split(c.usage, "\n") {
			if len([]rune(line)) > Width {
				t.Errorf("%s --help: line longer than %d columns: %q", c.name, Width, line)
			}
		}
	}
	var out strings.Builder
	if code := Run([]string{"help"}, &out, io.Discard, Env{}); code != 0 {
		t.Fatalf("help: exit %d", code)
	}
	if n := strings.Count(out.String(), "estimates, not tax advice"); n != 1 {
		t.Errorf("help mentions the disclaimer %d times, want once:\n%s", n, out.String())
	}
	for _, c := range commands {
		if !strings.Contains(out.String(), "  "+c.name+" ") {
			t.Errorf("help does not list %s", c.name)
		}
	}
}

func TestFlagsInterleavePositionals(t *testing.T) {
	c := &ctx{stdout: io.Discard, stderr: io.Discard, cmd: validateCmd}
	f := c.newFlags()
	f.portfolioFlags(false)
	top := f.String("top", "", "")
	pos, err := f.parse([]string{"a.json", "--top", "3", "b.json", "--", "--c.json"})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(pos, " ") != "a.json b.json --c.json" || *top != "3" {
		t.Fatalf("pos = %q, top = %q", pos, *top)
	}
}
