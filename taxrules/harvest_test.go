package taxrules

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"nftharvest/portfolio"

	"github.com/shopspring/decimal"
)

// genHarvest returns a 2026 portfolio for the best-harvest tests: realized
// gains and losses of both terms this year, open lots with losses and
// gains (some multi-unit, some collectibles), a random taxable income and
// filing status, under the bracket model.
func genHarvest(rng *rand.Rand, nOpen int) *portfolio.Portfolio {
	p := newPortfolio(2026)
	p.TaxProfile.FilingStatus = []string{portfolio.Single, portfolio.MarriedJoint, portfolio.MarriedSeparate, portfolio.HeadOfHousehold}[rng.IntN(4)]
	ti := decimal.NewFromInt(int64(rng.IntN(700_000)))
	p.TaxProfile.TaxableIncome = &ti
	p.TaxProfile.StateRate = d([]string{"0", "0.05"}[rng.IntN(2)])
	p.Rates = map[string]decimal.Decimal{"ETH": d("1000")}
	p.Collections[0].Floor = &portfolio.Price{Amount: d("1"), Currency: "ETH"}
	p.Collections[1].Floor = &portfolio.Price{Amount: d("2"), Currency: "ETH"}
	yes := true
	p.Collections[1].Collectible = &yes
	for i := range 3 {
		id := fmt.Sprintf("R%d", i)
		acq := []string{"2024-01-10", "2026-01-10"}[rng.IntN(2)]
		addLot(p, id, "punks", fmt.Sprint(100+i), "1", acq, fmt.Sprint(rng.IntN(40_000)))
		addSale(p, fmt.Sprintf("S-%d", i+1), id, "1", "2026-03-01", fmt.Sprint(rng.IntN(60_000)))
	}
	for i := range nOpen {
		coll := []string{"punks", "apes"}[rng.IntN(2)]
		acq := []string{"2024-02-01", "2025-11-15", "2026-05-01"}[rng.IntN(3)]
		q := 1 + rng.IntN(3)
		unit := []int{1000, 2000}[map[string]int{"punks": 0, "apes": 1}[coll]]
		cost := q * (unit + rng.IntN(8000) - 1500)
		addLot(p, fmt.Sprintf("L%02d", i), coll, fmt.Sprint(i), fmt.Sprint(q), acq, fmt.Sprint(max(cost, 0)))
	}
	return p
}

// For up to 12 candidate lots the best harvest saves what the best subset
// of whole lots saves (found by brute force over every subset, each priced
// by the engine's what-if), and every pick saves something.
func TestBestHarvestMatchesBruteForce(t *testing.T) {
	n := 60
	if testing.Short() {
		n = 15
	}
	for seed := range uint64(n) {
		rng := rand.New(rand.NewPCG(seed, 1211))
		p := genHarvest(rng, 4+rng.IntN(9))
		a := mustAnalyze(t, p, "2026-11-28")
		s := a.Suggest(nil)
		var cands []string
		for i := range a.Lots {
			st := &a.Lots[i]
			if st.OpenQuantity.Sign() > 0 && st.HasPrice && st.Unrealized.Sign() < 0 && len(st.WashRisk.Purchases) == 0 {
				cands = append(cands, st.Lot.ID)
			}
		}
		if len(cands) > 12 {
			t.Fatalf("seed %d: %d candidates", seed, len(cands))
		}
		best := decimal.Zero
		for mask := 1; mask < 1<<len(cands); mask++ {
			var w WhatIf
			for i, id := range cands {
				if mask&(1<<i) != 0 {
					w.Sales = append(w.Sales, SaleRequest{Lot: id})
				}
			}
			r, err := a.Simulate(w)
			if err != nil {
				t.Fatal(err)
			}
			best = decimal.Max(best, r.TaxSaved)
		}
		if !s.TaxSaved.Equal(best) {
			t.Fatalf("seed %d (%s, TI %s): suggestion saves %s with %d picks, brute force %s",
				seed, p.TaxProfile.FilingStatus, p.TaxProfile.TaxableIncome, s.TaxSaved, len(s.Picks), best)
		}
		sum := decimal.Zero
		for _, pk := range s.Picks {
			if pk.Saves.Sign() <= 0 {
				t.Fatalf("seed %d: pick %s saves %s", seed, pk.Lot, pk.Saves)
			}
			sum = sum.Add(pk.Saves)
		}
		if !sum.Equal(s.TaxSaved) {
			t.Fatalf("seed %d: picks save %s, suggestion %s", seed, sum, s.TaxSaved)
		}
		if best.Sign() <= 0 && len(s.Picks) > 0 {
			t.Fatalf("seed %d: picks %+v when no loss lowers the tax", seed, s.Picks)
		}
	}
}

