package portfolio

import (
	"slices"
	"sort"
	"strings"

	"github.com/shopspring/decimal"
)

// Index gives fast lookups into a portfolio. It is a snapshot: build a new
// one after changing the portfolio.
type Index struct {
	p *Portfolio
	// lots maps a lot id to its position; it is nil when the lot ids
	// increase strictly (the usual L-0001, L-0002, ...), where a binary
	// search over sorted (Portfolio.Lots when the index was built) finds
	// an id without building a map.
	lots        map[string]int
	sorted      []Lot
	collections map[string]int
	sold        map[int32]decimal.Decimal // per lot index with sales: quantity they took
	saleLots    []int32                   // per sale index: its lot's index, -1 if unknown
}

// NewIndex builds the lookups for p. Sales of unknown lots are ignored here;
// storage validation rejects them.
func NewIndex(p *Portfolio) *Index {
	ix := &Index{
		p:           p,
		collections: make(map[string]int, len(p.Collections)),
		sold:        make(map[int32]decimal.Decimal),
	}
	for i := range p.Collections {
		ix.collections[p.Collections[i].ID] = i
	}
	if idsIncrease(p.Lots) {
		ix.sorted = p.Lots
		ix.saleLots = resolveSorted(p)
	} else {
		ix.lots = make(map[string]int, len(p.Lots))
		for i := range p.Lots {
			ix.lots[p.Lots[i].ID] = i
		}
		ix.saleLots = make([]int32, len(p.Sales))
		for i := range p.Sales {
			li, ok := ix.lots[p.Sales[i].Lot]
			if !ok {
				li = -1
			}
			ix.saleLots[i] = int32(li)
		}
	}
	for i, li := range ix.saleLots {
		if li >= 0 {
			ix.sold[li] = ix.sold[li].Add(p.Sales[i].Quantity) // from the zero Decimal
		}
	}
	return ix
}

// idsIncrease reports whether the lot ids increase strictly.
func idsIncrease(lots []Lot) bool {
	for i := 1; i < len(lots); i++ {
		if lots[i].ID <= lots[i-1].ID {
			return false
		}
	}
	return true
}

// resolveSorted finds the lot of every sale when the lot ids increase: the
// sales are taken in the order of their lot ids and matched in one pass
// over the lots. On large portfolios this reads the lots in order instead
// of searching them once per sale (each search a chain of cache misses).
func resolveSorted(p *Portfolio) []int32 {
	out := make([]int32, len(p.Sales))
	byLot := make([]int32, len(p.Sales))
	for i := range byLot {
		byLot[i] = int32(i)
	}
	slices.SortFunc(byLot, func(a, b int32) int { return strings.Compare(p.Sales[a].Lot, p.Sales[b].Lot) })
	li := 0
	for _, si := range byLot {
		id := p.Sales[si].Lot
		for li < len(p.Lots) && p.Lots[li].ID < id {
			li++
		}
		if li < len(p.Lots) && p.Lots[li].ID == id {
			out[si] = int32(li)
		} else {
			out[si] = -1
		}
	}
	return out
}

// lotIndex returns the position of the lot with the given id.
func (ix *Index) lotIndex(id string) (int, bool) {
	if ix.lots != nil {
		i, ok := ix.lots[id]
		return i, ok
	}
	lots := ix.sorted
	i := sort.Search(len(lots), func(i int) bool { return lots[i].ID >= id })
	return i, i < len(lots) && lots[i].ID == id
}

// SaleLot returns the position in Portfolio.Lots of the lot that sale i
// (its position in Portfolio.Sales) took units from; false for a lot that
// is not in the portfolio, or a sale added after the index was built.
func (ix *Index) SaleLot(i int) (int, bool) {
	if i < 0 || i >= len(ix.saleLots) || ix.saleLots[i] < 0 {
		return 0, false
	}
	return int(ix.saleLots[i]), true
}

// Lot returns the lot with the given id.
func (ix *Index) Lot(id string) (*Lot, bool) {
	i, ok := ix.lotIndex(id)
	if !ok {
		return nil, false
	}
	return &ix.p.Lots[i], true
}

// LotIndex returns the position of the lot with the given id in Portfolio.Lots.
func (ix *Index) LotIndex(id string) (int, bool) { return ix.lotIndex(id) }

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
	if i, ok := ix.lotIndex(lotID); ok {
		return ix.sold[int32(i)]
	}
	return decimal.Zero
}

// OpenQuantity returns the lot's quantity minus what its sales took.
func (ix *Index) OpenQuantity(lotID string) decimal.Decimal {
	i, ok := ix.lotIndex(lotID)
	if !ok {
		return decimal.Zero
	}
	return ix.OpenQuantityAt(i)
}

// OpenQuantityAt is OpenQuantity for the lot at position i of
// Portfolio.Lots.
func (ix *Index) OpenQuantityAt(i int) decimal.Decimal {
	return ix.p.Lots[i].Quantity.Sub(ix.sold[int32(i)])
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
