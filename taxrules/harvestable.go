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
// lot's state (built a chunk at a time when the analysis was made with
// LazyLots, see EachLotState).
func (a *Analysis) Harvestable() Harvestable {
	h := NewHarvestable()
	a.EachLotState(func(st *LotState) error {
		h.Add(st)
		return nil
	})
	return h
}

// NewHarvestable returns zero harvestable losses, to Add lot states to.
func NewHarvestable() Harvestable {
	return Harvestable{ShortTerm: decimal.Zero, LongTerm: decimal.Zero, Washed: decimal.Zero}
}

// Add counts the loss of st, when it has one, where Harvestable does:
// adding every lot's state in the order of Portfolio.Lots gives
// Analysis.Harvestable.
func (h *Harvestable) Add(st *LotState) {
	if !st.HasPrice || st.OpenQuantity.Sign() <= 0 || st.Unrealized.Sign() >= 0 {
		return
	}
	switch {
	case len(st.WashRisk.Purchases) > 0:
		h.Washed = money.Add(h.Washed, st.Unrealized)
	case st.Term == LongTerm:
		h.LongTerm = money.Add(h.LongTerm, st.Unrealized)
	default:
		h.ShortTerm = money.Add(h.ShortTerm, st.Unrealized)
	}
}
