package taxrules

import "nftharvest/money"

// TotalsSums adds up Totals from lot states given one at a time, so that
// a caller reading every state once (EachLotState) gets the totals in the
// same pass: adding every lot's state in the order of Portfolio.Lots gives
// Analysis.Totals.
type TotalsSums struct {
	t                    Totals
	value, losses, gains money.Sum
}

// NewTotalsSums returns empty totals to Add lot states to.
func NewTotalsSums() *TotalsSums {
	return &TotalsSums{t: Totals{Harvestable: NewHarvestable()}}
}

// Add counts st when its lot has open units, as Totals does.
func (s *TotalsSums) Add(st *LotState) {
	if st.OpenQuantity.Sign() <= 0 {
		return
	}
	s.t.OpenLots++
	if !st.HasPrice {
		s.t.Unpriced++
		return
	}
	s.value.Add(st.MarketValue)
	switch st.Unrealized.Sign() {
	case -1:
		s.losses.Add(st.Unrealized)
	case 1:
		s.gains.Add(st.Unrealized)
	}
	s.t.Harvestable.Add(st)
}

// Totals returns the totals of the states added so far.
func (s *TotalsSums) Totals() Totals {
	t := s.t
	t.Value, t.Losses, t.Gains = s.value.Value(), s.losses.Value(), s.gains.Value()
	return t
}
