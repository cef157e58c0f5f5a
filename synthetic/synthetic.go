// Package synthetic generates deterministic demo portfolios for "nftharvest
// demo", benchmarks and tests. It is not domain code: it uses math/rand and
// floats to invent plausible prices, and rounds every amount to the cent.
package synthetic

import (
	"encoding/hex"
	"math"
	"math/rand/v2"
	"strconv"

	"nftharvest/portfolio"

	"github.com/shopspring/decimal"
)

// Today is the "today" a synthetic portfolio is built for: every
// acquisition and sale is dated before it.
const Today = "2026-11-28"

// syntheticETH is the ETH rate of synthetic portfolios, in USD.
const syntheticETH = "3150.25"

var (
	synthAdjectives = [...]string{"Lunar", "Chrome", "Void", "Glitch", "Quiet", "Amber", "Neon", "Hollow",
		"Velvet", "Rusty", "Solar", "Feral", "Paper", "Static", "Crystal", "Drift", "Ember", "Frost",
		"Gilded", "Iron", "Jade", "Marrow", "Nomad", "Opal", "Pixel", "Salt", "Tidal", "Umbra",
		"Vapor", "Wild", "Zinc", "Cobalt"}
	synthNouns = [...]string{"Lynx", "Koi", "Runners", "Gardens", "Owls", "Mechs", "Familiars", "Passes",
		"Maps", "Moths", "Golems", "Skulls", "Foxes", "Relics", "Sprites", "Herons", "Wardens", "Shards",
		"Totems", "Voyagers", "Beetles", "Masks", "Orbs", "Ravens", "Keys", "Tides", "Wolves", "Glyphs",
		"Kites", "Lanterns", "Drones", "Seeds"}
)

// synthCollection is what the generator needs to know about a collection
// while it creates lots.
type synthCollection struct {
	editions bool    // ERC-1155: token ids repeat, quantities 1-20
	price    float64 // typical unit price in USD
}

// pendingLoss is a loss sale that a later lot may repurchase (a wash sale).
type pendingLoss struct {
	coll     int
	token    string
	date     portfolio.Date
	quantity int
}

// synthSale is a generated sale before ids are assigned.
type synthSale struct {
	sale portfolio.Sale
	lot  int // generation index of the lot sold
}

