package ui

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
	"github.com/mattn/go-runewidth"
)

// hostileFixture holds collection names that retitle the window (OSC 0),
// clear the screen, write the clipboard (OSC 52), fake rows (\r\n), and
// carry the 8-bit CSI (U+009B) and a right-to-left override (U+202E).
const hostileFixture = "../testdata/hostile/hostile-names.json"

// sgr matches the style sequences the app itself writes.
var sgr = regexp.MustCompile(`\x1b\[[0-9;:]*m`)

// rawControl returns the text around the first character of a frame that
// must not reach the terminal raw: once the app's own style sequences are
// removed, any C0 control but the line feed, DEL, a C1 or bidi control,
// a line separator or invalid UTF-8.
func rawControl(frame string) (string, bool) {
	s := sgr.ReplaceAllString(frame, "")
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1,
			r < 0x20 && r != '\n', r >= 0x7f && r <= 0x9f,
			r == 0x061c, r == 0x200e, r == 0x200f, r >= 0x2028 && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
			return s[max(i-30, 0):min(i+30, len(s))], true
		}
		i += size
	}
	return "", false
}

// checkNoRawControls fails when the view or the window title holds a raw
// control.
func checkNoRawControls(t *testing.T, what string, h *harness) {
	t.Helper()
	v := h.m.View()
	if near, bad := rawControl(v.Content); bad {
		t.Errorf("%s: the frame holds a raw control near %q", what, near)
	}
	if near, bad := rawControl(v.WindowTitle); bad {
		t.Errorf("%s: the window title holds a raw control near %q", what, near)
	}
}

// cellCol is the cell column at which byte offset i of plain line l is.
func cellCol(l string, i int) int { return runewidth.StringWidth(l[:i]) }

var dateRE = regexp.MustCompile(`\d{4}-\d{2}-\d{2}`)

// TestHostileNamesInTheApp checks every screen of the app on the hostile
// fixture: names show as visible escapes, columns stay aligned, no row is
// faked, and nothing but the app's own styles reaches the terminal.
func TestHostileNamesInTheApp(t *testing.T) {
	h := newHarness(t, 120, 36, hostileFixture, nil)
	checkNoRawControls(t, "holdings", h)
	scr := h.screen()
	for _, want := range []string{`Title\x1b]0;pwned\x07Ca…`, `Clear\x1b[2JDogs`, `Clip\x1b]52;c;cHduZWQ=\…`,
		`Rows\x0d\x0aL-0999 FAKE `, `Csi\u009b2JFish`, `Rtl\u202eesrever`} {
		if !strings.Contains(scr, want) {
			t.Errorf("holdings do not show %q:\n%s", want, scr)
		}
	}
	// The Acquired dates of all six rows start in the same column.
	var cols []int
	for _, l := range strings.Split(scr, "\n") {
		if strings.HasPrefix(strings.TrimLeft(l, " ›●"), "L-0999") {
			t.Errorf("a name faked a row: %q", l)
		}
		if strings.Contains(l, " L-000") {
			cols = append(cols, cellCol(l, dateRE.FindStringIndex(l)[0]))
		}
	}
	if len(cols) != 6 {
		t.Fatalf("%d lot rows, want 6:\n%s", len(cols), scr)
	}
	for _, c := range cols {
		if c != cols[0] {
			t.Errorf("columns shift: the dates start at %v:\n%s", cols, scr)
			break
		}
	}
	checkFrame(t, h.m.View().Content, 120, 36)

	h.keys("2")
	checkNoRawControls(t, "collections", h)
	if scr := h.screen(); !strings.Contains(scr, `Rows\x0d\x0aL-0999 FAKE`) {
		t.Errorf("collections do not show the name escaped:\n%s", scr)
	}
	h.keys("enter") // filters the holdings by the collection, with a status line
	checkNoRawControls(t, "status line", h)
	h.keys("esc", "3")
	checkNoRawControls(t, "realized", h)
	if scr := h.screen(); !strings.Contains(scr, `Rows\x0d\x0`) {
		t.Errorf("realized does not show the name escaped:\n%s", scr)
	}

	// The detail of L-0001: name, contract, transaction, wallet and note.
	h.keys("1")
	h.gotoLot("L-0001")
	h.keys("enter")
	checkNoRawControls(t, "detail", h)
	scr = h.screen()
	for _, want := range []string{`L-0001  Title\x1b]0;pwned\x07Cats #1`, `0x\x1b[2J1111`, `0x\x1b]0;tx\x07`, `0x\u202e9999`,
		`bought\x1b]52;c;cHduZWQ=\x07 at the\x0dL-0998 FAKE\x0abottom \u009b2J \u202eesrever`} {
		if !strings.Contains(scr, want) {
			t.Errorf("detail does not show %q:\n%s", want, scr)
		}
	}
}

