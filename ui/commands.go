package ui

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"nftharvest/internal/gcpolicy"
	"nftharvest/portfolio"
	"nftharvest/storage"

	tea "charm.land/bubbletea/v2"
)

// Messages from the storage commands. State changes only when they arrive.
type (
	loadedMsg struct {
		d      *dataset
		reload bool
	}
	loadFailedMsg struct {
		err    error
		reload bool
	}
	// writtenMsg: a record or an undo was saved and analysed again.
	writtenMsg struct {
		d     *dataset
		kind  writeKind
		batch string
		sales []portfolio.Sale
		// warn is set when the file was written but a later step (the
		// change log, say) failed.
		warn string
	}
	writeFailedMsg struct{ err error }
	writeExistsMsg struct{ path string }
	exportedMsg    struct {
		path   string
		rows   int
		choice exportChoice
	}
	exportFailedMsg struct{ err error }
	exportExistsMsg struct {
		path   string
		choice exportChoice
	}
	clearStatusMsg struct{ id int }
	// completedMsg brings the tables built after the first screen.
	completedMsg struct {
		d    *dataset
		coll *collections
		real *realized
	}
)

// completeCmd builds the Collections and Realized tables of a partial
// dataset, after the first screen is up.
func completeCmd(d *dataset) tea.Cmd {
	if d.stage != stagePartial {
		return nil
	}
	return func() tea.Msg {
		var msg completedMsg
		msg.d = d
		var wg sync.WaitGroup
		wg.Go(func() { msg.coll = collectionsOf(d.collSums) })
		wg.Go(func() { msg.real = newRealized(d.a) })
		wg.Wait()
		return msg
	}
}

// loadCmd loads the file (or the sample) and analyses it, off the UI loop.
func (m *Model) loadCmd(reload bool) tea.Cmd {
	store, today := m.store, m.today
	path := m.opts.Path
	if reload && m.data != nil && !m.data.file.Sample {
		path = m.data.file.Path
	}
	gcPercent, checkFile := m.opts.LoadGCPercent, m.opts.CheckFile
	return func() tea.Msg {
		defer gcpolicy.Raise(gcPercent)()
		f, err := store.Load(path)
		if err == nil && checkFile != nil {
			err = checkFile(f)
		}
		if err != nil {
			return loadFailedMsg{err: err, reload: reload}
		}
		if !reload && len(f.Portfolio.Lots) >= firstFrameLots {
			d, err := firstDataset(f, f.Portfolio, today)
			if err != nil {
				return loadFailedMsg{err: err}
			}
			if d != nil {
				return loadedMsg{d: d}
			}
		}
		d, err := buildDataset(f, f.Portfolio, today, false)
		if err != nil {
			return loadFailedMsg{err: err, reload: reload}
		}
		return loadedMsg{d: d, reload: reload}
	}
}

// writeKind says what a write does to the portfolio.
type writeKind int

const (
	writeRecord writeKind = iota
	writeUndo
	writeAdd // one lot or sale from the "a" form
)

// String is "record" or "undo".
func (k writeKind) String() string {
	if k == writeUndo {
		return "undo"
	}
	return "record"
}

// pendingWrite is a change waiting for confirmation (and, for the sample,
// for a file name).
type pendingWrite struct {
	kind   writeKind
	record []portfolio.Sale // writeRecord: the sales to append
	batch  string           // writeUndo: the batch to remove
	lot    *portfolio.Lot   // writeAdd: the lot to add, or
	sale   *portfolio.Sale  // writeAdd: the sale to add
}

// saveTarget is where a write goes: the open file, or a new path.
type saveTarget struct {
	saveAs    bool
	path      string
	overwrite bool
}

