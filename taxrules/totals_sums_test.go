package taxrules

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"

	"nftharvest/portfolio"
	"nftharvest/synthetic"
)

// TestTotalsSumsEqualTotals adds the states of a lazy analysis one at a
// time (EachLotState) and compares the sums with Totals of the full
// analysis, on synthetic portfolios and generated wash-sale histories.
func TestTotalsSumsEqualTotals(t *testing.T) {
	check := func(name string, p *portfolio.Portfolio, asOf portfolio.Date) {
		t.Helper()
		full, err := Analyze(p, asOf)
		if err != nil {
			t.Fatal(err)
		}
		lazy, err := AnalyzeWith(p, asOf, Options{LazyLots: true})
		if err != nil {
			t.Fatal(err)
		}
		s := NewTotalsSums()
		lazy.EachLotState(func(st *LotState) error {
			s.Add(st)
			return nil
		})
		if got, want := s.Totals(), full.Totals(); !reflect.DeepEqual(got, want) {
			t.Fatalf("%s: TotalsSums = %+v, want %+v", name, got, want)
		}
		if lazy.Lots != nil {
			t.Fatalf("%s: the sums built every lot state", name)
		}
	}
	n := 12000
	if testing.Short() {
		n = 3000
	}
	for seed := int64(1); seed <= 2; seed++ {
		check(fmt.Sprintf("synthetic %d", seed), synthetic.Portfolio(n, seed), day(synthetic.Today))
	}
	for seed := uint64(1); seed <= 20; seed++ {
		for _, mode := range []string{portfolio.MatchToken, portfolio.MatchCollection} {
			p := genHistory(rand.New(rand.NewPCG(seed, 3)), 30, mode)
			check(fmt.Sprintf("history %d %s", seed, mode), p, day("2025-01-15"))
		}
	}
	if got := NewTotalsSums().Totals(); got.OpenLots != 0 || !got.Value.IsZero() || !got.Harvestable.Washed.IsZero() {
		t.Fatalf("empty sums = %+v", got)
	}
}
