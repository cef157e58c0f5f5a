package ui

import (
	"errors"
	"fmt"
	"strings"

	"nftharvest/storage"

	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"
)

// Update handles a message. Order: quit; an open dialog; global keys; then
// by focus and mode. The layout is recomputed after every message.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	cmd := m.update(msg)
	m.syncKeys()
	m.relayout()
	return m, cmd
}

func (m *Model) update(msg tea.Msg) tea.Cmd {
	if m.add != nil {
		// The "a" form gets the keyboard and its own messages.
		switch msg.(type) {
		case tea.KeyPressMsg, tea.PasteMsg, addDoneMsg, addCancelMsg:
			return m.updateAddForm(msg)
		case tea.WindowSizeMsg, tea.BackgroundColorMsg:
			m.updateAddForm(msg)
		}
	}
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		if m.focus == focusInput {
			m.sizeInput()
		}
		if m.loadStage() == stageFirst && m.data.hold.Len() < m.height {
			// The first frame's rows no longer fill the screen: back to
			// the loading screen until the full dataset (fullCmd).
			m.data, m.tables = nil, [tabCount]*table{}
			return m.spinTick()
		}
		return nil
	case tea.BackgroundColorMsg:
		m.setDark(msg.IsDark())
		return nil
	case spinner.TickMsg:
		if m.loadStage() == stageLoading || (m.dialog != nil && m.dialog.busy != "") {
			var cmd tea.Cmd
			m.spinner, cmd = m.spinner.Update(msg)
			return cmd
		}
		return nil
	case loadedMsg:
		if msg.d.stage == stageFirst {
			m.showFirst(msg.d)
			return m.fullCmd(msg.d)
		}
		dropped := m.setData(msg.d)
		if msg.reload {
			text := "Reloaded " + displayName(msg.d.file) + "."
			if n := m.basket.len(); n > 0 {
				text += fmt.Sprintf(" The basket keeps %d lot%s.", n, plural(n))
			}
			if dropped > 0 {
				text += fmt.Sprintf(" %d lot%s left it: no longer open in the file.", dropped, plural(dropped))
			}
			return tea.Batch(completeCmd(msg.d), m.setStatus(text, dropped > 0))
		}
		if msg.d.stage == stagePartial {
			// Keys pressed while loading wait for every table (completedMsg).
			return completeCmd(msg.d)
		}
		return m.replayQueued()
	case completedMsg:
		if d := msg.d; m.data == d && d.stage == stagePartial {
			d.coll, d.real, d.stage = msg.coll, msg.real, stageReady
			m.makeTable(tabCollections, d.coll, cfUnreal)
			m.makeTable(tabRealized, d.real, rfDate)
			m.applyFilters()
			return m.replayQueued()
		}
		return nil
	case loadFailedMsg:
		if !msg.reload {
			m.err = msg.err
			return tea.Quit
		}
		return m.setStatus("Reload failed: "+oneLine(msg.err), true)
	case writtenMsg:
		return m.written(msg)
	case writeFailedMsg:
		if m.dialog != nil {
			m.dialog.busy = ""
			m.dialog.err = "Not saved: " + msg.err.Error()
			return nil
		}
		return m.setStatus("Not saved: "+oneLine(msg.err), true)
	case writeExistsMsg:
		if m.dialog != nil {
			m.dialog = m.overwriteDialog(m.dialog.write, msg.path)
		}
		return nil
	case exportedMsg:
		m.dialog = nil
		m.focus = focusTable
		return m.setStatus(fmt.Sprintf("Exported %d Form 8949 rows (%d, %s) to %s.", msg.rows, msg.choice.year, m.exportFormat(msg.choice).name, msg.path), false)
	case exportExistsMsg:
		m.dialog = m.exportOverwriteDialog(msg.path, msg.choice)
		return nil
	case exportFailedMsg:
		if m.dialog != nil {
			m.dialog.busy = ""
			m.dialog.err = "Not exported: " + msg.err.Error()
		}
		return nil
	case clearStatusMsg:
		if msg.id == m.statusID {
			m.status = status{}
		}
		return nil
	case tea.KeyPressMsg:
		// A message lasts until the next key (or statusFade): the key bar
		// comes back as soon as the user does something else.
		m.status = status{}
		dated, swallow := m.checkDate()
		if swallow {
			return dated
		}
		return tea.Batch(dated, m.handleKey(msg))
	case reanalysedMsg:
		m.reanalysed(msg)
		return nil
	case tea.PasteMsg:
		dated, _ := m.checkDate()
		if m.dialog != nil {
			_, cmd := m.dialog.HandleMsg(msg)
			return tea.Batch(dated, cmd)
		}
		if m.focus == focusInput {
			return tea.Batch(dated, m.updateInput(msg))
		}
		return dated
	case tea.MouseWheelMsg:
		if m.loadStage() == stageFirst {
			return nil
		}
		return m.handleWheel(msg)
	case tea.MouseClickMsg:
		if m.loadStage() == stageFirst {
			return nil
		}
		dated, swallow := m.checkDate()
		if swallow {
			return dated
		}
		return tea.Batch(dated, m.handleClick(msg))
	}
	if m.add != nil {
		return m.updateAddForm(msg) // the form's own messages (focus, blink)
	}
	return nil
}

