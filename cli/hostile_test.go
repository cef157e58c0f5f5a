package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/mattn/go-runewidth"
)

// rawControl returns the first character of out that must never reach a
// terminal raw (a C0 control other than the line feed, DEL, a C1 control,
// a bidi control, a line separator or a byte of invalid UTF-8), and
// whether there is one.
func rawControl(out string) (string, bool) {
	for i := 0; i < len(out); {
		r, size := utf8.DecodeRuneInString(out[i:])
		switch {
		case r == utf8.RuneError && size == 1,
			r < 0x20 && r != '\n', r >= 0x7f && r <= 0x9f,
			r == 0x061c, r == 0x200e, r == 0x200f, r >= 0x2028 && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
			return out[max(i-20, 0):min(i+20, len(out))], true
		}
		i += size
	}
	return "", false
}

// noRawControls fails when a command's output holds a raw control.
func noRawControls(t *testing.T, what string, r result) {
	t.Helper()
	for name, out := range map[string]string{"stdout": r.stdout, "stderr": r.stderr} {
		if near, bad := rawControl(out); bad {
			t.Errorf("%s: %s holds a raw control character near %q", what, name, near)
		}
	}
}

// hostileDir is a folder holding testdata/hostile/hostile-names.json as
// portfolio.json.
func hostileDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, DefaultFile), readFile(t, filepath.Join("..", "testdata", "hostile", "hostile-names.json")))
	return dir
}

// TestHostileNamesInReport checks that report shows hostile collection
// names (window title, clear screen, clipboard write, fake rows, the
// 8-bit CSI, a right-to-left override) as visible escapes, in aligned
// columns, with no raw control byte.
func TestHostileNamesInReport(t *testing.T) {
	dir := hostileDir(t)
	r := run(t, dir, "report").ok(t, "report")
	noRawControls(t, "report", r)
	for _, want := range []string{
		`Title\x1b]0;pwned\x07Cats #1`, `Clear\x1b[2JDogs #2`, `Rows\x0d\x0aL-0999 FAKE #4`,
		`Csi\u009b2JFish #-5`, `Rtl\u202eesrever #@6`, `Clip\x1b]52;c;cHduZWQ=\… #=1+1`,
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("report does not show %q:\n%s", want, r.stdout)
		}
	}
	// Every lot row ends where the Unrealized column ends.
	var widths []int
	for _, l := range strings.Split(r.stdout, "\n") {
		if strings.HasPrefix(l, "L-000") {
			widths = append(widths, runewidth.StringWidth(l))
		}
		if strings.HasPrefix(l, "L-0999") {
			t.Errorf("a name faked a row: %q", l)
		}
	}
	if len(widths) != 6 {
		t.Fatalf("%d lot rows, want 6:\n%s", len(widths), r.stdout)
	}
	for _, w := range widths {
		if w != widths[0] {
			t.Errorf("lot rows are not aligned (widths %v):\n%s", widths, r.stdout)
			break
		}
	}
	checkWidth(t, "report", r.stdout)
	for _, args := range [][]string{
		{"report", "--top", "3"},
		{"report", "--format", "json"},
		{"suggest"},
		{"suggest", "--format", "json"},
		{"export"},
		{"export", "--format", "json"},
		{"simulate", "--sell", "L-0003", "--sell", "L-0004", "--sell", "L-0006"},
		{"simulate", "--sell", "L-0003", "--format", "json"},
		{"validate"},
	} {
		noRawControls(t, strings.Join(args, " "), run(t, dir, args...).ok(t, strings.Join(args, " ")))
	}
}

// TestHostileNamesInSellAndUndo checks the commands that write: their
// output and the change log.
func TestHostileNamesInSellAndUndo(t *testing.T) {
	dir := hostileDir(t)
	r := run(t, dir, "sell", "--sell", "L-0004", "--sell", "L-0006").ok(t, "sell")
	noRawControls(t, "sell", r)
	noRawControls(t, "undo", run(t, dir, "undo", "--yes").ok(t, "undo"))
	log := string(readFile(t, filepath.Join(dir, DefaultFile+".log")))
	if near, bad := rawControl(strings.ReplaceAll(log, "\t", " ")); bad {
		t.Errorf("the change log holds a raw control near %q", near)
	}
}

// TestHostileArguments checks that arguments echoed in messages (a lot,
// a quantity, a date, a file name) are shown escaped.
func TestHostileArguments(t *testing.T) {
	dir := hostileDir(t)
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"simulate", "--sell", "L-0003\x1b]0;pwned\x07"}, `lot L-0003\x1b]0;pwned\x07: no such lot`},
		{[]string{"simulate", "--sell", "L-0003\x1b]52;c;cHduZWQ=\x07"}, `lot L-0003\x1b]52;c;cHduZWQ=\x07: no such lot`},
		{[]string{"simulate", "--sell", "L-0003\r\nL-0999 FAKE"}, `lot L-0003\x0d; L-0999 FAKE: no such lot`},
		{[]string{"simulate", "--sell", "L-0003\u009b2J"}, `lot L-0003\u009b2J: no such lot`},
		{[]string{"simulate", "--sell", "L-0003\u202e"}, `lot L-0003\u202e: no such lot`},
		{[]string{"simulate", "--sell", "L-0003:1\x1b[2J"}, `is not a quantity`},
		{[]string{"simulate", "--sell", "L-0003", "--date", "\u202e2026"}, `"\u202e2026" is not a date`},
		{[]string{"report", "--portfolio", "x\x1b]0;pwned\x07.json"}, `x\x1b]0;pwned\x07.json: no such file`},
		{[]string{"validate", "y\x1b[2J\u009b.json"}, `y\x1b[2J\u009b.json: no such file`},
	}
	for _, c := range cases {
		what := strings.Join(c.args, " ")
		r := run(t, dir, c.args...)
		noRawControls(t, what, r)
		r.failsWith(t, what, c.want)
	}
}

