package ui

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// writePortfolio writes a portfolio file for a test and returns its path.
func writePortfolio(t *testing.T, data string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "p.json")
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// penguins has a collection whose name starts another's.
const penguins = `{"format": "nftharvest/portfolio", "version": 1, "tax_profile": {"tax_year": 2026},
  "collections": [{"id": "pudgy", "name": "Pudgy Penguins"}, {"id": "rods", "name": "Pudgy Penguins Rods"}],
  "lots": [{"id": "L-0001", "collection": "pudgy", "quantity": "1", "acquired": "2026-01-02", "cost": "5"},
    {"id": "L-0002", "collection": "rods", "quantity": "1", "acquired": "2026-01-02", "cost": "100"},
    {"id": "L-0003", "collection": "pudgy", "quantity": "1", "acquired": "2026-01-03", "cost": "50"}]}`

// TestCollectionDrillDownIsExact: enter on "Pudgy Penguins" shows its
// lots, not those of "Pudgy Penguins Rods"; esc clears it.
func TestCollectionDrillDownIsExact(t *testing.T) {
	h := newHarness(t, 120, 30, writePortfolio(t, penguins), nil)
	h.keys("2")
	if !h.m.current().selectID("pudgy") {
		t.Fatal("no pudgy row")
	}
	h.keys("enter")
	if h.m.tab != tabHoldings {
		t.Fatalf("tab %s", h.m.tab)
	}
	if got := h.viewIDs(); !slices.Equal(got, []string{"L-0001", "L-0003"}) && !slices.Equal(got, []string{"L-0003", "L-0001"}) {
		t.Errorf("lots of Pudgy Penguins: %v", got)
	}
	if s := h.screen(); !strings.Contains(s, "collection Pudgy Penguins") {
		t.Errorf("the header should name the collection:\n%s", s)
	}
	h.keys("esc")
	if got := len(h.viewIDs()); got != 3 {
		t.Errorf("esc: %d lots shown, want 3", got)
	}
}
