package safetext

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
	"github.com/mattn/go-runewidth"
)

// hostile are the names an attacker airdrops: window title (OSC 0),
// clear screen, clipboard write (OSC 52), fake rows, the 8-bit CSI and a
// right-to-left override.
var hostile = []struct{ in, want string }{
	{"\x1b]0;pwned\x07", `\x1b]0;pwned\x07`},
	{"\x1b[2J", `\x1b[2J`},
	{"\x1b]52;c;cHduZWQ=\x07", `\x1b]52;c;cHduZWQ=\x07`},
	{"Cats\rL-0999 FAKE", `Cats\x0dL-0999 FAKE`},
	{"Cats\nL-0999 FAKE", `Cats\x0aL-0999 FAKE`},
	{"tab\there", `tab\x09here`},
	{"\u009b2J", `\u009b2J`},
	{"abc\u202edcb", `abc\u202edcb`},
	{"\u2066x\u2069\u200e\u200f\u061c\u202a", `\u2066x\u2069\u200e\u200f\u061c\u202a`},
	{"line\u2028sep", `line\u2028sep`},
	{"del\x7f", `del\x7f`},
	{"nul\x00", `nul\x00`},
	{"bad\xff\xfeutf8", `bad\xff\xfeutf8`},
	{"cut \xe2\x80", `cut \xe2\x80`},
	{"\xed\xa0\x80", `\xed\xa0\x80`}, // an encoded surrogate is not UTF-8
}

func TestStringEscapesControls(t *testing.T) {
	for _, c := range hostile {
		if got := String(c.in); got != c.want {
			t.Errorf("String(%q) = %q, want %q", c.in, got, c.want)
		}
		if Safe(c.in) {
			t.Errorf("Safe(%q) = true", c.in)
		}
	}
}

func TestStringKeepsOrdinaryText(t *testing.T) {
	for _, s := range []string{
		"", "Lunar Lynx Society", "#4417", "Tessellate Editions", `back\slash \x1b`,
		"日本語のコレクション", "Café ñ", "👩‍🚀 crew", "\ufffd", "€ 1,234.56", "▼ -14,528.36",
		"\u200d\u200b", // zero-width joiner and space are not controls
	} {
		if got := String(s); got != s {
			t.Errorf("String(%q) = %q, want it unchanged", s, got)
		}
		if !Safe(s) {
			t.Errorf("Safe(%q) = false", s)
		}
	}
}

func TestStringDoesNotCopySafeText(t *testing.T) {
	s := strings.Repeat("Lunar Lynx Society #4417 ", 40)
	if n := testing.AllocsPerRun(100, func() { _ = String(s) }); n != 0 {
		t.Errorf("String of safe text allocates %v times", n)
	}
}

func TestWidthCountsTheEscapes(t *testing.T) {
	cases := map[string]int{
		"Cats":         4,
		"\x1b[2J":      len(`\x1b[2J`),
		"a\u202eb":     len(`a\u202eb`),
		"日本":           4,
		"日本\x1b":       4 + 4,
		"\u009b":       6,
		"Café\r\nFAKE": 4 + 8 + 4,
	}
	for s, want := range cases {
		if got := Width(s); got != want {
			t.Errorf("Width(%q) = %d, want %d", s, got, want)
		}
	}
}

func TestCSVField(t *testing.T) {
	cases := map[string]string{
		"=HYPERLINK(\"http://x\")": "'=HYPERLINK(\"http://x\")",
		"+1+1":                     "'+1+1",
		"-1+cmd|' /C calc'!A0":     "'-1+cmd|' /C calc'!A0",
		"@SUM(A1:A9)":              "'@SUM(A1:A9)",
		"\t=1":                     `\x09=1`, // escaped: starts with a backslash now
		"\r=1":                     `\x0d=1`,
		"L-0001":                   "L-0001",
		"1 Pixel Punks #1234":      "1 Pixel Punks #1234",
		"":                         "",
		"a\nb":                     `a\x0ab`,
	}
	for in, want := range cases {
		if got := CSVField(in); got != want {
			t.Errorf("CSVField(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzString checks the rule on arbitrary input: the output is valid
// UTF-8 with no C0 or C1 control, DEL, bidi control or line separator;
// nothing in it is an escape sequence to a terminal; its width is what
// Width says and what runewidth measures; String is idempotent; and
// safe input comes back unchanged.
func FuzzString(f *testing.F) {
	for _, c := range hostile {
		f.Add(c.in)
	}
	f.Add("Lunar Lynx Society #4417")
	f.Add("日本\x1b[31mred\x1b[m")
	f.Fuzz(func(t *testing.T, s string) {
		out := String(s)
		if !utf8.ValidString(out) {
			t.Fatalf("String(%q) = %q is not valid UTF-8", s, out)
		}
		for i, r := range out {
			if r < 0x20 || r == 0x7f || r >= 0x80 && r <= 0x9f || IsControl(r) {
				t.Fatalf("String(%q) = %q holds %U at %d", s, out, r, i)
			}
		}
		for i := 0; i < len(out); i++ {
			if c := out[i]; c < 0x20 || c == 0x7f {
				t.Fatalf("String(%q) = %q holds byte %#x", s, out, c)
			}
		}
		if ansi.Strip(out) != out {
			t.Fatalf("String(%q) = %q still holds an escape sequence", s, out)
		}
		if w, rw := Width(s), runewidth.StringWidth(out); w != rw {
			t.Fatalf("Width(%q) = %d, runewidth of %q = %d", s, w, out, rw)
		}
		if again := String(out); again != out {
			t.Fatalf("String is not idempotent: %q -> %q -> %q", s, out, again)
		}
		if Safe(s) != (out == s) {
			t.Fatalf("Safe(%q) = %v, but String gives %q", s, Safe(s), out)
		}
		if c := CSVField(s); strings.ContainsAny(c[min(1, len(c)):], "\t\r\n") || len(c) > 0 && strings.ContainsRune("=+-@\t\r", rune(c[0])) {
			t.Fatalf("CSVField(%q) = %q starts a formula or holds a control", s, c)
		}
	})
}

func TestIndexControl(t *testing.T) {
	cases := map[string]int{
		"":               -1,
		"L-0001":         -1,
		"日本\xff":         -1,
		"\x1b[2J":        0,
		"ab\u202e":       2,
		"日\u009b":        3,
		"L-0002\r\nFAKE": 6,
		"x\x7f":          1,
	}
	for s, want := range cases {
		if got := IndexControl(s); got != want {
			t.Errorf("IndexControl(%q) = %d, want %d", s, got, want)
		}
	}
}
