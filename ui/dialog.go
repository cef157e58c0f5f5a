package ui

import (
	"fmt"
	"strings"

	"nftharvest/taxrules"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// Action is what a dialog asks the model to do after a message.
type Action int

const (
	// ActionNone: the dialog handled the message (or ignored it).
	ActionNone Action = iota
	// ActionConfirm: the user confirmed (enter).
	ActionConfirm
	// ActionCancel: the user cancelled (esc).
	ActionCancel
)

// dialogKind is which question a dialog asks.
type dialogKind int

const (
	dlgRecord dialogKind = iota
	dlgUndo
	dlgSaveAs
	dlgOverwrite
	dlgExport
	dlgExportOverwrite
	dlgReplaceBasket
	dlgQuit
	dlgSort
	dlgUndoFileBatch
)

// String names the dialog for tests and logs.
func (k dialogKind) String() string {
	return [...]string{"record", "undo", "save as", "overwrite", "export", "export overwrite", "replace basket", "quit", "sort", "undo file batch"}[k]
}

// dialog is a modal question drawn over the screen. It owns its keys and
// an optional text input (a file name).
type dialog struct {
	kind  dialogKind
	title string
	body  []string
	// list scrolls (j/k, pgup/pgdn) when the box is taller than the
	// screen; foot follows it, pinned with the keys: the totals.
	list   []string
	foot   []string
	offset int // first list line shown
	// showKeys lists the dialog's keys under its body (? toggles it; a
	// dialog with a text input takes ? as text).
	showKeys bool
	page     int // list lines shown at the last view (0: all)
	maxOff   int // the last first line at the last view
	input    *textinput.Model
	confirm  string // what enter does, for the hint
	err      string
	busy     string // non-empty while a command runs ("Saving…")

	keys *KeyMap

	// What confirming acts on.
	write pendingWrite
	path  string
	// export is the year and format an export writes.
	export exportChoice
	// suggestion replaces the basket (dlgReplaceBasket).
	suggestion *taxrules.Suggestion
}

// HandleMsg feeds a message to the dialog and says what the user wants,
// with the command its input returns. While busy it ignores the keyboard.
func (d *dialog) HandleMsg(msg tea.Msg) (Action, tea.Cmd) {
	if d.busy != "" {
		return ActionNone, nil
	}
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		switch {
		case d.keys.is(msg, keyConfirm):
			if d.input != nil && strings.TrimSpace(d.input.Value()) == "" {
				d.err = "enter a file name"
				return ActionNone, nil
			}
			return ActionConfirm, nil
		case d.keys.is(msg, keyCancel):
			return ActionCancel, nil
		}
		if d.input == nil {
			if d.keys.is(msg, keyHelp) {
				d.showKeys = !d.showKeys
				return ActionNone, nil
			}
			d.scroll(msg)
			return ActionNone, nil
		}
		*d.input, cmd = d.input.Update(msg)
		d.err = ""
	case tea.PasteMsg:
		if d.input != nil {
			*d.input, cmd = d.input.Update(msg)
		}
	}
	return ActionNone, cmd
}

// value is the trimmed text of the dialog's input.
func (d *dialog) value() string {
	if d.input == nil {
		return ""
	}
	return strings.TrimSpace(d.input.Value())
}

// scroll moves the list by a key (j/k, pgup/pgdn, g/G); view clamps it.
func (d *dialog) scroll(msg tea.KeyPressMsg) {
	page := max(d.page, 1)
	switch {
	case d.keys.is(msg, keyDown):
		d.offset++
	case d.keys.is(msg, keyUp):
		d.offset--
	case d.keys.is(msg, keyPageDown):
		d.offset += page
	case d.keys.is(msg, keyPageUp):
		d.offset -= page
	case d.keys.is(msg, keyTop):
		d.offset = 0
	case d.keys.is(msg, keyBottom):
		d.offset = d.maxOff
	}
	d.offset = max(min(d.offset, d.maxOff), 0)
}

// view renders the dialog box for a screen of w×h cells. When the box
// would be taller than the screen, the list scrolls and the title, the
// foot (totals) and the keys stay.
func (d *dialog) view(st *Styles, w, h int, spin string) string {
	inner := max(min(w-6, 76), 10)
	var lines []string
	lines = append(lines, st.Title.Render(ansi.Truncate(safe(d.title), inner, "…")), "")
	for _, b := range d.body {
		lines = append(lines, wrapLine(b, inner)...)
	}
	var list, foot []string
	if d.showKeys {
		// First in the list, so that it scrolls on a short screen.
		list = append(list, st.Header.Render("Keys of this dialog"))
		for _, col := range d.keys.FullHelp() {
			for _, b := range col {
				list = append(list, wrapLine(st.Muted.Render(fmt.Sprintf("  %-12s %s", b.Help().Key, b.Help().Desc)), inner)...)
			}
		}
		list = append(list, "")
	}
	for _, b := range d.list {
		list = append(list, wrapLine(b, inner)...)
	}
	for _, b := range d.foot {
		foot = append(foot, wrapLine(b, inner)...)
	}
	var after []string // the input and the error, under the list
	if d.input != nil {
		d.input.SetWidth(max(inner-textWidth(d.input.Prompt)-1, 4))
		after = append(after, "", d.input.View())
	}
	if d.err != "" {
		wrapped := lipgloss.NewStyle().Width(inner).Render(safe(d.err))
		after = append(after, "")
		for _, l := range strings.Split(wrapped, "\n") {
			after = append(after, st.Error.Render(l))
		}
	}
	// Fixed: the title and body, the foot, what is after, a blank, the
	// key line and the border (2).
	room := h - len(lines) - len(foot) - len(after) - 1 - 1 - 2
	d.page, d.maxOff = 0, 0
	if len(list) > room {
		win := max(room-1, 1) // one line says where the window is
		d.maxOff = len(list) - win
		d.offset = min(d.offset, d.maxOff)
		d.page = win
		end := d.offset + win
		list = append(list[d.offset:end:end], st.Muted.Render(fmt.Sprintf("lines %d–%d of %d · j/k pgup/pgdn scroll", d.offset+1, end, len(list))))
	} else {
		d.offset = 0
	}
	lines = append(lines, list...)
	lines = append(lines, foot...)
	lines = append(lines, after...)
	lines = append(lines, "")
	switch {
	case d.busy != "":
		lines = append(lines, spin+" "+safe(d.busy))
	case d.err != "":
		lines = append(lines, st.Muted.Render("enter "+d.confirm+" again · esc close (nothing was changed)"))
	case d.input == nil:
		lines = append(lines, st.Muted.Render("enter "+d.confirm+" · esc cancel · ? keys"))
	default:
		lines = append(lines, st.Muted.Render("enter "+d.confirm+" · esc cancel"))
	}
	return st.Dialog.Render(strings.Join(lines, "\n"))
}

// overlay draws box centred over the screen content bg (w×h cells).
func overlay(bg, box string, w, h int) string {
	bw, bh := lipgloss.Width(box), lipgloss.Height(box)
	x, y := max((w-bw)/2, 0), max((h-bh)/2, 0)
	c := lipgloss.NewCanvas(w, h)
	c.Compose(lipgloss.NewCompositor(lipgloss.NewLayer(bg), lipgloss.NewLayer(box).X(x).Y(y).Z(1)))
	return c.Render()
}
