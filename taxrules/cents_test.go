package taxrules

import "testing"

// Pro-rata pieces are rounded to the cent at the split and the last piece
// takes the remainder (docs/tax-rules.md, "Rounding"), so every amount is
// whole cents and a sale's columns add up exactly.
func TestSplitsAreWholeCentsAndAddUp(t *testing.T) {
	p := newPortfolio(2026)
	addLot(p, "A", "punks", "7", "8", "2025-03-02", "2685.00")
	addLot(p, "R", "punks", "7", "3", "2026-11-10", "387.60")
	addLot(p, "T", "apes", "1", "3", "2025-01-01", "100.00")
	addSale(p, "S-0001", "A", "8", "2026-11-28", "1058.48") // loss 1626.52, 3 of 8 units replaced by R
	addSale(p, "S-0002", "T", "1", "2026-06-01", "50.00")
	addSale(p, "S-0003", "T", "1", "2026-06-02", "50.00")
	a := mustAnalyze(t, p, "2026-11-28")

	s := salesOf(a, "S-0001")[0]
	eq(t, "gain/loss", s.GainLoss, "-1626.52")
	eq(t, "disallowed (3/8 of 1626.52 = 609.945, half away from zero)", s.Disallowed, "609.95")
	eq(t, "recognized", s.Recognized, "-1016.57")
	eq(t, "replacement basis", lotState(t, a, "R").AdjustedBasis, "997.55")

	eq(t, "first third of 100.00", salesOf(a, "S-0002")[0].CostBasis, "33.33")
	// The second sale takes half of the 66.67 left: 33.335 rounds to 33.34.
	eq(t, "second third", salesOf(a, "S-0003")[0].CostBasis, "33.34")
	eq(t, "the open remainder", lotState(t, a, "T").AdjustedBasis, "33.33")
}
