package ui

import (
	"fmt"
	"strings"

	"nftharvest/money"
	"nftharvest/portfolio"
	"nftharvest/taxrules"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
)

// newInput returns a focused text input in the TUI's styles, with the
// command focusing it returns (none while the cursor is steady).
func (m *Model) newInput(prompt, value, placeholder string, validate textinput.ValidateFunc) (textinput.Model, tea.Cmd) {
	in := textinput.New()
	in.Prompt = prompt
	in.Placeholder = placeholder
	in.Validate = validate
	in.SetStyles(m.styles.Input)
	// Paste comes from the terminal (bracketed paste, a tea.PasteMsg);
	// ctrl+v would shell out to a clipboard tool.
	in.KeyMap.Paste.SetEnabled(false)
	in.SetValue(value)
	return in, in.Focus()
}

// openInput starts typing the filter or a basket value in the footer.
// A basket edit is validated as it is typed (the input's Err).
func (m *Model) openInput(kind editKind, lot, prompt, value, placeholder string) tea.Cmd {
	var validate textinput.ValidateFunc
	if kind != editFilter {
		validate = editValidator(kind, lot)
	}
	var cmd tea.Cmd
	m.input, cmd = m.newInput(prompt, value, placeholder, validate)
	m.edit = edit{kind: kind, lot: lot}
	m.focus = focusInput
	m.sizeInput()
	return cmd
}

// sizeInput fits the footer input to the screen: the filter takes the
// line, an edit leaves room for its hint or error. Longer values scroll.
func (m *Model) sizeInput() {
	room := m.width - textWidth(m.input.Prompt) - 1 // the cursor cell
	if m.edit.kind != editFilter {
		room -= 49
	}
	m.input.SetWidth(max(room, 12))
	m.input.SetCursor(m.input.Position()) // scroll for the new width
}

// inputView draws in without the blank cells a fixed-width input pads a
// short value (or placeholder) with, so what follows it stays close. The
// width is changed on a copy: the input keeps its own for scrolling.
func inputView(in textinput.Model) string {
	if in.Value() == "" {
		// A placeholder needs a width: at 0 textinput shows only its
		// first character (charmbracelet/bubbles#950). One less than the
		// placeholder's leaves no padding (the cursor takes a cell).
		switch pw := textWidth(in.Placeholder); {
		case pw <= 1:
			in.SetWidth(0)
		case pw <= in.Width():
			in.SetWidth(pw - 1)
		}
	} else if textWidth(in.Value()) <= in.Width() {
		in.SetWidth(0)
	}
	return in.View()
}

// openRecordDialog asks to record the basket, listing exactly what will
// be written and the tax effect.
func (m *Model) openRecordDialog() tea.Cmd {
	res := m.preview.res
	if res == nil || m.preview.stale != "" {
		why := "the basket is empty"
		if m.preview.stale != "" {
			why = "the preview is stale (" + m.preview.stale + ")"
		}
		return m.setStatus("Nothing recorded: "+why+".", true)
	}
	if res.Date.After(m.today) {
		// As "nftharvest sell": the file records sales that happened; a
		// future date is for previewing.
		return m.setStatus(fmt.Sprintf("Nothing recorded: the sale date %s is after today (%s); record a sale once it happened (d changes the date).", res.Date, m.today), true)
	}
	st := &m.styles
	var body, list []string
	target := m.fileLabel()
	if m.data.file.Sample {
		target = "a new file (you choose the name next; the sample is never changed)"
	}
	body = append(body, safef("%d sale%s on %s, saved to %s:", len(res.Record), plural(len(res.Record)), res.Date, target))
	for i, s := range res.Record {
		list = append(list, safef("  %s ×%s  %s", m.lotName(s.Lot), money.Quantity(s.Quantity), proceedsText(s)))
		if r := saleFor(res, s.Lot, i); r != nil {
			detail := "    " + st.amountStyle(r.GainLoss.Sign()).Render(marked(r.GainLoss)) + " " + r.Term.String() + " term"
			if !r.Disallowed.IsZero() {
				detail += st.Wash.Render(fmt.Sprintf("  W: %s disallowed", amountText(r.Disallowed)))
			}
			list = append(list, detail)
		}
	}
	saved := res.TaxSaved
	effect := fmt.Sprintf("Estimated tax %s → %s: ", amountText(res.Before.EstimatedTax), amountText(res.After.EstimatedTax))
	if saved.Sign() >= 0 {
		effect += st.Saved.Render("TAX SAVED " + amountText(saved))
	} else {
		effect += st.Cost.Render("TAX COST " + amountText(saved.Neg()))
	}
	m.dialog = &dialog{
		kind: dlgRecord, title: "Record these sales?", body: body, list: list, foot: []string{"", effect}, confirm: "record", keys: &m.keys,
		write: pendingWrite{kind: writeRecord, record: res.Record},
	}
	m.focus = focusDialog
	return nil
}