// Portfolio returns a deterministic synthetic portfolio of n lots for
// benchmarks and tests: the same n and seed always give the same portfolio.
// It has about n/20 collections (at least one), exactly n/10 sales, ETH
// floors, acquisitions from 2021 to the day before Today, ERC-721
// tokens and ERC-1155 editions (about a fifth of lots), gains and losses
// (about a third of sales are gains), and wash-sale situations: about a
// quarter of loss sales are followed by a repurchase of the same token
// within 30 days, some only partly for editions. Lots and sales are in date
// order with ids as wide as their count needs (at least four digits:
// L-0001, L-100000). It takes about 0.13 s for 100k lots on two cores.
func Portfolio(n int, seed int64) *portfolio.Portfolio {
	if n < 0 {
		n = 0
	}
	r := rand.New(rand.NewPCG(uint64(seed), uint64(seed)^0x9e3779b97f4a7c15))
	g := synthGen{r: r}

	today := portfolio.MustDate(Today)
	first, last := portfolio.MustDate("2021-01-01"), today.AddDays(-1)
	eth := decimal.RequireFromString(syntheticETH)
	ethF, _ := eth.Float64()

	p := &portfolio.Portfolio{
		Format:       portfolio.Format,
		Version:      portfolio.Version,
		BaseCurrency: "USD",
		TaxProfile:   portfolio.DefaultTaxProfile(today.Year()),
		Rates:        map[string]decimal.Decimal{"ETH": eth},
	}
	income := decimal.NewFromInt(95000)
	p.TaxProfile.TaxableIncome = &income

	// Collections.
	nc := max(1, n/20)
	meta := make([]synthCollection, nc)
	p.Collections = make([]portfolio.Collection, nc)
	width := max(4, len(strconv.Itoa(nc)))
	yes := true
	for i := range p.Collections {
		m := &meta[i]
		m.editions = r.IntN(5) == 0
		m.price = g.logUniform(15, 12000)
		standard := "ERC-721"
		if m.editions {
			standard = "ERC-1155"
			m.price /= 10
		}
		name := synthAdjectives[i%len(synthAdjectives)] + " " + synthNouns[(i/len(synthAdjectives))%len(synthNouns)]
		if k := i / (len(synthAdjectives) * len(synthNouns)); k > 0 {
			name += " " + strconv.Itoa(k+1)
		}
		// Today's floor: the typical price times a market move, mostly down.
		floorETH := m.price * g.logUniform(0.05, 2.5) / ethF
		c := portfolio.Collection{
			ID:       padID("col", i+1, width),
			Name:     name,
			Chain:    "ethereum",
			Contract: g.hex(20),
			Standard: standard,
			Floor: &portfolio.Price{
				Amount:   decimal.New(max(1, int64(math.Round(floorETH*1e4))), -4),
				Currency: "ETH",
				AsOf:     today.AddDays(-1 - r.IntN(8)),
			},
		}
		if r.IntN(50) == 0 {
			c.Collectible = &yes
		}
		p.Collections[i] = c
	}

	// Shared immutable decimals.
	noCents := decimal.New(0, -2)
	var qty [21]decimal.Decimal
	for q := range qty {
		qty[q] = decimal.NewFromInt(int64(q))
	}
	nw := max(3, n/1000)
	wallets := make([]string, nw)
	for i := range wallets {
		wallets[i] = g.hex(20)
	}

	nSales := n / 10
	lots := make([]portfolio.Lot, 0, n)
	sales := make([]synthSale, 0, nSales)
	var pending []pendingLoss
	span := first.DaysUntil(last) + 1
	soldAt := 0
	for k := 0; k < n; k++ {
		if k%10 == 0 {
			soldAt = k + r.IntN(10)
		}
		var (
			ci       int
			token    string
			quantity int
			acquired portfolio.Date
		)
		if len(pending) > 0 && r.IntN(12) == 0 {
			// A repurchase of a token sold at a loss, inside the 61-day window
			// (mostly after the sale); editions are often only partly rebought.
			pl := pending[len(pending)-1]
			pending = pending[:len(pending)-1]
			ci, token = pl.coll, pl.token
			quantity = 1 + r.IntN(pl.quantity)
			acquired = pl.date.AddDays(r.IntN(36) - 5)
			acquired = min(max(acquired, first), last)
		} else {
			ci = g.collection(nc)
			if meta[ci].editions {
				token = strconv.Itoa(1 + r.IntN(20))
				quantity = 1 + r.IntN(20)
			} else {
				token = strconv.Itoa(r.IntN(10000))
				quantity = 1
			}
			acquired = first.AddDays(r.IntN(span))
		}
		m := &meta[ci]
		unitCost := m.price * g.logUniform(0.3, 3)
		costCents := max(1, int64(math.Round(unitCost*float64(quantity)*100)))
		feeCents := int64(0)
		if r.IntN(10) < 7 {
			feeCents = costCents*int64(5+r.IntN(25))/1000 + int64(100+r.IntN(4000))
		}
		l := portfolio.Lot{
			Collection: p.Collections[ci].ID,
			TokenID:    token,
			Quantity:   qty[quantity],
			Acquired:   acquired,
			Cost:       decimal.New(costCents, -2),
			Fees:       noCents,
			Tx:         g.hex(32),
			Wallet:     wallets[r.IntN(nw)],
		}
		if feeCents > 0 {
			l.Fees = decimal.New(feeCents, -2)
		}
		if r.IntN(100) == 0 {
			l.Value = &portfolio.Price{
				Amount:   decimal.New(max(1, int64(math.Round(unitCost*g.logUniform(0.2, 8)/ethF*1e4))), -4),
				Currency: "ETH",
				AsOf:     today.AddDays(-1 - r.IntN(8)),
			}
		}
		if r.IntN(500) == 0 {
			l.Note = "synthetic note " + strconv.Itoa(k)
		}
		lots = append(lots, l)

		if k != soldAt || len(sales) == nSales {
			continue
		}
		sq := quantity
		if quantity > 1 && r.IntN(2) == 0 {
			sq = 1 + r.IntN(quantity-1)
		}
		date := acquired.AddDays(r.IntN(acquired.DaysUntil(last) + 1))
		basisCents := (costCents + feeCents) * int64(sq) / int64(quantity)
		proceedsCents := max(1, int64(math.Round(float64(basisCents)*g.logUniform(0.08, 3.5))))
		s := portfolio.Sale{
			Quantity: qty[sq],
			Date:     date,
			Proceeds: decimal.New(proceedsCents, -2),
			Fees:     noCents,
			Tx:       g.hex(32),
		}
		saleFees := int64(0)
		if r.IntN(10) < 8 {
			saleFees = proceedsCents * int64(10+r.IntN(90)) / 1000
			s.Fees = decimal.New(saleFees, -2)
		}
		sales = append(sales, synthSale{sale: s, lot: k})
		if proceedsCents-saleFees < basisCents && r.IntN(4) == 0 {
			pending = append(pending, pendingLoss{coll: ci, token: token, date: date, quantity: sq})
			if len(pending) > 64 {
				pending = pending[1:]
			}
		}
	}

	// portfolio.Date order (a stable counting sort: generation order breaks ties),
	// ids in that order.
	lw := max(4, len(strconv.Itoa(n)))
	idOf := make([]string, n)
	p.Lots = make([]portfolio.Lot, n)
	for gen, pos := range dateOrder(len(lots), func(i int) portfolio.Date { return lots[i].Acquired }) {
		l := lots[gen]
		l.ID = padID("L", pos+1, lw)
		idOf[gen] = l.ID
		p.Lots[pos] = l
	}
	sw := max(4, len(strconv.Itoa(len(sales))))
	p.Sales = make([]portfolio.Sale, len(sales))
	for i, pos := range dateOrder(len(sales), func(i int) portfolio.Date { return sales[i].sale.Date }) {
		s := sales[i].sale
		s.ID = padID("S", pos+1, sw)
		s.Lot = idOf[sales[i].lot]
		p.Sales[pos] = s
	}
	return p
}

