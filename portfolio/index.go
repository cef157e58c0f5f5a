package portfolio

import "github.com/shopspring/decimal"

// Index gives constant-time lookups into a portfolio. It is a snapshot:
// build a new one after changing the portfolio.
type Index struct {
	p           *Portfolio
	lots        map[string]int
	collections map[string]int
	sold        []decimal.Decimal // per lot index: quantity taken by sales
}

// NewIndex builds the lookups for p. Sales of unknown lots are ignored here;
// storage validation rejects them.
func NewIndex(p *Portfolio) *Index {
	ix := &Index{
		p:           p,
		lots:        make(map[string]int, len(p.Lots)),
		collections: make(map[string]int, len(p.Collections)),
		sold:        make([]decimal.Decimal, len(p.Lots)),
	}
	for i := range p.Lots {
		ix.lots[p.Lots[i].ID] = i
	}
	for i := range p.Collections {
		ix.collections[p.Collections[i].ID] = i
	}
	for i := range p.Sales {
		if li, ok := ix.lots[p.Sales[i].Lot]; ok {
			ix.sold[li] = ix.sold[li].Add(p.Sales[i].Quantity)
		}
	}
	return ix
}

// Lot returns the lot with the given id.
func (ix *Index) Lot(id string) (*Lot, bool) {
	i, ok := ix.lots[id]
	if !ok {
		return nil, false
	}
	return &ix.p.Lots[i], true
}

// LotIndex returns the position of the lot with the given id in Portfolio.Lots.
func (ix *Index) LotIndex(id string) (int, bool) {
	i, ok := ix.lots[id]
	return i, ok
}

// Collection returns the collection with the given id.
func (ix *Index) Collection(id string) (*Collection, bool) {
	i, ok := ix.collections[id]
	if !ok {
		return nil, false
	}
	return &ix.p.Collections[i], true
}

// Sold returns the quantity of the lot taken by recorded sales.
func (ix *Index) Sold(lotID string) decimal.Decimal {
	if i, ok := ix.lots[lotID]; ok {
		return ix.sold[i]
	}
	return decimal.Zero
}

// OpenQuantity returns the lot's quantity minus what its sales took.
func (ix *Index) OpenQuantity(lotID string) decimal.Decimal {
	i, ok := ix.lots[lotID]
	if !ok {
		return decimal.Zero
	}
	return ix.p.Lots[i].Quantity.Sub(ix.sold[i])
}

// UnitPrice returns the market price of one unit of the lot in the base
// currency: the lot's value override, else its collection's floor. ok is
// false when neither is set or the currency has no rate.
func (ix *Index) UnitPrice(lotID string) (price decimal.Decimal, asOf Date, ok bool) {
	l, found := ix.Lot(lotID)
	if !found {
		return decimal.Zero, 0, false
	}
	p := l.Value
	if p == nil {
		if c, found := ix.Collection(l.Collection); found {
			p = c.Floor
		}
	}
	if p == nil {
		return decimal.Zero, 0, false
	}
	v, ok := ix.p.ToBase(*p)
	return v, p.AsOf, ok
}

// Collectible reports whether the lot is a collectible for the 28% rate:
// the lot's own flag, else its collection's, else the profile default.
func (ix *Index) Collectible(lotID string) bool {
	l, found := ix.Lot(lotID)
	if !found {
		return ix.p.TaxProfile.CollectibleDefault
	}
	if l.Collectible != nil {
		return *l.Collectible
	}
	if c, found := ix.Collection(l.Collection); found && c.Collectible != nil {
		return *c.Collectible
	}
	return ix.p.TaxProfile.CollectibleDefault
}

// CollectionName returns the display name of a collection, or its id.
func (ix *Index) CollectionName(id string) string {
	if c, ok := ix.Collection(id); ok && c.Name != "" {
		return c.Name
	}
	return id
}

// ToBase converts a price into the base currency using the portfolio's
// rates. The base currency converts at 1; ok is false without a rate.
func (p *Portfolio) ToBase(price Price) (decimal.Decimal, bool) {
	if price.Currency == "" || price.Currency == p.BaseCurrency {
		return price.Amount, true
	}
	r, ok := p.Rates[price.Currency]
	if !ok {
		return decimal.Zero, false
	}
	return price.Amount.Mul(r), true
}
