package synthetic

import (
	"reflect"
	"strings"
	"testing"

	"nftharvest/portfolio"

	"github.com/shopspring/decimal"
)

func TestSyntheticDeterministic(t *testing.T) {
	a, b := Portfolio(2000, 7), Portfolio(2000, 7)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("Portfolio(2000, 7) differs between two calls")
	}
	c := Portfolio(2000, 8)
	if reflect.DeepEqual(a.Lots, c.Lots) {
		t.Fatal("seeds 7 and 8 give the same lots")
	}
	same := 0
	for i := range a.Lots {
		if a.Lots[i].Tx == c.Lots[i].Tx {
			same++
		}
	}
	if same > 0 {
		t.Errorf("seeds 7 and 8 share %d transaction hashes", same)
	}
}

func TestSyntheticInvariants(t *testing.T) {
	sizes := []int{0, 1, 9, 10, 57, 1000, 20000}
	if testing.Short() {
		sizes = sizes[:len(sizes)-1]
	}
	for _, n := range sizes {
		p := Portfolio(n, int64(n)+1)
		checkPortfolio(t, n, p)
	}
}

// checkSynthetic asserts everything storage validation and the issue ask of
// a generated portfolio.
func checkPortfolio(t *testing.T, n int, p *portfolio.Portfolio) {
	t.Helper()
	today := portfolio.MustDate(Today)
	if p.Format != portfolio.Format || p.Version != portfolio.Version || p.BaseCurrency != "USD" {
		t.Errorf("n=%d: header %q %d %q", n, p.Format, p.Version, p.BaseCurrency)
	}
	if p.TaxProfile.TaxYear != 2026 || p.TaxProfile.TaxableIncome == nil {
		t.Errorf("n=%d: tax profile year %d, taxable income %v", n, p.TaxProfile.TaxYear, p.TaxProfile.TaxableIncome)
	}
	if len(p.Lots) != n {
		t.Fatalf("n=%d: %d lots", n, len(p.Lots))
	}
	if len(p.Sales) != n/10 {
		t.Errorf("n=%d: %d sales, want %d", n, len(p.Sales), n/10)
	}
	if want := max(1, n/20); len(p.Collections) != want {
		t.Errorf("n=%d: %d collections, want %d", n, len(p.Collections), want)
	}

	colls := map[string]bool{}
	for i, c := range p.Collections {
		if colls[c.ID] {
			t.Errorf("n=%d: duplicate collection id %s", n, c.ID)
		}
		colls[c.ID] = true
		if c.Standard != "ERC-721" && c.Standard != "ERC-1155" {
			t.Errorf("collections[%d].standard %q", i, c.Standard)
		}
		if !isHex(c.Contract, 40) {
			t.Errorf("collections[%d].contract %q", i, c.Contract)
		}
		if c.Floor == nil || !c.Floor.Amount.IsPositive() || c.Floor.AsOf >= today {
			t.Errorf("collections[%d].floor %+v", i, c.Floor)
		} else if _, ok := p.ToBase(*c.Floor); !ok {
			t.Errorf("collections[%d].floor currency %q has no rate", i, c.Floor.Currency)
		}
	}

	lots := map[string]*portfolio.Lot{}
	type key struct{ coll, token string }
	tokens := map[key][]*portfolio.Lot{}
	for i := range p.Lots {
		l := &p.Lots[i]
		if lots[l.ID] != nil {
			t.Errorf("n=%d: duplicate lot id %s", n, l.ID)
		}
		lots[l.ID] = l
		if !colls[l.Collection] {
			t.Errorf("lots[%d].collection %q unknown", i, l.Collection)
		}
		q := l.Quantity.IntPart()
		if !l.Quantity.Equal(decimal.NewFromInt(q)) || q < 1 || q > 20 {
			t.Errorf("lots[%d].quantity %s", i, l.Quantity)
		}
		if l.Acquired < portfolio.MustDate("2020-12-01") || l.Acquired >= today {
			t.Errorf("lots[%d].acquired %s", i, l.Acquired)
		}
		if i > 0 && l.Acquired < p.Lots[i-1].Acquired {
			t.Errorf("lots[%d] not in date order", i)
		}
		checkCents(t, "lots cost", l.Cost, true)
		checkCents(t, "lots fees", l.Fees, false)
		if !isHex(l.Tx, 64) || !isHex(l.Wallet, 40) {
			t.Errorf("lots[%d] tx %q wallet %q", i, l.Tx, l.Wallet)
		}
		if l.Value != nil {
			if _, ok := p.ToBase(*l.Value); !ok || !l.Value.Amount.IsPositive() {
				t.Errorf("lots[%d].value %+v", i, l.Value)
			}
		}
		k := key{l.Collection, l.TokenID}
		tokens[k] = append(tokens[k], l)
	}

	sold := map[string]decimal.Decimal{}
	saleIDs := map[string]bool{}
	gains, losses, washes := 0, 0, 0
	for i, s := range p.Sales {
		if saleIDs[s.ID] {
			t.Errorf("n=%d: duplicate sale id %s", n, s.ID)
		}
		saleIDs[s.ID] = true
		l := lots[s.Lot]
		if l == nil {
			t.Errorf("sales[%d].lot %q unknown", i, s.Lot)
			continue
		}
		if s.Date < l.Acquired || s.Date >= today {
			t.Errorf("sales[%d].date %s, lot acquired %s", i, s.Date, l.Acquired)
		}
		if i > 0 && s.Date < p.Sales[i-1].Date {
			t.Errorf("sales[%d] not in date order", i)
		}
		if !s.Quantity.IsPositive() {
			t.Errorf("sales[%d].quantity %s", i, s.Quantity)
		}
		sold[s.Lot] = sold[s.Lot].Add(s.Quantity)
		checkCents(t, "sales proceeds", s.Proceeds, true)
		checkCents(t, "sales fees", s.Fees, false)
		basis := l.Basis().Mul(s.Quantity).Div(l.Quantity)
		if s.NetProceeds().GreaterThanOrEqual(basis) {
			gains++
			continue
		}
		losses++
		for _, o := range tokens[key{l.Collection, l.TokenID}] {
			if d := s.Date.DaysUntil(o.Acquired); o != l && d >= -30 && d <= 30 {
				washes++
				break
			}
		}
	}
	for id, q := range sold {
		if q.GreaterThan(lots[id].Quantity) {
			t.Errorf("lot %s: sold %s of %s", id, q, lots[id].Quantity)
		}
	}
	if n >= 1000 {
		if gains*10 < len(p.Sales) || losses*10 < len(p.Sales) {
			t.Errorf("n=%d: %d gain sales and %d loss sales: want a mix", n, gains, losses)
		}
		if washes*20 < losses {
			t.Errorf("n=%d: only %d of %d loss sales have a repurchase within 30 days", n, washes, losses)
		}
		if repeats(tokens) < n/100 {
			t.Errorf("n=%d: only %d tokens held in several lots", n, repeats(tokens))
		}
	}
}

func repeats[K comparable](m map[K][]*portfolio.Lot) int {
	c := 0
	for _, ls := range m {
		if len(ls) > 1 {
			c++
		}
	}
	return c
}

func checkCents(t *testing.T, what string, d decimal.Decimal, positive bool) {
	t.Helper()
	if d.IsNegative() || (positive && d.IsZero()) || !d.Equal(d.Round(2)) {
		t.Errorf("%s %s: want a non-negative amount in cents", what, d)
	}
}

func isHex(s string, digits int) bool {
	rest, ok := strings.CutPrefix(s, "0x")
	if !ok || len(rest) != digits {
		return false
	}
	return strings.Trim(rest, "0123456789abcdef") == ""
}

func TestPadID(t *testing.T) {
	for _, c := range []struct {
		n, w int
		want string
	}{{1, 4, "L-0001"}, {12345, 4, "L-12345"}, {7, 7, "L-0000007"}} {
		if got := padID("L", c.n, c.w); got != c.want {
			t.Errorf("padID(L, %d, %d) = %q, want %q", c.n, c.w, got, c.want)
		}
	}
}

func BenchmarkSynthetic100k(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		Portfolio(100_000, 1)
	}
}
