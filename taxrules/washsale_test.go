package taxrules

import (
	"testing"

	"nftharvest/portfolio"
)

// Pub 550 "Wash Sales", Example 1 (also IRS VITA Link & Learn "Case Study
// 1: Wash Sales"): 100 shares bought for $1,000, sold for $750, and within
// 30 days 100 shares bought for $800: the $250 loss is disallowed and the
// new shares' basis is $1,050.
func TestWashSalePub550Example1(t *testing.T) {
	p := newPortfolio(2024)
	addLot(p, "A", "punks", "1", "100", "2024-01-02", "1000")
	addLot(p, "B", "punks", "1", "100", "2024-03-10", "800")
	addSale(p, "S1", "A", "100", "2024-03-01", "750")
	a := mustAnalyze(t, p, "2024-04-01")
	r := salesOf(a, "S1")
	if len(r) != 1 {
		t.Fatalf("results %d", len(r))
	}
	eq(t, "gain/loss", r[0].GainLoss, "-250")
	eq(t, "disallowed", r[0].Disallowed, "250")
	eq(t, "recognized", r[0].Recognized, "0")
	if r[0].Code != "W" || r[0].SafeToRebuy.String() != "2024-04-01" {
		t.Errorf("code %q safe to rebuy %s", r[0].Code, r[0].SafeToRebuy)
	}
	if len(r[0].Replacements) != 1 || r[0].Replacements[0].Lot != "B" {
		t.Fatalf("replacements %+v", r[0].Replacements)
	}
	rp := r[0].Replacements[0]
	eq(t, "replacement quantity", rp.Quantity, "100")
	eq(t, "replacement basis (Pub 550: $1,050)", rp.AdjustedBasis, "1050")
	b := lotState(t, a, "B")
	eq(t, "B adjusted basis", b.AdjustedBasis, "1050")
	eq(t, "B cost basis", b.CostBasis, "800")
	// Holding period of A (59 days) tacked onto B (IRC 1223(3)).
	if want := day("2024-03-10").AddDays(-59); b.HoldingStart != want || rp.HoldingStart != want {
		t.Errorf("B holding start %s / %s, want %s", b.HoldingStart, rp.HoldingStart, want)
	}
	if len(b.WashAdjustments) != 1 || b.WashAdjustments[0].Sale != "S1" || b.WashAdjustments[0].SoldLot != "A" {
		t.Errorf("B wash adjustments %+v", b.WashAdjustments)
	}
	if len(b.Portions) != 1 || b.Portions[0].FromSale != "S1" {
		t.Errorf("B portions %+v", b.Portions)
	}
}

// Treas. Reg. 1.1091-1(h), Example (1), with 1.1091-2: 100 shares bought
// 1954-09-21 for $5,000; 50 bought 1954-12-21 for $2,750 and 25 on
// 1954-12-27 for $1,125; the 100 sold 1955-01-03 for $4,000. Only 75 are
// replaced: $750 of the $1,000 loss is disallowed, $250 allowed. Basis of
// the 50 shares $3,250, of the 25 shares $1,375. Replacements bought before
// the sale count.
func TestWashSalePartialReplacementReg1091Example1(t *testing.T) {
	p := newPortfolio(1955)
	addLot(p, "A", "punks", "1", "100", "1954-09-21", "5000")
	addLot(p, "B", "punks", "1", "50", "1954-12-21", "2750")
	addLot(p, "C", "punks", "1", "25", "1954-12-27", "1125")
	addSale(p, "S1", "A", "100", "1955-01-03", "4000")
	a := mustAnalyze(t, p, "1955-02-01")
	r := salesOf(a, "S1")[0]
	eq(t, "loss", r.GainLoss, "-1000")
	eq(t, "disallowed", r.Disallowed, "750")
	eq(t, "recognized (deductible part)", r.Recognized, "-250")
	eq(t, "B basis", lotState(t, a, "B").AdjustedBasis, "3250")
	eq(t, "C basis", lotState(t, a, "C").AdjustedBasis, "1375")
	if len(r.Replacements) != 2 {
		t.Fatalf("replacements %+v", r.Replacements)
	}
	eq(t, "B disallowed", r.Replacements[0].Disallowed, "500")
	eq(t, "C disallowed", r.Replacements[1].Disallowed, "250")
	held := day("1954-09-21").DaysUntil(day("1955-01-03"))
	if got := lotState(t, a, "C").HoldingStart; got != day("1954-12-27").AddDays(-held) {
		t.Errorf("C holding start %s", got)
	}
	eq(t, "2055 summary uses the recognized loss", a.Summary(1955).ShortTermRealized, "-250")
}

