package portfolio

import (
	"math/rand/v2"
	"testing"
)

// TestIndexSortedMatchesMap checks that the index of a portfolio whose lot
// ids increase (binary search, sales matched in one pass) answers exactly
// as the map-based index of the same lots in another order.
func TestIndexSortedMatchesMap(t *testing.T) {
	p := Synthetic(3000, 5)
	// Sales of lots that do not exist, before, between and after the ids.
	p.Sales = append(p.Sales,
		Sale{ID: "S-x1", Lot: "A-0001", Quantity: dec("1")},
		Sale{ID: "S-x2", Lot: "L-0001x", Quantity: dec("1")},
		Sale{ID: "S-x3", Lot: "Z", Quantity: dec("1")},
		Sale{ID: "S-x4", Lot: "", Quantity: dec("1")})
	sorted := NewIndex(p)
	if sorted.lots != nil {
		t.Fatal("test setup: the lot ids of Synthetic should increase")
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
