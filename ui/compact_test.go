package ui

import (
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"nftharvest/money"
	"nftharvest/portfolio"
	"nftharvest/storage"
	"nftharvest/synthetic"
	"nftharvest/taxrules"

	"github.com/shopspring/decimal"
)

// The Holdings tab keeps integer rows and builds a lot's state again only
// for the cells that need its decimals. These tests compare every key,
// cell and width, the totals and the Collections tab with the
// straightforward way: every state built (taxrules.Analyze) and each cell
// formatted from it, as the app did before.

// refHoldings is the straightforward Holdings tab: the open lots' states,
// their keys and cells computed from the states.
type refHoldings struct {
	states []*taxrules.LotState
	keys   [][hfCount]int64
	exact  []bool
	stale  []bool
	w      [hfCount]int
}

func newRefHoldings(a *taxrules.Analysis, stale []portfolio.StalePrice) *refHoldings {
	r := &refHoldings{}
	var ids, colls, wallets, texts []string
	for i := range a.Lots {
		if st := &a.Lots[i]; st.OpenQuantity.Sign() > 0 {
			r.states = append(r.states, st)
			ids = append(ids, st.Lot.ID)
			colls = append(colls, st.CollectionName)
			wallets = append(wallets, st.Lot.Wallet)
			if _, ok := numericKey(st.Lot.TokenID); !ok {
				texts = append(texts, st.Lot.TokenID)
			}
		}
	}
	tie, collRank, walletRank, textRank := rankIDs(ids), rankStrings(colls), rankStrings(wallets), rankStrings(texts)
	old := map[[2]string]bool{}
	for _, s := range stale {
		old[[2]string{s.Kind, s.Of}] = true
	}
	var maxB, maxV, maxU, maxP int64
	for i, st := range r.states {
		l := st.Lot
		var k [hfCount]int64
		k[hfLot] = int64(tie[i])
		k[hfCollection] = int64(collRank[st.CollectionName])
		if n, ok := numericKey(l.TokenID); ok {
			k[hfToken] = n
		} else {
			k[hfToken] = textKeyBase + int64(textRank[l.TokenID])
		}
		k[hfQty] = qtyKey(st.OpenQuantity)
		k[hfAcquired] = int64(l.Acquired)
		k[hfTerm] = int64(st.DaysToLongTerm)
		if st.Term == taxrules.LongTerm {
			k[hfTerm] = 1 << 40
		}
		b, ok1 := money.CentsOf(st.AdjustedBasis)
		v, ok2 := money.CentsOf(st.MarketValue)
		u, ok3 := money.CentsOf(st.Unrealized)
		exact := ok1 && ok2 && ok3
		if !exact {
			b, v, u = approxCents(st.AdjustedBasis), approxCents(st.MarketValue), approxCents(st.Unrealized)
		}
		if !st.HasPrice {
			v, u = 0, 0
		}
		k[hfBasis], k[hfValue], k[hfUnreal] = b, v, u
		if st.HasPrice && b > 0 {
			k[hfPct] = int64(math.Round(float64(u) / float64(b) * 10000))
		}
		var wash int64
		if len(st.WashAdjustments) > 0 {
			wash |= washAdjusted
		}
		if len(st.WashRisk.Purchases) > 0 {
			wash |= washRisk
		}
		if len(st.WashRisk.Warnings) > 0 {
			wash |= washAlike
		}
		k[hfWash] = wash
		k[hfWallet] = int64(walletRank[l.Wallet])
		r.keys = append(r.keys, k)
		r.exact = append(r.exact, exact)
		isStale := false
		if st.HasPrice {
			price, kind, of := l.Value, "value", l.ID
			if price == nil {
				if c, ok := a.Index.Collection(l.Collection); ok {
					price = c.Floor
				}
				kind, of = "floor", l.Collection
			}
			isStale = old[[2]string{kind, of}] || price != nil && old[[2]string{"rate", price.Currency}]
		}
		r.stale = append(r.stale, isStale)
		maxB, maxV, maxU, maxP = max(maxB, money.Abs64(b)), max(maxV, money.Abs64(v)), max(maxU, money.Abs64(u)), max(maxP, money.Abs64(k[hfPct]))
		r.w[hfLot] = max(r.w[hfLot], safeLen(l.ID))
		r.w[hfCollection] = max(r.w[hfCollection], safeLen(st.CollectionName))
		r.w[hfToken] = max(r.w[hfToken], safeLen(l.TokenID)+1)
		r.w[hfQty] = max(r.w[hfQty], len(money.Quantity(st.OpenQuantity)))
	}
	r.w[hfPct] = max(r.w[hfPct], len(percentText(-maxP, true)))
	r.w[hfBasis] = max(r.w[hfBasis], len(money.FormatCents(maxB, false)))
	r.w[hfValue] = max(r.w[hfValue], len(money.FormatCents(maxV, false)))
	r.w[hfUnreal] = max(r.w[hfUnreal], textWidth(markedCents(-maxU)))
	holdingsColumns.widths(r.w[:])
	r.w[hfName] = holdingsColumns.width(hfName, r.w[hfCollection]+r.w[hfToken]+1)
	if len(stale) > 0 {
		r.w[hfValue]++
	}
	return r
}

