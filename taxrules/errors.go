package taxrules

import (
	"github.com/shopspring/decimal"
)

// RequestError is a what-if request that cannot be carried out; Error
// names the lot and the reason in one line.
type RequestError struct {
	Lot    string
	Reason string
}

func (e *RequestError) Error() string { return "lot " + e.Lot + ": " + e.Reason }

// units names a quantity with its noun: "1 unit", "0.5 units", "3 units".
func units(q decimal.Decimal) string {
	if q.Equal(decimal.NewFromInt(1)) {
		return "1 unit"
	}
	return q.String() + " units"
}
