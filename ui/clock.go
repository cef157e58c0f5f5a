package ui

import (
	"fmt"

	"nftharvest/portfolio"

	tea "charm.land/bubbletea/v2"
)

// The app reads its clock for each action (a key, a click, a paste), not
// once at start: left open past midnight it must date a sale today, not
// yesterday, and refuse nothing that happened today.

// clockOf is the clock of opts: Clock, else the fixed Today.
func clockOf(opts Options) func() portfolio.Date {
	if opts.Clock != nil {
		return opts.Clock
	}
	today := opts.Today
	return func() portfolio.Date { return today }
}

// reanalysedMsg is the analysis of the open file as of a new date.
type reanalysedMsg struct {
	d     *dataset
	today portfolio.Date
}

// checkDate reads the clock. When the date changed since the last action
// it says so in the status line (and that the tax year of a sale made
// today changed, across 31 December), re-dates the preview of a basket
// without a date of its own, closes a "Record these sales?" dialog that
// listed the old date (swallow: the key that noticed the change must not
// confirm it), and analyses the file again as of the new date.
func (m *Model) checkDate() (cmd tea.Cmd, swallow bool) {
	now := m.clock()
	var cmds []tea.Cmd
	if now != m.today {
		was := m.today
		m.today = now
		text := fmt.Sprintf("Date changed to %s", now)
		if now.Year() != was.Year() {
			text += fmt.Sprintf(": tax year %d (a sale today counts in %d, not %d)", now.Year(), now.Year(), was.Year())
		}
		if m.basket.date != 0 {
			text += fmt.Sprintf("; the basket keeps its sale date %s", m.basket.date)
		}
		if m.dialog != nil && m.dialog.kind == dlgRecord && m.dialog.busy == "" {
			m.dialog = nil
			m.focus = focusTable
			swallow = true
			text += "; nothing recorded: press m to review the sales with the new date"
		}
		m.simulate(&m.basket)
		cmds = append(cmds, m.setStatus(text+".", false))
	}
	if d := m.data; m.loadStage() == stageReady && d.a.AsOf != m.today && m.reanalysing != m.today {
		m.reanalysing = m.today
		cmds = append(cmds, m.reanalyseCmd(d, m.today))
	}
	return tea.Batch(cmds...), swallow
}

// reanalyseCmd analyses d's portfolio again as of today, off the UI loop.
func (m *Model) reanalyseCmd(d *dataset, today portfolio.Date) tea.Cmd {
	return func() tea.Msg {
		nd, err := buildDataset(d.file, d.p, today, true)
		if err != nil {
			return loadFailedMsg{err: err, reload: true}
		}
		return reanalysedMsg{d: nd, today: today}
	}
}

// reanalysed installs a new analysis unless the data changed meanwhile
// (a save or a reload, which analysed as of their own date).
func (m *Model) reanalysed(msg reanalysedMsg) {
	if m.reanalysing == msg.today {
		m.reanalysing = 0
	}
	if m.data == nil || m.data.p != msg.d.p || msg.today != m.today {
		return
	}
	m.setData(msg.d)
}
