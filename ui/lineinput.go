package ui

import (
	"strings"
	"unicode"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

// lineInput is a one-line text input with a steady cursor. (Bubbles'
// textinput needs a clipboard module this build does not carry; this is
// the small part of it the TUI uses.)
type lineInput struct {
	Prompt      string
	Placeholder string
	value       []rune
	pos         int
	width       int // visible cells for the value; 0 = unlimited
	focused     bool
}

func newLineInput(prompt, value, placeholder string) lineInput {
	in := lineInput{Prompt: prompt, Placeholder: placeholder, focused: true}
	in.SetValue(value)
	return in
}

// Value is the typed text.
func (in *lineInput) Value() string { return string(in.value) }

// SetValue replaces the text and puts the cursor at its end.
func (in *lineInput) SetValue(s string) {
	in.value = []rune(s)
	in.pos = len(in.value)
}

// SetWidth limits the visible part of the value.
func (in *lineInput) SetWidth(w int) { in.width = w }

// Blur stops the input from taking keys.
func (in *lineInput) Blur() { in.focused = false }

// Update edits the text for a key press or a paste.
func (in *lineInput) Update(msg tea.Msg) {
	if !in.focused {
		return
	}
	switch msg := msg.(type) {
	case tea.PasteMsg:
		in.insert(msg.Content)
	case tea.KeyPressMsg:
		switch msg.String() {
		case "backspace", "ctrl+h":
			if in.pos > 0 {
				in.value = append(in.value[:in.pos-1], in.value[in.pos:]...)
				in.pos--
			}
		case "delete", "ctrl+d":
			if in.pos < len(in.value) {
				in.value = append(in.value[:in.pos], in.value[in.pos+1:]...)
			}
		case "left", "ctrl+b":
			in.pos = max(in.pos-1, 0)
		case "right", "ctrl+f":
			in.pos = min(in.pos+1, len(in.value))
		case "home", "ctrl+a":
			in.pos = 0
		case "end", "ctrl+e":
			in.pos = len(in.value)
		case "ctrl+u":
			in.value = in.value[in.pos:]
			in.pos = 0
		case "ctrl+k":
			in.value = in.value[:in.pos]
		case "ctrl+w", "alt+backspace":
			i := in.pos
			for i > 0 && unicode.IsSpace(in.value[i-1]) {
				i--
			}
			for i > 0 && !unicode.IsSpace(in.value[i-1]) {
				i--
			}
			in.value = append(in.value[:i], in.value[in.pos:]...)
			in.pos = i
		default:
			if msg.Text != "" && msg.Mod&^tea.ModShift == 0 {
				in.insert(msg.Text)
			}
		}
	}
}

func (in *lineInput) insert(s string) {
	var rs []rune
	for _, r := range s {
		if unicode.IsPrint(r) {
			rs = append(rs, r)
		}
	}
	if len(rs) == 0 {
		return
	}
	v := make([]rune, 0, len(in.value)+len(rs))
	v = append(v, in.value[:in.pos]...)
	v = append(v, rs...)
	v = append(v, in.value[in.pos:]...)
	in.value = v
	in.pos += len(rs)
}

var cursorStyle = lipgloss.NewStyle().Reverse(true)

// View renders the prompt, the text and a reverse-video cursor; a long
// value scrolls so the cursor stays visible.
func (in *lineInput) View() string {
	if len(in.value) == 0 && in.Placeholder != "" {
		ph := []rune(in.Placeholder)
		return in.Prompt + cursorStyle.Render(string(ph[:1])) + lipgloss.NewStyle().Faint(true).Render(string(ph[1:]))
	}
	v := in.value
	pos := in.pos
	if in.width > 0 && len(v) >= in.width {
		start := max(pos-in.width+1, 0)
		end := min(start+in.width, len(v))
		v, pos = v[start:end], pos-start
	}
	var b strings.Builder
	b.WriteString(in.Prompt)
	b.WriteString(string(v[:pos]))
	if pos < len(v) {
		b.WriteString(cursorStyle.Render(string(v[pos])))
		b.WriteString(string(v[pos+1:]))
	} else {
		b.WriteString(cursorStyle.Render(" "))
	}
	return b.String()
}
