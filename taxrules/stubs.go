package taxrules

// TEMPORARY stubs so that other packages compile while the engine is
// written. The engine replaces this file.

import (
	"errors"
	"io"

	"nftharvest/portfolio"

	"github.com/shopspring/decimal"
)

var errNotImplemented = errors.New("taxrules: not implemented yet")

// Analyze computes the state of p as of asOf. p must be valid (storage
// validates on load); an inconsistency is returned as an error.
func Analyze(p *portfolio.Portfolio, asOf portfolio.Date) (*Analysis, error) {
	return &Analysis{AsOf: asOf, TaxYear: p.TaxProfile.TaxYear, Portfolio: p, Index: portfolio.NewIndex(p)}, nil
}

// Summary returns the Schedule D summary of the given tax year.
func (a *Analysis) Summary(year int) Summary { return Summary{TaxYear: year} }

// Simulate previews w without changing the portfolio. Invalid requests
// (unknown lot, quantity above what is open, a date before acquisition)
// return a *RequestError.
func (a *Analysis) Simulate(w WhatIf) (*WhatIfResult, error) { return nil, errNotImplemented }

// Suggest picks loss lots reaching target (nil: this year's net gains plus
// the ordinary-income limit) with no wash-sale hit, short term first.
func (a *Analysis) Suggest(target *decimal.Decimal) Suggestion { return Suggestion{} }

// Form8949 returns the Form 8949 rows of the sales in year.
func (a *Analysis) Form8949(year int) []Form8949Row { return nil }

// WriteForm8949CSV writes rows as CSV with a header, amounts to the cent.
func WriteForm8949CSV(w io.Writer, rows []Form8949Row) error { return errNotImplemented }

// RequestError is a what-if request that cannot be carried out; Error
// names the lot and the reason in one line.
type RequestError struct {
	Lot    string
	Reason string
}

func (e *RequestError) Error() string { return "lot " + e.Lot + ": " + e.Reason }

// Cents rounds an amount to the cent, half away from zero, for display and exports.
func Cents(d decimal.Decimal) decimal.Decimal { return d.Round(2) }
