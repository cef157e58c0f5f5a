package ui

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// TestSellPartOfALot: n sets how many units of a multi-unit lot to sell;
// the preview and the recorded sale take that quantity.
func TestSellPartOfALot(t *testing.T) {
	h := newHarness(t, 120, 40, "", nil)
	h.gotoLot("L-0004") // 40 units
	h.keys("space", "n")
	if h.m.focus != focusInput || h.m.edit.kind != editQty {
		t.Fatalf("n: no quantity input; status %q", h.m.status.text)
	}
	if s := h.screen(); !strings.Contains(s, "Units of L-0004 to sell (of 40)") {
		t.Errorf("prompt:\n%s", s)
	}
	h.typeText("0")
	if h.m.edit.err == "" {
		t.Error("0 units accepted")
	}
	h.keys("backspace")
	h.typeText("2")
	h.keys("enter")
	it, _ := h.m.basket.item("L-0004")
	if !it.qty.Equal(decimal.NewFromInt(2)) {
		t.Fatalf("quantity %s, want 2", it.qty)
	}
	if s := h.screen(); !strings.Contains(s, "L-0004 Drift Cartography #88 ×2") {
		t.Errorf("preview should sell 2 units:\n%s", s)
	}
	h.keys("m")
	if rec := h.m.dialog.write.record; len(rec) != 1 || !rec[0].Quantity.Equal(decimal.NewFromInt(2)) {
		t.Errorf("record: %+v", rec)
	}
	h.keys("esc", "n", "backspace", "5", "0", "enter")
	if !strings.Contains(h.m.status.text, "refused") {
		t.Errorf("50 of 40 units: status %q", h.m.status.text)
	}
	// A one-unit lot has nothing to split.
	h.gotoLot("L-0003")
	h.keys("space", "n")
	if h.m.focus != focusTable || !strings.Contains(h.m.status.text, "nothing to split") {
		t.Errorf("one unit: focus %s status %q", h.m.focus, h.m.status.text)
	}
}

// TestPricePlaceholderFollowsTheQuantity: with 2 of 40 units, the price
// input suggests the market value of those 2.
func TestPricePlaceholderFollowsTheQuantity(t *testing.T) {
	h := newHarness(t, 120, 40, "", nil)
	h.gotoLot("L-0004")
	h.keys("space", "n", "2", "enter", "e")
	r, _ := h.m.data.hold.rowOf("L-0004")
	want := h.m.data.hold.state(r).UnitPrice.Mul(decimal.NewFromInt(2)).StringFixed(2) + " (market value of 2)"
	if h.m.input.Placeholder != want {
		t.Errorf("placeholder %q, want %q", h.m.input.Placeholder, want)
	}
}
