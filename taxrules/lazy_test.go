package taxrules

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"

	"nftharvest/portfolio"
	"nftharvest/synthetic"

	"github.com/shopspring/decimal"
)

// straightLosses is the straightforward ranking LargestLosses must equal:
// every lot state built, open priced losses sorted by Unrealized, then lot
// id.
func straightLosses(a *Analysis, n int) []LotState {
	var out []LotState
	for _, st := range a.Lots {
		if st.HasPrice && st.OpenQuantity.IsPositive() && st.Unrealized.IsNegative() {
			out = append(out, st)
		}
	}
	slices.SortStableFunc(out, func(x, y LotState) int {
		if c := x.Unrealized.Cmp(y.Unrealized); c != 0 {
			return c
		}
		return cmp.Compare(x.Lot.ID, y.Lot.ID)
	})
	return out[:min(n, len(out))]
}

// checkLazy compares a lazy analysis of p with the full one: every lot
// state, the largest losses for several n, the summary, a suggestion and
// a what-if.
func checkLazy(t *testing.T, name string, p *portfolio.Portfolio, asOf portfolio.Date) {
	t.Helper()
	full, err := Analyze(p, asOf)
	if err != nil {
		t.Fatal(err)
	}
	lazy, err := AnalyzeWith(p, asOf, Options{LazyLots: true})
	if err != nil {
		t.Fatal(err)
	}
	if lazy.Lots != nil {
		t.Fatalf("%s: LazyLots analysis has %d lot states", name, len(lazy.Lots))
	}
	for i := range full.Lots {
		if got := lazy.LotState(i); !reflect.DeepEqual(got, full.Lots[i]) {
			t.Fatalf("%s: lazy LotState(%d) = %+v, want %+v", name, i, got, full.Lots[i])
		}
	}
	i := 0
	lazy.EachLotState(func(st *LotState) error {
		if !reflect.DeepEqual(*st, full.Lots[i]) {
			t.Fatalf("%s: EachLotState's state %d = %+v, want %+v", name, i, *st, full.Lots[i])
		}
		i++
		return nil
	})
	if i != len(full.Lots) {
		t.Fatalf("%s: EachLotState gave %d states, want %d", name, i, len(full.Lots))
	}
	if compact := checkFigures(t, name, lazy, full); compact == 0 && len(full.Lots) > 10 {
		t.Fatalf("%s: no lot of %d had compact figures", name, len(full.Lots))
	}
	if got, want := lazy.Harvestable(), full.Harvestable(); !reflect.DeepEqual(got, want) {
		t.Fatalf("%s: lazy Harvestable = %+v, want %+v", name, got, want)
	}
	for _, n := range []int{1, 2, 7, 40, len(p.Lots) + 1} {
		want := straightLosses(full, n)
		for _, a := range []*Analysis{lazy, full} {
			if got := a.LargestLosses(n); !reflect.DeepEqual(got, want) {
				t.Fatalf("%s: LargestLosses(%d) (lazy %v) gives %d lots %v, want %d %v", name, n, a.Lots == nil,
					len(got), lotIDs(got), len(want), lotIDs(want))
			}
		}
	}
	if got := lazy.LargestLosses(0); got != nil {
		t.Fatalf("%s: LargestLosses(0) = %v", name, lotIDs(got))
	}
	if !reflect.DeepEqual(lazy.Sales, full.Sales) || !reflect.DeepEqual(lazy.Summary(lazy.TaxYear), full.Summary(full.TaxYear)) {
		t.Fatalf("%s: lazy sales or summary differ", name)
	}
	if got, want := lazy.Suggest(nil), full.Suggest(nil); !reflect.DeepEqual(got, want) {
		t.Fatalf("%s: lazy Suggest = %+v, want %+v", name, got, want)
	}
	for _, target := range []string{"1", "2500", "1e9"} {
		tg := decimal.RequireFromString(target)
		if got, want := lazy.Suggest(&tg), full.Suggest(&tg); !reflect.DeepEqual(got, want) {
			t.Fatalf("%s: lazy Suggest(%s) = %+v, want %+v", name, target, got, want)
		}
	}
	if w := genRequests(rand.New(rand.NewPCG(7, 7)), full); len(w.Sales) > 0 {
		got, err1 := lazy.Simulate(w)
		want, err2 := full.Simulate(w)
		if !reflect.DeepEqual(got, want) || !reflect.DeepEqual(err1, err2) {
			t.Fatalf("%s: lazy Simulate = %+v, %v; want %+v, %v", name, got, err1, want, err2)
		}
	}
}

func lotIDs(states []LotState) []string {
	ids := make([]string, len(states))
	for i := range states {
		ids[i] = states[i].Lot.ID
	}
	return ids
}

