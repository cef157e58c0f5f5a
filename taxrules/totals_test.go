package taxrules

import (
	"math/rand/v2"
	"testing"

	"nftharvest/portfolio"

	"github.com/shopspring/decimal"
)

// totalsPortfolio: punks have a floor of 0.5 ETH (1,000 USD), apes none.
// L1 punks 3 units for 3,000 + 30 fees, 1 sold: 2 open, basis 2,020,
// value 2,000, -20. L2 apes: no price, basis 500. L3 punks: basis 400,
// value 1,000, +600. L4 punks: sold out. L5 apes valued 0.1 ETH (200)
// by the lot: basis 100, +100.
func totalsPortfolio() *portfolio.Portfolio {
	p := newPortfolio(2024)
	p.Rates = map[string]decimal.Decimal{"ETH": d("2000")}
	p.Collections[0].Floor = &portfolio.Price{Amount: d("0.5"), Currency: "ETH", AsOf: day("2024-06-01")}
	addLot(p, "L1", "punks", "7", "3", "2023-06-15", "3000")
	p.Lots[0].Fees = d("30")
	addLot(p, "L2", "apes", "1", "1", "2024-03-01", "500")
	addLot(p, "L3", "punks", "8", "1", "2024-02-01", "400")
	addLot(p, "L4", "punks", "9", "1", "2023-01-10", "900")
	addLot(p, "L5", "apes", "2", "1", "2023-02-01", "100")
	p.Lots[4].Value = &portfolio.Price{Amount: d("0.1"), Currency: "ETH", AsOf: day("2024-06-01")}
	addSale(p, "S1", "L1", "1", "2024-01-10", "1500")
	addSale(p, "S2", "L4", "1", "2024-01-11", "1000")
	return p
}

type wantColl struct {
	id, name                                   string
	open, unpriced                             int
	basis, value, unreal, losses, gains, floor string
	hasFloor                                   bool
}

func TestTotals(t *testing.T) {
	for _, c := range []struct {
		name                 string
		build                func() *portfolio.Portfolio
		open, unpriced       int
		value, losses, gains string
		harvST, harvLT, wash string
		colls                []wantColl
	}{
		{
			name: "empty", build: func() *portfolio.Portfolio { return newPortfolio(2024) },
			value: "0", losses: "0", gains: "0", harvST: "0", harvLT: "0", wash: "0",
		},
		{
			name: "priced, unpriced, sold out, valued by the lot", build: totalsPortfolio,
			open: 4, unpriced: 1, value: "3200", losses: "-20", gains: "700",
			harvST: "-20", harvLT: "0", wash: "0",
			colls: []wantColl{
				{"punks", "Pixel Punks", 2, 0, "2420", "3000", "580", "-20", "600", "1000", true},
				{"apes", "Bored Apes", 2, 1, "600", "200", "100", "0", "100", "0", false},
			},
		},
		{
			name: "a purchase in the last 30 days washes the loss",
			build: func() *portfolio.Portfolio {
				p := totalsPortfolio()
				addLot(p, "L6", "punks", "7", "1", "2024-06-01", "1000") // same token as L1
				return p
			},
			open: 5, unpriced: 1, value: "4200", losses: "-20", gains: "700",
			harvST: "0", harvLT: "0", wash: "-20",
			colls: []wantColl{
				{"punks", "Pixel Punks", 3, 0, "3420", "4000", "580", "-20", "600", "1000", true},
				{"apes", "Bored Apes", 2, 1, "600", "200", "100", "0", "100", "0", false},
			},
		},
		{
			name: "no rate: nothing priced, no floor",
			build: func() *portfolio.Portfolio {
				p := totalsPortfolio()
				p.Rates = nil
				return p
			},
			open: 4, unpriced: 4, value: "0", losses: "0", gains: "0", harvST: "0", harvLT: "0", wash: "0",
			colls: []wantColl{
				{"punks", "Pixel Punks", 2, 2, "2420", "0", "0", "0", "0", "0", false},
				{"apes", "Bored Apes", 2, 2, "600", "0", "0", "0", "0", "0", false},
			},
		},
		{
			name: "long term loss, collection without open lots left out",
			build: func() *portfolio.Portfolio {
				p := newPortfolio(2024)
				p.Rates = map[string]decimal.Decimal{"ETH": d("2000")}
				p.Collections[1].Floor = &portfolio.Price{Amount: d("0.25"), Currency: "ETH"}
				addLot(p, "A1", "apes", "1", "2", "2022-01-01", "1200.005")
				addLot(p, "P1", "punks", "1", "1", "2022-01-01", "10")
				addSale(p, "S1", "P1", "1", "2023-01-01", "5")
				return p
			},
			open: 1, value: "1000", losses: "-200.005", gains: "0", harvST: "0", harvLT: "-200.005", wash: "0",
			colls: []wantColl{
				{"apes", "Bored Apes", 1, 0, "1200.005", "1000", "-200.005", "-200.005", "0", "500", true},
			},
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			for _, lazy := range []bool{false, true} {
				a, err := AnalyzeWith(c.build(), day("2024-06-15"), Options{LazyLots: lazy})
				if err != nil {
					t.Fatal(err)
				}
				tot := a.Totals()
				if tot.OpenLots != c.open || tot.Unpriced != c.unpriced {
					t.Errorf("lazy %v: open %d unpriced %d, want %d %d", lazy, tot.OpenLots, tot.Unpriced, c.open, c.unpriced)
				}
				if n := a.OpenLots(); n != c.open {
					t.Errorf("lazy %v: OpenLots() = %d, want %d", lazy, n, c.open)
				}
				eq(t, "value", tot.Value, c.value)
				eq(t, "losses", tot.Losses, c.losses)
				eq(t, "gains", tot.Gains, c.gains)
				eq(t, "harvestable ST", tot.Harvestable.ShortTerm, c.harvST)
				eq(t, "harvestable LT", tot.Harvestable.LongTerm, c.harvLT)
				eq(t, "washed", tot.Harvestable.Washed, c.wash)
				got := a.Collections()
				if len(got) != len(c.colls) {
					t.Fatalf("lazy %v: %d collections, want %d: %+v", lazy, len(got), len(c.colls), got)
				}
				for i, w := range c.colls {
					g := got[i]
					if g.ID != w.id || g.Name != w.name || g.OpenLots != w.open || g.Unpriced != w.unpriced || g.HasFloor != w.hasFloor {
						t.Errorf("lazy %v: collection %d = %s %q open %d unpriced %d floor %v, want %+v",
							lazy, i, g.ID, g.Name, g.OpenLots, g.Unpriced, g.HasFloor, w)
					}
					eq(t, w.id+" basis", g.AdjustedBasis, w.basis)
					eq(t, w.id+" value", g.Value, w.value)
					eq(t, w.id+" unrealized", g.Unrealized, w.unreal)
					eq(t, w.id+" losses", g.Losses, w.losses)
					eq(t, w.id+" gains", g.Gains, w.gains)
					eq(t, w.id+" floor", g.Floor, w.floor)
				}
			}
		})
	}
}

