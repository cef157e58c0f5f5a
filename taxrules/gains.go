package taxrules

import (
	"slices"

	"nftharvest/money"
	"nftharvest/portfolio"

	"github.com/shopspring/decimal"
)

// GainHarvest is a plan to realize long-term gains that add no federal tax
// this year: gains inside the 0% band of IRC 1(h)(1)(B) (or absorbed by
// losses beyond the deduction). Selling and buying back at once raises the
// basis at no federal tax; a gain is never a wash sale (IRC 1091 disallows
// losses only).
type GainHarvest struct {
	// Room is the long-term gain that adds no federal tax (NIIT included),
	// found by bisection, in whole dollars, on the engine's estimate (to
	// the cent, a few cents past the band's top still round to no tax).
	Room  decimal.Decimal
	Picks []GainPick
	// Total is the gain of the picks; StateTax what they cost at the
	// profile's state_rate (the 0% band is federal only).
	Total    decimal.Decimal
	StateTax decimal.Decimal
	// Why says why there is nothing to propose, or "".
	Why string
}

// GainPick is an open lot (or whole units of it) to sell and rebuy.
type GainPick struct {
	Lot      string
	Quantity decimal.Decimal
	Gain     decimal.Decimal
}

// SuggestGains proposes long-term gains to realize at no federal tax: the
// open long-term lots with a known price and an unrealized gain, largest
// gain first, each taken in the most whole units that still fit the room.
// It needs the bracket model (a flat rate has no 0% band).
func (a *Analysis) SuggestGains() GainHarvest {
	g := GainHarvest{Room: decimal.Zero, Total: decimal.Zero, StateTax: decimal.Zero}
	prof := a.Portfolio.TaxProfile
	if model, _, _ := modelOf(a.TaxYear, &prof); model != portfolio.TaxModelBrackets {
		g.Why = "gain harvesting needs the bracket model (tax_model brackets, taxable_income set, a year with tables)"
		return g
	}
	federal := prof
	federal.StateRate = decimal.Zero
	ht := a.newHarvestTax()
	taxWith := func(gain decimal.Decimal) decimal.Decimal {
		t := ht.base
		t.lt = money.Add(t.lt, gain)
		return netOnly(t, a.TaxYear, &federal).EstimatedTax
	}
	base := taxWith(decimal.Zero)
	// The room: the largest gain, in dollars, that leaves the federal tax
	// as it is. The tax never falls as gain grows, so bisection finds it.
	lo, hi := int64(0), int64(1)
	for taxWith(decimal.NewFromInt(hi)).Equal(base) && hi < 1<<40 {
		lo, hi = hi, hi*2
	}
	for lo+1 < hi {
		mid := (lo + hi) / 2
		if taxWith(decimal.NewFromInt(mid)).Equal(base) {
			lo = mid
		} else {
			hi = mid
		}
	}
	g.Room = decimal.NewFromInt(lo)
	if g.Room.Sign() <= 0 {
		g.Why = "no long-term gain fits at no federal tax this year: the 0% band is used up"
		return g
	}
	// Only what the picks need of the candidates is kept (their figures
	// are streamed and their memory reused).
	var cands []gainCand
	a.EachLot(func(f *LotFigures) error {
		if st := f.Full; st != nil {
			if st.OpenQuantity.Sign() > 0 && st.HasPrice && st.Term == LongTerm && st.Unrealized.Sign() > 0 && len(st.Portions) <= 1 {
				cands = append(cands, gainCand{id: st.Lot.ID, open: st.OpenQuantity, gain: st.Unrealized})
			}
			return nil
		}
		if f.OpenQuantity.C > 0 && f.HasPrice && f.Term == LongTerm && f.Unrealized.C > 0 {
			cands = append(cands, gainCand{id: f.Lot.ID, open: f.OpenQuantity.Decimal(), gain: f.Unrealized.Decimal()})
		}
		return nil
	})
	sortByGain(cands)
	left := g.Room
	for _, c := range cands {
		q := c.open
		if c.gain.GreaterThan(left) {
			if !q.IsInteger() || q.LessThanOrEqual(decimal.NewFromInt(1)) {
				continue
			}
			if perUnit := c.gain.Div(q); perUnit.Sign() != 0 {
				q = left.Div(perUnit).Floor()
			} else { // under 10^-16 a unit: Div rounded it to zero
				q = left.Mul(q).Div(c.gain).Floor()
			}
			if q.Sign() <= 0 {
				continue
			}
		}
		gain := c.gain
		if !q.Equal(c.open) {
			gain = money.Cents(c.gain.Mul(q).Div(c.open))
		}
		g.Picks = append(g.Picks, GainPick{Lot: c.id, Quantity: q, Gain: gain})
		g.Total = g.Total.Add(gain)
		left = left.Sub(gain)
	}
	if len(g.Picks) == 0 {
		g.Why = "no open long-term lot has a gain that fits the room"
	}
	g.StateTax = money.Cents(g.Total.Mul(prof.StateRate))
	return g
}

// gainCand is a lot suggest --gains may pick: its id, open quantity and
// unrealized gain.
type gainCand struct {
	id         string
	open, gain decimal.Decimal
}

// sortByGain orders candidates by unrealized gain, largest first, then lot
// id.
func sortByGain(cands []gainCand) {
	slices.SortFunc(cands, func(x, y gainCand) int {
		if c := y.gain.Cmp(x.gain); c != 0 {
			return c
		}
		return portfolio.CompareIDs(x.id, y.id)
	})
}
