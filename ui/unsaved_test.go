package ui

import (
	"strings"
	"testing"
)

// TestSuggestAsksBeforeReplacingTheBasket: H with a basket (an edited
// price) asks; esc keeps the basket and its price, enter replaces it.
func TestSuggestAsksBeforeReplacingTheBasket(t *testing.T) {
	h := newHarness(t, 120, 40, "", nil)
	h.gotoLot("L-0003")
	h.keys("space", "e")
	h.typeText("12")
	h.keys("enter", "H")
	if h.m.dialog == nil || h.m.dialog.kind != dlgReplaceBasket {
		t.Fatal("H with a basket should ask")
	}
	if s := h.screen(); !strings.Contains(s, "Replace the basket?") || !strings.Contains(s, "1 with an edited price") {
		t.Errorf("dialog:\n%s", s)
	}
	h.keys("esc")
	if it, ok := h.m.basket.item("L-0003"); !ok || it.price == nil || h.m.basket.len() != 1 {
		t.Fatal("esc should keep the basket and its edited price")
	}
	h.keys("H", "enter")
	if h.m.dialog != nil || h.m.basket.len() == 0 || h.m.basket.has("L-0003") && h.m.basket.len() == 1 {
		t.Errorf("enter should replace the basket: %d lots", h.m.basket.len())
	}
	if !strings.Contains(h.m.status.text, "Best harvest") {
		t.Errorf("status %q", h.m.status.text)
	}
}

// TestQuitAsksWithABasket: q with a basket asks; esc stays, enter quits.
// Without a basket q quits at once.
func TestQuitAsksWithABasket(t *testing.T) {
	h := newHarness(t, 80, 24, "", nil)
	h.keys("space", "q")
	if h.quit || h.m.dialog == nil || h.m.dialog.kind != dlgQuit {
		t.Fatal("q with a basket should ask")
	}
	if s := h.screen(); !strings.Contains(s, "Quit and drop the basket?") {
		t.Errorf("dialog:\n%s", s)
	}
	h.keys("esc")
	if h.quit || h.m.basket.len() != 1 {
		t.Fatal("esc should keep the app and the basket")
	}
	h.keys("q", "enter")
	if !h.quit {
		t.Error("enter should quit")
	}
	h2 := newHarness(t, 80, 24, "", nil)
	h2.keys("q")
	if !h2.quit {
		t.Error("q without a basket should quit")
	}
}

// TestEmptyBasketKeysSayWhy: m, e, d and f with an empty basket say so.
func TestEmptyBasketKeysSayWhy(t *testing.T) {
	for _, k := range []string{"m", "e", "d", "f"} {
		h := newHarness(t, 80, 24, "", nil)
		h.keys(k)
		if h.m.focus != focusTable || !strings.Contains(h.m.status.text, "The basket is empty") {
			t.Errorf("%s: focus %s, status %q", k, h.m.focus, h.m.status.text)
		}
		if s := h.screen(); !strings.Contains(s, "basket is empty") {
			t.Errorf("%s: the footer should say why:\n%s", k, s)
		}
	}
}

// TestStatusClearsOnTheNextKey: "Basket cleared." goes at the next key
// and the key bar is back.
func TestStatusClearsOnTheNextKey(t *testing.T) {
	h := newHarness(t, 80, 24, "", nil)
	h.keys("space", "C")
	if s := h.screen(); !strings.Contains(s, "Basket cleared.") {
		t.Fatalf("no status:\n%s", s)
	}
	h.keys("j", "space")
	s := h.screen()
	if strings.Contains(s, "Basket cleared.") || !strings.Contains(s, "mark sold") {
		t.Errorf("the status should be gone and the key bar back:\n%s", s)
	}
}
