package portfolio

import (
	"slices"

	"github.com/shopspring/decimal"
)

// MaxPriceAge is how many days old a floor, a lot value or a rate may be
// before the report and the app warn that it is stale.
const MaxPriceAge = 7

// StalePrice is a price in use (the floor or value of an open lot, or the
// rate of its currency) observed more than MaxPriceAge days before a day.
type StalePrice struct {
	// Kind is "floor", "value" or "rate"; Of is the collection id, the lot
	// id or the currency.
	Kind, Of string
	AsOf     Date
	Days     int
}

// StalePrices lists the prices in use observed more than maxDays days
// before today: floors of collections with open lots valued at the floor,
// values of open lots, and the rates of the currencies those prices are
// in. Undated prices are not listed. The list is sorted oldest first.
func StalePrices(p *Portfolio, today Date, maxDays int) []StalePrice {
	old := func(d Date) bool { return !d.IsZero() && d.DaysUntil(today) > maxDays }
	if !anyOld(p, old) {
		return nil // the common case, without indexing the sales
	}
	// The quantity sold of each lot with sales, by lot index: most lots
	// have none, so open is a nil check for them (no decimal work).
	var soldQty []decimal.Decimal
	if len(p.Sales) > 0 {
		ix := NewIndex(p)
		soldQty = make([]decimal.Decimal, len(p.Lots))
		for si := range p.Sales {
			if li, ok := ix.SaleLot(si); ok {
				soldQty[li] = soldQty[li].Add(p.Sales[si].Quantity)
			}
		}
	}
	open := func(i int) bool {
		return soldQty == nil || soldQty[i].IsZero() || p.Lots[i].Quantity.GreaterThan(soldQty[i])
	}
	floorUsed := make(map[string]bool, len(p.Collections))
	currencies := map[string]bool{}
	var out []StalePrice
	for i := range p.Lots {
		l := &p.Lots[i]
		if !open(i) {
			continue
		}
		if l.Value != nil {
			currencies[l.Value.Currency] = true
			if old(l.Value.AsOf) {
				out = append(out, StalePrice{Kind: "value", Of: l.ID, AsOf: l.Value.AsOf, Days: l.Value.AsOf.DaysUntil(today)})
			}
			continue
		}
		floorUsed[l.Collection] = true
	}
	for i := range p.Collections {
		c := &p.Collections[i]
		if c.Floor == nil || !floorUsed[c.ID] {
			continue
		}
		currencies[c.Floor.Currency] = true
		if old(c.Floor.AsOf) {
			out = append(out, StalePrice{Kind: "floor", Of: c.ID, AsOf: c.Floor.AsOf, Days: c.Floor.AsOf.DaysUntil(today)})
		}
	}
	for cur := range currencies {
		if d, ok := p.RatesAsOf[cur]; ok && cur != p.BaseCurrency && old(d) {
			out = append(out, StalePrice{Kind: "rate", Of: cur, AsOf: d, Days: d.DaysUntil(today)})
		}
	}
	slices.SortFunc(out, func(a, b StalePrice) int {
		if a.AsOf != b.AsOf {
			return int(a.AsOf - b.AsOf)
		}
		if a.Kind != b.Kind {
			return CompareIDs(a.Kind, b.Kind)
		}
		return CompareIDs(a.Of, b.Of)
	})
	return out
}

// anyOld reports whether any price or rate of p is old at all.
func anyOld(p *Portfolio, old func(Date) bool) bool {
	for _, d := range p.RatesAsOf {
		if old(d) {
			return true
		}
	}
	for i := range p.Collections {
		if f := p.Collections[i].Floor; f != nil && old(f.AsOf) {
			return true
		}
	}
	for i := range p.Lots {
		if v := p.Lots[i].Value; v != nil && old(v.AsOf) {
			return true
		}
	}
	return false
}
