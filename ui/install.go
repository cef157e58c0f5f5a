package ui

// Installing a new analysis in the model: tables, sorts, filters.

import (
	"nftharvest/taxrules"
)

// setData installs a new analysis, keeping each table's sort, the filters,
// the rows under the cursors (by id) and the basket lots still open.
func (m *Model) setData(d *dataset) int {
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
	m.tables[tabHoldings].inBasket = func(row int) bool { return m.basket.has(d.hold.ID(row)) }
	m.applyFilters()
	for i, t := range m.tables {
		if sel[i] != "" {
			t.selectID(sel[i])
		}
	}
	dropped := m.basket.keep(func(lot string) bool { _, ok := d.hold.rowOf(lot); return ok })
	if m.mode == modeDetail {
		m.reopenDetail()
	}
	m.simulate(&m.basket)
	return dropped
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
	q := parseQuery(f.text)
	m.tables[tabHoldings].setFilter(func(row int) bool {
		x := &h.rows[row]
		if !q.matchesLot(h, row) {
			return false
		}
		if f.losses && x.unreal >= 0 {
			return false
		}
		if f.term == termShort && h.longTerm(row) || f.term == termLong && !h.longTerm(row) {
			return false
		}
		if f.collection != "" && h.lot(row).Collection != f.collection {
			return false
		}
		return q.text == "" || h.matches(row, q.text)
	})
	m.tables[tabCollections].setFilter(func(row int) bool {
		if f.losses && c.rows[row].keys[cfUnreal] >= 0 {
			return false
		}
		if f.collection != "" && c.rows[row].ID != f.collection {
			return false
		}
		if q.loss && c.rows[row].keys[cfUnreal] >= 0 || q.gain && c.rows[row].keys[cfUnreal] <= 0 {
			return false
		}
		return q.text == "" || c.matches(row, q.text)
	})
	m.tables[tabRealized].setFilter(func(row int) bool {
		x := r.rows[row].r
		if f.losses && x.GainLoss.Sign() >= 0 {
			return false
		}
		if f.term == termShort && x.Term != taxrules.ShortTerm || f.term == termLong && x.Term != taxrules.LongTerm {
			return false
		}
		if f.collection != "" {
			if l, ok := d.a.Index.Lot(x.Lot); !ok || l.Collection != f.collection {
				return false
			}
		}
		if q.loss && x.GainLoss.Sign() >= 0 || q.gain && x.GainLoss.Sign() <= 0 {
			return false
		}
		if q.term == termShort && x.Term != taxrules.ShortTerm || q.term == termLong && x.Term != taxrules.LongTerm {
			return false
		}
		return q.text == "" || r.matches(row, q.text)
	})
}
