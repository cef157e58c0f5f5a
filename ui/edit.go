package ui

// The basket actions and the footer input (filter and basket edits).

import (
	"fmt"
	"strings"

	"nftharvest/money"
	"nftharvest/taxrules"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/shopspring/decimal"
)

// suggest fills the basket with the engine's harvest suggestion.
func (m *Model) suggest() tea.Cmd {
	s := m.data.a.Suggest(nil)
	if len(s.Picks) == 0 {
		if s.Candidates > 0 {
			return m.setStatus(fmt.Sprintf("No loss lowers your %d tax; further losses only add to the carryover: %s.", m.data.a.TaxYear, amountText(s.Carryover)), false)
		}
		return m.setStatus("No suggestion: no loss lot can be sold without a wash-sale hit.", false)
	}
	if n := m.basket.len(); n > 0 {
		// Never drop a basket (and its edited prices) without asking.
		body := []string{fmt.Sprintf("The basket has %d lot%s%s.", n, plural(n), m.basket.editedText()),
			fmt.Sprintf("The best harvest takes its place: %d lot%s (loss %s, saves %s, estimate).",
				len(s.Picks), plural(len(s.Picks)), amountText(s.Total), amountText(s.TaxSaved))}
		m.dialog = &dialog{kind: dlgReplaceBasket, title: "Replace the basket?", body: body, confirm: "replace", keys: &m.keys, suggestion: &s}
		m.focus = focusDialog
		return nil
	}
	return m.takeSuggestion(s)
}

// takeSuggestion puts the suggested lots into the basket, in place of
// what it held.
func (m *Model) takeSuggestion(s taxrules.Suggestion) tea.Cmd {
	m.basket.clear()
	for _, p := range s.Picks {
		m.basket.toggle(p.Lot)
		// A part of a multi-unit lot is kept as its quantity; a whole lot
		// stays "all open units" (not an edit the quit dialog counts).
		if it, ok := m.basket.item(p.Lot); ok && !m.openUnits(p.Lot).Equal(p.Quantity) {
			it.qty = p.Quantity
		}
	}
	m.simulate(&m.basket)
	msg := fmt.Sprintf("Best harvest: %d lots, loss %s, saves %s (estimate).", len(s.Picks), amountText(s.Total), amountText(s.TaxSaved))
	if s.CarryoverAdded.Sign() > 0 {
		msg += fmt.Sprintf(" Adds %s to the carryover.", amountText(s.CarryoverAdded))
	}
	return m.setStatus(msg, false)
}

// editLot opens the price (or fees) input for the basket lot under the cursor.
func (m *Model) editLot(price bool) tea.Cmd {
	r, ok := m.current().selected()
	if !ok {
		return nil
	}
	lot := m.data.hold.ID(r)
	it, ok := m.basket.item(lot)
	if !ok {
		return m.setStatus(lot+" is not in the basket: space adds it.", true)
	}
	if price {
		v, ph := "", ""
		if it.price != nil {
			v = it.price.String()
		}
		if st := m.data.hold.state(r); st.HasPrice {
			ph = st.MarketValue.StringFixed(2) + " (market value)"
			if !it.qty.IsZero() {
				// The price is for the units sold.
				ph = money.Mul(st.UnitPrice, it.qty).StringFixed(2) + " (market value of " + money.Quantity(it.qty) + ")"
			}
		}
		return m.openInput(editPrice, lot, "Sale price of "+lot+": ", v, ph)
	}
	v := ""
	if !it.fees.IsZero() {
		v = it.fees.String()
	}
	return m.openInput(editFees, lot, "Selling fees of "+lot+": ", v, "0.00")
}

// maxAddShown is the most rows A adds at once: a basket is simulated on
// every change, and a bigger one is rarely meant.
const maxAddShown = 500

// addShown adds every row the Holdings tab shows (its filters applied) to
// the basket.
func (m *Model) addShown() tea.Cmd {
	t := m.current()
	var add []string
	for _, r := range t.view {
		if id := m.data.hold.ID(int(r)); !m.basket.has(id) {
			add = append(add, id)
		}
	}
	switch {
	case len(add) == 0:
		return m.setStatus("Every lot shown is already in the basket.", false)
	case len(add) > maxAddShown:
		return m.setStatus(fmt.Sprintf("%d lots shown: filter them to %d or fewer to add them all (/ takes risk:no term:short loss…).", len(add), maxAddShown), true)
	}
	for _, id := range add {
		m.basket.toggle(id)
	}
	m.simulate(&m.basket)
	return m.setStatus(fmt.Sprintf("Added the %d lot%s shown to the basket (%d in it).", len(add), plural(len(add)), m.basket.len()), false)
}

// editQuantity opens the input of how many units of the basket lot
// under the cursor to sell (empty: all of them).
func (m *Model) editQuantity() tea.Cmd {
	r, ok := m.current().selected()
	if !ok {
		return nil
	}
	lot := m.data.hold.ID(r)
	it, ok := m.basket.item(lot)
	if !ok {
		return m.setStatus(lot+" is not in the basket: space adds it.", true)
	}
	open := m.data.hold.state(r).OpenQuantity
	if open.LessThanOrEqual(decimal.NewFromInt(1)) {
		return m.setStatus(safef("%s has %s unit: there is nothing to split.", lot, money.Quantity(open)), true)
	}
	v := ""
	if !it.qty.IsZero() {
		v = it.qty.String()
	}
	all := money.Quantity(open)
	return m.openInput(editQty, lot, safef("Units of %s to sell (of %s): ", lot, all), v, all+" (all)")
}

// handleInput drives the filter or edit input.
func (m *Model) handleInput(msg tea.KeyPressMsg) tea.Cmd {
	k := &m.keys
	switch {
	case k.is(msg, keyApply):
		if m.edit.kind == editFilter {
			m.filter.text = strings.ToLower(strings.TrimSpace(m.input.Value()))
			m.applyFilters()
			m.current().top()
			m.closeInput()
			return nil
		}
		if err := m.applyTyped(&m.basket); err != nil {
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
	case k.is(msg, keyCancel):
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
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(msg)
	if m.edit.kind == editFilter {
		m.filter.text = strings.ToLower(strings.TrimSpace(m.input.Value()))
		m.applyFilters()
		return cmd
	}
	m.refreshPreview()
	return cmd
}

// editValidator checks a typed basket value the way applyEdit takes it,
// on a basket of just that lot, so only valid values reach the engine.
func editValidator(k editKind, lot string) textinput.ValidateFunc {
	return func(v string) error {
		b := newBasket()
		if lot != "" {
			b.toggle(lot)
		}
		return applyEdit(&b, k, lot, v)
	}
}

// applyTyped applies the typed basket value to b, unless the input
// already found it invalid.
func (m *Model) applyTyped(b *basket) error {
	if m.input.Err != nil {
		return m.input.Err
	}
	return applyEdit(b, m.edit.kind, m.edit.lot, m.input.Value())
}

func (m *Model) closeInput() {
	m.input.Blur()
	m.edit = edit{}
	m.focus = focusTable
}

// openUnits is the open quantity of lot id as analysed (zero when unknown).
func (m *Model) openUnits(id string) decimal.Decimal {
	if i, ok := m.data.a.Index.LotIndex(id); ok {
		return m.data.a.LotState(i).OpenQuantity
	}
	return decimal.Zero
}
