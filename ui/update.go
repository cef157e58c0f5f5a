package ui

import (
	"errors"
	"fmt"
	"strings"

	"nftharvest/storage"
	"nftharvest/taxrules"

	"charm.land/bubbles/v2/key"
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
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		return nil
	case tea.BackgroundColorMsg:
		m.setDark(msg.IsDark())
		return nil
	case spinner.TickMsg:
		if m.mode == modeLoading || (m.dialog != nil && m.dialog.busy != "") {
			var cmd tea.Cmd
			m.spinner, cmd = m.spinner.Update(msg)
			return cmd
		}
		return nil
	case loadedMsg:
		m.setData(msg.d)
		if msg.reload {
			return tea.Batch(completeCmd(msg.d), m.setStatus("Reloaded "+displayName(msg.d.file)+".", false))
		}
		return completeCmd(msg.d)
	case completedMsg:
		if d := msg.d; m.data == d && d.partial {
			d.coll, d.real, d.partial = msg.coll, msg.real, false
			m.makeTable(tabCollections, d.coll, cfUnreal)
			m.makeTable(tabRealized, d.real, rfDate)
			m.applyFilters()
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
		return m.setStatus(fmt.Sprintf("Exported %d Form 8949 rows (%d) to %s.", msg.rows, m.data.a.TaxYear, msg.path), false)
	case exportExistsMsg:
		m.dialog = m.exportOverwriteDialog(msg.path)
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
		return m.handleKey(msg)
	case tea.PasteMsg:
		if m.dialog != nil {
			m.dialog.HandleMsg(msg)
			return nil
		}
		if m.focus == focusInput {
			return m.updateInput(msg)
		}
		return nil
	case tea.MouseWheelMsg:
		return m.handleWheel(msg)
	case tea.MouseClickMsg:
		return m.handleClick(msg)
	}
	return nil
}

// setDark rebuilds the styles for the terminal's background.
func (m *Model) setDark(dark bool) {
	m.styles = NewStyles(dark)
	m.help.Styles = m.styles.help
	if m.mode == modeDetail {
		m.reopenDetail()
	}
}

// setData installs a new analysis, keeping each table's sort, the filters,
// the rows under the cursors (by id) and the basket lots still open.
func (m *Model) setData(d *dataset) {
	var sel [tabCount]string
	for i, t := range m.tables {
		if t != nil {
			if r, ok := t.selected(); ok {
				sel[i] = t.src.ID(r)
			}
		}
	}
	m.data = d
	m.makeTable(tabHoldings, d.hold, hfUnreal)
	m.makeTable(tabCollections, d.coll, cfUnreal)
	m.makeTable(tabRealized, d.real, rfDate)
	m.tables[tabHoldings].inBasket = func(row int) bool { return m.basket.has(d.hold.ids[row]) }
	m.applyFilters()
	for i, t := range m.tables {
		if sel[i] != "" {
			t.selectID(sel[i])
		}
	}
	if m.mode == modeLoading {
		m.mode = modeBrowse
	}
	m.basket.keep(func(lot string) bool { _, ok := d.hold.rowOf(lot); return ok })
	if m.mode == modeDetail {
		m.reopenDetail()
	}
	m.simulate(&m.basket)
}

// makeTable (re)builds a tab's table over src, keeping the sort the user
// chose (field ascending the first time). The cursor row is kept by id.
func (m *Model) makeTable(i tab, src source, field int) {
	desc, sel := false, ""
	if o := m.tables[i]; o != nil {
		field, desc = o.sortField, o.desc
		if r, ok := o.selected(); ok {
			sel = o.src.ID(r)
		}
	}
	t := newTable(src, m.columnsFor(i, false), field, desc)
	if sel != "" {
		t.selectID(sel)
	}
	m.tables[i] = t
}

