package taxrules

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"nftharvest/portfolio"
	"nftharvest/synthetic"

	"github.com/shopspring/decimal"
)

func TestAnalyzeLotState(t *testing.T) {
	p := newPortfolio(2024)
	p.Rates = map[string]decimal.Decimal{"ETH": d("2000")}
	p.Collections[0].Floor = &portfolio.Price{Amount: d("0.5"), Currency: "ETH", AsOf: day("2024-06-01")}
	yes := true
	p.Collections[0].Collectible = &yes
	// 3 units for 3,000 + 30 fees; 1 sold: basis 1,010 per unit pro rata.
	addLot(p, "L1", "punks", "7", "3", "2023-06-15", "3000")
	p.Lots[0].Fees = d("30")
	addLot(p, "L2", "apes", "1", "1", "2024-03-01", "500") // no floor: no price
	addSale(p, "S1", "L1", "1", "2024-01-10", "1500")
	p.Sales[0].Fees = d("100")
	a := mustAnalyze(t, p, "2024-06-15")

	l1 := lotState(t, a, "L1")
	eq(t, "L1 open", l1.OpenQuantity, "2")
	eq(t, "L1 cost basis", l1.CostBasis, "2020")
	eq(t, "L1 adjusted basis", l1.AdjustedBasis, "2020")
	eq(t, "L1 unit price (0.5 ETH at 2000)", l1.UnitPrice, "1000")
	eq(t, "L1 market value", l1.MarketValue, "2000")
	eq(t, "L1 unrealized", l1.Unrealized, "-20")
	eq(t, "L1 unrealized pct (-20/2020, 4 places)", l1.UnrealizedPct, "-0.9901")
	if !l1.HasPrice || !l1.Collectible || l1.CollectionName != "Pixel Punks" {
		t.Errorf("L1 HasPrice %v Collectible %v name %q", l1.HasPrice, l1.Collectible, l1.CollectionName)
	}
	// As of the anniversary the lot is still short term (Pub 550).
	if l1.Term != ShortTerm || l1.LongTermOn.String() != "2024-06-16" || l1.DaysToLongTerm != 1 {
		t.Errorf("L1 term %s long-term on %s days %d", l1.Term, l1.LongTermOn, l1.DaysToLongTerm)
	}
	if len(l1.Portions) != 1 || !l1.Portions[0].Quantity.Equal(d("2")) || l1.Portions[0].HoldingStart != day("2023-06-15") {
		t.Errorf("L1 portions %+v", l1.Portions)
	}
	l2 := lotState(t, a, "L2")
	if l2.HasPrice || !l2.MarketValue.IsZero() || !l2.Unrealized.IsZero() {
		t.Errorf("L2 without a floor: HasPrice %v MV %s", l2.HasPrice, l2.MarketValue)
	}

	s := salesOf(a, "S1")
	if len(s) != 1 {
		t.Fatalf("S1 results %d", len(s))
	}
	eq(t, "S1 proceeds net of fees", s[0].Proceeds, "1400")
	eq(t, "S1 basis", s[0].CostBasis, "1010")
	eq(t, "S1 gain", s[0].GainLoss, "390")
	eq(t, "S1 recognized", s[0].Recognized, "390")
	if s[0].Term != ShortTerm || s[0].Code != "" || !s[0].Collectible {
		t.Errorf("S1 term %s code %q collectible %v", s[0].Term, s[0].Code, s[0].Collectible)
	}
}

// Basis is split pro rata with the last units taking the remainder, so
// thirds of 100 add back to exactly 100.
func TestBasisRemainderKeepsSumsExact(t *testing.T) {
	p := newPortfolio(2024)
	addLot(p, "L1", "punks", "7", "3", "2024-01-01", "100")
	addSale(p, "S1", "L1", "1", "2024-02-01", "10")
	addSale(p, "S2", "L1", "1", "2024-02-02", "10")
	addSale(p, "S3", "L1", "1", "2024-02-03", "10")
	a := mustAnalyze(t, p, "2024-03-01")
	sum := decimal.Zero
	for _, r := range a.Sales {
		sum = sum.Add(r.CostBasis)
	}
	eq(t, "sum of basis used", sum, "100")
	if st := lotState(t, a, "L1"); !st.OpenQuantity.IsZero() || !st.CostBasis.IsZero() {
		t.Errorf("closed lot open %s basis %s", st.OpenQuantity, st.CostBasis)
	}
}

