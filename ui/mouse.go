package ui

// Mouse: the wheel scrolls, a click selects a tab or a row or sorts by a
// column header.

import (
	"fmt"

	tea "charm.land/bubbletea/v2"
)

// handleWheel scrolls the table or the detail.
func (m *Model) handleWheel(msg tea.MouseWheelMsg) tea.Cmd {
	if m.data == nil || m.dialog != nil {
		return nil
	}
	delta := 0
	switch msg.Button {
	case tea.MouseWheelUp:
		delta = -3
	case tea.MouseWheelDown:
		delta = 3
	default:
		return nil
	}
	switch m.mode {
	case modeBrowse:
		m.current().scroll(delta)
	case modeDetail:
		page := max(m.lay.footerY-m.lay.tableY, 1)
		n := len(m.detail.wrapped(max(m.width, 1)))
		m.detail.offset = min(max(m.detail.offset+delta, 0), max(n-page, 0))
	}
	return nil
}

// handleClick selects a tab, sorts by a header or selects a row.
func (m *Model) handleClick(msg tea.MouseClickMsg) tea.Cmd {
	if m.data == nil || m.dialog != nil || msg.Button != tea.MouseLeft || m.focus == focusInput {
		return nil
	}
	l := &m.lay
	switch {
	case msg.Y == l.tabsY && m.mode != modeHelp:
		x := 0
		for i := range tabCount {
			wdt := len(fmt.Sprintf(" %d %s ", i+1, i))
			if m.compactTabs(m.width) {
				wdt = len(fmt.Sprintf(" %d %s ", i+1, i.String()[:4]))
			}
			if msg.X >= x && msg.X < x+wdt {
				m.tab = i
				m.mode = modeBrowse
				return nil
			}
			x += wdt
		}
	case m.mode != modeBrowse || msg.X >= l.tableW:
		return nil
	case msg.Y == l.tableY:
		if f, ok := m.current().keyAt(msg.X); ok {
			m.current().setSort(f, true)
		}
	case msg.Y >= l.bodyY && msg.Y < l.bodyY+l.bodyH:
		m.current().clickRow(msg.Y - l.bodyY)
	}
	return nil
}
