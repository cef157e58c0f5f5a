package portfolio

import "testing"

// An import batch adds a collection, lots and a sale; undo removes all of
// it, keeps a collection a later hand-made lot still uses, and the next
// batch id counts the lots' batches too.
func TestUndoBatchRemovesImportedLotsAndCollections(t *testing.T) {
	p := &Portfolio{
		Collections: []Collection{{ID: "hand"}, {ID: "imp", Batch: "B-0002"}, {ID: "imp2", Batch: "B-0002"}},
		Lots: []Lot{
			{ID: "L-0001", Collection: "hand", Quantity: dec("1")},
			{ID: "L-0002", Collection: "imp", Quantity: dec("1"), Batch: "B-0002"},
			{ID: "L-0003", Collection: "imp2", Quantity: dec("1"), Batch: "B-0002"},
			{ID: "L-0004", Collection: "imp2", Quantity: dec("1")},
		},
		Sales: []Sale{
			{ID: "S-0001", Lot: "L-0001", Quantity: dec("1"), Batch: "B-0001"},
			{ID: "S-0002", Lot: "L-0002", Quantity: dec("1"), Batch: "B-0002"},
		},
	}
	if got := p.NextBatch(); got != "B-0003" {
		t.Errorf("NextBatch = %q, want B-0003", got)
	}
	if b, sales := p.LastBatch(); b != "B-0002" || len(sales) != 1 {
		t.Fatalf("LastBatch = %q %v", b, sales)
	}
	b := p.UndoBatch()
	if b.ID != "B-0002" || len(b.Lots) != 2 || len(b.Sales) != 1 || len(b.Collections) != 1 || b.Collections[0].ID != "imp" {
		t.Fatalf("UndoBatch = %+v", b)
	}
	if len(p.Lots) != 2 || len(p.Sales) != 1 || len(p.Collections) != 2 || p.Collections[1].ID != "imp2" {
		t.Fatalf("after undo: %d lots, %d sales, collections %+v", len(p.Lots), len(p.Sales), p.Collections)
	}
	if b, _ := p.LastBatch(); b != "B-0001" {
		t.Errorf("next batch to undo = %q, want B-0001", b)
	}
}