// writeCmd applies w to a copy of the portfolio, saves it and analyses the
// result. The model's data is untouched until writtenMsg arrives.
func (m *Model) writeCmd(w pendingWrite, target saveTarget) tea.Cmd {
	store, today, d, writes := m.store, m.today, m.data, m.writes
	return func() (msg tea.Msg) {
		writes.begin()
		defer func() { writes.end(writeError(msg)) }()
		p := d.p.Clone()
		var batch, change string
		var sales []portfolio.Sale
		switch w.kind {
		case writeRecord:
			batch, sales = p.RecordSales(w.record)
			change = fmt.Sprintf("sell %s: %s", batch, describeSales(sales))
		case writeUndo:
			b, _ := p.LastBatch()
			if b != w.batch {
				return writeFailedMsg{err: fmt.Errorf("the last batch is now %q, not %q; reload and try again", b, w.batch)}
			}
			sales = p.UndoLastBatch()
			batch = w.batch
			records, err := storage.SalesJSON(sales)
			if err != nil {
				return writeFailedMsg{err: err}
			}
			// The removed records in full, so the undo can be redone by hand.
			change = fmt.Sprintf("undo %s: %s removed: %s", batch, describeSales(sales), records)
		case writeAdd:
			batch = p.NextBatch()
			if w.lot != nil {
				l := *w.lot
				l.Batch = batch
				p.Lots = append(p.Lots, l)
				change = fmt.Sprintf("add lot %s: %s %s #%s %s on %s cost %s fees %s", batch, l.ID, l.Collection, l.TokenID, l.Quantity, l.Acquired, l.Cost, l.Fees)
			} else {
				s := *w.sale
				s.Batch = batch
				p.Sales = append(p.Sales, s)
				sales = []portfolio.Sale{s}
				change = fmt.Sprintf("add sale %s: %s %s", batch, s.ID, describeSales(sales))
			}
		}
		f := d.file
		warn := ""
		if target.saveAs {
			nf, err := store.SaveAs(target.path, p, change, target.overwrite)
			switch {
			case err != nil && nf != nil:
				warn = err.Error() // written; a later step failed
			case errors.Is(err, storage.ErrExists) && !target.overwrite:
				return writeExistsMsg{path: target.path}
			case err != nil:
				return writeFailedMsg{err: err}
			}
			f = nf
		} else if err := save(store, w.kind)(f, p, change); err != nil {
			if f.Portfolio != p {
				return writeFailedMsg{err: err}
			}
			warn = err.Error() // written; a later step failed
		}
		nd, err := buildDataset(f, p, today, true)
		if err != nil {
			return writeFailedMsg{err: fmt.Errorf("saved, but: %w", err)}
		}
		return writtenMsg{d: nd, kind: w.kind, batch: batch, sales: sales, warn: warn}
	}
}

// save picks how a write is saved: an undo gives back the previous file's
// bytes when the backup holds exactly the undone portfolio.
func save(store Store, kind writeKind) func(*storage.File, *portfolio.Portfolio, string) error {
	if kind == writeUndo {
		return store.SaveUndo
	}
	return store.Save
}

// describeSales is "S-0017 L-0003, S-0018 L-0024".
func describeSales(sales []portfolio.Sale) string {
	parts := make([]string, len(sales))
	for i, s := range sales {
		parts[i] = s.ID + " " + s.Lot
	}
	return strings.Join(parts, ", ")
}

// exportCmd writes the Form 8949 rows of c's year in c's format to path. Without
// overwrite an existing file is not replaced (exportExistsMsg asks).
// The portfolio and its companions are refused, even after "Overwrite
// it?" (storage.ErrCompanion); the file gets the portfolio's permissions.
func (m *Model) exportCmd(path string, c exportChoice, overwrite bool) tea.Cmd {
	store, a, from, writes, today, format := m.store, m.data.a, m.data.file.Path, m.writes, m.today, m.exportFormat(c)
	return func() (msg tea.Msg) {
		writes.begin()
		defer func() { writes.end(writeError(msg)) }()
		if from != "" {
			if err := storage.CheckNotCompanion(path, from); err != nil {
				return exportFailedMsg{err: err}
			}
		}
		if !overwrite && store.Exists(path) {
			return exportExistsMsg{path: path, choice: c}
		}
		rows := a.Form8949(c.year)
		var buf bytes.Buffer
		if err := format.write(&buf, exportInput{a: a, year: c.year, rows: rows, today: today}); err != nil {
			return exportFailedMsg{err: fmt.Errorf("%s export: %w", format.name, err)}
		}
		if err := store.WriteExport(path, from, buf.Bytes()); err != nil {
			return exportFailedMsg{err: err}
		}
		return exportedMsg{path: path, rows: len(rows), choice: c}
	}
}

// writeError is the error a write command's result carries: nil when the
// write completed (a warning after the save, such as the change log, is
// reported as an error too: the save is in place but not logged).
func writeError(msg tea.Msg) error {
	switch msg := msg.(type) {
	case writeFailedMsg:
		return msg.err
	case exportFailedMsg:
		return msg.err
	case writtenMsg:
		if msg.warn != "" {
			return errors.New(msg.warn)
		}
	}
	return nil
}

// statusFade is how long a status message stays.
const statusFade = 6 * time.Second

// status is the line under the table: a message that fades.
type status struct {
	text  string
	isErr bool
}

// setStatus shows text, made safe (it may quote a name, a file name or an
// error), and returns the command that clears it later.
func (m *Model) setStatus(text string, isErr bool) tea.Cmd {
	m.statusID++
	m.status = status{text: safe(text), isErr: isErr}
	id := m.statusID
	if m.noTimers {
		return nil
	}
	return tea.Tick(statusFade, func(time.Time) tea.Msg { return clearStatusMsg{id: id} })
}
