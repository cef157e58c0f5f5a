package cli

import (
	"fmt"
	"io"
	"strconv"

	"nftharvest/taxrules"
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
	carryIn := false
	for _, s := range sums {
		if !s.CarryoverInShortTerm.IsZero() || !s.CarryoverInLongTerm.IsZero() {
			carryIn = true
		}
	}
	row("Short-term realized", func(s taxrules.Summary) string { return amount(s.ShortTermRealized) })
	row("Long-term realized", func(s taxrules.Summary) string { return amount(s.LongTermRealized) })
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
	return k.render(out)
}

// termText is the term column of lot tables: "long", or "short" with the
// days left until the lot turns long term.
func termText(ls *taxrules.LotState) string {
	if ls.Term == taxrules.LongTerm {
		return "long"
	}
	if ls.DaysToLongTerm > 0 {
		return fmt.Sprintf("short %dd", ls.DaysToLongTerm)
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

// saleTable renders sales (realized or simulated). withSale adds the sale
// id column; withRebuy adds the first safe rebuy date of loss sales.
func saleTable(out io.Writer, sales []*taxrules.SaleResult, withSale, withRebuy bool) error {
	t := table{}
	if withSale {
		t.cols = append(t.cols, column{header: "Sale"})
	}
	t.cols = append(t.cols,
		column{header: "Lot", gap: 1},
		column{header: "Sold", gap: 1},
		column{header: "Term", gap: 1},
		column{header: "Qty", right: true, gap: 1},
		column{header: "Proceeds", right: true, gap: 2},
		column{header: "Basis", right: true, gap: 2},
		column{header: "Gain/loss", right: true, gap: 2},
		column{header: "Disallowed", right: true, gap: 2},
	)
	if withRebuy {
		t.cols = append(t.cols, column{header: "Rebuy from", gap: 2})
	}
	for _, s := range sales {
		var row []string
		if withSale {
			row = append(row, s.Sale)
		}
		// Blank unless a loss was disallowed; the Form 8949 code follows.
		dis := ""
		if !s.Disallowed.IsZero() || s.Code != "" {
			dis = amount(s.Disallowed) + " " + s.Code
		}
		row = append(row, s.Lot, s.Date.String(), s.Term.String(), qty(s.Quantity),
			amount(s.Proceeds), amount(s.CostBasis), amount(s.GainLoss), dis)
		if withRebuy {
			row = append(row, s.SafeToRebuy.String())
		}
		t.add(row...)
	}
	return t.render(out, Width)
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
