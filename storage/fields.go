package storage

// The members of each object of the format, in the documented order. A
// member's constant is its bit in a decoder's "seen" mask and its index in
// the object's name table, so the compiler ties each name to its bit; the
// required masks are built from the constants. The encoder refuses Extra
// entries that reuse one of these names.

// Members of the document (its top-level object).
const (
	topFormat = iota
	topVersion
	topBaseCurrency
	topTaxProfile
	topRates
	topCollections
	topLots
	topSales
	topRatesAsOf
	topFieldCount
)

// Members of tax_profile.
const (
	profileJurisdiction = iota
	profileTaxYear
	profileFilingStatus
	profileOrdinaryRate
	profileLongTermRate
	profileCollectiblesRate
	profileNIIT
	profileStateRate
	profileTaxableIncome
	profileWashSale
	profileMatch
	profileCollectibleDefault
	profileCarryover
	profileOtherGains
	profileTaxModel
	profileMAGI
	profileFieldCount
)

// Members of tax_profile.carryover.
const (
	carryoverShortTerm = iota
	carryoverLongTerm
	carryoverFieldCount
)

// Members of tax_profile.other_gains.
const (
	otherGainsShortTerm = iota
	otherGainsLongTerm
	otherGainsCollectibles
	otherGainsFieldCount
)

// Members of a collection.
const (
	collectionID = iota
	collectionName
	collectionChain
	collectionContract
	collectionStandard
	collectionFloor
	collectionCollectible
	collectionBatch
	collectionFieldCount
)

// Members of a price (floor or value).
const (
	priceAmount = iota
	priceCurrency
	priceAsOf
	priceFieldCount
)

// Members of a lot.
const (
	lotID = iota
	lotCollection
	lotTokenID
	lotQuantity
	lotAcquired
	lotCost
	lotFees
	lotValue
	lotCollectible
	lotTx
	lotWallet
	lotNote
	lotBatch
	lotFieldCount
)

// Members of a sale.
const (
	saleID = iota
	saleLot
	saleQuantity
	saleDate
	saleProceeds
	saleFees
	saleTx
	saleBatch
	saleFieldCount
)

// Member names by constant.
var (
	topFields        = [topFieldCount]string{topFormat: "format", topVersion: "version", topBaseCurrency: "base_currency", topTaxProfile: "tax_profile", topRates: "rates", topCollections: "collections", topLots: "lots", topSales: "sales", topRatesAsOf: "rates_as_of"}
	profileFields    = [profileFieldCount]string{profileJurisdiction: "jurisdiction", profileTaxYear: "tax_year", profileFilingStatus: "filing_status", profileOrdinaryRate: "ordinary_rate", profileLongTermRate: "long_term_rate", profileCollectiblesRate: "collectibles_rate", profileNIIT: "niit", profileStateRate: "state_rate", profileTaxableIncome: "taxable_income", profileWashSale: "wash_sale", profileMatch: "match", profileCollectibleDefault: "collectible_default", profileCarryover: "carryover", profileOtherGains: "other_gains", profileTaxModel: "tax_model", profileMAGI: "magi"}
	carryoverFields  = [carryoverFieldCount]string{carryoverShortTerm: "short_term", carryoverLongTerm: "long_term"}
	otherGainsFields = [otherGainsFieldCount]string{otherGainsShortTerm: "short_term", otherGainsLongTerm: "long_term", otherGainsCollectibles: "collectibles"}
	collectionFields = [collectionFieldCount]string{collectionID: "id", collectionName: "name", collectionChain: "chain", collectionContract: "contract", collectionStandard: "standard", collectionFloor: "floor", collectionCollectible: "collectible", collectionBatch: "batch"}
	priceFields      = [priceFieldCount]string{priceAmount: "amount", priceCurrency: "currency", priceAsOf: "as_of"}
	lotFields        = [lotFieldCount]string{lotID: "id", lotCollection: "collection", lotTokenID: "token_id", lotQuantity: "quantity", lotAcquired: "acquired", lotCost: "cost", lotFees: "fees", lotValue: "value", lotCollectible: "collectible", lotTx: "tx", lotWallet: "wallet", lotNote: "note", lotBatch: "batch"}
	saleFields       = [saleFieldCount]string{saleID: "id", saleLot: "lot", saleQuantity: "quantity", saleDate: "date", saleProceeds: "proceeds", saleFees: "fees", saleTx: "tx", saleBatch: "batch"}
)

// Required members, as bit masks over the constants above.
const (
	topRequired        = 1<<topFormat | 1<<topVersion | 1<<topTaxProfile
	profileRequired    = 1 << profileTaxYear
	collectionRequired = 1 << collectionID
	priceRequired      = 1 << priceAmount
	lotRequired        = 1<<lotID | 1<<lotCollection | 1<<lotQuantity | 1<<lotAcquired | 1<<lotCost
	saleRequired       = 1<<saleID | 1<<saleLot | 1<<saleQuantity | 1<<saleDate | 1<<saleProceeds
)

// A "seen" mask is a uint32: every object has at most 32 members (the
// compiler refuses a negative array length).
var (
	_ [32 - topFieldCount]struct{}
	_ [32 - profileFieldCount]struct{}
	_ [32 - collectionFieldCount]struct{}
	_ [32 - lotFieldCount]struct{}
	_ [32 - saleFieldCount]struct{}
)
