package portfolio

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/shopspring/decimal"
)

// TestIndexSortedMatchesMap checks that the index of a portfolio whose lot
// ids increase (binary search, sales matched in one pass) answers exactly
// as the map-based index of the same lots in another order.
func TestIndexSortedMatchesMap(t *testing.T) {
	p := increasingIDs(3000, 5)
	// Sales of lots that do not exist, before, between and after the ids.
	p.Sales = append(p.Sales,
		Sale{ID: "S-x1", Lot: "A-0001", Quantity: dec("1")},
		Sale{ID: "S-x2", Lot: "L-0001x", Quantity: dec("1")},
		Sale{ID: "S-x3", Lot: "Z", Quantity: dec("1")},
		Sale{ID: "S-x4", Lot: "", Quantity: dec("1")})
	sorted := NewIndex(p)
	if sorted.lots != nil {
		t.Fatal("test setup: the lot ids should increase")
	}

	shuffled := p.Clone()
	rand.New(rand.NewPCG(1, 2)).Shuffle(len(shuffled.Lots), func(i, j int) {
		shuffled.Lots[i], shuffled.Lots[j] = shuffled.Lots[j], shuffled.Lots[i]
	})
	mapped := NewIndex(shuffled)
	if mapped.lots == nil {
		t.Fatal("test setup: shuffled ids should need the map")
	}

	ids := []string{"", "A-0001", "L-0001x", "Z", "L-0000", "L-3001"}
	for i := range p.Lots {
		ids = append(ids, p.Lots[i].ID)
	}
	for _, id := range ids {
		i, ok := sorted.LotIndex(id)
		j, ok2 := mapped.LotIndex(id)
		if ok != ok2 || ok && p.Lots[i].ID != id || ok2 && shuffled.Lots[j].ID != id {
			t.Fatalf("LotIndex(%q): sorted %d %v, map %d %v", id, i, ok, j, ok2)
		}
		if a, b := sorted.Sold(id), mapped.Sold(id); !a.Equal(b) {
			t.Errorf("Sold(%q): sorted %s, map %s", id, a, b)
		}
		if a, b := sorted.OpenQuantity(id), mapped.OpenQuantity(id); !a.Equal(b) {
			t.Errorf("OpenQuantity(%q): sorted %s, map %s", id, a, b)
		}
	}
	sold := 0
	for si := range p.Sales {
		i, ok := sorted.SaleLot(si)
		j, ok2 := mapped.SaleLot(si)
		if ok != ok2 || ok && (p.Lots[i].ID != p.Sales[si].Lot || shuffled.Lots[j].ID != p.Sales[si].Lot) {
			t.Fatalf("SaleLot(%d) for lot %q: sorted %d %v, map %d %v", si, p.Sales[si].Lot, i, ok, j, ok2)
		}
		if ok {
			sold++
			if !sorted.OpenQuantityAt(i).Equal(sorted.OpenQuantity(p.Sales[si].Lot)) {
				t.Errorf("OpenQuantityAt(%d) differs from OpenQuantity", i)
			}
		}
	}
	if sold != len(p.Sales)-4 {
		t.Errorf("%d sales matched a lot, want %d", sold, len(p.Sales)-4)
	}
}

