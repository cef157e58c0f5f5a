package ui

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"nftharvest/portfolio"
	"nftharvest/storage"
	"nftharvest/taxrules"

	"github.com/shopspring/decimal"
)

// basketItem is one lot to sell in the what-if.
type basketItem struct {
	lot string
	// price is the total gross sale price; nil means the market value.
	price *decimal.Decimal
	fees  decimal.Decimal
	// qty is the quantity to sell; zero means every open unit.
	qty decimal.Decimal
}

// basket is the lots chosen to sell, in the order they were added, and
// the sale date (zero: today).
type basket struct {
	items []basketItem
	at    map[string]int
	date  portfolio.Date
}

func newBasket() basket { return basket{at: map[string]int{}} }

func (b *basket) len() int { return len(b.items) }

func (b *basket) has(lot string) bool {
	_, ok := b.at[lot]
	return ok
}

func (b *basket) item(lot string) (*basketItem, bool) {
	i, ok := b.at[lot]
	if !ok {
		return nil, false
	}
	return &b.items[i], true
}

// toggle adds lot or removes it; it reports whether lot is now in.
func (b *basket) toggle(lot string) bool {
	if i, ok := b.at[lot]; ok {
		b.items = slices.Delete(b.items, i, i+1)
		b.reindex()
		return false
	}
	b.items = append(b.items, basketItem{lot: lot})
	b.at[lot] = len(b.items) - 1
	return true
}

// editedText is ", 2 with an edited price or fees" (or "").
func (b *basket) editedText() string {
	n := 0
	for _, it := range b.items {
		if it.price != nil || !it.fees.IsZero() || !it.qty.IsZero() {
			n++
		}
	}
	if n == 0 {
		return ""
	}
	return fmt.Sprintf(", %d with an edited price, fees or quantity", n)
}

func (b *basket) clear() {
	b.items = nil
	b.at = map[string]int{}
	b.date = 0
}

// keep drops the lots for which ok is false (after a reload).
func (b *basket) keep(ok func(lot string) bool) int {
	n := len(b.items)
	b.items = slices.DeleteFunc(b.items, func(it basketItem) bool { return !ok(it.lot) })
	b.reindex()
	return n - len(b.items)
}

func (b *basket) reindex() {
	b.at = make(map[string]int, len(b.items))
	for i, it := range b.items {
		b.at[it.lot] = i
	}
	if len(b.items) == 0 {
		b.date = 0
	}
}

// clone copies b so a tentative edit can be simulated.
func (b *basket) clone() basket {
	c := basket{items: slices.Clone(b.items), date: b.date}
	c.reindex()
	c.date = b.date
	return c
}

// whatIf is the engine request for the basket.
func (b *basket) whatIf() taxrules.WhatIf {
	w := taxrules.WhatIf{Date: b.date, Sales: make([]taxrules.SaleRequest, len(b.items))}
	for i, it := range b.items {
		w.Sales[i] = taxrules.SaleRequest{Lot: it.lot, Quantity: it.qty, Price: it.price, Fees: it.fees}
	}
	return w
}

// editKind is what a basket edit changes.
type editKind int

const (
	editNone editKind = iota
	editFilter
	editPrice
	editDate
	editFees
	editQty
)

// String names the edit for messages.
func (k editKind) String() string {
	switch k {
	case editFilter:
		return "filter"
	case editPrice:
		return "sale price"
	case editDate:
		return "sale date"
	case editFees:
		return "selling fees"
	case editQty:
		return "quantity"
	}
	return "none"
}

// edit is the input being typed: the filter or a basket value.
type edit struct {
	kind editKind
	lot  string // price and fees edit one basket lot
	err  string // why the typed value is not valid ("" when valid)
}

var amountRE = regexp.MustCompile(`^[0-9]+(\.[0-9]+)?$`)

// parseAmount accepts a non-negative amount of money in whole cents, such
// as 1234.56 (an optional "$" and thousands commas are ignored).
func parseAmount(s string) (decimal.Decimal, error) {
	t := strings.TrimSpace(s)
	t = strings.TrimPrefix(t, "$")
	t = strings.ReplaceAll(t, ",", "")
	if !amountRE.MatchString(t) {
		return decimal.Zero, fmt.Errorf("%q is not a valid amount (e.g. 1234.56)", s)
	}
	d, err := decimal.NewFromString(t)
	if err != nil {
		return decimal.Zero, fmt.Errorf("%q is not a valid amount (e.g. 1234.56)", s)
	}
	if !d.Equal(d.Round(2)) {
		return decimal.Zero, fmt.Errorf("%q has fractions of a cent (e.g. 1234.56)", s)
	}
	if p := storage.DecimalProblem(d); p != "" {
		return decimal.Zero, fmt.Errorf("%q %s, more than a portfolio file takes", s, p)
	}
	return d, nil
}

var quantityRE = regexp.MustCompile(`^[0-9]+(\.[0-9]+)?$`)

// parseQuantity accepts a positive number of units, such as 2 or 0.5.
func parseQuantity(s string) (decimal.Decimal, error) {
	t := strings.TrimSpace(s)
	if !quantityRE.MatchString(t) {
		return decimal.Zero, fmt.Errorf("%q is not a quantity (e.g. 2)", s)
	}
	d, err := decimal.NewFromString(t)
	if err != nil || d.Sign() <= 0 {
		return decimal.Zero, fmt.Errorf("%q is not a positive quantity (e.g. 2)", s)
	}
	if p := storage.DecimalProblem(d); p != "" {
		return decimal.Zero, fmt.Errorf("%q %s, more than a portfolio file takes", s, p)
	}
	return d, nil
}

// applyEdit sets the typed value v of kind k into b. An empty value
// restores the default (market value, no fees, today).
func applyEdit(b *basket, k editKind, lot, v string) error {
	v = strings.TrimSpace(v)
	switch k {
	case editDate:
		if v == "" {
			b.date = 0
			return nil
		}
		d, err := portfolio.ParseDate(v)
		if err != nil {
			return err
		}
		b.date = d
		return nil
	case editQty:
		it, ok := b.item(lot)
		if !ok {
			return fmt.Errorf("%s is not in the basket", lot)
		}
		if v == "" {
			it.qty = decimal.Zero // every open unit
			return nil
		}
		q, err := parseQuantity(v)
		if err != nil {
			return err
		}
		it.qty = q
		return nil
	case editPrice, editFees:
		it, ok := b.item(lot)
		if !ok {
			return fmt.Errorf("%s is not in the basket", lot)
		}
		if v == "" {
			if k == editPrice {
				it.price = nil
			} else {
				it.fees = decimal.Zero
			}
			return nil
		}
		d, err := parseAmount(v)
		if err != nil {
			return err
		}
		if k == editPrice {
			it.price = &d
		} else {
			it.fees = d
		}
		return nil
	}
	return nil
}
