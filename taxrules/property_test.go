package taxrules

import (
	"math/rand/v2"
	"strings"
	"testing"

	"nftharvest/portfolio"

	"github.com/shopspring/decimal"
)

// Invariants over generated histories dense in wash sales (fixed seeds),
// in both match modes and with the rule off. IRC 1091(d) moves a
// disallowed loss into the replacement's basis, so no loss is created or
// lost: it is either recognized, or sits in a replacement's basis (sold
// since, or still open).
func TestPropertiesOfGeneratedHistories(t *testing.T) {
	n := 300
	if testing.Short() {
		n = 60
	}
	for seed := range uint64(n) {
		rng := rand.New(rand.NewPCG(seed, 11))
		mode := []string{portfolio.MatchToken, portfolio.MatchCollection}[seed%2]
		p := genHistory(rng, 10+rng.IntN(50), mode)
		if seed%7 == 3 {
			p.TaxProfile.WashSale = portfolio.WashOff
		}
		a, err := Analyze(p, day("2025-06-30"))
		if err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		checkInvariants(t, seed, p, a)
	}
}

func checkInvariants(t *testing.T, seed uint64, p *portfolio.Portfolio, a *Analysis) {
	t.Helper()
	fail := func(format string, args ...any) {
		t.Helper()
		t.Fatalf("seed %d: "+format, append([]any{seed}, args...)...)
	}
	zero := decimal.Zero
	totalDisallowed, usedBasis := zero, zero
	perSaleQty := map[string]decimal.Decimal{}
	perSaleProceeds := map[string]decimal.Decimal{}
	perYear := map[int]decimal.Decimal{}
	for i, r := range a.Sales {
		if i > 0 {
			prev := a.Sales[i-1]
			if prev.Date > r.Date || (prev.Date == r.Date && portfolio.CompareIDs(prev.Sale, r.Sale) > 0) {
				fail("sales out of order: %s %s then %s %s", prev.Date, prev.Sale, r.Date, r.Sale)
			}
		}
		if !r.GainLoss.Equal(r.Proceeds.Sub(r.CostBasis)) {
			fail("%s: gain/loss %s != proceeds %s - basis %s", r.Sale, r.GainLoss, r.Proceeds, r.CostBasis)
		}
		// A disallowed loss is judged per block (Treas. Reg. 1.1091-1(b),
		// (c)): a line that nets to a gain may still wash a block's loss,
		// which is at most the line's basis less the proceeds of that block.
		if r.Disallowed.Sign() < 0 || r.Disallowed.GreaterThan(r.CostBasis.Sub(decimal.Min(zero, r.Proceeds))) {
			fail("%s: disallowed %s for basis %s", r.Sale, r.Disallowed, r.CostBasis)
		}
		if r.Disallowed.Sign() > 0 && r.SafeToRebuy != r.Date.AddDays(31) {
			fail("%s: washed with safe-to-rebuy %s", r.Sale, r.SafeToRebuy)
		}
		if !r.Recognized.Equal(r.GainLoss.Add(r.Disallowed)) {
			fail("%s: recognized %s != %s + %s", r.Sale, r.Recognized, r.GainLoss, r.Disallowed)
		}
		if strings.Contains(r.Code, "W") != (r.Disallowed.Sign() > 0) {
			fail("%s: code %q with disallowed %s", r.Sale, r.Code, r.Disallowed)
		}
		if strings.HasPrefix(r.Code, "C") != (r.Collectible && r.Term == LongTerm) {
			fail("%s: code %q for a %s-term sale, collectible %v", r.Sale, r.Code, r.Term, r.Collectible)
		}
		if p.TaxProfile.WashSale == portfolio.WashOff && (r.Disallowed.Sign() != 0 || len(r.Warnings) > 0) {
			fail("%s: washed with the rule off", r.Sale)
		}
		moved, movedQty := zero, zero
		for _, rp := range r.Replacements {
			moved, movedQty = moved.Add(rp.Disallowed), movedQty.Add(rp.Quantity)
			if rp.Lot == r.Lot {
				fail("%s: replaced by its own lot (Rev. Rul. 56-602)", r.Sale)
			}
		}
		if !moved.Equal(r.Disallowed) || movedQty.GreaterThan(r.Quantity) {
			fail("%s: replacements take %s of %s (qty %s of %s)", r.Sale, moved, r.Disallowed, movedQty, r.Quantity)
		}
		if r.HoldingStart > r.Acquired || TermOf(r.HoldingStart, r.Date) != r.Term {
			fail("%s: holding start %s acquired %s term %s", r.Sale, r.HoldingStart, r.Acquired, r.Term)
		}
		totalDisallowed = totalDisallowed.Add(r.Disallowed)
		usedBasis = usedBasis.Add(r.CostBasis)
		perSaleQty[r.Sale] = perSaleQty[r.Sale].Add(r.Quantity)
		perSaleProceeds[r.Sale] = perSaleProceeds[r.Sale].Add(r.Proceeds)
		perYear[r.Date.Year()] = perYear[r.Date.Year()].Add(r.Recognized)
	}
	sold := map[string]decimal.Decimal{}
	for _, s := range p.Sales {
		sold[s.Lot] = sold[s.Lot].Add(s.Quantity)
		if !perSaleQty[s.ID].Equal(s.Quantity) || !perSaleProceeds[s.ID].Equal(s.NetProceeds()) {
			fail("sale %s: results take %s units, %s proceeds; sale has %s, %s", s.ID, perSaleQty[s.ID], perSaleProceeds[s.ID], s.Quantity, s.NetProceeds())
		}
	}
	adjusted, moved, original := zero, zero, zero
	for i := range a.Lots {
		st := &a.Lots[i]
		original = original.Add(st.Lot.Basis())
		adjusted = adjusted.Add(st.AdjustedBasis)
		for _, wa := range st.WashAdjustments {
			moved = moved.Add(wa.Disallowed)
		}
		if !st.OpenQuantity.Equal(st.Lot.Quantity.Sub(sold[st.Lot.ID])) {
			fail("lot %s: open %s", st.Lot.ID, st.OpenQuantity)
		}
		q, b := zero, zero
		for k, po := range st.Portions {
			q, b = q.Add(po.Quantity), b.Add(po.AdjustedBasis)
			if k > 0 && po.HoldingStart < st.Portions[k-1].HoldingStart {
				fail("lot %s: portions out of holding-start order", st.Lot.ID)
			}
		}
		if !q.Equal(st.OpenQuantity) || !b.Equal(st.AdjustedBasis) {
			fail("lot %s: portions %s units %s basis, lot %s %s", st.Lot.ID, q, b, st.OpenQuantity, st.AdjustedBasis)
		}
		if st.AdjustedBasis.LessThan(st.CostBasis) {
			fail("lot %s: adjusted basis %s below cost basis %s", st.Lot.ID, st.AdjustedBasis, st.CostBasis)
		}
	}
	// Total disallowed == basis added to replacements (sold or still open).
	if !moved.Equal(totalDisallowed) {
		fail("disallowed %s, moved into replacements %s", totalDisallowed, moved)
	}
	// Basis used + open adjusted basis == original basis + disallowed moved in.
	if !usedBasis.Add(adjusted).Equal(original.Add(totalDisallowed)) {
		fail("basis used %s + open %s != original %s + disallowed %s", usedBasis, adjusted, original, totalDisallowed)
	}
	for y, sum := range perYear {
		s := a.Summary(y)
		if !s.ShortTermRealized.Add(s.LongTermRealized).Equal(sum) {
			fail("year %d: summary realized %s + %s, results %s", y, s.ShortTermRealized, s.LongTermRealized, sum)
		}
	}
}