// Treas. Reg. 1.1091-1(h), Example (2): 100 shares sold at a $1,000 loss,
// then 50 shares bought on each of four days. The replacements are the
// first 100 shares bought (earliest acquisition first); the later lots
// keep their cost.
func TestWashSaleEarliestReplacementsFirstReg1091Example2(t *testing.T) {
	p := newPortfolio(1956)
	addLot(p, "A", "punks", "1", "100", "1954-09-21", "5000")
	addLot(p, "B4", "punks", "1", "50", "1956-02-18", "2000")
	addLot(p, "B3", "punks", "1", "50", "1956-02-17", "2000")
	addLot(p, "B2", "punks", "1", "50", "1956-02-16", "2000")
	addLot(p, "B1", "punks", "1", "50", "1956-02-15", "2000")
	addSale(p, "S1", "A", "100", "1956-02-01", "4000")
	a := mustAnalyze(t, p, "1956-03-01")
	r := salesOf(a, "S1")[0]
	eq(t, "disallowed", r.Disallowed, "1000")
	if r.Term != LongTerm {
		t.Errorf("A held since 1954: term %s", r.Term)
	}
	for id, want := range map[string]string{"B1": "2500", "B2": "2500", "B3": "2000", "B4": "2000"} {
		eq(t, id+" basis", lotState(t, a, id).AdjustedBasis, want)
	}
	// The tacked holding period makes B1 long term already.
	if st := lotState(t, a, "B1"); st.Term != LongTerm {
		t.Errorf("B1 term %s, holding start %s", st.Term, st.HoldingStart)
	}
	if st := lotState(t, a, "B3"); st.Term != ShortTerm || st.HoldingStart != day("1956-02-17") {
		t.Errorf("B3 term %s start %s", st.Term, st.HoldingStart)
	}
}

// IRC 1091(a): the window is 30 days before through 30 days after the sale
// (61 days); a purchase 31 days away on either side is outside it.
func TestWashSaleWindowBoundaries(t *testing.T) {
	cases := []struct {
		bought string
		washed bool
	}{
		{"2024-01-31", false}, // 31 days before
		{"2024-02-01", true},  // 30 days before
		{"2024-03-02", true},  // the sale date itself
		{"2024-04-01", true},  // 30 days after
		{"2024-04-02", false}, // 31 days after
	}
	for _, c := range cases {
		p := newPortfolio(2024)
		addLot(p, "A", "punks", "1", "1", "2023-06-01", "100")
		addLot(p, "B", "punks", "1", "1", c.bought, "50")
		addSale(p, "S1", "A", "1", "2024-03-02", "40")
		a := mustAnalyze(t, p, "2024-06-01")
		if got := salesOf(a, "S1")[0].Disallowed.Sign() > 0; got != c.washed {
			t.Errorf("purchase on %s: washed %v, want %v", c.bought, got, c.washed)
		}
	}
}

// Rev. Rul. 56-602: selling part of a lot at a loss is not a wash sale
// because of the unsold rest of the same lot.
func TestWashSaleRestOfSameLotIsNoReplacement(t *testing.T) {
	p := newPortfolio(2024)
	addLot(p, "A", "punks", "1", "2", "2024-01-01", "200")
	addSale(p, "S1", "A", "1", "2024-01-15", "50")
	a := mustAnalyze(t, p, "2024-02-01")
	r := salesOf(a, "S1")[0]
	if !r.Disallowed.IsZero() || r.Code != "" {
		t.Errorf("disallowed %s code %q", r.Disallowed, r.Code)
	}
	eq(t, "recognized", r.Recognized, "-50")
}

