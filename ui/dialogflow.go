package ui

// What confirming or cancelling a dialog does, and the saved state.

import (
	"fmt"
	"slices"

	tea "charm.land/bubbletea/v2"
)

// handleDialog passes a key to the dialog and acts on its answer.
func (m *Model) handleDialog(msg tea.KeyPressMsg) tea.Cmd {
	d := m.dialog
	if d.kind == dlgExport && d.busy == "" {
		switch {
		case m.keys.is(msg, keyExportFormat):
			m.changeExport(d, exportChoice{year: d.export.year, format: (d.export.format + 1) % len(m.formats)})
			return nil
		case m.keys.is(msg, keyExportYear):
			m.changeExport(d, exportChoice{year: m.nextYear(d.export), format: d.export.format})
			return nil
		}
	}
	if d.kind == dlgSort && m.keys.is(msg, keySortPick) {
		i := slices.Index(sortPickKeys, msg.String())
		t := m.current()
		if i >= 0 && i < len(t.shown) {
			t.setSort(t.shown[i].key, true)
			m.dialog, m.focus = nil, focusTable
		}
		return nil
	}
	action, cmd := d.HandleMsg(msg)
	switch action {
	case ActionNone:
		return cmd
	case ActionCancel:
		switch d.kind {
		case dlgOverwrite:
			m.dialog = m.saveAsDialog(d.write, d.path)
		case dlgExportOverwrite:
			m.dialog = m.exportDialog(d.path, d.export)
		default:
			m.dialog = nil
			m.focus = focusTable
		}
	case ActionConfirm:
		d.err = ""
		switch d.kind {
		case dlgUndo:
			if !m.sessionBatches[d.write.batch] {
				m.dialog = m.undoFileBatchDialog(d.write)
				return nil
			}
			fallthrough
		case dlgRecord, dlgUndoFileBatch:
			if m.data.file.Sample {
				m.dialog = m.saveAsDialog(d.write, "./portfolio.json")
				return nil
			}
			d.busy = "Saving " + m.fileLabel() + "…"
			return tea.Batch(m.writeCmd(d.write, saveTarget{}), m.spinTick())
		case dlgSaveAs:
			d.path = expandHome(d.value())
			d.busy = "Saving " + d.path + "…"
			return tea.Batch(m.writeCmd(d.write, saveTarget{saveAs: true, path: d.path}), m.spinTick())
		case dlgOverwrite:
			d.busy = "Saving " + d.path + "…"
			return tea.Batch(m.writeCmd(d.write, saveTarget{saveAs: true, path: d.path, overwrite: true}), m.spinTick())
		case dlgExport:
			d.path = expandHome(d.value())
			d.busy = "Exporting…"
			return tea.Batch(m.exportCmd(d.path, d.export, false), m.spinTick())
		case dlgExportOverwrite:
			d.busy = "Exporting…"
			return tea.Batch(m.exportCmd(d.path, d.export, true), m.spinTick())
		case dlgReplaceBasket:
			m.dialog, m.focus = nil, focusTable
			return m.takeSuggestion(*d.suggestion)
		case dlgQuit:
			return tea.Quit
		case dlgSort:
			m.dialog, m.focus = nil, focusTable
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
	if msg.kind != writeUndo {
		m.sessionBatches[msg.batch] = true
	}
	m.setData(msg.d)
	text := ""
	switch msg.kind {
	case writeRecord:
		text = fmt.Sprintf("Recorded %s (%d sale%s). u to undo.", msg.batch, len(msg.sales), plural(len(msg.sales)))
	case writeUndo:
		text = fmt.Sprintf("Undid %s (%d sale%s removed).", msg.batch, len(msg.sales), plural(len(msg.sales)))
	case writeAdd:
		what := "a lot"
		if len(msg.sales) > 0 {
			what = "sale " + msg.sales[0].ID
		}
		text = fmt.Sprintf("Added %s as %s. u to undo.", what, msg.batch)
	}
	if savedAs {
		text += " Saved to " + msg.d.file.Path + "."
	}
	if msg.warn != "" {
		return m.setStatus(text+" Warning: "+msg.warn, true)
	}
	return m.setStatus(text, false)
}
