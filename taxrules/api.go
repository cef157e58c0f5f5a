// Package taxrules computes, from a portfolio and a date, everything a
// collector needs to decide what to sell: holding periods, wash sales,
// netting, the capital loss limit and carryover, an estimated tax, what-if
// previews, harvest suggestions and Form 8949 rows. Every function is pure:
// the date is a parameter, nothing reads a clock or a file.
//
// The rules and the positions taken where the sources are silent are listed
// in docs/tax-rules.md; each rule cites its source in a comment.
package taxrules

import (
	"nftharvest/portfolio"

	"github.com/shopspring/decimal"
)

// Term is the holding-period character of a gain or loss.
type Term int

const (
	// ShortTerm is a holding period of one year or less.
	ShortTerm Term = iota
	// LongTerm is a holding period of more than one year.
	LongTerm
)

// String returns "short" or "long".
func (t Term) String() string {
	if t == LongTerm {
		return "long"
	}
	return "short"
}

// Analysis is the state of a portfolio as of a date: every lot and every
// recorded sale, with wash sales applied in date order.
type Analysis struct {
	AsOf    portfolio.Date
	TaxYear int
	// Portfolio is the analysed portfolio; Analysis never changes it.
	Portfolio *portfolio.Portfolio
	Index     *portfolio.Index
	// Lots has one entry per lot, in the order of Portfolio.Lots, closed
	// lots included (OpenQuantity zero).
	Lots []LotState
	// Sales has one entry per recorded sale and term, in processing order
	// (date, then sale id).
	Sales []SaleResult

	// eng holds the indexes Summary, Simulate and Suggest reuse.
	eng *engine
}

// LotState is one lot as of the analysis date.
type LotState struct {
	Lot            *portfolio.Lot
	CollectionName string
	OpenQuantity   decimal.Decimal
	// CostBasis is the original basis (cost + fees, pro rata) of the open quantity.
	CostBasis decimal.Decimal
	// AdjustedBasis is CostBasis plus wash-sale losses moved in, for the open quantity.
	AdjustedBasis decimal.Decimal
	// Portions splits the open units by basis and holding start, earliest
	// holding start first. It has one element when the lot is uniform.
	Portions []Portion
	// HoldingStart is the earliest holding start of the open units.
	HoldingStart portfolio.Date
	Term         Term
	// LongTermOn is the first sale date that is long term for HoldingStart.
	LongTermOn portfolio.Date
	// DaysToLongTerm is the number of days from AsOf to LongTermOn, 0 when long term.
	DaysToLongTerm int
	// HasPrice is false when no value or floor (or no rate) is known; then
	// MarketValue and Unrealized are zero.
	HasPrice    bool
	UnitPrice   decimal.Decimal
	PriceAsOf   portfolio.Date
	MarketValue decimal.Decimal
	// Unrealized is MarketValue - AdjustedBasis.
	Unrealized decimal.Decimal
	// UnrealizedPct is Unrealized / AdjustedBasis x 100, rounded half away
	// from zero to 4 decimal places (a display ratio); zero when the
	// adjusted basis is zero.
	UnrealizedPct decimal.Decimal
	Collectible   bool
	// WashAdjustments lists the washed sales whose disallowed loss moved
	// into this lot's basis.
	WashAdjustments []WashAdjustment
	WashRisk        WashRisk
	// collection is the engine's number of the lot's collection plus one
	// (0 when unknown), so sums by collection need not hash its id.
	collection int32
}

// Portion is a group of a lot's open units sharing one basis and holding start.
type Portion struct {
	Quantity      decimal.Decimal
	AdjustedBasis decimal.Decimal
	HoldingStart  portfolio.Date
	Term          Term
	// FromSale is the washed sale whose loss this portion absorbed, "" for
	// units with their original basis.
	FromSale string
}

// WashAdjustment is a disallowed loss moved into a replacement lot.
type WashAdjustment struct {
	Sale       string
	SoldLot    string
	Date       portfolio.Date
	Quantity   decimal.Decimal
	Disallowed decimal.Decimal
	// HoldingStart is the tacked holding start of the replacement units.
	HoldingStart portfolio.Date
}

// WashRisk says whether selling an open lot at a loss on the analysis date
// would be a wash sale because of purchases already made. Lots of one
// group may share the same Purchases and Warnings slices: treat them as
// read-only.
type WashRisk struct {
	// Purchases are acquisitions of substantially identical assets in the
	// 30 days before the analysis date (other lots, not this one).
	Purchases []Purchase
	// Warnings are same-collection purchases in that window that do not
	// count in token match mode.
	Warnings []Purchase
	// CleanFrom is the first date on which a loss sale would not be washed
	// by the purchases above (latest purchase + 31 days); zero when none.
	CleanFrom portfolio.Date
}

// Purchase is an acquisition that matters for a wash-sale window.
type Purchase struct {
	Lot      string
	TokenID  string
	Date     portfolio.Date
	Quantity decimal.Decimal
}

// SaleResult is a sale (recorded or simulated) with its tax outcome.
type SaleResult struct {
	Sale     string // sale id; empty for a simulated sale
	Lot      string
	Date     portfolio.Date
	Quantity decimal.Decimal
	// Acquired is the lot's acquisition date; HoldingStart the (possibly
	// tacked) start used for the term.
	Acquired     portfolio.Date
	HoldingStart portfolio.Date
	// Proceeds is net of selling fees.
	Proceeds    decimal.Decimal
	CostBasis   decimal.Decimal
	GainLoss    decimal.Decimal
	Disallowed  decimal.Decimal
	Recognized  decimal.Decimal
	Term        Term
	Collectible bool
	// Code is the Form 8949 column (f) code: "C" for a long-term sale of a
	// collectible, "W" when a loss was disallowed, "CW" for both, else "".
	Code         string
	Replacements []Replacement
	// Warnings are look-alike purchases (same collection, other token) in
	// the window, in token match mode; they do not disallow anything.
	Warnings []Purchase
	// SafeToRebuy is the first date a substantially identical asset can be
	// bought without washing this sale's loss (date + 31 days); zero for gains.
	SafeToRebuy portfolio.Date
}

