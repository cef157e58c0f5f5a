package taxrules

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
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
	checkChunks(t, name, lazy)
	checkChunks(t, name, full)
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

// figureText renders what a report reads of one lot's figures.
func figureText(f *LotFigures) string {
	if st := f.Full; st != nil {
		return fmt.Sprintf("full %s %s %s %s %v", st.Lot.ID, st.OpenQuantity, st.AdjustedBasis, st.Unrealized, st.HasPrice)
	}
	return fmt.Sprintf("compact %s %s %s %s %v", f.Lot.ID, f.OpenQuantity.Decimal(), f.AdjustedBasis.Decimal(),
		f.Unrealized.Decimal(), f.HasPrice)
}

// checkChunks compares EachLotChunk with EachLot: the same figures in the
// same order, work's results handed to done with their chunk, and an
// error from done stops the walk.
func checkChunks(t *testing.T, name string, a *Analysis) {
	t.Helper()
	var want []string
	a.EachLot(func(f *LotFigures) error {
		want = append(want, figureText(f))
		return nil
	})
	var got []string
	err := EachLotChunk(a, func(figs []LotFigures, out *[]string) {
		*out = (*out)[:0]
		for i := range figs {
			*out = append(*out, figureText(&figs[i]))
		}
	}, func(figs []LotFigures, out *[]string) error {
		if len(*out) != len(figs) {
			t.Fatalf("%s: a chunk of %d figures came with %d results", name, len(figs), len(*out))
		}
		got = append(got, *out...)
		return nil
	})
	if err != nil || !slices.Equal(got, want) {
		t.Fatalf("%s: EachLotChunk gave %d lots (err %v), EachLot %d, or a different order", name, len(got), err, len(want))
	}
	stop := errors.New("stop")
	chunks := 0
	err = EachLotChunk(a, func([]LotFigures, *int) {}, func([]LotFigures, *int) error {
		chunks++
		return stop
	})
	if err != stop || (len(want) > 0 && chunks != 1) {
		t.Fatalf("%s: EachLotChunk after an error: %v, %d chunks", name, err, chunks)
	}
}