// applyFilters installs the filters in every table.
func (m *Model) applyFilters() {
	f := m.filter
	d := m.data
	if !f.active() {
		for _, t := range m.tables {
			t.setFilter(nil)
		}
		return
	}
	h, c, r := d.hold, d.coll, d.real
	m.tables[tabHoldings].setFilter(func(row int) bool {
		x := &h.rows[row]
		if f.losses && x.keys[hfUnreal] >= 0 {
			return false
		}
		if f.term == termShort && x.st.Term != taxrules.ShortTerm || f.term == termLong && x.st.Term != taxrules.LongTerm {
			return false
		}
		return f.text == "" || h.matches(row, f.text)
	})
	m.tables[tabCollections].setFilter(func(row int) bool {
		if f.losses && c.rows[row].keys[cfUnreal] >= 0 {
			return false
		}
		return f.text == "" || c.matches(row, f.text)
	})
	m.tables[tabRealized].setFilter(func(row int) bool {
		x := r.rows[row].r
		if f.losses && x.GainLoss.Sign() >= 0 {
			return false
		}
		if f.term == termShort && x.Term != taxrules.ShortTerm || f.term == termLong && x.Term != taxrules.LongTerm {
			return false
		}
		return f.text == "" || r.matches(row, f.text)
	})
}

func (m *Model) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	k := &m.keys
	if key.Matches(msg, k.ForceQuit) {
		return tea.Quit
	}
	if m.dialog != nil {
		return m.handleDialog(msg)
	}
	if m.focus == focusInput {
		return m.handleInput(msg)
	}
	if m.mode == modeLoading {
		if key.Matches(msg, k.Quit) {
			return tea.Quit
		}
		return nil
	}
	switch {
	case key.Matches(msg, k.Quit):
		return tea.Quit
	case key.Matches(msg, k.Help):
		if m.mode == modeHelp {
			m.mode = m.helpFrom
		} else {
			m.helpFrom, m.mode = m.mode, modeHelp
		}
		return nil
	}
	switch m.mode {
	case modeHelp:
		if key.Matches(msg, k.Back) {
			m.mode = m.helpFrom
		}
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
	case key.Matches(msg, k.Back):
		m.mode = modeBrowse
	case key.Matches(msg, k.Up):
		d.offset = max(d.offset-1, 0)
	case key.Matches(msg, k.Down):
		d.offset = min(d.offset+1, max(n-page, 0))
	case key.Matches(msg, k.PageUp):
		d.offset = max(d.offset-page, 0)
	case key.Matches(msg, k.PageDown):
		d.offset = min(d.offset+page, max(n-page, 0))
	case key.Matches(msg, k.Top):
		d.offset = 0
	case key.Matches(msg, k.Bottom):
		d.offset = max(n-page, 0)
	}
	return nil
}

