package taxrules

import (
	"fmt"
	"math/rand/v2"

	"nftharvest/portfolio"

	"github.com/shopspring/decimal"
)

// genHistory returns a random but valid portfolio dense in wash sales: a
// few tokens in two collections, lots of 1-4 units (some fractional
// editions) bought over a year, and sales of parts of lots at random
// prices after their acquisition, never more than a lot holds. Fixed seeds
// make every run the same.
func genHistory(rng *rand.Rand, nLots int, mode string) *portfolio.Portfolio {
	p := newPortfolio(2024)
	p.TaxProfile.Match = mode
	p.Rates = map[string]decimal.Decimal{"ETH": d("2000")}
	p.Collections[0].Floor = &portfolio.Price{Amount: d("0.05"), Currency: "ETH"}
	p.Collections[1].Floor = &portfolio.Price{Amount: d("0.07"), Currency: "ETH"}
	yes := true
	p.Collections[1].Collectible = &yes
	start := day("2023-06-01")
	left := make([]decimal.Decimal, nLots)
	for i := range nLots {
		coll := []string{"punks", "apes"}[rng.IntN(2)]
		q := decimal.NewFromInt(int64(1 + rng.IntN(4)))
		if rng.IntN(5) == 0 {
			q = q.Add(d("0.5"))
		}
		acq := start.AddDays(rng.IntN(540))
		addLot(p, fmt.Sprintf("L%03d", i), coll, fmt.Sprint(rng.IntN(3)), q.String(), acq.String(),
			fmt.Sprint(50+rng.IntN(150)))
		p.Lots[i].Fees = decimal.NewFromInt(int64(rng.IntN(5)))
		left[i] = q
	}
	for s := 0; s < nLots; s++ {
		i := rng.IntN(nLots)
		if left[i].Sign() <= 0 {
			continue
		}
		q := left[i]
		if q.GreaterThan(decimal.NewFromInt(1)) && rng.IntN(2) == 0 {
			q = decimal.NewFromInt(1)
		}
		left[i] = left[i].Sub(q)
		date := p.Lots[i].Acquired.AddDays(rng.IntN(400))
		addSale(p, fmt.Sprintf("S-%04d", len(p.Sales)+1), p.Lots[i].ID, q.String(), date.String(),
			fmt.Sprint(rng.IntN(250)))
		p.Sales[len(p.Sales)-1].Fees = decimal.NewFromInt(int64(rng.IntN(3)))
	}
	return p
}

// genRequests returns a valid what-if for a: 1-4 requests on open lots.
func genRequests(rng *rand.Rand, a *Analysis) WhatIf {
	var open []int
	for i := range a.Lots {
		if a.Lots[i].OpenQuantity.Sign() > 0 {
			open = append(open, i)
		}
	}
	var w WhatIf
	if len(open) == 0 {
		return w
	}
	latest := portfolio.Date(0)
	used := map[int]bool{}
	for range 1 + rng.IntN(4) {
		i := open[rng.IntN(len(open))]
		if used[i] {
			continue
		}
		used[i] = true
		st := &a.Lots[i]
		latest = max(latest, st.Lot.Acquired)
		rq := SaleRequest{Lot: st.Lot.ID, Fees: decimal.NewFromInt(int64(rng.IntN(3)))}
		if rng.IntN(2) == 0 {
			rq.Quantity = decimal.Min(st.OpenQuantity, decimal.NewFromInt(1))
		}
		if rng.IntN(2) == 0 {
			v := decimal.NewFromInt(int64(rng.IntN(300)))
			rq.Price = &v
		}
		w.Sales = append(w.Sales, rq)
	}
	w.Date = latest.AddDays(rng.IntN(60))
	return w
}
