package ui

import (
	"strings"
	"testing"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// footer is the plain last line of the screen.
func (h *harness) footer() string {
	lines := strings.Split(h.screen(), "\n")
	return lines[len(lines)-1]
}

// The cursor is steady: focusing asks for no blink timer and a blink
// message changes nothing, so screens do not depend on timing.
func TestInputSteadyCursor(t *testing.T) {
	h := newHarness(t, 100, 30, "", nil)
	in, cmd := h.m.newInput("/ ", "koi", "", nil)
	if cmd != nil {
		t.Error("focusing the input returned a command (a blinking cursor)")
	}
	before := in.View()
	if !strings.Contains(before, "\x1b[7m") {
		t.Errorf("no reverse-video cursor in %q", before)
	}
	for range 3 {
		var cmd tea.Cmd
		in, cmd = in.Update(textinput.Blink())
		if cmd != nil {
			t.Fatal("a blink message scheduled another blink")
		}
	}
	if got := in.View(); got != before {
		t.Errorf("the input changed on a blink:\n%q\n%q", before, got)
	}
}

// A long value scrolls inside its field: the footer keeps its width and
// shows the end being typed; the whole value is still what applies.
func TestInputScrolls(t *testing.T) {
	h := newHarness(t, 80, 24, "", nil)
	h.gotoLot("L-0003")
	h.keys("space", "e")
	long := strings.Repeat("1234567890", 3) + "123456789.5" // 40 digits, the most a file takes
	h.typeText(long)
	f := h.footer()
	if w := ansi.StringWidth(f); w > 80 {
		t.Errorf("footer is %d wide: %q", w, f)
	}
	if !strings.Contains(f, "456789.5") || strings.Contains(f, long) {
		t.Errorf("footer does not scroll to the typed end: %q", f)
	}
	if h.m.edit.err != "" {
		t.Errorf("a long valid price was refused: %s", h.m.edit.err)
	}
	h.keys("enter")
	if it, _ := h.m.basket.item("L-0003"); it.price == nil || it.price.String() != long {
		t.Errorf("price = %v, want %s", it.price, long)
	}
}

// The error or hint follows the typed value, not the end of the field.
func TestInputHintFollowsValue(t *testing.T) {
	h := newHarness(t, 120, 40, "", nil)
	h.keys("space", "d")
	h.typeText("2026-13")
	if f := h.footer(); !strings.Contains(f, "2026-13  ✗ ") {
		t.Errorf("the error is not next to the value: %q", f)
	}
	h.keys("esc", "d")
	if f := h.footer(); !strings.Contains(f, "Sale date (YYYY-MM-DD): 2026-11-28 enter apply") {
		t.Errorf("empty date: placeholder then hint: %q", f)
	}
}

// A file name can be pasted into a dialog (bracketed paste) and edited
// with the usual keys.
func TestDialogInputPaste(t *testing.T) {
	h := newHarness(t, 120, 40, "", nil)
	h.keys("x")
	if h.m.dialog == nil || h.m.dialog.input == nil {
		t.Fatal("x: no export dialog")
	}
	h.send(tea.KeyPressMsg{Code: 'u', Mod: tea.ModCtrl}) // clear before the cursor
	h.send(tea.PasteMsg{Content: "./out\t8949.csv"})
	if got := h.m.dialog.value(); got != "./out 8949.csv" {
		t.Errorf("pasted name = %q", got)
	}
	if !strings.Contains(h.screen(), "File: ./out 8949.csv") {
		t.Errorf("the dialog does not show the pasted name:\n%s", h.screen())
	}
}
