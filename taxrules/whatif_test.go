package taxrules

import (
	"errors"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"nftharvest/portfolio"

	"github.com/shopspring/decimal"
)

func whatIfPortfolio() *portfolio.Portfolio {
	p := newPortfolio(2024)
	p.Rates = map[string]decimal.Decimal{"ETH": d("2000")}
	p.Collections[0].Floor = &portfolio.Price{Amount: d("0.03"), Currency: "ETH"} // $60
	addLot(p, "A", "punks", "1", "2", "2024-01-10", "300")
	addLot(p, "B", "punks", "1", "1", "2024-05-20", "90")
	addLot(p, "C", "apes", "5", "1", "2023-01-01", "1000") // no floor
	addLot(p, "D", "punks", "2", "1", "2022-01-01", "10")
	addSale(p, "S-0001", "D", "1", "2024-03-01", "1010") // LT gain 1000
	return p
}

func TestSimulateValidation(t *testing.T) {
	a := mustAnalyze(t, whatIfPortfolio(), "2024-06-01")
	neg := d("-1")
	cases := []struct {
		name string
		w    WhatIf
		lot  string
		want string
	}{
		{"unknown lot", WhatIf{Sales: []SaleRequest{{Lot: "Z"}}}, "Z", "no such lot"},
		{"negative quantity", WhatIf{Sales: []SaleRequest{{Lot: "A", Quantity: d("-1")}}}, "A", "not positive"},
		{"above open", WhatIf{Sales: []SaleRequest{{Lot: "A", Quantity: d("3")}}}, "A", "more than the 2 units open"},
		{"above open counting the batch", WhatIf{Sales: []SaleRequest{{Lot: "A", Quantity: d("1.5")}, {Lot: "A", Quantity: d("1")}}}, "A", "more than the 0.5 units open"},
		{"all already in the batch", WhatIf{Sales: []SaleRequest{{Lot: "B"}, {Lot: "B"}}}, "B", "no open units"},
		{"closed lot", WhatIf{Sales: []SaleRequest{{Lot: "D"}}}, "D", "no open units"},
		{"before acquisition", WhatIf{Sales: []SaleRequest{{Lot: "B"}}, Date: day("2024-05-19")}, "B", "before the acquisition on 2024-05-20"},
		{"negative price", WhatIf{Sales: []SaleRequest{{Lot: "A", Price: &neg}}}, "A", "price -1 is negative"},
		{"negative fees", WhatIf{Sales: []SaleRequest{{Lot: "A", Fees: neg}}}, "A", "fees -1 are negative"},
		{"no market value", WhatIf{Sales: []SaleRequest{{Lot: "C"}}}, "C", "no market value; give a price"},
	}
	for _, c := range cases {
		_, err := a.Simulate(c.w)
		var re *RequestError
		if !errors.As(err, &re) || re.Lot != c.lot || !strings.Contains(re.Reason, c.want) {
			t.Errorf("%s: err = %v, want lot %s: %q", c.name, err, c.lot, c.want)
		}
	}
}

func TestSimulateWashAndSummaries(t *testing.T) {
	p := whatIfPortfolio()
	a := mustAnalyze(t, p, "2024-06-01")
	res, err := a.Simulate(WhatIf{Sales: []SaleRequest{{Lot: "A", Quantity: d("2"), Fees: d("5")}}})
	if err != nil {
		t.Fatal(err)
	}
	if res.Date != day("2024-06-01") || len(res.Sales) != 1 || len(res.Record) != 1 {
		t.Fatalf("result %+v", res)
	}
	s := res.Sales[0]
	// 2 x $60 - 5 fees = 115 against 300: loss 185; B (bought 2024-05-20)
	// replaces 1 of the 2 units: half is disallowed.
	eq(t, "proceeds", s.Proceeds, "115")
	eq(t, "loss", s.GainLoss, "-185")
	eq(t, "disallowed", s.Disallowed, "92.5")
	if s.Sale != "" || s.Code != "W" || s.SafeToRebuy.String() != "2024-07-02" || s.Replacements[0].Lot != "B" {
		t.Errorf("sale %+v", s)
	}
	eq(t, "before: LT gain 1000", res.Before.LongTermNet, "1000")
	eq(t, "after: ST -92.5", res.After.ShortTermNet, "-92.5")
	eq(t, "before estimate 1000 x 15%", res.Before.EstimatedTax, "150")
	// After: net 907.5 all long term: 907.5 x 15% = 136.125, shown to the
	// cent as 136.13; the tax saved is the difference of the figures shown.
	eq(t, "after estimate", res.After.EstimatedTax, "136.13")
	eq(t, "tax saved", res.TaxSaved, "13.87")
	r := res.Record[0]
	if r.ID != "" || r.Lot != "A" || !r.Quantity.Equal(d("2")) || !r.Proceeds.Equal(d("120")) || !r.Fees.Equal(d("5")) || r.Date != day("2024-06-01") {
		t.Errorf("record %+v", r)
	}
	// The portfolio is untouched.
	if len(p.Sales) != 1 || !a.Lots[0].OpenQuantity.Equal(d("2")) {
		t.Errorf("portfolio changed: %d sales", len(p.Sales))
	}
}