// proceedsText labels a sale's proceeds: "gross 52.00 − fees 4.00 = net
// 48.00", or "proceeds 52.00 (no fees)". The file keeps the gross; tax
// figures (the Realized tab, Form 8949) use the net.
func proceedsText(s portfolio.Sale) string {
	if s.Fees.IsZero() {
		return "proceeds " + amountText(s.Proceeds) + " (no fees)"
	}
	return fmt.Sprintf("gross %s − fees %s = net %s", amountText(s.Proceeds), amountText(s.Fees), amountText(money.Sub(s.Proceeds, s.Fees)))
}

// lotName is "L-0003 Collection Name #token" for a lot id, made safe.
func (m *Model) lotName(lot string) string {
	name := lot
	if l, ok := m.data.a.Index.Lot(lot); ok {
		name += " " + m.data.a.Index.CollectionName(l.Collection) + " #" + l.TokenID
	}
	return safe(name)
}

// saleFor finds the result of the i-th recorded sale (by lot).
func saleFor(res *taxrules.WhatIfResult, lot string, i int) *taxrules.SaleResult {
	if i < len(res.Sales) && res.Sales[i].Lot == lot {
		return &res.Sales[i]
	}
	for j := range res.Sales {
		if res.Sales[j].Lot == lot {
			return &res.Sales[j]
		}
	}
	return nil
}

// openUndoDialog asks to remove the last recorded batch, naming it and
// what it removes. A batch that came with the file (not recorded in this
// session) needs a second confirmation (undoFileBatchDialog).
func (m *Model) openUndoDialog() tea.Cmd {
	batch, sales := m.data.p.LastBatch()
	if batch == "" {
		return m.setStatus("Nothing to undo: no recorded batch in this file.", true)
	}
	body := []string{safef("Remove batch %s from %s: %d sale%s.", batch, m.fileLabel(), len(sales), plural(len(sales)))}
	var list []string
	for _, s := range sales {
		list = append(list, safef("  %s %s %s ×%s  %s", s.ID, s.Date, m.lotName(s.Lot), money.Quantity(s.Quantity), proceedsText(s)))
	}
	var foot []string
	if b := m.data.p.LastBatchContent(); len(b.Lots) > 0 {
		// An import: its lots (and the collections it created) go too.
		foot = append(foot, fmt.Sprintf("and the %d lot%s and %d new collection%s this import added.",
			len(b.Lots), plural(len(b.Lots)), len(b.Collections), plural(len(b.Collections))))
	}
	if !m.sessionBatches[batch] {
		foot = append(foot, "", m.styles.Wash.Render(safef("%s came with the file: it was recorded before this session. You will be asked again.", batch)))
	}
	m.dialog = &dialog{
		kind: dlgUndo, title: "Undo " + batch + "?", body: body, list: list, foot: foot, confirm: "undo", keys: &m.keys,
		write: pendingWrite{kind: writeUndo, batch: batch},
	}
	m.focus = focusDialog
	return nil
}

// undoFileBatchDialog is the second confirmation before undoing a batch
// that came with the file.
func (m *Model) undoFileBatchDialog(w pendingWrite) *dialog {
	m.focus = focusDialog
	return &dialog{
		kind: dlgUndoFileBatch, title: safe("Really undo " + w.batch + "?"),
		body: []string{safef("%s was in %s before this session (recorded earlier, or by another program).", w.batch, m.fileLabel()),
			"Its records are removed from the file (the change log keeps them)."},
		confirm: "undo it", keys: &m.keys, write: w,
	}
}