func TestWashSaleGainIsNeverWashed(t *testing.T) {
	p := newPortfolio(2024)
	addLot(p, "A", "punks", "1", "1", "2024-01-01", "100")
	addLot(p, "B", "punks", "1", "1", "2024-01-20", "100")
	addSale(p, "S1", "A", "1", "2024-01-15", "150")
	r := salesOf(mustAnalyze(t, p, "2024-02-01"), "S1")[0]
	if !r.Disallowed.IsZero() || !r.SafeToRebuy.IsZero() || len(r.Replacements) != 0 {
		t.Errorf("gain washed: %+v", r)
	}
}

// Position: wash_sale "off" (NFTs are property, Notice 2014-21): nothing is
// washed and no risk is shown.
func TestWashSaleOff(t *testing.T) {
	p := newPortfolio(2024)
	p.TaxProfile.WashSale = portfolio.WashOff
	addLot(p, "A", "punks", "1", "1", "2024-01-01", "100")
	addLot(p, "B", "punks", "1", "1", "2024-01-20", "100")
	addLot(p, "C", "punks", "1", "1", "2024-01-25", "100")
	addSale(p, "S1", "A", "1", "2024-01-15", "50")
	a := mustAnalyze(t, p, "2024-02-01")
	r := salesOf(a, "S1")[0]
	if !r.Disallowed.IsZero() || len(r.Warnings) != 0 || !r.SafeToRebuy.IsZero() {
		t.Errorf("wash off: %+v", r)
	}
	if wr := lotState(t, a, "B").WashRisk; len(wr.Purchases) != 0 || len(wr.Warnings) != 0 || !wr.CleanFrom.IsZero() {
		t.Errorf("wash off: risk %+v", wr)
	}
}

// Position on "substantially identical": token mode matches the same
// collection and token id; other tokens of the collection are warnings.
// Collection mode matches any token of the collection.
func TestWashSaleMatchModes(t *testing.T) {
	build := func(mode string) *Analysis {
		p := newPortfolio(2024)
		p.TaxProfile.Match = mode
		addLot(p, "A", "punks", "1", "1", "2024-01-01", "100")
		addLot(p, "B", "punks", "2", "1", "2024-01-20", "80")
		addLot(p, "C", "apes", "1", "1", "2024-01-20", "80") // other collection, same token id
		addSale(p, "S1", "A", "1", "2024-01-15", "50")
		return mustAnalyze(t, p, "2024-02-01")
	}
	r := salesOf(build(portfolio.MatchToken), "S1")[0]
	if !r.Disallowed.IsZero() || len(r.Warnings) != 1 || r.Warnings[0].Lot != "B" || r.Warnings[0].TokenID != "2" {
		t.Errorf("token mode: disallowed %s warnings %+v", r.Disallowed, r.Warnings)
	}
	a := build(portfolio.MatchCollection)
	r = salesOf(a, "S1")[0]
	if !r.Disallowed.Equal(d("50")) || len(r.Warnings) != 0 || r.Replacements[0].Lot != "B" {
		t.Errorf("collection mode: disallowed %s warnings %+v repl %+v", r.Disallowed, r.Warnings, r.Replacements)
	}
	eq(t, "collection mode: B basis", lotState(t, a, "B").AdjustedBasis, "130")
	eq(t, "collection mode: C untouched", lotState(t, a, "C").AdjustedBasis, "80")
}

