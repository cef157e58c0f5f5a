package taxrules

import (
	"cmp"
	"fmt"
	"slices"

	"nftharvest/portfolio"

	"github.com/shopspring/decimal"
)

// Suggest picks open lots with unrealized losses whose sale on the
// analysis date reaches target with no wash-sale hit. A nil target is this
// tax year's net gain (ShortTermNet + LongTermNet, not below 0) plus the
// ordinary-income limit (IRC 1211(b)): the losses that can be used this
// year.
//
// Candidates have a known price, Unrealized < 0 and no purchase in
// WashRisk.Purchases (selling them today would not be washed by what was
// already bought). Short-term losses come first (they offset gains taxed
// at the ordinary rate, IRC 1(h)), then the largest loss, then lot id;
// whole lots are taken until the losses reach the target.
func (a *Analysis) Suggest(target *decimal.Decimal) Suggestion {
	var tgt decimal.Decimal
	if target != nil {
		tgt = *target
	} else {
		s := a.Summary(a.TaxYear)
		tgt = decimal.Max(decimal.Zero, s.ShortTermNet.Add(s.LongTermNet)).
			Add(LossLimit(a.Portfolio.TaxProfile.FilingStatus))
	}
	out := Suggestion{Target: tgt, Total: decimal.Zero}
	if tgt.Sign() <= 0 {
		return out
	}
	var cands []*LotState
	for i := range a.Lots {
		st := &a.Lots[i]
		if st.OpenQuantity.Sign() > 0 && st.HasPrice && st.Unrealized.Sign() < 0 && len(st.WashRisk.Purchases) == 0 {
			cands = append(cands, st)
		}
	}
	slices.SortFunc(cands, func(x, y *LotState) int {
		if c := cmp.Compare(x.Term, y.Term); c != 0 {
			return c // ShortTerm (0) first
		}
		if c := x.Unrealized.Cmp(y.Unrealized); c != 0 {
			return c // most negative first
		}
		return cmp.Compare(x.Lot.ID, y.Lot.ID)
	})
	for _, st := range cands {
		if out.Total.Neg().GreaterThanOrEqual(tgt) {
			break
		}
		out.Picks = append(out.Picks, Pick{
			Lot: st.Lot.ID, Quantity: st.OpenQuantity, Loss: st.Unrealized, Term: st.Term,
			Reason: a.pickReason(st),
		})
		out.Total = out.Total.Add(st.Unrealized)
	}
	return out
}

// pickReason explains a pick in one line.
func (a *Analysis) pickReason(st *LotState) string {
	what := "token"
	if a.Portfolio.TaxProfile.Match == portfolio.MatchCollection {
		what = "collection"
	}
	r := fmt.Sprintf("%s-term loss of %s; ", st.Term, FormatUSD(st.Unrealized))
	if !a.eng.washOn {
		return r + "wash-sale rule off"
	}
	r += fmt.Sprintf("no purchase of this %s in the last 30 days", what)
	if n := len(st.WashRisk.Warnings); n > 0 {
		r += fmt.Sprintf(" (%d look-alike purchase(s) of other tokens of the collection)", n)
	}
	return r
}