// saveAsDialog asks where to save the user's own copy of the sample.
func (m *Model) saveAsDialog(w pendingWrite, path string) *dialog {
	in, _ := m.newInput("File: ", path, "./portfolio.json", nil) // steady cursor: no focus command
	m.focus = focusDialog
	return &dialog{
		kind: dlgSaveAs, title: "Save your portfolio as",
		body: []string{
			"The sample portfolio is built in and never changed.",
			"Your changes go to a file of your own; an existing file is not",
			"overwritten without asking.",
		},
		input: &in, confirm: "save", keys: &m.keys, write: w, path: path,
	}
}

// overwriteDialog asks before replacing an existing file.
func (m *Model) overwriteDialog(w pendingWrite, path string) *dialog {
	m.focus = focusDialog
	return &dialog{
		kind: dlgOverwrite, title: path + " already exists",
		body:    []string{"Overwrite it with the sample and your changes?", safef("(its current content is kept as %s.bak)", path)},
		confirm: "overwrite", keys: &m.keys, write: w, path: path,
	}
}

// exportDialog asks where to write the export of c (a year and a
// format; tab and ctrl+y change them).
func (m *Model) exportDialog(path string, c exportChoice) *dialog {
	in, _ := m.newInput("File: ", path, m.exportFormat(c).file(c.year), nil) // steady cursor: no focus command
	m.focus = focusDialog
	d := &dialog{kind: dlgExport, input: &in, confirm: "export", keys: &m.keys, path: path, export: c}
	m.describeExport(d)
	return d
}

// describeExport sets the export dialog's title and body for its choice.
func (m *Model) describeExport(d *dialog) {
	c := d.export
	rows := len(m.data.a.Form8949(c.year))
	d.title = fmt.Sprintf("Export %d as %s", c.year, m.exportFormat(c).what)
	var names []string
	for i, f := range m.formats {
		if i == c.format {
			names = append(names, "["+f.name+"]")
		} else {
			names = append(names, f.name)
		}
	}
	d.body = []string{
		fmt.Sprintf("%d Form 8949 row%s in %d; amounts to the cent.", rows, plural(rows), c.year),
		"Format (tab): " + strings.Join(names, " ") + " · year (ctrl+y): " + fmt.Sprint(c.year),
	}
}

// changeExport moves the export dialog to choice c; a file name still at
// the old default follows the new one.
func (m *Model) changeExport(d *dialog, c exportChoice) {
	if d.value() == m.exportFormat(d.export).file(d.export.year) {
		d.input.SetValue(m.exportFormat(c).file(c.year))
		d.input.CursorEnd()
	}
	d.input.Placeholder = m.exportFormat(c).file(c.year)
	d.export = c
	m.describeExport(d)
}

// exportOverwriteDialog asks before replacing an existing export.
func (m *Model) exportOverwriteDialog(path string, c exportChoice) *dialog {
	m.focus = focusDialog
	return &dialog{
		kind: dlgExportOverwrite, title: path + " already exists",
		body: []string{"Overwrite it?"}, confirm: "overwrite", keys: &m.keys, path: path, export: c,
	}
}

// openSortMenu lists the columns shown, each with the key that sorts by
// it (the sorted one again reverses it).
func (m *Model) openSortMenu() {
	t := m.current()
	var list []string
	for i, c := range t.shown {
		if i >= len(sortPickKeys) {
			break
		}
		line := fmt.Sprintf("  %s  %s", sortPickKeys[i], c.title)
		if c.key == t.sortField {
			line += "  " + sortArrow(t.desc) + " (sorted; again reverses)"
		}
		list = append(list, line)
	}
	m.dialog = &dialog{kind: dlgSort, title: "Sort the " + m.tab.String() + " tab by", list: list,
		body: []string{"Press a column's key:"}, confirm: "close", keys: &m.keys}
	m.focus = focusDialog
}
