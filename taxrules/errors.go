package taxrules

import (
	"nftharvest/money"

	"github.com/shopspring/decimal"
)

// RequestError is a what-if request that cannot be carried out; Error
// names the lot and the reason in one line.
type RequestError struct {
	Lot    string
	Reason string
}

func (e *RequestError) Error() string { return "lot " + e.Lot + ": " + e.Reason }

// Cents rounds an amount to the cent, half away from zero, for display and
// exports. Amounts are never rounded inside the engine.
func Cents(d decimal.Decimal) decimal.Decimal { return money.Cents(d) }

// units names a quantity with its noun: "1 unit", "0.5 units", "3 units".
func units(q decimal.Decimal) string {
	if q.Equal(decimal.NewFromInt(1)) {
		return "1 unit"
	}
	return q.String() + " units"
}

// GroupThousands is money.Group, for the display code not yet moved to the
// money package.
func GroupThousands(s string) string { return money.Group(s) }