// Replacement is a lot that absorbed part of a sale's disallowed loss.
type Replacement struct {
	Lot        string
	Quantity   decimal.Decimal
	Disallowed decimal.Decimal
	// AdjustedBasis is the new basis of the replacement units.
	AdjustedBasis decimal.Decimal
	HoldingStart  portfolio.Date
}

// Summary is the Schedule D picture of one tax year.
type Summary struct {
	TaxYear int
	// Realized totals from this portfolio's sales in the year (recognized amounts).
	ShortTermRealized decimal.Decimal
	LongTermRealized  decimal.Decimal
	// CarryoverIn and OtherGains come from the tax profile (for its tax
	// year only): the carryover in as positive amounts, other gains as
	// signed amounts (OtherCollectibles is the 28%-rate part of OtherLongTerm).
	CarryoverInShortTerm decimal.Decimal
	CarryoverInLongTerm  decimal.Decimal
	OtherShortTerm       decimal.Decimal
	OtherLongTerm        decimal.Decimal
	OtherCollectibles    decimal.Decimal
	// Nets after other gains and carryover in (Schedule D lines 7 and 15).
	ShortTermNet decimal.Decimal
	LongTermNet  decimal.Decimal
	// CollectiblesNet is the 28%-rate gain after losses reduce it (never negative).
	CollectiblesNet decimal.Decimal
	Net             decimal.Decimal
	// OrdinaryOffset is the net capital loss deducted against ordinary
	// income, as a positive amount (at most 3,000; 1,500 married separate).
	OrdinaryOffset     decimal.Decimal
	CarryoverShortTerm decimal.Decimal
	CarryoverLongTerm  decimal.Decimal
	EstimatedTax       decimal.Decimal
	// TaxModel is the model of EstimatedTax: portfolio.TaxModelBrackets or
	// TaxModelFlat; TaxModelWarning says why brackets were not used when
	// they should have been ("" otherwise).
	TaxModel        string
	TaxModelWarning string
	// TaxTables names the source of the year's brackets ("Rev. Proc.
	// 2025-32"); "" for the flat model.
	TaxTables string
	// Bands is where the net capital gain sits in the Schedule D Tax
	// Worksheet (brackets model only; zero amounts otherwise).
	Bands GainBands
	// NextLossSavesST and NextLossSavesLT are the tax the next 1,000 of
	// short-term or long-term loss would save (EstimatedTax less the
	// estimate with it): its marginal rate times 1,000.
	NextLossSavesST decimal.Decimal
	NextLossSavesLT decimal.Decimal
}

// SaleRequest is one lot to sell in a what-if.
type SaleRequest struct {
	Lot string
	// Quantity to sell; zero means all open units.
	Quantity decimal.Decimal
	// Price is the total gross sale price for Quantity in the base
	// currency; nil means the market value rounded to the cent.
	Price *decimal.Decimal
	// Fees are the selling costs of this sale.
	Fees decimal.Decimal
}

// WhatIf is a proposed batch of sales.
type WhatIf struct {
	Sales []SaleRequest
	// Date of the sales; zero means the analysis date.
	Date portfolio.Date
}

// WhatIfResult is the outcome of a WhatIf. Recording Record and analysing
// again gives the same numbers.
type WhatIfResult struct {
	Date   portfolio.Date
	Sales  []SaleResult
	Before Summary
	After  Summary
	// TaxSaved is Before.EstimatedTax - After.EstimatedTax.
	TaxSaved decimal.Decimal
	// Record are the sales to append to the portfolio to make this real (no ids yet).
	Record []portfolio.Sale
	// OtherYear is a warning when Date is in another year than the tax
	// profile's (then Before and After are that year's), else "".
	OtherYear string
}

// Pick is one lot chosen by Suggest.
type Pick struct {
	Lot      string
	Quantity decimal.Decimal
	Loss     decimal.Decimal // negative
	Term     Term
	// Saves is the tax this pick saves after the picks before it.
	Saves  decimal.Decimal
	Reason string
}

// Suggestion is a harvest plan.
type Suggestion struct {
	Target decimal.Decimal
	// Room is the losses that still lower this tax year's tax (LossRoom);
	// the default target.
	Room  decimal.Decimal
	Picks []Pick
	// Total is the sum of the picks' losses (negative).
	Total decimal.Decimal
	// Carryover is the carryover into next year before the picks, and
	// CarryoverAdded what selling the picks at market value adds to it.
	Carryover      decimal.Decimal
	CarryoverAdded decimal.Decimal
	// TaxSaved is what selling the picks at market value saves this year.
	TaxSaved decimal.Decimal
	// Candidates is how many open lots could be harvested without a wash
	// sale (a known price, a loss, no purchase in the last 30 days).
	Candidates int
}

// Form8949Row is one line of Form 8949.
type Form8949Row struct {
	// Part is "I" (short term) or "II" (long term).
	Part string
	// Box is the Form 8949 checkbox of the row (boxOf).
	Box         string
	Description string
	// Acquired is a date (YYYY-MM-DD) or "VARIOUS".
	Acquired   string
	Sold       portfolio.Date
	Proceeds   decimal.Decimal
	Basis      decimal.Decimal
	Code       string
	Adjustment decimal.Decimal
	GainLoss   decimal.Decimal
	Sale       string
	Lot        string
}