// cell is the straightforward cell of field f of row i.
func (r *refHoldings) cell(st *Styles, i, f, w int) (string, paint) {
	s := r.states[i]
	l := s.Lot
	switch f {
	case hfLot:
		return l.ID, st.paints.none
	case hfCollection:
		return s.CollectionName, st.paints.none
	case hfToken:
		return "#" + l.TokenID, st.paints.none
	case hfName:
		return nameFit(s.CollectionName, l.TokenID, w), st.paints.none
	case hfQty:
		return money.Quantity(s.OpenQuantity), st.paints.none
	case hfAcquired:
		return l.Acquired.String(), st.paints.none
	case hfTerm:
		if s.Term == taxrules.LongTerm {
			return "LT", st.paints.none
		}
		return "ST " + strconv.Itoa(s.DaysToLongTerm) + "d", st.paints.none
	case hfBasis:
		return amountText(s.AdjustedBasis), st.paints.none
	case hfValue:
		if !s.HasPrice {
			return "n/a", st.paints.muted
		}
		mark := ""
		if r.stale[i] {
			mark = staleMark
		}
		return mark + amountText(s.MarketValue), st.paints.none
	case hfUnreal:
		if !s.HasPrice {
			return "n/a", st.paints.muted
		}
		return marked(s.Unrealized), st.amountPaint(s.Unrealized.Sign())
	case hfPct:
		if !s.HasPrice {
			return "", st.paints.none
		}
		p := r.keys[i][hfPct]
		return percentText(p, true), st.amountPaint(cmp.Compare(p, 0))
	case hfWash:
		return washText(uint8(r.keys[i][hfWash])), st.paints.wash
	case hfWallet:
		return shortAddr(l.Wallet), st.paints.muted
	}
	return "", st.paints.none
}

// oddPortfolio is synthetic.Portfolio(n, seed) with lots no sale touches
// changed into the cases the integer rows must get right: fractional and
// written-out quantities ("2.5", "3.000"), quantities of 13 and 17
// digits, amounts beyond int64 cents,
// value overrides (one of them stale), a collection without a floor, and
// non-numeric token ids; lots listed out of id order for even seeds.
func oddPortfolio(n int, seed int64) *portfolio.Portfolio {
	p := synthetic.Portfolio(n, seed)
	sold := map[string]bool{}
	for _, s := range p.Sales {
		sold[s.Lot] = true
	}
	k := 0
	for i := range p.Lots {
		l := &p.Lots[i]
		if sold[l.ID] {
			continue
		}
		switch k % 9 {
		case 0:
			l.Quantity = decimal.RequireFromString("2.5")
		case 1:
			l.Quantity = decimal.RequireFromString("3.000")
		case 2:
			l.Cost = decimal.RequireFromString("123456789012345678901.37")
		case 3:
			l.Value = &portfolio.Price{Amount: decimal.RequireFromString("0.0123456789"), Currency: "USD", AsOf: portfolio.Date(l.Acquired)}
		case 4:
			l.TokenID = "gold-" + strconv.Itoa(k)
		case 5:
			l.Quantity = decimal.RequireFromString("1234567890123")
		case 6:
			l.Fees = decimal.RequireFromString("0.004")
		case 7:
			l.Quantity = decimal.RequireFromString("98765432109876543") // beyond the millionths key
		}
		k++
	}
	if len(p.Collections) > 1 {
		p.Collections[1].Floor = nil
	}
	if seed%2 == 0 {
		slices.Reverse(p.Lots) // ids out of order: the tie ranks are sorted
	}
	return p
}