// dateOrder returns, for each of n items, its position when the items are
// sorted stably by date. It is a counting sort: dates span a few thousand
// days, so this is linear where a comparison sort of large structs is not.
func dateOrder(n int, date func(int) portfolio.Date) []int {
	pos := make([]int, n)
	if n == 0 {
		return pos
	}
	lo, hi := date(0), date(0)
	for i := 1; i < n; i++ {
		d := date(i)
		lo, hi = min(lo, d), max(hi, d)
	}
	start := make([]int, int(hi-lo)+2)
	for i := range n {
		start[int(date(i)-lo)+1]++
	}
	for d := 1; d < len(start); d++ {
		start[d] += start[d-1]
	}
	for i := range n {
		d := int(date(i) - lo)
		pos[i] = start[d]
		start[d]++
	}
	return pos
}

// synthGen holds the random source and small helpers of the generator.
type synthGen struct {
	r   *rand.Rand
	buf [32]byte
	out [66]byte
}

// logUniform returns a number between lo and hi, uniform on a log scale.
func (g *synthGen) logUniform(lo, hi float64) float64 {
	return lo * math.Exp(g.r.Float64()*math.Log(hi/lo))
}

// collection picks a collection, a third of the time among the first
// twentieth so that some collections are much larger than others.
func (g *synthGen) collection(nc int) int {
	if g.r.IntN(3) == 0 {
		return g.r.IntN(max(1, nc/20))
	}
	return g.r.IntN(nc)
}

// hex returns "0x" and 2*n random hex digits (n <= 32).
func (g *synthGen) hex(n int) string {
	for i := 0; i < n; i += 8 {
		v := g.r.Uint64()
		for j := 0; j < 8 && i+j < n; j++ {
			g.buf[i+j] = byte(v >> (8 * j))
		}
	}
	g.out[0], g.out[1] = '0', 'x'
	hex.Encode(g.out[2:], g.buf[:n])
	return string(g.out[:2+2*n])
}

// padID returns prefix-NNNN with n zero-padded to width digits.
func padID(prefix string, n, width int) string {
	var num [20]byte
	d := strconv.AppendInt(num[:0], int64(n), 10)
	out := make([]byte, 0, len(prefix)+1+max(width, len(d)))
	out = append(out, prefix...)
	out = append(out, '-')
	for range width - len(d) {
		out = append(out, '0')
	}
	return string(append(out, d...))
}