// TestIndexEdgeIDs checks the ids where the binary search and the map
// could part: an empty id (it sorts first), and a repeated id, which must
// send the index to the map (where the last lot of the id wins). And the
// index is a snapshot: lots and sales added later are unknown to it.
func TestIndexEdgeIDs(t *testing.T) {
	lot := func(id string) Lot { return Lot{ID: id, Quantity: dec("2")} }
	p := &Portfolio{
		Lots:  []Lot{lot(""), lot("L-1"), lot("L-2")},
		Sales: []Sale{{Lot: "", Quantity: dec("1")}, {Lot: "L-2", Quantity: dec("2")}},
	}
	ix := NewIndex(p)
	if ix.lots != nil {
		t.Fatal("ids \"\", L-1, L-2 increase: no map expected")
	}
	if i, ok := ix.LotIndex(""); !ok || i != 0 {
		t.Errorf(`LotIndex("") = %d %v, want 0 true`, i, ok)
	}
	if i, ok := ix.SaleLot(0); !ok || i != 0 || !ix.OpenQuantity("").Equal(dec("1")) {
		t.Errorf("the sale of lot \"\": lot %d %v, open %s", i, ok, ix.OpenQuantity(""))
	}

	p.Lots = append(p.Lots, lot("L-3"))
	p.Sales = append(p.Sales, Sale{Lot: "L-3", Quantity: dec("1")})
	if _, ok := ix.LotIndex("L-3"); ok {
		t.Error("a lot added after the index was built is found")
	}
	if _, ok := ix.SaleLot(2); ok {
		t.Error("a sale added after the index was built has a lot")
	}
	if !ix.Sold("L-3").IsZero() || !ix.OpenQuantity("L-3").IsZero() {
		t.Error("a lot added after the index was built has sales or units")
	}

	dup := &Portfolio{
		Lots:  []Lot{lot("L-1"), lot("L-1"), lot("L-2")},
		Sales: []Sale{{Lot: "L-1", Quantity: dec("1")}},
	}
	ix = NewIndex(dup)
	if ix.lots == nil {
		t.Fatal("a repeated id must use the map")
	}
	if i, ok := ix.LotIndex("L-1"); !ok || i != 1 {
		t.Errorf("LotIndex of a repeated id = %d %v, want the last, 1", i, ok)
	}
	if i, ok := ix.SaleLot(0); !ok || i != 1 {
		t.Errorf("SaleLot of a repeated id = %d %v, want 1", i, ok)
	}
}

// TestIndexSortedRandomIDs compares the index without a map with a plain
// map on random short ids (NUL bytes, shared prefixes of 8 bytes and more,
// ids that are prefixes of others), sales of known and unknown lots.
func TestIndexSortedRandomIDs(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	alphabet := "\x00aL-01"
	randomID := func() string {
		b := make([]byte, rng.IntN(12))
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		return string(b)
	}
	for round := range 300 {
		seen := map[string]bool{}
		var ids []string
		for range 1 + rng.IntN(40) {
			if id := randomID(); !seen[id] {
				seen[id] = true
				ids = append(ids, id)
			}
		}
		slices.Sort(ids)
		p := &Portfolio{}
		for _, id := range ids {
			p.Lots = append(p.Lots, Lot{ID: id, Quantity: dec("5")})
		}
		for range rng.IntN(60) {
			lot := randomID()
			if rng.IntN(3) > 0 {
				lot = ids[rng.IntN(len(ids))]
			}
			p.Sales = append(p.Sales, Sale{Lot: lot, Quantity: decimal.New(int64(1+rng.IntN(3)), int32(rng.IntN(3)-1))})
		}
		ix := NewIndex(p)
		if ix.lots != nil {
			t.Fatalf("round %d: sorted unique ids got a map", round)
		}
		want := map[string]decimal.Decimal{}
		for i, s := range p.Sales {
			li, ok := ix.SaleLot(i)
			if ok != seen[s.Lot] || ok && p.Lots[li].ID != s.Lot {
				t.Fatalf("round %d: SaleLot(%d) of %q = %d %v", round, i, s.Lot, li, ok)
			}
			if ok {
				want[s.Lot] = want[s.Lot].Add(s.Quantity)
			}
		}
		for _, id := range ids {
			if got := ix.Sold(id); !got.Equal(want[id]) || got.Exponent() != want[id].Exponent() {
				t.Fatalf("round %d: Sold(%q) = %s, want %s", round, id, got, want[id])
			}
		}
	}
}

// increasingIDs returns n lots with increasing ids (L-0001 ...) and about
// n/10 sales of random lots, for the index tests.
func increasingIDs(n int, seed uint64) *Portfolio {
	r := rand.New(rand.NewPCG(seed, seed))
	p := &Portfolio{}
	for i := range n {
		p.Lots = append(p.Lots, Lot{ID: fmt.Sprintf("L-%04d", i+1), Collection: "c", TokenID: fmt.Sprint(r.IntN(50)),
			Quantity: dec("3"), Acquired: MustDate("2024-01-01").AddDays(i % 700)})
	}
	for i := range n / 10 {
		p.Sales = append(p.Sales, Sale{ID: fmt.Sprintf("S-%04d", i+1), Lot: fmt.Sprintf("L-%04d", 1+r.IntN(n)),
			Quantity: dec("1"), Date: MustDate("2026-01-01")})
	}
	return p
}
