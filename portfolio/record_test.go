package portfolio

import (
	"slices"
	"testing"

	"github.com/shopspring/decimal"
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func TestNextID(t *testing.T) {
	ids := []string{"S-0001", "S-0009", "manual", "S-abc", "B-0042"}
	if got := NextID("S", slices.Values(ids)); got != "S-0010" {
		t.Errorf("NextID(S) = %q, want S-0010", got)
	}
	if got := NextID("B", slices.Values(ids)); got != "B-0043" {
		t.Errorf("NextID(B) = %q, want B-0043", got)
	}
	if got := NextID("X", slices.Values(ids)); got != "X-0001" {
		t.Errorf("NextID(X) = %q, want X-0001", got)
	}
}

func TestRecordAndUndoBatches(t *testing.T) {
	p := &Portfolio{
		Lots:  []Lot{{ID: "L-1", Quantity: dec("3")}, {ID: "L-2", Quantity: dec("1")}},
		Sales: []Sale{{ID: "S-0001", Lot: "L-1", Quantity: dec("1")}},
	}
	before := slices.Clone(p.Sales)

	b1, rec1 := p.RecordSales([]Sale{{Lot: "L-1", Quantity: dec("1")}, {Lot: "L-2", Quantity: dec("1")}})
	if b1 != "B-0001" || len(rec1) != 2 || rec1[0].ID != "S-0002" || rec1[1].ID != "S-0003" {
		t.Fatalf("first batch = %q %+v", b1, rec1)
	}
	b2, rec2 := p.RecordSales([]Sale{{Lot: "L-1", Quantity: dec("1")}})
	if b2 != "B-0002" || rec2[0].ID != "S-0004" || rec2[0].Batch != "B-0002" {
		t.Fatalf("second batch = %q %+v", b2, rec2)
	}
	if got := NewIndex(p).OpenQuantity("L-1"); !got.IsZero() {
		t.Errorf("open L-1 = %s, want 0", got)
	}

	if removed := p.UndoLastBatch(); len(removed) != 1 || removed[0].ID != "S-0004" {
		t.Fatalf("undo removed %+v", removed)
	}
	if removed := p.UndoLastBatch(); len(removed) != 2 {
		t.Fatalf("second undo removed %+v", removed)
	}
	if !slices.EqualFunc(p.Sales, before, func(a, b Sale) bool { return a.ID == b.ID }) {
		t.Errorf("after undoing both batches sales = %+v, want %+v", p.Sales, before)
	}
	if removed := p.UndoLastBatch(); removed != nil {
		t.Errorf("undo of a hand-entered sale removed %+v", removed)
	}
}

func TestIndexPricesAndCollectible(t *testing.T) {
	yes, no := true, false
	p := &Portfolio{
		BaseCurrency: "USD",
		Rates:        map[string]decimal.Decimal{"ETH": dec("3000")},
		TaxProfile:   TaxProfile{CollectibleDefault: true},
		Collections: []Collection{
			{ID: "c1", Name: "One", Floor: &Price{Amount: dec("0.5"), Currency: "ETH"}, Collectible: &no},
			{ID: "c2", Floor: &Price{Amount: dec("1"), Currency: "SOL"}},
		},
		Lots: []Lot{
			{ID: "a", Collection: "c1", Quantity: dec("2")},
			{ID: "b", Collection: "c1", Quantity: dec("1"), Value: &Price{Amount: dec("125.5"), Currency: "USD"}, Collectible: &yes},
			{ID: "c", Collection: "c2", Quantity: dec("1")},
		},
	}
	ix := NewIndex(p)
	if v, _, ok := ix.UnitPrice("a"); !ok || !v.Equal(dec("1500")) {
		t.Errorf("floor price = %s %v, want 1500", v, ok)
	}
	if v, _, ok := ix.UnitPrice("b"); !ok || !v.Equal(dec("125.5")) {
		t.Errorf("override price = %s %v, want 125.5", v, ok)
	}
	if _, _, ok := ix.UnitPrice("c"); ok {
		t.Error("a floor in a currency without a rate must have no price")
	}
	if ix.Collectible("a") || !ix.Collectible("b") || !ix.Collectible("c") {
		t.Error("collectible should follow lot, then collection, then profile default")
	}
	if ix.CollectionName("c2") != "c2" || ix.CollectionName("c1") != "One" {
		t.Error("CollectionName should fall back to the id")
	}
}

func TestAsOf(t *testing.T) {
	p := &Portfolio{
		Lots: []Lot{
			{ID: "old", Quantity: dec("25"), Acquired: MustDate("2022-03-15")},
			{ID: "new", Quantity: dec("1"), Acquired: MustDate("2025-01-22")},
		},
		Sales: []Sale{
			{ID: "S-1", Lot: "old", Quantity: dec("10"), Date: MustDate("2022-06-20")},
			{ID: "S-2", Lot: "old", Quantity: dec("5"), Date: MustDate("2026-05-18")},
		},
	}
	q := p.AsOf(MustDate("2022-12-31"))
	if len(q.Lots) != 1 || q.Lots[0].ID != "old" || len(q.Sales) != 1 || q.Sales[0].ID != "S-1" {
		t.Errorf("as of 2022-12-31: lots %v, sales %v", q.Lots, q.Sales)
	}
	if got := NewIndex(q).OpenQuantity("old"); !got.Equal(dec("15")) {
		t.Errorf("open quantity as of 2022-12-31 = %s, want 15", got)
	}
	if len(p.Lots) != 2 || len(p.Sales) != 2 || p.Sales[1].ID != "S-2" {
		t.Error("AsOf changed the original portfolio")
	}
	if p.AsOf(MustDate("2026-11-28")) != p {
		t.Error("with nothing later than the date, AsOf should return the portfolio itself")
	}
}

func TestCompareIDs(t *testing.T) {
	ordered := []string{"L-2", "L-10", "S-0001", "S-0002", "S-9999", "S-10000", "S-10001", "manual", "manual-2"}
	for i := range ordered {
		for j := range ordered {
			got := CompareIDs(ordered[i], ordered[j])
			if want := cmpInt(i, j); got != want {
				t.Errorf("CompareIDs(%q, %q) = %d, want %d", ordered[i], ordered[j], got, want)
			}
		}
	}
	if CompareIDs("S-01", "S-1") == 0 {
		t.Error("different ids must not compare equal")
	}
}

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
