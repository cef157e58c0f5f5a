package taxrules

import (
	"nftharvest/money"

	"nftharvest/portfolio"

	"github.com/shopspring/decimal"
)

// collInfo caches what every lot of a collection shares, so that a lot's
// state costs no map lookups.
type collInfo struct {
	name string
	// collectible is the collection's flag, else the profile default.
	collectible bool
	// price is the floor in the base currency, when known.
	price     decimal.Decimal
	priceAsOf portfolio.Date
	hasPrice  bool
	// priceFixed is price in compact form when priceFits (lotFigures).
	priceFixed money.Fixed
	priceFits  bool
}

// indexCollections sets e.collOf (each lot's collection number) and
// e.colInfo. Collections a lot names but the file does not define (storage
// rejects them) get numbers after the defined ones, with the id as name.
// The cached values follow portfolio.Index.UnitPrice, Collectible and
// CollectionName exactly; a test checks them against those methods.
func (e *engine) indexCollections() {
	p := e.p
	byID := make(map[string]int32, len(p.Collections))
	e.colInfo = make([]collInfo, len(p.Collections))
	for i := range p.Collections {
		c := &p.Collections[i]
		byID[c.ID] = int32(i)
		ci := &e.colInfo[i]
		ci.name = c.Name // portfolio.Index.CollectionName: the name, or the id
		if ci.name == "" {
			ci.name = c.ID
		}
		ci.collectible = p.TaxProfile.CollectibleDefault
		if c.Collectible != nil {
			ci.collectible = *c.Collectible
		}
		if c.Floor != nil {
			ci.price, ci.hasPrice = p.ToBase(*c.Floor)
			ci.priceAsOf = c.Floor.AsOf
			ci.priceFixed, ci.priceFits = money.FixedOf(ci.price)
		}
	}
	e.collOf = make([]int32, len(p.Lots))
	for i := range p.Lots {
		id := p.Lots[i].Collection
		c, ok := byID[id]
		if !ok {
			c = int32(len(e.colInfo))
			byID[id] = c
			e.colInfo = append(e.colInfo, collInfo{name: id, collectible: p.TaxProfile.CollectibleDefault})
		}
		e.collOf[i] = c
	}
}

// collectible reports whether lot li is a collectible (IRC 1(h)(5); Notice
// 2023-27): the lot's flag, else its collection's, else the profile's.
func (e *engine) collectible(li int32) bool {
	if c := e.lots[li].Collectible; c != nil {
		return *c
	}
	return e.colInfo[e.collOf[li]].collectible
}

// unitPrice is the market price of one unit of lot li in the base
// currency: the lot's value override, else the collection floor
// (portfolio.Index.UnitPrice).
func (e *engine) unitPrice(li int32) (decimal.Decimal, portfolio.Date, bool) {
	l := &e.lots[li]
	if l.Value != nil {
		v, ok := e.p.ToBase(*l.Value)
		return v, l.Value.AsOf, ok
	}
	ci := &e.colInfo[e.collOf[li]]
	return ci.price, ci.priceAsOf, ci.hasPrice
}

// lotBasis is the lot's full basis, cost + fees (Pub 551 "Cost Basis"),
// without an addition when there are no fees.
func lotBasis(l *portfolio.Lot) decimal.Decimal {
	if l.Fees.IsZero() {
		return l.Cost
	}
	return money.Add(l.Cost, l.Fees)
}