func TestAnalyzeRejectsInconsistentSales(t *testing.T) {
	cases := []struct {
		name string
		edit func(p *portfolio.Portfolio)
		want string
	}{
		{"unknown lot", func(p *portfolio.Portfolio) { addSale(p, "S1", "NOPE", "1", "2024-02-01", "1") }, `unknown lot "NOPE"`},
		{"oversold", func(p *portfolio.Portfolio) {
			addSale(p, "S1", "L1", "1", "2024-02-01", "1")
			addSale(p, "S2", "L1", "1", "2024-02-02", "1")
		}, "more than the 0 units open"},
		{"before acquisition", func(p *portfolio.Portfolio) { addSale(p, "S1", "L1", "1", "2023-12-31", "1") }, "before the acquisition"},
		{"zero quantity", func(p *portfolio.Portfolio) { addSale(p, "S1", "L1", "0", "2024-02-01", "1") }, "not positive"},
	}
	for _, c := range cases {
		p := newPortfolio(2024)
		addLot(p, "L1", "punks", "7", "1", "2024-01-01", "100")
		c.edit(p)
		_, err := Analyze(p, day("2024-06-01"))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err = %v, want %q", c.name, err, c.want)
		}
	}
}

// The per-collection cache gives exactly what portfolio.Index says for
// every lot: unit price, its date, the collectible flag and the name.
func TestCollectionCacheMatchesIndex(t *testing.T) {
	p := synthetic.Portfolio(3000, 5)
	yes, no := true, false
	p.Lots[3].Collectible = &yes
	p.Lots[4].Collectible = &no
	p.Collections[0].Collectible = &yes
	p.TaxProfile.CollectibleDefault = true
	p.Lots[5].Value = &portfolio.Price{Amount: d("1.5"), Currency: "ETH", AsOf: day("2026-01-01")}
	p.Lots[6].Value = &portfolio.Price{Amount: d("7"), Currency: "XYZ"} // no rate
	p.Collections[1].Floor = nil
	a := mustAnalyze(t, p, synthetic.Today)
	for i := range a.Lots {
		st, l := &a.Lots[i], &p.Lots[i]
		price, asOf, ok := a.Index.UnitPrice(l.ID)
		if ok != st.HasPrice || !price.Equal(st.UnitPrice) || asOf != st.PriceAsOf {
			t.Fatalf("lot %s: price %s %s %v, index %s %s %v", l.ID, st.UnitPrice, st.PriceAsOf, st.HasPrice, price, asOf, ok)
		}
		if c := a.Index.Collectible(l.ID); c != st.Collectible {
			t.Fatalf("lot %s: collectible %v, index %v", l.ID, st.Collectible, c)
		}
		if n := a.Index.CollectionName(l.Collection); n != st.CollectionName {
			t.Fatalf("lot %s: name %q, index %q", l.ID, st.CollectionName, n)
		}
	}
}

// percent's integer path equals the decimal division it replaces.
func TestPercentMatchesDivRound(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	vals := []string{"0.5", "-0.5", "1", "3", "-7", "0.000001", "99999999999.99", "-1234.5678", "1e20", "12345678901234567890.123"}
	for range 20000 {
		var u, b decimal.Decimal
		if rng.IntN(4) == 0 {
			u, b = d(vals[rng.IntN(len(vals))]), d(vals[rng.IntN(len(vals))])
		} else {
			u = decimal.New(rng.Int64N(2_000_000_000)-1_000_000_000, -int32(rng.IntN(12)))
			b = decimal.New(1+rng.Int64N(1_000_000_000), -int32(rng.IntN(12)))
		}
		if b.IsZero() {
			continue
		}
		if got, want := percent(u, b), u.Mul(hundred).DivRound(b, pctPlaces); !got.Equal(want) {
			t.Fatalf("percent(%s, %s) = %s, want %s", u, b, got, want)
		}
	}
}

// Lot states filled on two goroutines equal those filled on one, and two
// analyses of the same portfolio are identical (determinism).
func TestAnalyzeParallelEqualsSequential(t *testing.T) {
	p := synthetic.Portfolio(12000, 3)
	par := mustAnalyze(t, p, synthetic.Today)
	again := mustAnalyze(t, p, synthetic.Today)
	old := parallelLots
	parallelLots = 1 << 30
	defer func() { parallelLots = old }()
	seq := mustAnalyze(t, p, synthetic.Today)
	if !reflect.DeepEqual(par.Lots, seq.Lots) || !reflect.DeepEqual(par.Sales, seq.Sales) {
		t.Fatal("parallel and sequential analyses differ")
	}
	if !reflect.DeepEqual(par.Lots, again.Lots) || !reflect.DeepEqual(par.Summary(2026), again.Summary(2026)) {
		t.Fatal("two analyses differ")
	}
}