// setDark rebuilds the styles for the terminal's background.
func (m *Model) setDark(dark bool) {
	m.styles = NewStyles(dark)
	m.help.Styles = m.styles.help
	m.input.SetStyles(m.styles.Input)
	if m.dialog != nil && m.dialog.input != nil {
		m.dialog.input.SetStyles(m.styles.Input)
	}
	if m.mode == modeDetail {
		m.reopenDetail()
	}
}

func (m *Model) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	k := &m.keys
	if k.is(msg, keyForceQuit) {
		return tea.Quit
	}
	if m.dialog != nil {
		return m.handleDialog(msg)
	}
	if m.focus == focusInput {
		return m.handleInput(msg)
	}
	if m.loadStage().waits() {
		// The first load: everything but quit waits for the data and is
		// replayed on it.
		if k.is(msg, keyQuit) {
			return tea.Quit
		}
		m.queued = append(m.queued, msg)
		return nil
	}
	switch {
	case k.is(msg, keyQuit):
		return m.quit()
	case k.is(msg, keyHelp):
		if m.mode == modeHelp {
			m.mode = m.helpFrom
		} else {
			m.helpFrom, m.mode = m.mode, modeHelp
			m.helpCtx = keyContext{mode: m.helpFrom, tab: m.tab}
			m.helpOffset = 0
		}
		return nil
	}
	switch m.mode {
	case modeHelp:
		page := max(m.helpPage, 1)
		switch {
		case k.is(msg, keyBack):
			m.mode = m.helpFrom
		case k.is(msg, keyDown):
			m.helpOffset++
		case k.is(msg, keyUp):
			m.helpOffset--
		case k.is(msg, keyPageDown):
			m.helpOffset += page
		case k.is(msg, keyPageUp):
			m.helpOffset -= page
		case k.is(msg, keyTop):
			m.helpOffset = 0
		case k.is(msg, keyBottom):
			m.helpOffset = m.helpMaxOff
		}
		m.helpOffset = max(min(m.helpOffset, m.helpMaxOff), 0)
		return nil
	case modeDetail:
		return m.handleDetailKey(msg)
	}
	return m.handleBrowseKey(msg)
}

func (m *Model) handleDetailKey(msg tea.KeyPressMsg) tea.Cmd {
	k := &m.keys
	d := &m.detail
	page := max(m.lay.footerY-m.lay.tableY, 1)
	n := len(d.wrapped(max(m.width, 1)))
	switch {
	case k.is(msg, keyBack):
		m.mode = modeBrowse
	case k.is(msg, keyUp):
		d.offset = max(d.offset-1, 0)
	case k.is(msg, keyDown):
		d.offset = min(d.offset+1, max(n-page, 0))
	case k.is(msg, keyPageUp):
		d.offset = max(d.offset-page, 0)
	case k.is(msg, keyPageDown):
		d.offset = min(d.offset+page, max(n-page, 0))
	case k.is(msg, keyTop):
		d.offset = 0
	case k.is(msg, keyBottom):
		d.offset = max(n-page, 0)
	}
	return nil
}