// A simulated sale changes recorded sales of its match group: selling B
// before a recorded loss sale of A that B would have replaced.
func TestSimulateChangesRecordedSalesOfTheGroup(t *testing.T) {
	p := newPortfolio(2024)
	addLot(p, "A", "punks", "1", "1", "2024-01-01", "100")
	addLot(p, "B", "punks", "1", "1", "2024-02-01", "100")
	addSale(p, "S-0001", "A", "1", "2024-02-20", "50") // washed by B
	a := mustAnalyze(t, p, "2024-02-10")
	eq(t, "before", a.Summary(2024).ShortTermNet, "0")
	p2 := 120
	price := decimal.NewFromInt(int64(p2))
	w := WhatIf{Sales: []SaleRequest{{Lot: "B", Price: &price}}, Date: day("2024-02-10")}
	fast, err := a.Simulate(w)
	if err != nil {
		t.Fatal(err)
	}
	// B sold (gain 20) before S-0001: B cannot absorb, the 50 loss counts.
	eq(t, "after", fast.After.ShortTermNet, "-30")
	full, _ := a.simulateFull(w)
	if !reflect.DeepEqual(fast, full) {
		t.Errorf("fast %+v\nfull %+v", fast, full)
	}
}

// Simulate (re-running only the touched match groups) equals the plain
// clone + record + re-analyse, and recording the what-if and analysing
// gives the same sale results and summary.
func TestSimulateFastEqualsFull(t *testing.T) {
	for seed := range uint64(60) {
		rng := rand.New(rand.NewPCG(seed, 7))
		mode := []string{portfolio.MatchToken, portfolio.MatchCollection}[seed%2]
		p := genHistory(rng, 30, mode)
		a, err := Analyze(p, day("2024-12-31"))
		if err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		for range 5 {
			w := genRequests(rng, a)
			fast, err := a.Simulate(w)
			if err != nil {
				t.Fatalf("seed %d: simulate %+v: %v", seed, w, err)
			}
			full, err := a.simulateFull(w)
			if err != nil {
				t.Fatalf("seed %d: full: %v", seed, err)
			}
			if !reflect.DeepEqual(fast, full) {
				t.Fatalf("seed %d: fast and full differ\nfast %+v\nfull %+v", seed, fast, full)
			}
			// Record and analyse again.
			c := p.Clone()
			_, rec := c.RecordSales(fast.Record)
			b, err := Analyze(c, a.AsOf)
			if err != nil {
				t.Fatalf("seed %d: re-analyse: %v", seed, err)
			}
			var got []SaleResult
			for _, s := range rec {
				for _, r := range b.Sales {
					if r.Sale == s.ID {
						r.Sale = ""
						got = append(got, r)
					}
				}
			}
			if !reflect.DeepEqual(got, fast.Sales) {
				t.Fatalf("seed %d: recorded results differ\n%+v\n%+v", seed, got, fast.Sales)
			}
			if after := b.Summary(fast.Date.Year()); !reflect.DeepEqual(after, fast.After) {
				t.Fatalf("seed %d: summary after recording %+v, what-if %+v", seed, after, fast.After)
			}
		}
	}
}

// A default price is the market value rounded to the cent (half away from
// zero), so a recorded sale never carries fractions of a cent.
func TestSimulateDefaultPriceIsWholeCents(t *testing.T) {
	p := whatIfPortfolio()
	p.Collections[0].Floor = &portfolio.Price{Amount: d("0.0300025"), Currency: "ETH"} // $60.005 a unit
	a := mustAnalyze(t, p, "2024-06-01")
	res, err := a.Simulate(WhatIf{Sales: []SaleRequest{{Lot: "B"}}})
	if err != nil {
		t.Fatal(err)
	}
	if got := res.Record[0].Proceeds; got.String() != "60.01" {
		t.Errorf("default proceeds = %s, want 60.01", got)
	}
	if got := res.Sales[0].GainLoss; !got.Equal(d("-29.99")) {
		t.Errorf("gain/loss = %s, want -29.99 (60.01 - 90)", got)
	}
	// The report shows the same value and loss as the sale realizes.
	st := lotState(t, a, "B")
	eq(t, "market value", st.MarketValue, "60.01")
	eq(t, "unrealized", st.Unrealized, "-29.99")
}