// TestLazyEqualsFull checks the lazy path against the full analysis on
// generated portfolios (wash sales, partial sales, portions, value
// overrides, fees) in both match modes.
func TestLazyEqualsFull(t *testing.T) {
	n := 12000 // above parallelLots: keys are computed on two goroutines
	if testing.Short() {
		n = 3000
	}
	for seed := int64(1); seed <= 2; seed++ {
		checkLazy(t, fmt.Sprintf("synthetic %d", seed), synthetic.Portfolio(n, seed), day(synthetic.Today))
	}
	for seed := uint64(1); seed <= 20; seed++ {
		for _, mode := range []string{portfolio.MatchToken, portfolio.MatchCollection} {
			p := genHistory(rand.New(rand.NewPCG(seed, 3)), 30, mode)
			checkLazy(t, fmt.Sprintf("history %d %s", seed, mode), p, day("2025-01-15"))
		}
	}
}

// TestLargestLossesTiesAndOddDecimals ranks lots whose losses tie exactly
// (order by lot id, a cut through the tie), differ only below the key's
// 10^-8 resolution, need more than 18 digits, are huge, or are priced by
// a value override or not at all.
func TestLargestLossesTiesAndOddDecimals(t *testing.T) {
	p := newPortfolio(2026)
	p.Rates = map[string]decimal.Decimal{"ETH": d("2000")}
	p.Collections[0].Floor = &portfolio.Price{Amount: d("0.05"), Currency: "ETH"} // 100 USD
	// Five exact ties at -50, listed out of id order.
	for _, id := range []string{"T5", "T2", "T4", "T1", "T3"} {
		addLot(p, id, "punks", "1", "1", "2026-01-10", "150")
	}
	// Losses 50.000000001 and 50.0000000001: below 10^-8 apart from the ties.
	addLot(p, "F1", "punks", "2", "1", "2026-01-10", "150.000000001")
	addLot(p, "F2", "punks", "3", "1", "2026-01-10", "150.0000000001")
	// 25 digits: the int64 fast path cannot take it.
	addLot(p, "B1", "punks", "4", "1", "2026-01-10", "150.0000000000000000000001")
	// Beyond int64 even at cents.
	addLot(p, "H1", "punks", "5", "1", "2026-01-10", "1000000000000000000000")
	addLot(p, "H2", "punks", "6", "1", "2026-01-10", "999999999999999999999.99")
	// A fractional quantity with fees.
	addLot(p, "Q1", "punks", "7", "2.5", "2026-01-10", "300")
	p.Lots[len(p.Lots)-1].Fees = d("0.015")
	// A value override (1 ETH = 2000 USD): a gain, not listed.
	addLot(p, "V1", "punks", "8", "1", "2026-01-10", "150")
	p.Lots[len(p.Lots)-1].Value = &portfolio.Price{Amount: d("1"), Currency: "ETH"}
	// A value override at a loss.
	addLot(p, "V2", "punks", "9", "1", "2026-01-10", "150")
	p.Lots[len(p.Lots)-1].Value = &portfolio.Price{Amount: d("0.025"), Currency: "ETH"}
	// No floor: never listed.
	addLot(p, "N1", "apes", "1", "1", "2026-01-10", "999999")
	// Exactly at the market value: no loss.
	addLot(p, "Z1", "punks", "10", "1", "2026-01-10", "100")
	// Sold in part at a loss, the rest still losing; then sold out.
	addLot(p, "S1", "punks", "11", "3", "2026-01-10", "600")
	addSale(p, "S-0001", "S1", "1", "2026-02-01", "50")
	addLot(p, "S2", "punks", "12", "1", "2026-01-10", "600")
	addSale(p, "S-0002", "S2", "1", "2026-02-01", "50")
	// One unit written "1.000", and ten written "1E1" (a positive
	// exponent), sold in part: no loss, but the exponents of their
	// amounts must be the state's.
	addLot(p, "O1", "punks", "13", "1.000", "2026-01-10", "100")
	p.Lots[len(p.Lots)-1].Value = &portfolio.Price{Amount: d("100"), Currency: p.BaseCurrency}
	addLot(p, "O2", "punks", "14", "1E1", "2026-01-10", "1000")
	addSale(p, "S-0003", "O2", "2", "2026-02-01", "250")
	asOf := day("2026-06-01")
	checkLazy(t, "odd decimals", p, asOf)
	a, err := AnalyzeWith(p, asOf, Options{LazyLots: true})
	if err != nil {
		t.Fatal(err)
	}
	got := lotIDs(a.LargestLosses(9))
	want := []string{"H1", "H2", "S1", "V2", "Q1", "F1", "F2", "B1", "T1"}
	if !slices.Equal(got, want) {
		t.Fatalf("LargestLosses(9) = %v, want %v", got, want)
	}
}

