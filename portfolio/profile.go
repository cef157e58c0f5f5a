package portfolio

import "github.com/shopspring/decimal"

// Filing statuses accepted in TaxProfile.FilingStatus.
const (
	Single          = "single"
	MarriedJoint    = "married_joint"
	MarriedSeparate = "married_separate"
	HeadOfHousehold = "head_of_household"
)

// Wash-sale policies accepted in TaxProfile.WashSale.
const (
	WashApply = "apply"
	WashOff   = "off"
)

// Tax models accepted in TaxProfile.TaxModel: how the estimated tax is
// computed.
const (
	// TaxModelBrackets is the federal tax at the year's brackets (the
	// default for a tax year with tables).
	TaxModelBrackets = "brackets"
	// TaxModelFlat is the profile's marginal rates times the net.
	TaxModelFlat = "flat"
)

// Match modes accepted in TaxProfile.Match: what counts as substantially
// identical for the wash-sale rule.
const (
	MatchToken      = "token"
	MatchCollection = "collection"
)

// TaxProfile is the owner's tax situation and the positions they take.
type TaxProfile struct {
	Jurisdiction     string
	TaxYear          int
	FilingStatus     string
	OrdinaryRate     decimal.Decimal
	LongTermRate     decimal.Decimal
	CollectiblesRate decimal.Decimal
	NIIT             bool
	StateRate        decimal.Decimal
	// TaxableIncome is the year's taxable income before capital gains and
	// losses; nil means "large enough" for the carryover worksheet.
	TaxableIncome *decimal.Decimal
	// TaxModel is TaxModelBrackets, TaxModelFlat or "" (brackets when the
	// year has tables, else flat).
	TaxModel string
	// MAGI is modified adjusted gross income before capital gains and
	// losses, for the net investment income tax; nil means taxable income
	// plus the standard deduction.
	MAGI               *decimal.Decimal
	WashSale           string
	Match              string
	CollectibleDefault bool
	// Carryover is the capital loss carried in from earlier years, as
	// positive amounts.
	Carryover Carryover
	// OtherGains are this year's capital gains realized outside this file
	// (negative for losses).
	OtherGains OtherGains
	Extra      Extra
}

// Carryover is a capital loss carryover split by character, as positive amounts.
type Carryover struct {
	ShortTerm decimal.Decimal
	LongTerm  decimal.Decimal
	Extra     Extra
}

// OtherGains are gains realized outside the portfolio file this tax year.
type OtherGains struct {
	ShortTerm decimal.Decimal
	LongTerm  decimal.Decimal
	// Collectibles is the 28%-rate part of LongTerm.
	Collectibles decimal.Decimal
	Extra        Extra
}

// DefaultTaxProfile returns the documented defaults for optional fields.
func DefaultTaxProfile(year int) TaxProfile {
	return TaxProfile{
		Jurisdiction:     "US",
		TaxYear:          year,
		FilingStatus:     Single,
		OrdinaryRate:     decimal.RequireFromString("0.24"),
		LongTermRate:     decimal.RequireFromString("0.15"),
		CollectiblesRate: decimal.RequireFromString("0.28"),
		StateRate:        decimal.Zero,
		WashSale:         WashApply,
		Match:            MatchToken,
	}
}