// TestHostileNamesInRecordDialog checks the "Record these sales?" dialog:
// the names are escaped, no fake row, and the box's right border stays in
// one column (a control counted at the wrong width would shift it).
func TestHostileNamesInRecordDialog(t *testing.T) {
	h := newHarness(t, 120, 36, hostileFixture, nil)
	for _, lot := range []string{"L-0004", "L-0001", "L-0005", "L-0006"} {
		h.gotoLot(lot)
		h.keys("space")
	}
	h.keys("m")
	if h.m.dialog == nil || h.m.dialog.kind != dlgRecord {
		t.Fatal("no record dialog")
	}
	checkNoRawControls(t, "record dialog", h)
	scr := h.screen()
	for _, want := range []string{"Record these sales?", `L-0004 Rows\x0d\x0aL-0999 FAKE #4 ×1  proceeds 100.00`,
		`L-0001 Title\x1b]0;pwned\x07Cats #1 ×1`, `L-0005 Csi\u009b2JFish #-5 ×1`, `L-0006 Rtl\u202eesrever #@6 ×1`} {
		if !strings.Contains(scr, want) {
			t.Errorf("dialog does not show %q:\n%s", want, scr)
		}
	}
	checkBox(t, scr)
	checkFrame(t, h.m.View().Content, 120, 36)
}

// checkBox asserts that every line of the dialog box has its right border
// in the column of the top right corner.
func checkBox(t *testing.T, scr string) {
	t.Helper()
	lines := strings.Split(scr, "\n")
	top, right := -1, -1
	for i, l := range lines {
		if j := strings.Index(l, "╮"); j >= 0 {
			top, right = i, cellCol(l, j)
			break
		}
	}
	if top < 0 {
		t.Fatalf("no dialog box:\n%s", scr)
	}
	for _, l := range lines[top+1:] {
		col, ch := 0, ""
		for _, r := range l {
			if col == right {
				ch = string(r)
				break
			}
			col += runewidth.RuneWidth(r)
		}
		if ch == "╯" {
			return
		}
		if ch != "│" {
			t.Errorf("the box's right border is not in column %d on %q", right, l)
		}
	}
	t.Errorf("no bottom of the box:\n%s", scr)
}

// TestHostileFileNameInTitle checks that a file name holding an escape
// sequence reaches the window title and the header escaped.
func TestHostileFileNameInTitle(t *testing.T) {
	data, err := os.ReadFile(hostileFixture)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "p\x1b]0;pwned\x07\u202e.json")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	h := newHarness(t, 120, 36, path, nil)
	checkNoRawControls(t, "hostile file name", h)
	if title := h.m.View().WindowTitle; !strings.HasSuffix(title, `p\x1b]0;pwned\x07\u202e.json`) {
		t.Errorf("window title %q", title)
	}
	if first := strings.SplitN(h.screen(), "\n", 2)[0]; !strings.Contains(first, `p\x1b]0;pwned\x07\u202e.json`) {
		t.Errorf("header %q", first)
	}
}

// TestWrapLineIsLinear wraps 1 MB of text, as words and as one word: the
// old wrap cut a long word one line at a time from its start (quadratic:
// over a minute for 1 MB); this must finish well within the test timeout.
// The lines are checked, and the benchmark below measures it.
func TestWrapLineIsLinear(t *testing.T) {
	for _, s := range []string{strings.Repeat("abcdefghi ", 100_000), strings.Repeat("x", 1<<20), strings.Repeat("日本", 1<<18)} {
		lines := wrapLine(s, 77)
		var total int
		for _, l := range lines {
			if w := ansi.StringWidth(l); w > 77 {
				t.Fatalf("line of %d cells", w)
			}
			total += len(strings.ReplaceAll(l, " ", ""))
		}
		if want := len(strings.ReplaceAll(s, " ", "")); total != want {
			t.Fatalf("wrapped text holds %d bytes, want %d", total, want)
		}
	}
}

func BenchmarkWrapLine1MB(b *testing.B) {
	for _, c := range []struct{ name, s string }{
		{"words", strings.Repeat("abcdefghi ", 100_000)},
		{"one-word", strings.Repeat("x", 1<<20)},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(c.s)))
			for b.Loop() {
				wrapLine(c.s, 77)
			}
		})
	}
}

// TestLongNoteDetail opens the detail of a lot with the longest note the
// format allows (64 KiB, one word): it is drawn, scrolls, and is wrapped
// once, not on every frame.
func TestLongNoteDetail(t *testing.T) {
	data, err := os.ReadFile(hostileFixture)
	if err != nil {
		t.Fatal(err)
	}
	// 64 KiB once unescaped, the limit, shown escaped.
	note := `, "note": "` + strings.Repeat(`\u001b[2J`, 1<<14) + `"`
	text := strings.Replace(string(data), `"cost": "900.00"`, `"cost": "900.00"`+note, 1)
	path := filepath.Join(t.TempDir(), "long-note.json")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	h := newHarness(t, 80, 24, path, nil)
	h.gotoLot("L-0002")
	h.keys("enter")
	checkNoRawControls(t, "long note", h)
	n := len(h.m.detail.wrap)
	if n < (1<<14)*len(`\x1b[2J`)/80 {
		t.Fatalf("the note is wrapped into %d lines", n)
	}
	wrapped := &h.m.detail.wrap[0]
	h.keys("pgdown")
	checkNoRawControls(t, "long note, scrolled", h)
	if &h.m.detail.wrap[0] != wrapped {
		t.Error("the detail was wrapped again for a new frame")
	}
	checkFrame(t, h.m.View().Content, 80, 24)
}