// TestLargestLossesRoundedMarketValue: the market value is rounded to the
// cent before the basis is subtracted, and that can reverse the order of
// two losses: A (1.00004 units at 100, basis 150) loses 50.00 after
// rounding (49.996 before), B (0.99996 units, basis 149.999) 49.999 (50.003
// before). The ranking keys must follow the rounded amounts.
func TestLargestLossesRoundedMarketValue(t *testing.T) {
	p := newPortfolio(2026)
	p.Rates = map[string]decimal.Decimal{"ETH": d("2000")}
	p.Collections[0].Floor = &portfolio.Price{Amount: d("0.05"), Currency: "ETH"} // 100 USD
	addLot(p, "A", "punks", "1", "1.00004", "2026-01-10", "150")
	addLot(p, "B", "punks", "2", "0.99996", "2026-01-10", "149.999")
	asOf := day("2026-06-01")
	checkLazy(t, "rounded market value", p, asOf)
	a, err := AnalyzeWith(p, asOf, Options{LazyLots: true})
	if err != nil {
		t.Fatal(err)
	}
	got := a.LargestLosses(1)
	if len(got) != 1 || got[0].Lot.ID != "A" || !got[0].Unrealized.Equal(d("-50")) {
		t.Fatalf("LargestLosses(1) = %v (%+v), want A at -50.00", lotIDs(got), got)
	}
}

// TestUnrealizedKeyMatchesDecimal checks the int64 key against the
// decimal computation it replaces (valuation: market value rounded to the
// cent, minus the basis) on random amounts, and that keys are monotone in
// the exact amount.
func TestUnrealizedKeyMatchesDecimal(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	rnd := func() decimal.Decimal {
		digits := 1 + rng.IntN(10) // mostly amounts the int64 path takes
		if rng.IntN(4) == 0 {
			digits = 1 + rng.IntN(19)
		}
		c := rng.Int64N(int64(math.Pow10(min(digits, 18))))
		if rng.IntN(8) == 0 {
			c = -c
		}
		return decimal.New(c, int32(rng.IntN(20)-14))
	}
	fast := 0
	for range 200000 {
		price, qty, cost, fees := rnd(), rnd(), rnd(), rnd()
		_, u := valuation(price, qty, cost.Add(fees))
		k, sign, ok := unrealizedKey(price, qty, cost, fees)
		if !ok {
			continue
		}
		fast++
		if want := decimalKey(u); k != want || sign != u.Sign() {
			t.Fatalf("unrealizedKey(%s, %s, %s, %s) = %d, %d; want %d, %d (u = %s)",
				price, qty, cost, fees, k, sign, want, u.Sign(), u)
		}
	}
	if fast < 20000 {
		t.Fatalf("the int64 path took only %d of 200000 cases", fast)
	}
	for range 200000 {
		x, y := rnd(), rnd()
		if rng.IntN(4) == 0 {
			y = x.Add(decimal.New(int64(rng.IntN(3)-1), int32(-rng.IntN(30))))
		}
		kx, ky := decimalKey(x), decimalKey(y)
		if kx < ky && !x.LessThan(y) || kx > ky && !x.GreaterThan(y) {
			t.Fatalf("keys not monotone: %s -> %d, %s -> %d", x, kx, y, ky)
		}
	}
}

// WithLots completes a lazy analysis to exactly what Analyze gives, without
// changing the lazy one.
func TestWithLotsEqualsAnalyze(t *testing.T) {
	p := synthetic.Portfolio(3000, 1)
	today := day(synthetic.Today)
	full, err := Analyze(p, today)
	if err != nil {
		t.Fatal(err)
	}
	lazy, err := AnalyzeWith(p, today, Options{LazyLots: true})
	if err != nil {
		t.Fatal(err)
	}
	done := lazy.WithLots()
	if !reflect.DeepEqual(done.Lots, full.Lots) || !reflect.DeepEqual(done.Sales, full.Sales) {
		t.Error("WithLots differs from Analyze")
	}
	if !reflect.DeepEqual(done.Summary(done.TaxYear), full.Summary(full.TaxYear)) {
		t.Error("summaries differ")
	}
	if lazy.Lots != nil {
		t.Error("WithLots changed the lazy analysis")
	}
	if full.WithLots() != full {
		t.Error("WithLots of a complete analysis should be itself")
	}
}

// TestEachLotStateStops: EachLotState stops at fn's first error and
// returns it, with the states of a lazy analysis built a chunk at a time
// (the producer is not left waiting).
func TestEachLotStateStops(t *testing.T) {
	p := synthetic.Portfolio(3*stateChunk+5, 1)
	lazy, err := AnalyzeWith(p, day(synthetic.Today), Options{LazyLots: true})
	if err != nil {
		t.Fatal(err)
	}
	stop := errors.New("stop")
	for _, at := range []int{0, stateChunk - 1, stateChunk, 2*stateChunk + 3} {
		n := 0
		err := lazy.EachLotState(func(st *LotState) error {
			if n == at {
				return stop
			}
			if st.Lot != &p.Lots[n] {
				t.Fatalf("state %d is of lot %s, want %s", n, st.Lot.ID, p.Lots[n].ID)
			}
			n++
			return nil
		})
		if err != stop || n != at {
			t.Fatalf("stop at %d: EachLotState returned %v after %d states", at, err, n)
		}
	}
}
