package cli

import (
	"fmt"
	"io"
	"slices"
	"strconv"

	"nftharvest/portfolio"
	"nftharvest/taxrules"

	"github.com/shopspring/decimal"
)

// summaryBlock renders Schedule D summaries side by side (one column for a
// report, "Before" and "After" for a what-if).
func summaryBlock(out io.Writer, title string, headers []string, sums ...taxrules.Summary) error {
	k := kv{title: title, headers: headers}
	row := func(label string, get func(s taxrules.Summary) string) {
		vals := make([]string, len(sums))
		for i, s := range sums {
			vals[i] = get(s)
		}
		k.add(label, vals...)
	}
	carryIn, otherST, otherLT := false, false, false
	for _, s := range sums {
		if !s.CarryoverInShortTerm.IsZero() || !s.CarryoverInLongTerm.IsZero() {
			carryIn = true
		}
		otherST = otherST || !s.OtherShortTerm.IsZero()
		otherLT = otherLT || !s.OtherLongTerm.IsZero()
	}
	// The rows add up: realized + other gains - carryover in = net.
	row("Short-term realized", func(s taxrules.Summary) string { return amount(s.ShortTermRealized) })
	row("Long-term realized", func(s taxrules.Summary) string { return amount(s.LongTermRealized) })
	if otherST {
		row("Other gains, short term", func(s taxrules.Summary) string { return amount(s.OtherShortTerm) })
	}
	if otherLT {
		row("Other gains, long term", func(s taxrules.Summary) string { return amount(s.OtherLongTerm) })
	}
	if carryIn {
		row("Carryover in, short term", func(s taxrules.Summary) string { return amount(s.CarryoverInShortTerm.Neg()) })
		row("Carryover in, long term", func(s taxrules.Summary) string { return amount(s.CarryoverInLongTerm.Neg()) })
	}
	row("Short-term net", func(s taxrules.Summary) string { return amount(s.ShortTermNet) })
	row("Long-term net", func(s taxrules.Summary) string { return amount(s.LongTermNet) })
	row("28% collectibles gain", func(s taxrules.Summary) string { return amount(s.CollectiblesNet) })
	row("Net capital gain (loss)", func(s taxrules.Summary) string { return amount(s.Net) })
	row("Deducted from ordinary income", func(s taxrules.Summary) string { return amount(s.OrdinaryOffset) })
	next := "next year"
	if len(sums) > 0 && sums[0].TaxYear > 0 {
		next = strconv.Itoa(sums[0].TaxYear + 1)
	}
	row("Carryover to "+next+", short term", func(s taxrules.Summary) string { return amount(s.CarryoverShortTerm) })
	row("Carryover to "+next+", long term", func(s taxrules.Summary) string { return amount(s.CarryoverLongTerm) })
	row("Estimated tax", func(s taxrules.Summary) string { return amount(s.EstimatedTax) })
	bands := []struct {
		label string
		get   func(b taxrules.GainBands) decimal.Decimal
	}{
		{"  gain taxed at 0%", func(b taxrules.GainBands) decimal.Decimal { return b.Zero }},
		{"  gain taxed at 15%", func(b taxrules.GainBands) decimal.Decimal { return b.Fifteen }},
		{"  gain taxed at 20%", func(b taxrules.GainBands) decimal.Decimal { return b.Twenty }},
		{"  gain taxed at 28%", func(b taxrules.GainBands) decimal.Decimal { return b.TwentyEight }},
	}
	for _, b := range bands {
		if slices.ContainsFunc(sums, func(s taxrules.Summary) bool { return b.get(s.Bands).Sign() != 0 }) {
			row(b.label, func(s taxrules.Summary) string { return amount(b.get(s.Bands)) })
		}
	}
	row("Next 1,000 of ST loss saves", func(s taxrules.Summary) string { return amount(s.NextLossSavesST) })
	row("Next 1,000 of LT loss saves", func(s taxrules.Summary) string { return amount(s.NextLossSavesLT) })
	if err := k.render(out); err != nil {
		return err
	}
	if len(sums) > 0 {
		return modelNote(out, sums[len(sums)-1])
	}
	return nil
}

// modelNote says how the estimated tax was computed, and warns when the
// brackets could not be used.
func modelNote(out io.Writer, s taxrules.Summary) error {
	text := "Estimated tax: the profile's flat rates times the net (tax_model flat)."
	if s.TaxModel == portfolio.TaxModelBrackets {
		text = fmt.Sprintf("Estimated tax: federal tax at the %d brackets (%s, Schedule D Tax Worksheet) with NIIT and the state rate; ordinary income taxed at up to %s.",
			s.TaxYear, s.TaxTables, percentText(s.Bands.OrdinaryRate))
	}
	if _, err := io.WriteString(out, wrap(text, "  ", "  ", Width)); err != nil {
		return err
	}
	if s.TaxModelWarning != "" {
		_, err := io.WriteString(out, wrap("Warning: "+s.TaxModelWarning+".", "  ", "  ", Width))
		return err
	}
	return nil
}

