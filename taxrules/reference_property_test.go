package taxrules

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"nftharvest/portfolio"

	"github.com/shopspring/decimal"
)

// genBlocks returns a history built to make sales span blocks: one or two
// tokens of one collection, multi-unit lots bought within a few months
// (dense wash-sale windows, so lots are partly replaced), and sales of
// whole or partial open quantities at prices that leave some blocks at a
// gain and others at a loss.
func genBlocks(rng *rand.Rand, nLots int, mode string) *portfolio.Portfolio {
	p := newPortfolio(2026)
	p.TaxProfile.Match = mode
	p.Collections = p.Collections[:1]
	p.Collections[0].Standard = "ERC-1155"
	start := day("2026-01-01")
	left := make([]decimal.Decimal, nLots)
	for i := range nLots {
		q := decimal.NewFromInt(int64(1 + rng.IntN(5)))
		acq := start.AddDays(rng.IntN(150))
		addLot(p, fmt.Sprintf("L-%d", i+1), "punks", fmt.Sprint(1+rng.IntN(2)), q.String(), acq.String(),
			fmt.Sprint(q.IntPart()*int64(20+rng.IntN(400))))
		left[i] = q
	}
	for range 2 * nLots {
		i := rng.IntN(nLots)
		if left[i].Sign() <= 0 {
			continue
		}
		q := left[i]
		if rng.IntN(3) == 0 {
			q = decimal.NewFromInt(int64(1 + rng.IntN(int(q.IntPart()))))
		}
		left[i] = left[i].Sub(q)
		date := p.Lots[i].Acquired.AddDays(rng.IntN(90))
		addSale(p, fmt.Sprintf("S-%d", len(p.Sales)+1), p.Lots[i].ID, q.String(), date.String(),
			fmt.Sprint(q.IntPart()*int64(rng.IntN(450))))
	}
	return p
}

// The engine agrees line by line with the reference on generated histories
// whose sales span blocks of replaced and untouched units, and on the
// general generator's histories (fractional units, fees, two collections).
func TestEngineMatchesReferencePerBlock(t *testing.T) {
	n := 1500
	if testing.Short() {
		n = 200
	}
	for seed := range uint64(n) {
		rng := rand.New(rand.NewPCG(seed, 1091))
		mode := []string{portfolio.MatchToken, portfolio.MatchCollection}[seed%2]
		var p *portfolio.Portfolio
		if seed%3 == 2 {
			p = genHistory(rng, 10+rng.IntN(40), mode)
		} else {
			p = genBlocks(rng, 3+rng.IntN(12), mode)
		}
		a, err := Analyze(p, day("2026-12-31"))
		if err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		if msg := compareWithReference(p, a); msg != "" {
			t.Fatalf("seed %d: %s", seed, msg)
		}
		checkInvariants(t, seed, p, a)
	}
}

// FuzzAnalyze builds a history from the fuzzer's numbers and checks the
// engine against the reference and the invariants.
func FuzzAnalyze(f *testing.F) {
	f.Add(uint64(1), uint64(2), uint8(6), false)
	f.Add(uint64(7), uint64(3), uint8(12), true)
	f.Fuzz(func(t *testing.T, s1, s2 uint64, lots uint8, collection bool) {
		rng := rand.New(rand.NewPCG(s1, s2))
		mode := portfolio.MatchToken
		if collection {
			mode = portfolio.MatchCollection
		}
		p := genBlocks(rng, 1+int(lots%24), mode)
		a, err := Analyze(p, day("2026-12-31"))
		if err != nil {
			t.Fatal(err)
		}
		if msg := compareWithReference(p, a); msg != "" {
			t.Fatal(msg)
		}
		checkInvariants(t, s1, p, a)
	})
}
