package ui

import (
	"fmt"

	"nftharvest/taxrules"

	tea "charm.land/bubbletea/v2"
)

// newInput returns a focused text input.
func (m *Model) newInput(prompt, value, placeholder string) lineInput {
	return newLineInput(prompt, value, placeholder)
}

// openInput starts typing the filter or a basket value in the footer.
func (m *Model) openInput(kind editKind, lot, prompt, value, placeholder string) tea.Cmd {
	m.input = m.newInput(prompt, value, placeholder)
	m.input.SetWidth(max(m.width-len(prompt)-50, 12))
	m.edit = edit{kind: kind, lot: lot}
	m.focus = focusInput
	return nil
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
	st := &m.styles
	var body []string
	target := m.fileLabel()
	if m.data.file.Sample {
		target = "a new file (you choose the name next; the sample is never changed)"
	}
	body = append(body, fmt.Sprintf("%d sale%s on %s, saved to %s:", len(res.Record), plural(len(res.Record)), res.Date, target))
	for i, s := range res.Record {
		name := s.Lot
		if l, ok := m.data.a.Index.Lot(s.Lot); ok {
			name += " " + m.data.a.Index.CollectionName(l.Collection) + " #" + l.TokenID
		}
		line := fmt.Sprintf("  %s ×%s  proceeds %s", name, quantity(s.Quantity), money(s.Proceeds))
		if !s.Fees.IsZero() {
			line += "  fees " + money(s.Fees)
		}
		body = append(body, line)
		if r := saleFor(res, s.Lot, i); r != nil {
			detail := "    " + st.amountStyle(r.GainLoss.Sign()).Render(marked(r.GainLoss)) + " " + r.Term.String() + " term"
			if !r.Disallowed.IsZero() {
				detail += st.Wash.Render(fmt.Sprintf("  W: %s disallowed", money(r.Disallowed)))
			}
			body = append(body, detail)
		}
	}
	saved := res.TaxSaved
	effect := fmt.Sprintf("Estimated tax %s → %s: ", money(res.Before.EstimatedTax), money(res.After.EstimatedTax))
	if saved.Sign() >= 0 {
		effect += st.Saved.Render("TAX SAVED " + money(saved))
	} else {
		effect += st.Cost.Render("TAX COST " + money(saved.Neg()))
	}
	body = append(body, "", effect)
	m.dialog = &dialog{
		kind: dlgRecord, title: "Record these sales?", body: body, confirm: "record", keys: &m.keys,
		write: pendingWrite{kind: writeRecord, record: res.Record},
	}
	m.focus = focusDialog
	return nil
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

// openUndoDialog asks to remove the last recorded batch.
func (m *Model) openUndoDialog() tea.Cmd {
	batch, sales := m.data.p.LastBatch()
	if batch == "" {
		return m.setStatus("Nothing to undo: no recorded batch in this file.", true)
	}
	body := []string{fmt.Sprintf("Remove batch %s (%d sale%s) from %s:", batch, len(sales), plural(len(sales)), m.fileLabel())}
	for _, s := range sales {
		name := s.Lot
		if l, ok := m.data.a.Index.Lot(s.Lot); ok {
			name += " " + m.data.a.Index.CollectionName(l.Collection) + " #" + l.TokenID
		}
		body = append(body, fmt.Sprintf("  %s %s %s ×%s proceeds %s", s.ID, s.Date, name, quantity(s.Quantity), money(s.Proceeds)))
	}
	m.dialog = &dialog{
		kind: dlgUndo, title: "Undo " + batch + "?", body: body, confirm: "undo", keys: &m.keys,
		write: pendingWrite{kind: writeUndo, batch: batch},
	}
	m.focus = focusDialog
	return nil
}

// saveAsDialog asks where to save the user's own copy of the sample.
func (m *Model) saveAsDialog(w pendingWrite, path string) *dialog {
	in := m.newInput("File: ", path, "./portfolio.json")
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
		body:    []string{"Overwrite it with the sample and your changes?", "(its current content is kept as " + path + ".bak)"},
		confirm: "overwrite", keys: &m.keys, write: w, path: path,
	}
}

// exportDialog asks where to write the Form 8949 CSV.
func (m *Model) exportDialog(path string) *dialog {
	in := m.newInput("File: ", path, path)
	m.focus = focusDialog
	return &dialog{
		kind: dlgExport, title: fmt.Sprintf("Export Form 8949 (%d) as CSV", m.data.a.TaxYear),
		body:  []string{fmt.Sprintf("%d sales this year; amounts to the cent.", m.data.real.Len())},
		input: &in, confirm: "export", keys: &m.keys, path: path,
	}
}

// exportOverwriteDialog asks before replacing an existing export.
func (m *Model) exportOverwriteDialog(path string) *dialog {
	m.focus = focusDialog
	return &dialog{
		kind: dlgExportOverwrite, title: path + " already exists",
		body: []string{"Overwrite it?"}, confirm: "overwrite", keys: &m.keys, path: path,
	}
}