// Gain harvesting: single, taxable income 30,000 in 2026: the 0% band
// reaches 49,450, so 19,450 of long-term gain adds no federal tax. Lots:
// G1 gains 12,000 (taken whole), G2 gains 10,000 over 4 units (2,500 a
// unit: 2 units fit the 7,450 left), S1 is short term (never proposed).
func TestSuggestGainsInsideTheZeroBand(t *testing.T) {
	p := newPortfolio(2026)
	ti := d("30000")
	p.TaxProfile.TaxableIncome = &ti
	p.TaxProfile.StateRate = d("0.05")
	p.Rates = map[string]decimal.Decimal{"ETH": d("1000")}
	p.Collections[0].Floor = &portfolio.Price{Amount: d("13"), Currency: "ETH"}
	p.Collections[1].Floor = &portfolio.Price{Amount: d("3"), Currency: "ETH"}
	addLot(p, "G1", "punks", "1", "1", "2023-01-01", "1000") // value 13,000: +12,000
	addLot(p, "G2", "apes", "2", "4", "2023-01-01", "2000")  // value 12,000: +10,000
	addLot(p, "S1", "punks", "3", "1", "2026-06-01", "1000") // short term
	g := mustAnalyze(t, p, "2026-11-28").SuggestGains()
	eq(t, "room: 49,450 - 30,000", g.Room, "19450")
	if len(g.Picks) != 2 || g.Picks[0].Lot != "G1" || g.Picks[1].Lot != "G2" {
		t.Fatalf("picks %+v (%s)", g.Picks, g.Why)
	}
	eq(t, "G2 units", g.Picks[1].Quantity, "2")
	eq(t, "total gain", g.Total, "17000")
	eq(t, "state tax: 5%", g.StateTax, "850")
	// The flat model has no 0% band.
	p.TaxProfile.TaxModel = portfolio.TaxModelFlat
	if g := mustAnalyze(t, p, "2026-11-28").SuggestGains(); len(g.Picks) != 0 || g.Why == "" {
		t.Errorf("flat model: %+v", g)
	}
}

// SuggestGains gives the same plan on a lazy analysis (states streamed,
// only the candidates kept) as on a full one.
func TestSuggestGainsLazy(t *testing.T) {
	picked := 0
	defer func() {
		if picked == 0 {
			t.Error("no seed gave a gain to harvest: the test compares nothing")
		}
	}()
	for seed := range uint64(20) {
		rng := rand.New(rand.NewPCG(seed, 1222))
		p := genHarvest(rng, 12)
		ti := d("20000")
		p.TaxProfile.TaxableIncome = &ti
		full := mustAnalyze(t, p, "2026-11-28").SuggestGains()
		lazy, err := AnalyzeWith(p, day("2026-11-28"), Options{LazyLots: true})
		if err != nil {
			t.Fatal(err)
		}
		if len(full.Picks) > 0 {
			picked++
		}
		if got := lazy.SuggestGains(); fmt.Sprint(got) != fmt.Sprint(full) {
			t.Fatalf("seed %d: lazy %+v, full %+v", seed, got, full)
		}
	}
}

// A lot of very many units worth very little each (a per-unit gain under
// 10^-16, which Div rounds to zero) is split by its exact per-unit gain,
// without a division by zero: suggest --gains panicked on such a valid
// file.
func TestSuggestGainsTinyPerUnitGain(t *testing.T) {
	p := newPortfolio(2026)
	ti := d("30000")
	p.TaxProfile.TaxableIncome = &ti
	p.Collections[1].Standard = "ERC-1155"
	p.Collections[1].Floor = &portfolio.Price{Amount: d("0.000000000000000001"), Currency: "USD"}
	addLot(p, "G1", "apes", "1", "10000000000000000000000000", "2023-01-01", "0") // value 10,000,000: all gain
	g := mustAnalyze(t, p, "2026-11-28").SuggestGains()
	eq(t, "room: 49,450 - 30,000", g.Room, "19450")
	if len(g.Picks) != 1 || g.Picks[0].Lot != "G1" {
		t.Fatalf("picks %+v (%s)", g.Picks, g.Why)
	}
	eq(t, "G1 units", g.Picks[0].Quantity, "19450000000000000000000")
	eq(t, "total gain", g.Total, "19450")
}

// The best harvest of a lot of very many units (here 4 x 10^20, worth
// nothing) ends: suggest without --target ran for minutes at full CPU on
// such a valid five-lot file (pre-existing, also at 05b6c83).
func TestSuggestBestHarvestManyUnitsEnds(t *testing.T) {
	p := newPortfolio(2026)
	p.Collections[1].Standard = "ERC-1155"
	addLot(p, "L1", "apes", "6", "429108799746315203014", "2024-02-07", "4973.55")
	p.Lots[0].Value = &portfolio.Price{Amount: d("0"), Currency: "USD"}
	a := mustAnalyze(t, p, "2026-11-28")
	done := make(chan Suggestion, 1)
	go func() { done <- a.Suggest(nil) }()
	select {
	case s := <-done:
		if len(s.Picks) == 0 {
			t.Errorf("no pick of a 4,973.55 loss: %+v", s)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("Suggest(nil) still running after 20 s")
	}
}
