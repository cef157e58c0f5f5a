// Package portfolio holds the domain facts of an NFT portfolio: lots
// (acquisitions), sales (disposals), collections with market floors, value
// overrides, currency rates and the owner's tax profile. It is pure: no I/O,
// no UI, and nothing derived (adjusted basis, wash sales, terms) is stored;
// the taxrules package computes those.
package portfolio

import "github.com/shopspring/decimal"

// Format is the value of the "format" field of a portfolio file.
const Format = "nftharvest/portfolio"

// Version is the newest file format version this build reads and writes.
const Version = 1

// Portfolio is everything a portfolio file records.
type Portfolio struct {
	Format       string
	Version      int
	BaseCurrency string
	TaxProfile   TaxProfile
	// Rates converts one unit of a currency into the base currency.
	Rates map[string]decimal.Decimal
	// RatesAsOf is the day each rate was observed, when known.
	RatesAsOf   map[string]Date
	Collections []Collection
	Lots        []Lot
	Sales       []Sale
	Extra       Extra
}

// Price is an amount in some currency, observed on a date.
type Price struct {
	Amount   decimal.Decimal
	Currency string
	AsOf     Date
	Extra    Extra
}

// Collection is a set of tokens sharing a contract, with a market floor price
// per token.
type Collection struct {
	ID       string
	Name     string
	Chain    string
	Contract string
	// Standard is "ERC-721" or "ERC-1155".
	Standard string
	// Floor is the price of one token, if known.
	Floor *Price
	// Collectible overrides the profile's collectible_default when set.
	Collectible *bool
	// Batch is the import that created the collection (B-0001), so undo
	// can remove it with the import's lots. Empty for hand-made ones.
	Batch string
	Extra Extra
}

// Lot is one acquisition: a quantity of one token bought on one day.
type Lot struct {
	ID         string
	Collection string
	TokenID    string
	Quantity   decimal.Decimal
	Acquired   Date
	// Cost is the price paid for the whole lot, in the base currency.
	Cost decimal.Decimal
	// Fees are acquisition costs (gas, marketplace fee) in the base currency.
	Fees decimal.Decimal
	// Value overrides the collection floor for this lot: price of one unit.
	Value *Price
	// Collectible overrides the collection and the profile when set.
	Collectible *bool
	Tx          string
	Wallet      string
	Note        string
	// Batch groups the lots recorded together by one import, so undo can
	// remove them together. Empty for lots entered by hand.
	Batch string
	Extra Extra
}

// Sale is a disposal of part or all of one lot.
type Sale struct {
	ID       string
	Lot      string
	Quantity decimal.Decimal
	Date     Date
	// Proceeds is the gross sale price for the quantity, in the base currency.
	Proceeds decimal.Decimal
	// Fees are selling costs (gas, marketplace fee, royalty); they reduce proceeds.
	Fees decimal.Decimal
	Tx   string
	// Batch groups the sales recorded together by one sell, so undo can
	// remove them together. Empty for sales entered by hand.
	Batch string
	Extra Extra
}

// Extra keeps the fields of a JSON object that this version does not know,
// in their original order and encoding, so that saving never drops them.
type Extra []ExtraField

// ExtraField is one unknown JSON member: its name and raw JSON value.
type ExtraField struct {
	Name  string
	Value []byte
}

// NetProceeds is the sale's proceeds less its selling fees.
func (s Sale) NetProceeds() decimal.Decimal { return s.Proceeds.Sub(s.Fees) }

// Basis is the lot's full cost basis: cost plus acquisition fees.
func (l Lot) Basis() decimal.Decimal { return l.Cost.Add(l.Fees) }
