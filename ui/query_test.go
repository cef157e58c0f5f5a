package ui

import (
	"strings"
	"testing"
)

// TestFilterTokens: / takes tokens with text; the rows pass every one.
func TestFilterTokens(t *testing.T) {
	h := newHarness(t, 120, 40, "", nil)
	h.keys("/")
	h.typeText("risk:no term:short loss")
	h.keys("enter")
	ids := h.viewIDs()
	if len(ids) == 0 {
		t.Fatal("no row passes risk:no term:short loss")
	}
	for _, id := range ids {
		r, _ := h.m.data.hold.rowOf(id)
		x := &h.m.data.hold.rows[r]
		if x.wash&washRisk != 0 || x.unreal >= 0 || h.m.data.hold.state(r).DaysToLongTerm == 0 {
			t.Errorf("%s passes but is at risk, not a loss or long term", id)
		}
	}
	if s := h.screen(); !strings.Contains(s, `"risk:no term:short loss"`) {
		t.Errorf("the header should show the filter:\n%s", s)
	}
	// With text: only Ember Familiars among them.
	h.keys("/", "space")
	h.typeText("ember")
	h.keys("enter")
	for _, id := range h.viewIDs() {
		r, _ := h.m.data.hold.rowOf(id)
		if name := h.m.data.hold.state(r).CollectionName; name != "Ember Familiars" {
			t.Errorf("%s (%s) passes the text ember", id, name)
		}
	}
	q := parseQuery("risk:yes adj:no alike:maybe wallet:0xab gain lynx")
	if q.risk != 1 || q.adj != -1 || q.alike != 0 || q.wallet != "0xab" || !q.gain || q.text != "alike:maybe lynx" {
		t.Errorf("parseQuery: %+v", q)
	}
}

// TestAddAllShown: A adds every lot shown to the basket.
func TestAddAllShown(t *testing.T) {
	h := newHarness(t, 120, 40, "", nil)
	h.keys("/")
	h.typeText("risk:no term:short loss")
	h.keys("enter", "A")
	ids := h.viewIDs()
	if h.m.basket.len() != len(ids) {
		t.Fatalf("basket %d, shown %d", h.m.basket.len(), len(ids))
	}
	for _, id := range ids {
		if !h.m.basket.has(id) {
			t.Errorf("%s shown but not added", id)
		}
	}
	if !strings.Contains(h.m.status.text, "Added the") {
		t.Errorf("status %q", h.m.status.text)
	}
	h.keys("A")
	if !strings.Contains(h.m.status.text, "already in the basket") {
		t.Errorf("second A: %q", h.m.status.text)
	}
}
