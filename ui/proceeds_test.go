package ui

import (
	"strings"
	"testing"
)

// TestProceedsAreLabelled: the undo dialog shows the gross, the fees and
// the net of a sale; the Realized tab says its proceeds are net.
func TestProceedsAreLabelled(t *testing.T) {
	data := `{"format": "nftharvest/portfolio", "version": 1, "tax_profile": {"tax_year": 2026},
  "collections": [{"id": "owls"}],
  "lots": [{"id": "L-0001", "collection": "owls", "quantity": "5", "acquired": "2026-01-02", "cost": "100"}],
  "sales": [{"id": "S-0001", "lot": "L-0001", "quantity": "5", "date": "2026-10-27", "proceeds": "52.00", "fees": "4.00", "batch": "B-0001"}]}`
	h := newHarness(t, 120, 30, writePortfolio(t, data), nil)
	h.keys("u")
	if s := h.screen(); !strings.Contains(s, "gross 52.00 − fees 4.00 = net 48.00") {
		t.Errorf("undo dialog:\n%s", s)
	}
	h.keys("esc", "3")
	if s := h.screen(); !strings.Contains(s, "Net proceeds") || !strings.Contains(s, "48.00") {
		t.Errorf("realized tab:\n%s", s)
	}
}
