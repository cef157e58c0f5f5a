package ui

import (
	"bytes"
	"fmt"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
)

// Golden files of the screen live in testdata/TestGolden*/; regenerate
// them with: go test ./ui -run TestGolden -update

// scenario drives a fresh model to a screen worth keeping.
type scenario struct {
	name  string
	setup func(h *harness)
}

var scenarios = []scenario{
	{"holdings", func(h *harness) {}},
	{"preview_wash", func(h *harness) {
		// L-0024 is at wash risk: 3 of its 8 units are replaced by L-0047.
		h.gotoLot("L-0003")
		h.keys("space")
		h.gotoLot("L-0024")
		h.keys("space")
	}},
	{"filtered_losses_short", func(h *harness) { h.keys("l", "t", "s") }},
	{"detail", func(h *harness) { h.gotoLot("L-0040"); h.keys("enter") }},
	{"collections", func(h *harness) { h.keys("2") }},
	{"realized", func(h *harness) { h.keys("3") }},
	{"confirm", func(h *harness) {
		h.gotoLot("L-0003")
		h.keys("space")
		h.gotoLot("L-0024")
		h.keys("space", "m")
	}},
	{"edit_invalid", func(h *harness) { h.keys("space", "e"); h.typeText("12x") }},
	{"help", func(h *harness) { h.keys("?") }},
	{"export_turbotax", func(h *harness) { h.keys("x", "tab") }},
	{"replace_basket", func(h *harness) { h.keys("space", "H") }},
	{"quit_basket", func(h *harness) { h.keys("space", "q") }},
	{"undo_file_batch", func(h *harness) { h.keys("u", "enter") }},
	{"sort_menu", func(h *harness) { h.keys("o") }},
	{"dialog_keys", func(h *harness) { h.keys("space", "m", "?") }},
	{"record_9_lots", func(h *harness) { fillBasket(h, 9); h.keys("m") }},
}

// profiled renders content as a terminal with profile p would receive it.
func profiled(content string, p colorprofile.Profile) string {
	var b bytes.Buffer
	w := &colorprofile.Writer{Forward: &b, Profile: p}
	if _, err := w.Write([]byte(content)); err != nil {
		panic(err)
	}
	return b.String()
}

func screenSize(w int) (int, int) {
	if w >= 120 {
		return w, 40
	}
	return w, 24
}

// TestGoldenText keeps the plain text of every scenario at 50, 80 and 120
// columns: what a user reads, whatever the colours.
func TestGoldenText(t *testing.T) {
	for _, sc := range scenarios {
		for _, w := range []int{50, 80, 120} {
			t.Run(fmt.Sprintf("%s_%d", sc.name, w), func(t *testing.T) {
				cols, rows := screenSize(w)
				h := newHarness(t, cols, rows, "", nil)
				sc.setup(h)
				content := h.m.View().Content
				checkFrame(t, content, cols, rows)
				golden.RequireEqual(t, ansi.Strip(content))
			})
		}
	}
}

// TestGoldenColour keeps the styled screen at 80 and 120 columns on dark
// and light backgrounds (256-colour profile), and without colour
// (NO_COLOR: the selection must still show as reverse video).
func TestGoldenColour(t *testing.T) {
	for _, sc := range []string{"holdings", "preview_wash"} {
		var setup func(*harness)
		for _, s := range scenarios {
			if s.name == sc {
				setup = s.setup
			}
		}
		for _, w := range []int{80, 120} {
			for _, bg := range []string{"dark", "light", "nocolor"} {
				t.Run(fmt.Sprintf("%s_%d_%s", sc, w, bg), func(t *testing.T) {
					cols, rows := screenSize(w)
					h := newHarness(t, cols, rows, "", nil)
					h.send(tea.BackgroundColorMsg{Color: bgColor(bg)})
					setup(h)
					p := colorprofile.ANSI256
					if bg == "nocolor" {
						p = colorprofile.ASCII
					}
					out := profiled(h.m.View().Content, p)
					if bg == "nocolor" && !bytes.Contains([]byte(out), []byte("\x1b[1;7m")) {
						t.Error("no reverse video left without colour")
					}
					golden.RequireEqual(t, out)
				})
			}
		}
	}
	// Dark and light differ.
	hd := newHarness(t, 80, 24, "", nil)
	hl := newHarness(t, 80, 24, "", nil)
	hl.send(tea.BackgroundColorMsg{Color: bgColor("light")})
	if hd.m.View().Content == hl.m.View().Content {
		t.Error("light and dark backgrounds render the same")
	}
}

// TestScenariosFitSmallScreens: every scenario's screen keeps to the
// terminal at 45x15 and 160x45 (the smallest and largest).
func TestScenariosFitSmallScreens(t *testing.T) {
	for _, sc := range scenarios {
		for _, sz := range [][2]int{{45, 15}, {160, 45}} {
			t.Run(fmt.Sprintf("%s_%dx%d", sc.name, sz[0], sz[1]), func(t *testing.T) {
				h := newHarness(t, sz[0], sz[1], "", nil)
				sc.setup(h)
				checkFrame(t, h.m.View().Content, sz[0], sz[1])
			})
		}
	}
}