func TestRequestErrorCountsUnits(t *testing.T) {
	a := mustAnalyze(t, whatIfPortfolio(), "2024-06-01")
	_, err := a.Simulate(WhatIf{Sales: []SaleRequest{{Lot: "B", Quantity: d("2")}}})
	if err == nil || err.Error() != "lot B: quantity 2 is more than the 1 unit open" {
		t.Errorf("err = %v", err)
	}
}

// The outcome of a batch does not depend on the order its lots are listed
// in (docs/tax-rules.md, "batch order"): a loss lot and its replacement
// sold together on one day give the same results, records and summary
// either way, and the same as recording the batch.
func TestSimulateBatchOrderDoesNotMatter(t *testing.T) {
	p := newPortfolio(2026)
	addLot(p, "OLD", "punks", "14", "8", "2025-03-02", "2685.00")
	addLot(p, "NEW", "punks", "14", "3", "2026-11-10", "387.60")
	a := mustAnalyze(t, p, "2026-11-28")
	price := func(s string) *decimal.Decimal { v := d(s); return &v }
	one, err := a.Simulate(WhatIf{Sales: []SaleRequest{{Lot: "OLD", Price: price("1058.48")}, {Lot: "NEW", Price: price("396.93")}}})
	if err != nil {
		t.Fatal(err)
	}
	other, err := a.Simulate(WhatIf{Sales: []SaleRequest{{Lot: "NEW", Price: price("396.93")}, {Lot: "OLD", Price: price("1058.48")}}})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(one, other) {
		t.Errorf("listing order changed the what-if:\n%+v\n%+v", one.Sales, other.Sales)
	}
	// OLD (earlier acquisition) goes first: its loss is washed into NEW,
	// whose same-day sale recognizes it.
	eq(t, "OLD disallowed", one.Sales[0].Disallowed, "609.95")
	if one.Sales[0].Lot != "OLD" || one.Record[0].Lot != "OLD" {
		t.Errorf("canonical order: sales %s, %s", one.Sales[0].Lot, one.Sales[1].Lot)
	}
	full, err := a.simulateFull(WhatIf{Sales: []SaleRequest{{Lot: "NEW", Price: price("396.93")}, {Lot: "OLD", Price: price("1058.48")}}})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(full.After, other.After) || !reflect.DeepEqual(full.Sales, other.Sales) {
		t.Errorf("recording the batch gives other numbers:\n%+v\n%+v", full.Sales, other.Sales)
	}
}

// Ids past S-9999 keep their numeric order (portfolio.CompareIDs): a batch
// whose new ids are S-9999 and S-10000 is still processed in the canonical
// order, so the older lot's loss is washed into the newer one.
func TestSimulateBatchOrderAcrossFiveDigitIDs(t *testing.T) {
	p := newPortfolio(2026)
	addLot(p, "OLD", "punks", "14", "8", "2025-03-02", "2685.00")
	addLot(p, "NEW", "punks", "14", "3", "2026-11-10", "387.60")
	addLot(p, "X", "apes", "1", "1", "2024-01-01", "10")
	addSale(p, "S-9998", "X", "1", "2025-01-01", "20")
	a := mustAnalyze(t, p, "2026-11-28")
	price := func(s string) *decimal.Decimal { v := d(s); return &v }
	res, err := a.Simulate(WhatIf{Sales: []SaleRequest{{Lot: "NEW", Price: price("396.93")}, {Lot: "OLD", Price: price("1058.48")}}})
	if err != nil {
		t.Fatal(err)
	}
	if res.Sales[0].Lot != "OLD" {
		t.Fatalf("first sale is %s, want OLD", res.Sales[0].Lot)
	}
	eq(t, "OLD disallowed", res.Sales[0].Disallowed, "609.95")
	full, err := a.simulateFull(WhatIf{Sales: []SaleRequest{{Lot: "NEW", Price: price("396.93")}, {Lot: "OLD", Price: price("1058.48")}}})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(full.Sales, res.Sales) {
		t.Errorf("recording gives other results:\n%+v\n%+v", full.Sales, res.Sales)
	}
}
