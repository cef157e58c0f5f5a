package taxrules

import (
	"testing"

	"nftharvest/portfolio"
)

// blocksPortfolio is issue 11's example: one token, three lots. S-1 washes
// 600 of loss into one of L-2's three units (basis 700, held from
// 2026-01-14 by tacking: 2026-02-10 less the 27 days L-1 was held); S-2
// then sells all of L-2 on 2026-03-05 for proceeds2, so it takes two blocks
// of units: the replaced unit (basis 700) and two untouched units (100
// each).
func blocksPortfolio(proceeds2 string) *portfolio.Portfolio {
	p := newPortfolio(2026)
	p.Collections = []portfolio.Collection{{ID: "c", Name: "C", Standard: "ERC-1155"}}
	addLot(p, "L-1", "c", "1", "1", "2026-01-05", "1000")
	addLot(p, "L-2", "c", "1", "3", "2026-02-10", "300")
	addLot(p, "L-3", "c", "1", "1", "2026-03-01", "500")
	addSale(p, "S-1", "L-1", "1", "2026-02-01", "400")
	addSale(p, "S-2", "L-2", "3", "2026-03-05", proceeds2)
	return p
}

// Pub 550 "Wash Sales" (three blocks of stock sold the same day) and Treas.
// Reg. 1.1091-1(b), (c): gain or loss is judged per block of units with one
// basis and holding start. At 320 a unit, the replaced unit loses 380 (its
// basis is 700) and is washed into L-3; the two untouched units gain 220
// each, a gain the loss may not reduce.
func TestWashSaleJudgedPerBlockGainNotReduced(t *testing.T) {
	a := mustAnalyze(t, blocksPortfolio("960"), "2026-03-31")
	s1 := salesOf(a, "S-1")
	if len(s1) != 1 {
		t.Fatalf("S-1 results %d", len(s1))
	}
	eq(t, "S-1 disallowed", s1[0].Disallowed, "600")
	r := salesOf(a, "S-2")
	if len(r) != 1 {
		t.Fatalf("S-2 results %d, want one short-term line", len(r))
	}
	eq(t, "S-2 gain/loss (960 - 900)", r[0].GainLoss, "60")
	eq(t, "S-2 disallowed", r[0].Disallowed, "380")
	eq(t, "S-2 recognized (+220 +220, the 380 washed)", r[0].Recognized, "440")
	if r[0].Code != "W" {
		t.Errorf("S-2 code %q, want W", r[0].Code)
	}
	if r[0].SafeToRebuy != day("2026-04-05") {
		t.Errorf("S-2 safe to rebuy %s, want 2026-04-05", r[0].SafeToRebuy)
	}
	if len(r[0].Replacements) != 1 || r[0].Replacements[0].Lot != "L-3" {
		t.Fatalf("S-2 replacements %+v", r[0].Replacements)
	}
	eq(t, "L-3 absorbed", r[0].Replacements[0].Disallowed, "380")
	l3 := lotState(t, a, "L-3")
	eq(t, "L-3 adjusted basis", l3.AdjustedBasis, "880")
	// The replaced block was held from 2026-01-14: 50 days to 2026-03-05,
	// tacked onto L-3's 2026-03-01 (IRC 1223(3)).
	if l3.HoldingStart != day("2026-01-10") {
		t.Errorf("L-3 holding start %s, want 2026-01-10", l3.HoldingStart)
	}
}

// The same sale at 80 a unit: both blocks lose (620 and 2 x 20), and the one
// replacement unit is matched to the block with the earliest holding start
// (the replaced unit, held from 2026-01-14), so 620 is disallowed, not 220
// (the loss spread over three units), and -40 is recognized.
func TestWashSaleReplacementMatchedToEarliestBlock(t *testing.T) {
	a := mustAnalyze(t, blocksPortfolio("240"), "2026-03-31")
	r := salesOf(a, "S-2")
	if len(r) != 1 {
		t.Fatalf("S-2 results %d", len(r))
	}
	eq(t, "S-2 gain/loss", r[0].GainLoss, "-660")
	eq(t, "S-2 disallowed", r[0].Disallowed, "620")
	eq(t, "S-2 recognized", r[0].Recognized, "-40")
	l3 := lotState(t, a, "L-3")
	eq(t, "L-3 adjusted basis", l3.AdjustedBasis, "1120")
	if l3.HoldingStart != day("2026-01-10") {
		t.Errorf("L-3 holding start %s, want 2026-01-10", l3.HoldingStart)
	}
}

// The what-if takes the same per-block path: simulating S-2 gives what
// recording it gives.
func TestSimulateJudgesPerBlock(t *testing.T) {
	p := blocksPortfolio("960")
	p.Sales = p.Sales[:1]
	a := mustAnalyze(t, p, "2026-03-05")
	price := d("960")
	w, err := a.Simulate(WhatIf{Date: day("2026-03-05"), Sales: []SaleRequest{{Lot: "L-2", Quantity: d("3"), Price: &price}}})
	if err != nil {
		t.Fatal(err)
	}
	if len(w.Sales) != 1 {
		t.Fatalf("results %d", len(w.Sales))
	}
	eq(t, "simulated disallowed", w.Sales[0].Disallowed, "380")
	eq(t, "simulated recognized", w.Sales[0].Recognized, "440")
}