// Chains: a replacement later sold at a loss is washed in turn; the first
// loss travels on to the second replacement (IRC 1091(d), 1223(3)).
func TestWashSaleChain(t *testing.T) {
	p := newPortfolio(2024)
	addLot(p, "A", "punks", "1", "1", "2024-01-01", "100")
	addLot(p, "B", "punks", "1", "1", "2024-02-05", "80")
	addLot(p, "C", "punks", "1", "1", "2024-03-10", "60")
	addSale(p, "S1", "A", "1", "2024-02-01", "70") // loss 30 -> B basis 110
	addSale(p, "S2", "B", "1", "2024-03-01", "50") // loss 60 -> C basis 120
	a := mustAnalyze(t, p, "2024-04-01")
	s1, s2 := salesOf(a, "S1")[0], salesOf(a, "S2")[0]
	eq(t, "S1 disallowed", s1.Disallowed, "30")
	eq(t, "S2 basis used (80 + 30)", s2.CostBasis, "110")
	eq(t, "S2 disallowed", s2.Disallowed, "60")
	c := lotState(t, a, "C")
	eq(t, "C basis", c.AdjustedBasis, "120")
	// A held 31 days, B's tacked start = 2024-02-05 - 31 = 2024-01-05;
	// B's holding at S2 = 2024-01-05 .. 2024-03-01 = 56 days;
	// C starts 2024-03-10 - 56 days = 2024-01-14.
	if s2.HoldingStart != day("2024-01-05") || c.HoldingStart != day("2024-01-14") {
		t.Errorf("S2 start %s, C start %s", s2.HoldingStart, c.HoldingStart)
	}
	// Total loss over the chain is conserved: 30 + 60 moved, C open at 120
	// against 60 paid.
	eq(t, "recognized total", a.Summary(2024).ShortTermRealized, "0")
}

// Position: units sold before the loss sale cannot absorb its loss, and a
// unit absorbs at most one disallowed loss (Treas. Reg. 1.1091-1(e)).
func TestWashSaleReplacementAvailability(t *testing.T) {
	p := newPortfolio(2024)
	addLot(p, "A", "punks", "1", "1", "2024-01-01", "100")
	addLot(p, "B", "punks", "1", "1", "2024-01-02", "100")
	addLot(p, "R", "punks", "1", "1", "2024-03-05", "100")
	addLot(p, "X", "punks", "1", "1", "2024-02-20", "100")
	addSale(p, "S0", "X", "1", "2024-02-25", "120") // X sold (gain) before S1
	addSale(p, "S1", "A", "1", "2024-03-01", "90")  // washed by R
	addSale(p, "S2", "B", "1", "2024-03-02", "90")  // R already absorbed S1; X gone
	a := mustAnalyze(t, p, "2024-04-15")
	s1, s2 := salesOf(a, "S1")[0], salesOf(a, "S2")[0]
	if len(s1.Replacements) != 1 || s1.Replacements[0].Lot != "R" {
		t.Errorf("S1 replacements %+v (X was sold before S1)", s1.Replacements)
	}
	// A also counts as a replacement for S2? No: A was sold by S1.
	if !s2.Disallowed.IsZero() {
		t.Errorf("S2 disallowed %s; R absorbed S1 already and A, X are gone", s2.Disallowed)
	}
}

// A later sale of part of a lot takes the earliest holding start first;
// units of different terms give one result per term with the same sale id.
func TestSaleSplitByTermAfterTacking(t *testing.T) {
	p := newPortfolio(2024)
	addLot(p, "A", "punks", "1", "1", "2022-01-01", "100")
	addLot(p, "B", "punks", "1", "3", "2024-03-10", "300")
	addSale(p, "S1", "A", "1", "2024-03-01", "40")  // long-term loss 60 -> 1 unit of B
	addSale(p, "S2", "B", "2", "2024-06-01", "260") // tacked unit (long) + one original (short)
	a := mustAnalyze(t, p, "2024-07-01")
	rs := salesOf(a, "S2")
	if len(rs) != 2 {
		t.Fatalf("S2 results %+v", rs)
	}
	if rs[0].Term != LongTerm || rs[1].Term != ShortTerm {
		t.Errorf("terms %s, %s", rs[0].Term, rs[1].Term)
	}
	eq(t, "long part basis", rs[0].CostBasis, "160")
	eq(t, "short part basis", rs[1].CostBasis, "100")
	eq(t, "long part proceeds", rs[0].Proceeds, "130")
	eq(t, "short part proceeds", rs[1].Proceeds, "130")
	if rs[0].Acquired != day("2024-03-10") || rs[0].HoldingStart != day("2024-03-10").AddDays(-day("2022-01-01").DaysUntil(day("2024-03-01"))) {
		t.Errorf("acquired %s start %s", rs[0].Acquired, rs[0].HoldingStart)
	}
	b := lotState(t, a, "B")
	eq(t, "B open", b.OpenQuantity, "1")
	eq(t, "B basis", b.AdjustedBasis, "100")
}

