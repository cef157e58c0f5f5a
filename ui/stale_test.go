package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The header warns about prices in use older than 7 days (the sample's
// floor of Atelier Meridian and the value of L-0011 are 8 days old on the
// test's today) when the terminal is wide enough, shortening the warning
// before anything else, and drops it last of all only when it must.
func TestHeaderWarnsAboutStalePrices(t *testing.T) {
	h := newHarness(t, 230, 40, "", nil)
	if got := h.m.headerLine(230); !strings.Contains(got, "⚠ 2 price(s) older than 7 days (oldest: a floor, 8 days)") {
		t.Errorf("wide header: %q", got)
	}
	if got := h.m.headerLine(140); !strings.Contains(got, "⚠ 2 stale price(s)") && !strings.Contains(got, "⚠ stale") {
		t.Errorf("140-column header: %q", got)
	}
	if got := h.m.headerLine(90); strings.Contains(got, "⚠") {
		t.Errorf("90-column header keeps the warning over the rest: %q", got)
	}
}

// u on an imported batch says that its lots and new collections go too,
// and undoing it removes them from the saved portfolio.
func TestUndoOfAnImportSaysLotsGoToo(t *testing.T) {
	path := filepath.Join(t.TempDir(), "p.json")
	data := `{"format": "nftharvest/portfolio", "version": 1, "tax_profile": {"tax_year": 2026},
  "collections": [{"id": "hand"}, {"id": "owls", "batch": "B-0001"}],
  "lots": [{"id": "L-0001", "collection": "hand", "quantity": "1", "acquired": "2026-01-02", "cost": "5"},
    {"id": "L-0002", "collection": "owls", "quantity": "1", "acquired": "2026-01-02", "cost": "100", "batch": "B-0001"},
    {"id": "L-0003", "collection": "owls", "quantity": "1", "acquired": "2026-01-03", "cost": "50", "batch": "B-0001"}],
  "sales": [{"id": "S-0001", "lot": "L-0002", "quantity": "1", "date": "2026-02-01", "proceeds": "60", "batch": "B-0001"}]}`
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	h := newHarness(t, 120, 40, path, nil)
	h.keys("u")
	if s := h.screen(); !strings.Contains(s, "Undo B-0001?") || !strings.Contains(s, "and the 2 lots and 1 new collection this import added.") {
		t.Fatalf("undo dialog:\n%s", s)
	}
	h.keys("enter", "enter") // a batch of the file: asked twice
	if len(h.store.saved) != 1 {
		t.Fatal("undo not saved")
	}
	if p := h.store.saved[0]; len(p.Lots) != 1 || len(p.Sales) != 0 || len(p.Collections) != 1 {
		t.Errorf("after undo: %d lots, %d sales, %d collections", len(p.Lots), len(p.Sales), len(p.Collections))
	}
}
