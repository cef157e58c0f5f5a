package taxrules

import (
	"reflect"
	"testing"

	"nftharvest/money"

	"github.com/shopspring/decimal"
)

// checkFigures compares EachLot on the lazy analysis with the states of
// the full one, figure by figure, and the sums built from the figures with
// Harvestable and Collections. It returns how many lots had the compact
// form.
func checkFigures(t *testing.T, name string, lazy, full *Analysis) int {
	t.Helper()
	sameAmount := func(i int, what string, got money.Fixed, want decimal.Decimal) {
		t.Helper()
		if !got.Decimal().Equal(want) || got.E != want.Exponent() {
			t.Fatalf("%s: lot %d (%s): figures' %s = %s, state has %s", name, i, full.Lots[i].Lot.ID, what, got.Decimal(), want)
		}
	}
	i, compact := 0, 0
	var hs HarvestableSums
	cs := lazy.NewCollectionSums()
	err := lazy.EachLot(func(f *LotFigures) error {
		want := &full.Lots[i]
		hs.Add(f)
		cs.AddFigures(f)
		defer func() { i++ }()
		if f.Full != nil {
			if !reflect.DeepEqual(*f.Full, *want) {
				t.Fatalf("%s: EachLot's full state %d = %+v, want %+v", name, i, *f.Full, *want)
			}
			return nil
		}
		compact++
		if len(want.Portions) > 1 {
			t.Fatalf("%s: lot %d has %d portions but compact figures", name, i, len(want.Portions))
		}
		if f.Lot != want.Lot || f.CollectionName != want.CollectionName || f.HoldingStart != want.HoldingStart ||
			f.Term != want.Term || f.LongTermOn != want.LongTermOn || f.DaysToLongTerm != want.DaysToLongTerm ||
			f.HasPrice != want.HasPrice || f.Collectible != want.Collectible || f.collection != want.collection ||
			!reflect.DeepEqual(f.WashRisk, want.WashRisk) {
			t.Fatalf("%s: lot %d: figures %+v, state %+v", name, i, *f, *want)
		}
		sameAmount(i, "open quantity", f.OpenQuantity, want.OpenQuantity)
		sameAmount(i, "cost basis", f.CostBasis, want.CostBasis)
		sameAmount(i, "adjusted basis", f.AdjustedBasis, want.AdjustedBasis)
		if want.HasPrice {
			sameAmount(i, "market value", f.MarketValue, want.MarketValue)
			sameAmount(i, "unrealized", f.Unrealized, want.Unrealized)
		}
		return nil
	})
	if err != nil || i != len(full.Lots) {
		t.Fatalf("%s: EachLot gave %d lots (%v), want %d", name, i, err, len(full.Lots))
	}
	got, want := hs.Value(), full.Harvestable()
	if !got.ShortTerm.Equal(want.ShortTerm) || !got.LongTerm.Equal(want.LongTerm) || !got.Washed.Equal(want.Washed) {
		t.Fatalf("%s: HarvestableSums = %+v, Harvestable = %+v", name, got, want)
	}
	gotC, wantC := cs.Totals(), full.Collections()
	if len(gotC) != len(wantC) {
		t.Fatalf("%s: %d collection totals from figures, %d from states", name, len(gotC), len(wantC))
	}
	for k := range gotC {
		g, w := gotC[k], wantC[k]
		if g.ID != w.ID || g.Name != w.Name || g.OpenLots != w.OpenLots || g.Unpriced != w.Unpriced ||
			!g.AdjustedBasis.Equal(w.AdjustedBasis) || !g.Value.Equal(w.Value) || !g.Unrealized.Equal(w.Unrealized) ||
			!g.Losses.Equal(w.Losses) || !g.Gains.Equal(w.Gains) || g.HasFloor != w.HasFloor || !g.Floor.Equal(w.Floor) {
			t.Fatalf("%s: collection %d from figures %+v, from states %+v", name, k, g, w)
		}
	}
	// With every state built, EachLot hands them over as they are.
	n := 0
	full.EachLot(func(f *LotFigures) error {
		if f.Full != &full.Lots[n] {
			t.Fatalf("%s: EachLot on a full analysis, lot %d: not its state", name, n)
		}
		n++
		return nil
	})
	if n != len(full.Lots) {
		t.Fatalf("%s: EachLot on a full analysis gave %d lots", name, n)
	}
	return compact
}