// WashRisk: purchases of the same key in the 30 days up to the analysis
// date; a loss sale is clean from the latest purchase + 31 days.
func TestWashRisk(t *testing.T) {
	p := newPortfolio(2024)
	addLot(p, "A", "punks", "1", "1", "2023-01-01", "100")
	addLot(p, "B", "punks", "1", "1", "2024-05-01", "100") // 31 days before: outside
	addLot(p, "C", "punks", "1", "1", "2024-05-10", "100")
	addLot(p, "D", "punks", "1", "1", "2024-05-20", "100")
	addLot(p, "E", "punks", "9", "1", "2024-05-25", "100") // other token: warning
	a := mustAnalyze(t, p, "2024-06-01")
	wr := lotState(t, a, "A").WashRisk
	if len(wr.Purchases) != 2 || wr.Purchases[0].Lot != "C" || wr.Purchases[1].Lot != "D" {
		t.Fatalf("purchases %+v", wr.Purchases)
	}
	if wr.CleanFrom.String() != "2024-06-20" {
		t.Errorf("clean from %s", wr.CleanFrom)
	}
	if len(wr.Warnings) != 1 || wr.Warnings[0].Lot != "E" {
		t.Errorf("warnings %+v", wr.Warnings)
	}
	if wr := lotState(t, a, "D").WashRisk; len(wr.Purchases) != 1 || wr.Purchases[0].Lot != "C" {
		t.Errorf("D's risk excludes itself: %+v", wr.Purchases)
	}
}

// Position (the literal reading of Pub 550): a lot bought before the sold
// lot, but inside the window, is a replacement; its holding start moves
// back by the days the sold lot was held.
func TestWashSaleReplacementBoughtBeforeTheSoldLot(t *testing.T) {
	p := newPortfolio(2024)
	addLot(p, "R", "punks", "1", "1", "2024-01-01", "100")
	addLot(p, "A", "punks", "1", "1", "2024-01-10", "100")
	addSale(p, "S1", "A", "1", "2024-01-20", "60")
	a := mustAnalyze(t, p, "2024-03-01")
	r := salesOf(a, "S1")[0]
	if len(r.Replacements) != 1 || r.Replacements[0].Lot != "R" {
		t.Fatalf("replacements %+v", r.Replacements)
	}
	st := lotState(t, a, "R")
	eq(t, "R basis", st.AdjustedBasis, "140")
	if st.HoldingStart != day("2023-12-22") { // 2024-01-01 - 10 days held
		t.Errorf("R holding start %s", st.HoldingStart)
	}
}

// Loss sales are processed in date order, then sale id: with one
// replacement unit for two same-day losses, the sale with the smaller id
// is the one washed.
func TestWashSaleSameDayOrderBySaleID(t *testing.T) {
	p := newPortfolio(2024)
	addLot(p, "A", "punks", "1", "1", "2024-01-01", "100")
	addLot(p, "B", "punks", "1", "1", "2024-01-02", "100")
	addLot(p, "R", "punks", "1", "1", "2024-03-10", "100")
	addSale(p, "S2", "A", "1", "2024-03-01", "50")
	addSale(p, "S1", "B", "1", "2024-03-01", "70")
	a := mustAnalyze(t, p, "2024-04-01")
	if a.Sales[0].Sale != "S1" || a.Sales[1].Sale != "S2" {
		t.Fatalf("order %s, %s", a.Sales[0].Sale, a.Sales[1].Sale)
	}
	eq(t, "S1 (smaller id) disallowed", a.Sales[0].Disallowed, "30")
	eq(t, "S2 disallowed", a.Sales[1].Disallowed, "0")
}
