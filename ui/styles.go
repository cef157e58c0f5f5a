package ui

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

// Styles is every style the TUI draws with, built from a few semantic
// tokens so that light and dark terminals both read well.
type Styles struct {
	Dark bool

	// Semantic tokens.
	Loss     lipgloss.Style
	Gain     lipgloss.Style
	Wash     lipgloss.Style
	Muted    lipgloss.Style
	Header   lipgloss.Style
	Selected lipgloss.Style

	// Derived styles.
	Title     lipgloss.Style
	TabActive lipgloss.Style
	Tab       lipgloss.Style
	Label     lipgloss.Style
	Error     lipgloss.Style
	Status    lipgloss.Style
	Panel     lipgloss.Style   // preview panel frame
	Dialog    lipgloss.Style   // dialog box
	Saved     lipgloss.Style   // the TAX SAVED figure
	Cost      lipgloss.Style   // a tax increase
	Input     textinput.Styles // the filter, basket edit and file name inputs

	// Pre-rendered escape sequences for table cells (see paint).
	paints paints
	help   help.Styles
}

// paint is the escape sequence a style opens and closes with, computed once
// so that table cells are styled without calling lipgloss per cell.
type paint struct{ pre, post string }

type paints struct {
	none, loss, gain, wash, muted, header, selected paint
}

func paintOf(s lipgloss.Style) paint {
	const mark = "\x00"
	out := s.Render(mark)
	pre, post, ok := strings.Cut(out, mark)
	if !ok {
		return paint{}
	}
	return paint{pre: pre, post: post}
}

// NewStyles returns the styles for a dark (isDark) or light background.
// The selected row is reverse video and bold, which survives NO_COLOR.
func NewStyles(isDark bool) Styles {
	ld := lipgloss.LightDark(isDark)
	red := ld(lipgloss.Color("124"), lipgloss.Color("203"))
	green := ld(lipgloss.Color("28"), lipgloss.Color("78"))
	amber := ld(lipgloss.Color("130"), lipgloss.Color("214"))
	grey := ld(lipgloss.Color("244"), lipgloss.Color("245"))
	accent := ld(lipgloss.Color("25"), lipgloss.Color("117"))
	border := ld(lipgloss.Color("250"), lipgloss.Color("240"))

	s := Styles{Dark: isDark}
	s.Loss = lipgloss.NewStyle().Foreground(red)
	s.Gain = lipgloss.NewStyle().Foreground(green)
	s.Wash = lipgloss.NewStyle().Foreground(amber)
	s.Muted = lipgloss.NewStyle().Foreground(grey)
	s.Header = lipgloss.NewStyle().Bold(true).Foreground(accent)
	s.Selected = lipgloss.NewStyle().Reverse(true).Bold(true)

	s.Title = lipgloss.NewStyle().Bold(true)
	s.TabActive = lipgloss.NewStyle().Bold(true).Reverse(true)
	s.Tab = lipgloss.NewStyle().Foreground(grey)
	s.Label = lipgloss.NewStyle().Foreground(grey)
	s.Error = lipgloss.NewStyle().Foreground(red).Bold(true)
	s.Status = lipgloss.NewStyle().Foreground(accent)
	s.Panel = lipgloss.NewStyle().Foreground(border)
	s.Dialog = lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(accent).Padding(0, 1)
	s.Saved = lipgloss.NewStyle().Bold(true).Foreground(green)
	s.Cost = lipgloss.NewStyle().Bold(true).Foreground(red)
	s.Input = inputStyles(s)

	s.paints = paints{
		loss:     paintOf(s.Loss),
		gain:     paintOf(s.Gain),
		wash:     paintOf(s.Wash),
		muted:    paintOf(s.Muted),
		header:   paintOf(s.Header),
		selected: paintOf(s.Selected),
	}
	s.help = help.DefaultStyles(isDark)
	return s
}

// amountPaint picks the loss or gain paint by sign.
func (s *Styles) amountPaint(sign int) paint {
	switch {
	case sign < 0:
		return s.paints.loss
	case sign > 0:
		return s.paints.gain
	}
	return s.paints.none
}

// amountStyle picks the loss or gain style by sign.
func (s *Styles) amountStyle(sign int) lipgloss.Style {
	switch {
	case sign < 0:
		return s.Loss
	case sign > 0:
		return s.Gain
	}
	return lipgloss.NewStyle()
}

// inputStyles styles a text input from the tokens: an accent prompt, the
// text plain, the placeholder muted, and a steady reverse-video cursor
// (no blink, so screens do not depend on timing).
func inputStyles(s Styles) textinput.Styles {
	state := textinput.StyleState{
		Prompt:      s.Status,
		Text:        lipgloss.NewStyle(),
		Placeholder: s.Muted,
		Suggestion:  s.Muted,
	}
	blurred := state
	blurred.Prompt, blurred.Text = s.Muted, s.Muted
	return textinput.Styles{
		Focused: state,
		Blurred: blurred,
		Cursor:  textinput.CursorStyle{Color: lipgloss.NoColor{}, Shape: tea.CursorBlock, Blink: false},
	}
}
