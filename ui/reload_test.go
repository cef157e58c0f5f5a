package ui

import (
	"os"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// TestReloadKeepsBasketAndCursor: r keeps the basket (quantity and price
// edits) and the cursor's lot in view; a lot sold meanwhile leaves the
// basket, and the status says so.
func TestReloadKeepsBasketAndCursor(t *testing.T) {
	path := samplePath(t)
	h := newHarness(t, 80, 24, path, nil)
	h.gotoLot("L-0004")
	h.keys("space", "n", "2", "enter", "e", "9", "enter")
	h.gotoLot("L-0003")
	h.keys("space")
	h.keys("G")
	lot := h.selectedLot()
	h.keys("r")
	if got := h.selectedLot(); got != lot {
		t.Errorf("cursor on %s after reload, want %s", got, lot)
	}
	if tb := h.m.current(); tb.cursor < tb.offset || tb.cursor >= tb.offset+tb.height {
		t.Errorf("cursor %d outside the window %d+%d", tb.cursor, tb.offset, tb.height)
	}
	it, ok := h.m.basket.item("L-0004")
	if h.m.basket.len() != 2 || !ok || !it.qty.Equal(decimal.NewFromInt(2)) || it.price == nil {
		t.Fatalf("basket after reload: %d lots, L-0004 %+v", h.m.basket.len(), it)
	}
	if !strings.Contains(h.m.status.text, "The basket keeps 2 lots.") {
		t.Errorf("status %q", h.m.status.text)
	}
	// L-0003 sold by someone else: it leaves the basket.
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	sold := strings.Replace(string(data), `"sales": [`, `"sales": [{"id": "S-0900", "lot": "L-0003", "quantity": "1", "date": "2026-11-27", "proceeds": "500"}, `, 1)
	if sold == string(data) {
		t.Fatal("no sales array in the sample")
	}
	if err := os.WriteFile(path, []byte(sold), 0o644); err != nil {
		t.Fatal(err)
	}
	h.keys("r")
	if h.m.basket.has("L-0003") || h.m.basket.len() != 1 || !strings.Contains(h.m.status.text, "1 lot left it") {
		t.Errorf("after L-0003 was sold: basket %d, status %q", h.m.basket.len(), h.m.status.text)
	}
}