// TestCompactHoldingsEqualFullStates compares the Holdings tab built from
// integer rows with the straightforward tab built from every lot's state:
// order, keys, every cell at two widths, column widths, and the totals and
// Collections tab with Analysis.Totals and Collections.
func TestCompactHoldingsEqualFullStates(t *testing.T) {
	n := 12000 // above the size where the engine builds states on two cores
	if testing.Short() {
		n = 3000
	}
	ports := map[string]*portfolio.Portfolio{}
	for seed := int64(1); seed <= 2; seed++ {
		ports[fmt.Sprintf("synthetic %d", seed)] = synthetic.Portfolio(n, seed)
		ports[fmt.Sprintf("odd %d", seed)] = oddPortfolio(n/4, seed)
	}
	styles := NewStyles(true)
	for name, p := range ports {
		full, err := taxrules.Analyze(p, benchToday)
		if err != nil {
			t.Fatal(err)
		}
		d, err := buildDataset(&storage.File{Path: "x.json", Portfolio: p}, p, benchToday, true)
		if err != nil {
			t.Fatal(err)
		}
		if d.a.Lots != nil {
			t.Fatalf("%s: the app's analysis kept every lot state", name)
		}
		ref := newRefHoldings(full, d.stale)
		h := d.hold
		if h.Len() != len(ref.states) {
			t.Fatalf("%s: %d rows, want %d", name, h.Len(), len(ref.states))
		}
		inexact, fractional := 0, 0
		for i := range ref.states {
			if h.ID(i) != ref.states[i].Lot.ID || h.Tie(i) != int32(ref.keys[i][hfLot]) {
				t.Fatalf("%s row %d: lot %s tie %d, want %s %d", name, i, h.ID(i), h.Tie(i), ref.states[i].Lot.ID, ref.keys[i][hfLot])
			}
			if !ref.exact[i] {
				inexact++
			}
			if !ref.states[i].OpenQuantity.IsInteger() {
				fractional++
			}
			for f := range hfCount {
				if f != hfName && h.Key(i, f) != ref.keys[i][f] {
					t.Fatalf("%s lot %s field %d: key %d, want %d", name, h.ID(i), f, h.Key(i, f), ref.keys[i][f])
				}
				for _, w := range []int{12, 40} {
					g, gp := h.Cell(&styles, i, f, w)
					want, wp := ref.cell(&styles, i, f, w)
					if g != want || gp != wp {
						t.Fatalf("%s lot %s field %d width %d: %q, want %q", name, h.ID(i), f, w, g, want)
					}
				}
			}
			if r, ok := h.rowOf(h.ID(i)); !ok || r != i {
				t.Fatalf("%s: rowOf(%s) = %d, %v, want %d", name, h.ID(i), r, ok, i)
			}
		}
		if h.w != ref.w {
			t.Fatalf("%s: widths %v, want %v", name, h.w, ref.w)
		}
		if got, want := d.tot, full.Totals(); !reflect.DeepEqual(got, want) {
			t.Fatalf("%s: totals %+v, want %+v", name, got, want)
		}
		want := full.Collections()
		if len(d.coll.rows) != len(want) {
			t.Fatalf("%s: %d collections, want %d", name, len(d.coll.rows), len(want))
		}
		for i := range want {
			if !reflect.DeepEqual(d.coll.rows[i].CollectionTotals, want[i]) {
				t.Fatalf("%s: collection %d = %+v, want %+v", name, i, d.coll.rows[i].CollectionTotals, want[i])
			}
		}
		part, err := buildDataset(&storage.File{Path: "x.json", Portfolio: p}, p, benchToday, false)
		if err != nil {
			t.Fatal(err)
		}
		if msg := completeCmd(part)().(completedMsg); !reflect.DeepEqual(msg.coll.rows, d.coll.rows) || !reflect.DeepEqual(msg.real.rows, d.real.rows) {
			t.Fatalf("%s: the tables completing a partial dataset differ from the full build's", name)
		}
		if name[:3] == "odd" && (inexact == 0 || fractional == 0 || len(d.stale) == 0) {
			t.Fatalf("%s: %d inexact rows, %d fractional, %d stale prices: the odd cases are missing", name, inexact, fractional, len(d.stale))
		}
	}
}

// TestMatchesEqualsLoweredText compares the filter's search with the
// straightforward one: strings.ToLower of the lot id, collection, "#"
// token and note joined by NULs contains the query (random ASCII, upper
// case, "#", NUL, a control character 32 below "1", non-ASCII text, the Kelvin sign that lowers to "k").
func TestMatchesEqualsLoweredText(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	alphabet := []string{"a", "B", "k", "K", "#", "1", "\x11", "-", "\x00", "é", "É", "\u212a", "İ", "\xff"}
	text := func(n int) string {
		var b strings.Builder
		for range rng.IntN(n + 1) {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		return b.String()
	}
	p := synthetic.Portfolio(200, 1)
	for i := range p.Lots {
		p.Lots[i].TokenID, p.Lots[i].Note = text(4), text(3)
	}
	for i := range p.Collections {
		p.Collections[i].Name = text(5)
	}
	d, err := buildDataset(&storage.File{Path: "x.json", Portfolio: p}, p, benchToday, true)
	if err != nil {
		t.Fatal(err)
	}
	h := d.hold
	hits := 0
	for range 3000 {
		q := strings.ToLower(text(3))
		for r := range h.Len() {
			st := h.state(r)
			want := strings.Contains(strings.ToLower(st.Lot.ID+"\x00"+st.CollectionName+"\x00#"+st.Lot.TokenID+"\x00"+st.Lot.Note), q)
			if got := h.matches(r, q); got != want {
				t.Fatalf("lot %s (collection %q, token %q, note %q), query %q: %v, want %v", st.Lot.ID, st.CollectionName, st.Lot.TokenID, st.Lot.Note, q, got, want)
			}
			if want {
				hits++
			}
		}
	}
	if hits == 0 {
		t.Fatal("no query matched")
	}
}
