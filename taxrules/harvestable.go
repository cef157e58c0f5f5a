package taxrules

import (
	"nftharvest/money"

	"github.com/shopspring/decimal"
)

// Harvestable splits the unrealized losses of the open lots by what a sale
// on the analysis date would do with them.
type Harvestable struct {
	// ShortTerm and LongTerm are the losses (negative) a sale today would
	// realize: lots with a known price and no purchase of the same asset in
	// the 30 days before (WashRisk.Purchases empty).
	ShortTerm decimal.Decimal
	LongTerm  decimal.Decimal
	// Washed is the loss (negative) of the lots a sale today would wash, at
	// least in part (IRC 1091(a): a purchase in the 30 days before the
	// sale); it is not counted above.
	Washed decimal.Decimal
}

// Harvestable returns the harvestable losses as of a.AsOf. It reads every
// lot's state (built now when the analysis was made with LazyLots).
func (a *Analysis) Harvestable() Harvestable {
	var st, lt, washed money.Sum
	states := a.lotStates()
	for i := range states {
		s := &states[i]
		if !s.HasPrice || s.OpenQuantity.Sign() <= 0 || s.Unrealized.Sign() >= 0 {
			continue
		}
		switch {
		case len(s.WashRisk.Purchases) > 0:
			washed.Add(s.Unrealized)
		case s.Term == LongTerm:
			lt.Add(s.Unrealized)
		default:
			st.Add(s.Unrealized)
		}
	}
	return Harvestable{ShortTerm: st.Value(), LongTerm: lt.Value(), Washed: washed.Value()}
}