func (m *Model) handleBrowseKey(msg tea.KeyPressMsg) tea.Cmd {
	k := &m.keys
	t := m.current()
	page := max(m.lay.bodyH, 1)
	switch {
	case key.Matches(msg, k.Up):
		t.move(-1)
	case key.Matches(msg, k.Down):
		t.move(1)
	case key.Matches(msg, k.PageUp):
		t.move(-page)
	case key.Matches(msg, k.PageDown):
		t.move(page)
	case key.Matches(msg, k.Top):
		t.top()
	case key.Matches(msg, k.Bottom):
		t.bottom()
	case key.Matches(msg, k.NextTab):
		m.tab = (m.tab + 1) % tabCount
	case key.Matches(msg, k.PrevTab):
		m.tab = (m.tab + tabCount - 1) % tabCount
	case key.Matches(msg, k.Tab1):
		m.tab = tabHoldings
	case key.Matches(msg, k.Tab2):
		m.tab = tabCollections
	case key.Matches(msg, k.Tab3):
		m.tab = tabRealized
	case key.Matches(msg, k.Sort):
		t.cycleSort()
	case key.Matches(msg, k.Reverse):
		t.reverse()
	case key.Matches(msg, k.Filter):
		return m.openInput(editFilter, "", "/ ", m.filter.text, "lot, collection, token or note")
	case key.Matches(msg, k.ClearFilter):
		m.filter = filters{}
		m.applyFilters()
	case key.Matches(msg, k.Losses):
		m.filter.losses = !m.filter.losses
		m.applyFilters()
	case key.Matches(msg, k.Term):
		m.filter.term = (m.filter.term + 1) % 3
		m.applyFilters()
	case key.Matches(msg, k.Open):
		return m.open()
	case key.Matches(msg, k.Toggle):
		if r, ok := t.selected(); ok {
			m.basket.toggle(m.data.hold.ids[r])
			m.simulate(&m.basket)
		}
	case key.Matches(msg, k.Suggest):
		return m.suggest()
	case key.Matches(msg, k.ClearBasket):
		m.basket.clear()
		m.simulate(&m.basket)
		return m.setStatus("Basket cleared.", false)
	case key.Matches(msg, k.EditPrice), key.Matches(msg, k.EditFees):
		return m.editLot(key.Matches(msg, k.EditPrice))
	case key.Matches(msg, k.EditDate):
		v := ""
		if m.basket.date != 0 {
			v = m.basket.date.String()
		}
		return m.openInput(editDate, "", "Sale date (YYYY-MM-DD): ", v, m.opts.Today.String())
	case key.Matches(msg, k.Mark):
		return m.openRecordDialog()
	case key.Matches(msg, k.Undo):
		return m.openUndoDialog()
	case key.Matches(msg, k.Export):
		m.dialog = m.exportDialog(fmt.Sprintf("./form8949-%d.csv", m.data.a.TaxYear))
		m.focus = focusDialog
	case key.Matches(msg, k.Reload):
		return tea.Batch(m.loadCmd(true), m.setStatus("Reloading "+m.fileLabel()+"…", false))
	}
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
		m.openDetail(m.data.hold.rows[r].st)
	case tabCollections:
		name := m.data.coll.rows[r].name
		m.filter = filters{text: strings.ToLower(name)}
		m.applyFilters()
		m.tab = tabHoldings
		m.current().top()
		return m.setStatus("Lots of "+name+" (esc clears the filter).", false)
	case tabRealized:
		lot := m.data.real.rows[r].r.Lot
		if i, ok := m.data.a.Index.LotIndex(lot); ok {
			m.openDetail(&m.data.a.Lots[i])
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
	m.openDetail(&m.data.a.Lots[i])
	m.detail.offset = off
}

// suggest fills the basket with the engine's harvest suggestion.
func (m *Model) suggest() tea.Cmd {
	s := m.data.a.Suggest(nil)
	if len(s.Picks) == 0 {
		return m.setStatus("No suggestion: no loss lot can be sold without a wash-sale hit, or nothing to offset.", false)
	}
	m.basket.clear()
	for _, p := range s.Picks {
		m.basket.toggle(p.Lot)
		if it, ok := m.basket.item(p.Lot); ok {
			it.qty = p.Quantity
		}
	}
	m.simulate(&m.basket)
	return m.setStatus(fmt.Sprintf("Suggested %d lots, loss %s (target %s).", len(s.Picks), money(s.Total), money(s.Target)), false)
}

// editLot opens the price (or fees) input for the basket lot under the cursor.
func (m *Model) editLot(price bool) tea.Cmd {
	r, ok := m.current().selected()
	if !ok {
		return nil
	}
	lot := m.data.hold.ids[r]
	it, ok := m.basket.item(lot)
	if !ok {
		return m.setStatus(lot+" is not in the basket: space adds it.", true)
	}
	if price {
		v, ph := "", ""
		if it.price != nil {
			v = it.price.String()
		}
		if st := m.data.hold.rows[r].st; st.HasPrice {
			ph = st.MarketValue.StringFixed(2) + " (market value)"
		}
		return m.openInput(editPrice, lot, "Sale price of "+lot+": ", v, ph)
	}
	v := ""
	if !it.fees.IsZero() {
		v = it.fees.String()
	}
	return m.openInput(editFees, lot, "Selling fees of "+lot+": ", v, "0.00")
}

// handleInput drives the filter or edit input.
func (m *Model) handleInput(msg tea.KeyPressMsg) tea.Cmd {
	k := &m.keys
	switch {
	case key.Matches(msg, k.Apply):
		if m.edit.kind == editFilter {
			m.filter.text = strings.ToLower(strings.TrimSpace(m.input.Value()))
			m.applyFilters()
			m.current().top()
			m.closeInput()
			return nil
		}
		if err := applyEdit(&m.basket, m.edit.kind, m.edit.lot, m.input.Value()); err != nil {
			m.edit.err = err.Error()
			m.preview.stale = fmt.Sprintf("%s not applied: %s", m.edit.kind, err)
			return nil
		}
		kind, lot := m.edit.kind, m.edit.lot
		m.closeInput()
		m.simulate(&m.basket)
		what := kind.String()
		if lot != "" {
			what += " of " + lot
		}
		if m.preview.stale != "" {
			return m.setStatus(what+" set, but the engine refused it: "+m.preview.stale, true)
		}
		return m.setStatus(strings.ToUpper(what[:1])+what[1:]+" set.", false)
	case key.Matches(msg, k.Cancel):
		if m.edit.kind == editFilter {
			m.filter.text = ""
			m.applyFilters()
		}
		m.closeInput()
		m.simulate(&m.basket)
		return nil
	}
	return m.updateInput(msg)
}

// updateInput passes a message to the input and refreshes what depends on
// the typed value: the filter, or the preview.
func (m *Model) updateInput(msg tea.Msg) tea.Cmd {
	m.input.Update(msg)
	if m.edit.kind == editFilter {
		m.filter.text = strings.ToLower(strings.TrimSpace(m.input.Value()))
		m.applyFilters()
		return nil
	}
	m.refreshPreview()
	return nil
}

func (m *Model) closeInput() {
	m.input.Blur()
	m.edit = edit{}
	m.focus = focusTable
}

// handleDialog passes a key to the dialog and acts on its answer.
func (m *Model) handleDialog(msg tea.KeyPressMsg) tea.Cmd {
	d := m.dialog
	switch d.HandleMsg(msg) {
	case ActionCancel:
		switch d.kind {
		case dlgOverwrite:
			m.dialog = m.saveAsDialog(d.write, d.path)
		case dlgExportOverwrite:
			m.dialog = m.exportDialog(d.path)
		default:
			m.dialog = nil
			m.focus = focusTable
		}
	case ActionConfirm:
		d.err = ""
		switch d.kind {
		case dlgRecord, dlgUndo:
			if m.data.file.Sample {
				m.dialog = m.saveAsDialog(d.write, "./portfolio.json")
				return nil
			}
			d.busy = "Saving " + m.fileLabel() + "…"
			return tea.Batch(m.writeCmd(d.write, saveTarget{}), m.spinTick())
		case dlgSaveAs:
			d.busy = "Saving " + d.value() + "…"
			d.path = d.value()
			return tea.Batch(m.writeCmd(d.write, saveTarget{saveAs: true, path: d.path}), m.spinTick())
		case dlgOverwrite:
			d.busy = "Saving " + d.path + "…"
			return tea.Batch(m.writeCmd(d.write, saveTarget{saveAs: true, path: d.path, overwrite: true}), m.spinTick())
		case dlgExport:
			d.path = d.value()
			d.busy = "Exporting…"
			return tea.Batch(m.exportCmd(d.path, false), m.spinTick())
		case dlgExportOverwrite:
			d.busy = "Exporting…"
			return tea.Batch(m.exportCmd(d.path, true), m.spinTick())
		}
	}
	return nil
}

// written installs the saved state.
func (m *Model) written(msg writtenMsg) tea.Cmd {
	savedAs := m.data.file.Sample || m.data.file.Path != msg.d.file.Path
	m.dialog = nil
	m.focus = focusTable
	if msg.kind == writeRecord {
		m.basket.clear()
	}
	m.setData(msg.d)
	text := ""
	switch msg.kind {
	case writeRecord:
		text = fmt.Sprintf("Recorded %s (%d sale%s). u to undo.", msg.batch, len(msg.sales), plural(len(msg.sales)))
	case writeUndo:
		text = fmt.Sprintf("Undid %s (%d sale%s removed).", msg.batch, len(msg.sales), plural(len(msg.sales)))
	}
	if savedAs {
		text += " Saved to " + msg.d.file.Path + "."
	}
	if msg.warn != "" {
		return m.setStatus(text+" Warning: "+msg.warn, true)
	}
	return m.setStatus(text, false)
}

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
		if f, ok := m.current().fieldAt(msg.X); ok {
			m.current().setSort(f, true)
		}
	case msg.Y >= l.bodyY && msg.Y < l.bodyY+l.bodyH:
		m.current().clickRow(msg.Y - l.bodyY)
	}
	return nil
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