func (m *Model) handleBrowseKey(msg tea.KeyPressMsg) tea.Cmd {
	k := &m.keys
	t := m.current()
	page := max(m.lay.bodyH, 1)
	switch {
	case k.is(msg, keyUp):
		t.move(-1)
	case k.is(msg, keyDown):
		t.move(1)
	case k.is(msg, keyPageUp):
		t.move(-page)
	case k.is(msg, keyPageDown):
		t.move(page)
	case k.is(msg, keyTop):
		t.top()
	case k.is(msg, keyBottom):
		t.bottom()
	case k.is(msg, keyNextTab):
		m.tab = (m.tab + 1) % tabCount
	case k.is(msg, keyPrevTab):
		m.tab = (m.tab + tabCount - 1) % tabCount
	case k.is(msg, keyTab1):
		m.tab = tabHoldings
	case k.is(msg, keyTab2):
		m.tab = tabCollections
	case k.is(msg, keyTab3):
		m.tab = tabRealized
	case k.is(msg, keySort):
		t.cycleSort()
	case k.is(msg, keyReverse):
		t.reverse()
	case k.is(msg, keySortMenu):
		m.openSortMenu()
	case k.is(msg, keyFilter):
		return m.openInput(editFilter, "", "/ ", m.filter.text, "text, or risk:no term:short loss gain adj:yes alike:no wallet:0x…")
	case k.is(msg, keyClearFilter):
		m.filter = filters{}
		m.applyFilters()
	case k.is(msg, keyLosses):
		m.filter.losses = !m.filter.losses
		m.applyFilters()
	case k.is(msg, keyTerm):
		m.filter.term = (m.filter.term + 1) % 3
		m.applyFilters()
	case k.is(msg, keyOpen):
		return m.open()
	case k.is(msg, keyToggle):
		if r, ok := t.selected(); ok {
			m.basket.toggle(m.data.hold.ID(r))
			m.simulate(&m.basket)
		}
	case k.is(msg, keySuggest):
		return m.suggest()
	case k.is(msg, keyAddShown):
		return m.addShown()
	case k.is(msg, keyClearBasket):
		m.basket.clear()
		m.simulate(&m.basket)
		return m.setStatus("Basket cleared.", false)
	case (k.is(msg, keyEditPrice) || k.is(msg, keyEditFees) || k.is(msg, keyEditDate) || k.is(msg, keyEditQty) || k.is(msg, keyMark)) && m.basket.len() == 0:
		return m.setStatus("The basket is empty: space adds the lot under the cursor, H suggests a harvest.", true)
	case k.is(msg, keyEditPrice), k.is(msg, keyEditFees):
		return m.editLot(k.is(msg, keyEditPrice))
	case k.is(msg, keyEditQty):
		return m.editQuantity()
	case k.is(msg, keyEditDate):
		v := ""
		if m.basket.date != 0 {
			v = m.basket.date.String()
		}
		return m.openInput(editDate, "", "Sale date (YYYY-MM-DD): ", v, m.today.String())
	case k.is(msg, keyMark):
		return m.openRecordDialog()
	case k.is(msg, keyUndo):
		return m.openUndoDialog()
	case k.is(msg, keyAdd):
		return m.openAddForm()
	case k.is(msg, keyExport):
		c := exportChoice{year: m.data.a.TaxYear}
		m.dialog = m.exportDialog(m.exportFormat(c).file(c.year), c)
		m.focus = focusDialog
	case k.is(msg, keyReload):
		return tea.Batch(m.loadCmd(true), m.setStatus("Reloading "+m.fileLabel()+"…", false))
	}
	return nil
}

// quit ends the app, after asking when the basket holds unsaved work.
func (m *Model) quit() tea.Cmd {
	n := m.basket.len()
	if n == 0 {
		return tea.Quit
	}
	m.dialog = &dialog{kind: dlgQuit, title: "Quit and drop the basket?",
		body:    []string{fmt.Sprintf("The basket has %d lot%s%s; it is not saved (m records a sale).", n, plural(n), m.basket.editedText())},
		confirm: "quit", keys: &m.keys}
	m.focus = focusDialog
	return nil
}

// open acts on enter: a lot's detail, or a collection's lots.
func (m *Model) open() tea.Cmd {
	t := m.current()
	r, ok := t.selected()
	if !ok {
		return nil
	}
	switch m.tab {
	case tabHoldings:
		st := m.data.hold.state(r)
		m.openDetail(&st)
	case tabCollections:
		row := &m.data.coll.rows[r]
		name := row.Name
		m.filter = filters{collection: row.ID, collName: name}
		m.applyFilters()
		m.tab = tabHoldings
		m.current().top()
		return m.setStatus("Lots of "+name+" (esc clears the filter).", false)
	case tabRealized:
		lot := m.data.real.rows[r].r.Lot
		if i, ok := m.data.a.Index.LotIndex(lot); ok {
			st := m.data.a.LotState(i)
			m.openDetail(&st)
		}
	}
	return nil
}

// reopenDetail rebuilds the detail lines (new data or new styles).
func (m *Model) reopenDetail() {
	off := m.detail.offset
	i, ok := m.data.a.Index.LotIndex(m.detail.lot)
	if !ok {
		m.mode = modeBrowse
		return
	}
	st := m.data.a.LotState(i)
	m.openDetail(&st)
	m.detail.offset = off
}

// oneLine is the first line of an error.
func oneLine(err error) string {
	s, _, _ := strings.Cut(err.Error(), "\n")
	var inv *storage.InvalidError
	if errors.As(err, &inv) && len(inv.Problems) > 1 {
		s += fmt.Sprintf(" (and %d more problems)", len(inv.Problems)-1)
	}
	return s
}