// TestHostileFileName checks a portfolio whose own name holds an escape
// sequence: the report header shows it escaped.
func TestHostileFileName(t *testing.T) {
	dir := hostileDir(t)
	name := "p\x1b]0;pwned\x07.json"
	if err := os.Rename(filepath.Join(dir, DefaultFile), filepath.Join(dir, name)); err != nil {
		t.Fatal(err)
	}
	r := run(t, dir, "report", "--portfolio", name).ok(t, "report")
	noRawControls(t, "report", r)
	if !strings.HasPrefix(r.stdout, `p\x1b]0;pwned\x07.json as of`) {
		t.Errorf("header: %q", strings.SplitN(r.stdout, "\n", 2)[0])
	}
	noRawControls(t, "sell", run(t, dir, "sell", "--portfolio", name, "--sell", "L-0004").ok(t, "sell"))
}

// TestValidateHostileMembers checks validate on a file whose problems
// quote hostile member names and ids: exit 2, every line escaped.
func TestValidateHostileMembers(t *testing.T) {
	dir := fixtureDir(t, "hostile/hostile-invalid.json")
	r := run(t, dir, "validate", "hostile-invalid.json")
	noRawControls(t, "validate", r)
	if r.code != ExitInvalid {
		t.Errorf("exit %d, want 2", r.code)
	}
	for _, want := range []string{
		`nftharvest: hostile-invalid.json: collections[1].\x1b]52;c;cHduZWQ=\x07: duplicate member name`,
		`nftharvest: hostile-invalid.json: lots[0].token_id: "\u001b[2J" holds a control character (U+001B)`,
		`nftharvest: hostile-invalid.json: lots[1].collection: "c\u009b2J" holds a control character (U+009B)`,
		`nftharvest: hostile-invalid.json: lots[1].token_id: "\u202e2" holds a control character (U+202E)`,
	} {
		if !strings.Contains(r.stderr, want+"\n") {
			t.Errorf("stderr does not hold %q:\n%s", want, r.stderr)
		}
	}
}

// TestJSONEscapesControls checks that JSON output escapes DEL, C1 and
// bidi controls (valid JSON, the same strings to a reader).
func TestJSONEscapesControls(t *testing.T) {
	in := "a\x7fb\u009bc\u202ed\u2066e\u2028f\x1b"
	got := string(appendJSONString(nil, in))
	want := `"a\u007fb\u009bc\u202ed\u2066e\u2028f\u001b"`
	if got != want {
		t.Errorf("appendJSONString = %s, want %s", got, want)
	}
	if got := string(escapeJSONControls([]byte("{\"k\": \"x\u009b\u202e\x7f\"}"))); got != `{"k": "x\u009b\u202e\u007f"}` {
		t.Errorf("escapeJSONControls = %s", got)
	}
}

// TestExportNeutralisesFormulas checks the Form 8949 CSV of the hostile
// fixture: ids starting with '=', '-' or '@' get a quote before them,
// names show their controls escaped, negative amounts stay as computed.
func TestExportNeutralisesFormulas(t *testing.T) {
	r := run(t, hostileDir(t), "export").ok(t, "export")
	noRawControls(t, "export", r)
	for _, want := range []string{
		"II,1 Rows\\x0d\\x0aL-0999 FAKE #7,2025-01-05,2026-03-01,150.00,400.00,,0.00,-250.00,S-0001,L-0007,L\n",
		",'=S-0002,L-0008,",
		",-150.00,'-S-0003,'@L-0009,",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("export does not hold %q:\n%s", want, r.stdout)
		}
	}
}

// TestOutputGoesThroughSay guards the rule of output.go: outside say and
// the constant help texts, no code of the package prints with fmt
// directly, so no string can bypass safetext.
func TestOutputGoesThroughSay(t *testing.T) {
	allowed := map[string]bool{"output.go": true, "help.go": true, "flags.go": true}
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") || allowed[f] {
			continue
		}
		for i, line := range strings.Split(string(readFile(t, f)), "\n") {
			if strings.Contains(line, "fmt.Fprint") || strings.Contains(line, "fmt.Print") {
				t.Errorf("%s:%d prints without say: %s", f, i+1, strings.TrimSpace(line))
			}
			// say writes one line: a line break in its format would show
			// as the visible escape \x0a.
			if (strings.Contains(line, "say(") || strings.Contains(line, "ask(")) && strings.Contains(line, `\n`) {
				t.Errorf("%s:%d gives say a line break: %s", f, i+1, strings.TrimSpace(line))
			}
		}
	}
}
