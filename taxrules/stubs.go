package taxrules

// TEMPORARY stubs so that other packages compile while the engine is
// written. The engine replaces this file.

import (
	"errors"
	"io"

	"github.com/shopspring/decimal"
)

var errNotImplemented = errors.New("taxrules: not implemented yet")

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