// TestTotalsAddUpTheLots: on random histories dense in wash sales, the
// totals are the plain decimal sums over the lot states, and the
// collections add up to them.
func TestTotalsAddUpTheLots(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 2))
	for trial := range 30 {
		p := genHistory(rng, 5+rng.IntN(60), []string{"collection", "token"}[trial%2])
		if trial%3 == 0 {
			p.Lots[0].Value = &portfolio.Price{Amount: d("0.123456789"), Currency: "ETH"}
		}
		a, err := Analyze(p, day("2024-12-31"))
		if err != nil {
			t.Fatal(err)
		}
		var open, unpriced int
		value, losses, gains := decimal.Zero, decimal.Zero, decimal.Zero
		for _, st := range a.Lots {
			if st.OpenQuantity.Sign() <= 0 {
				continue
			}
			open++
			if !st.HasPrice {
				unpriced++
				continue
			}
			value = value.Add(st.MarketValue)
			if st.Unrealized.Sign() < 0 {
				losses = losses.Add(st.Unrealized)
			} else {
				gains = gains.Add(st.Unrealized)
			}
		}
		tot := a.Totals()
		if tot.OpenLots != open || tot.Unpriced != unpriced || !tot.Value.Equal(value) ||
			!tot.Losses.Equal(losses) || !tot.Gains.Equal(gains) {
			t.Fatalf("trial %d: totals %+v, want open %d unpriced %d value %s losses %s gains %s",
				trial, tot, open, unpriced, value, losses, gains)
		}
		h := a.Harvestable()
		if !tot.Harvestable.ShortTerm.Equal(h.ShortTerm) || !tot.Harvestable.LongTerm.Equal(h.LongTerm) ||
			!tot.Harvestable.Washed.Equal(h.Washed) {
			t.Fatalf("trial %d: harvestable %+v, want %+v", trial, tot.Harvestable, h)
		}
		var cOpen, cUnpriced int
		cValue, cUnreal := decimal.Zero, decimal.Zero
		for _, c := range a.Collections() {
			cOpen += c.OpenLots
			cUnpriced += c.Unpriced
			cValue = cValue.Add(c.Value)
			cUnreal = cUnreal.Add(c.Unrealized)
			if !c.Losses.Add(c.Gains).Equal(c.Unrealized) {
				t.Fatalf("trial %d: %s losses %s + gains %s != unrealized %s", trial, c.ID, c.Losses, c.Gains, c.Unrealized)
			}
		}
		if cOpen != open || cUnpriced != unpriced || !cValue.Equal(value) || !cUnreal.Equal(losses.Add(gains)) {
			t.Fatalf("trial %d: collections add up to open %d unpriced %d value %s unrealized %s", trial, cOpen, cUnpriced, cValue, cUnreal)
		}
	}
}
