package ui

import "nftharvest/portfolio"

// staleMark prefixes the value of a lot priced from a floor, value or
// rate older than portfolio.MaxPriceAge days.
const staleMark = "~"

// markStale records which open lots are valued from a stale price (the
// lot's own value, its collection's floor, or the rate of either's
// currency) and widens the Value column for the mark.
//
// A first frame's rows are marked from the same list as the full table's.
func (h *holdings) markStale(stale []portfolio.StalePrice, ix *portfolio.Index) {
	if len(stale) == 0 {
		return
	}
	old := map[[2]string]bool{}
	for _, s := range stale {
		old[[2]string{s.Kind, s.Of}] = true
	}
	for i := range h.rows {
		l := h.lot(i)
		if !h.rows[i].has(rowPriced) {
			continue
		}
		price := l.Value
		kind, of := "value", l.ID
		if price == nil {
			if c, ok := ix.Collection(l.Collection); ok {
				price = c.Floor
			}
			kind, of = "floor", l.Collection
		}
		if old[[2]string{kind, of}] || price != nil && old[[2]string{"rate", price.Currency}] {
			h.rows[i].flags |= rowStale
		}
	}
	// Room for the mark whenever a price is stale, so that a first frame
	// (some of the rows) and the full table lay the column out alike.
	h.w[hfValue]++
}