// percentText writes a rate as a percent: 0.22 -> "22%".
func percentText(r decimal.Decimal) string { return r.Shift(2).String() + "%" }

// termText is the term column of lot tables: "long", or "short" with the
// days left until the lot turns long term.
func termText(ls *taxrules.LotState) string { return termLabel(ls.Term, ls.DaysToLongTerm) }

// termLabel is termText of a term and the days to long term.
func termLabel(term taxrules.Term, daysToLong int) string {
	if term == taxrules.LongTerm {
		return "long"
	}
	if daysToLong > 0 {
		return fmt.Sprintf("short %dd", daysToLong)
	}
	return "short"
}

// assetText names a lot's token: "Collection Name #token".
func assetText(ls *taxrules.LotState) string {
	name := ls.CollectionName
	if name == "" {
		name = ls.Lot.Collection
	}
	return name + " #" + ls.Lot.TokenID
}

// saleTable renders realized sales: sale id, lot, date, term, quantity
// and the amounts.
func saleTable(out io.Writer, sales []*taxrules.SaleResult) error {
	t := table{cols: []column{
		{header: "Sale"},
		{header: "Lot", gap: 1},
		{header: "Sold", gap: 1},
		{header: "Term", gap: 1},
		{header: "Qty", right: true, gap: 1},
		{header: "Proceeds", right: true, gap: 2},
		{header: "Basis", right: true, gap: 2},
		{header: "Gain/loss", right: true, gap: 2},
		{header: "Disallowed", right: true, gap: 2},
	}}
	for _, s := range sales {
		t.add(s.Sale, s.Lot, s.Date.String(), s.Term.String(), qty(s.Quantity),
			amount(s.Proceeds), amount(s.CostBasis), amount(s.GainLoss), disallowedText(s))
	}
	if err := t.render(out, Width); err != nil {
		return err
	}
	return netProceedsNote(out)
}

// netProceedsNote says under a table of sales that its proceeds are net:
// the gross price less the selling fees (Form 8949 column (d)).
func netProceedsNote(out io.Writer) error {
	return say(out, "  (Proceeds: net of selling fees, gross price − fees.)")
}

// whatIfSaleTable renders the sales of a what-if, which share one date:
// lot, term, quantity, the amounts and the first safe rebuy date.
func whatIfSaleTable(out io.Writer, sales []*taxrules.SaleResult) error {
	t := table{cols: []column{
		{header: "Lot"},
		{header: "Term", gap: 1},
		{header: "Qty", right: true, gap: 1},
		{header: "Proceeds", right: true, gap: 2},
		{header: "Basis", right: true, gap: 2},
		{header: "Gain/loss", right: true, gap: 2},
		{header: "Disallowed", right: true, gap: 2},
		{header: "Rebuy from", gap: 2},
	}}
	for _, s := range sales {
		t.add(s.Lot, s.Term.String(), qty(s.Quantity), amount(s.Proceeds), amount(s.CostBasis),
			amount(s.GainLoss), disallowedText(s), s.SafeToRebuy.String())
	}
	if err := t.render(out, Width); err != nil {
		return err
	}
	return netProceedsNote(out)
}

// disallowedText is blank unless a loss was disallowed; the Form 8949
// code follows the amount.
func disallowedText(s *taxrules.SaleResult) string {
	if s.Disallowed.IsZero() {
		return ""
	}
	return amount(s.Disallowed) + " " + s.Code
}

// saleNotes writes one line per wash-sale consequence or warning of the
// given sales: which lots absorbed a disallowed loss, and look-alike
// purchases that do not count in token match mode.
func saleNotes(out io.Writer, sales []*taxrules.SaleResult) error {
	for _, s := range sales {
		name := s.Lot
		if s.Sale != "" {
			name = s.Sale + " (" + s.Lot + ")"
		}
		for _, r := range s.Replacements {
			note := fmt.Sprintf("%s: wash sale, %s of the loss disallowed and added to %s (qty %s): new basis %s, held from %s",
				name, amount(r.Disallowed), r.Lot, qty(r.Quantity), amount(r.AdjustedBasis), r.HoldingStart)
			if _, err := io.WriteString(out, wrap(note, "  ", "    ", Width)); err != nil {
				return err
			}
		}
		for _, p := range s.Warnings {
			note := fmt.Sprintf("%s: look-alike: %s (token %s, same collection) bought %s; not a wash sale in token match mode",
				name, p.Lot, p.TokenID, p.Date)
			if _, err := io.WriteString(out, wrap(note, "  ", "    ", Width)); err != nil {
				return err
			}
		}
	}
	return nil
}
