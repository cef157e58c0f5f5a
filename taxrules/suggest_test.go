package taxrules

import (
	"slices"
	"strings"
	"testing"

	"nftharvest/portfolio"
	"nftharvest/synthetic"

	"github.com/shopspring/decimal"
)

func suggestPortfolio() *portfolio.Portfolio {
	p := newPortfolio(2024)
	p.Rates = map[string]decimal.Decimal{"ETH": d("1000")}
	p.Collections[0].Floor = &portfolio.Price{Amount: d("0.1"), Currency: "ETH"} // $100
	p.Collections[1].Floor = &portfolio.Price{Amount: d("0.2"), Currency: "ETH"} // $200
	addLot(p, "L1", "punks", "1", "1", "2024-01-05", "1500")                     // ST -1400
	addLot(p, "L2", "punks", "2", "1", "2024-02-05", "2100")                     // ST -2000
	addLot(p, "L3", "apes", "3", "1", "2020-01-01", "5200")                      // LT -5000
	addLot(p, "L4", "punks", "4", "1", "2024-01-05", "50")                       // gain
	addLot(p, "L5", "punks", "5", "1", "2024-01-05", "1100")                     // ST -1000 but washed:
	addLot(p, "L6", "punks", "5", "1", "2024-05-20", "100")                      // bought 12 days ago
	addLot(p, "G", "apes", "9", "1", "2020-01-01", "0")
	addSale(p, "S-0001", "G", "1", "2024-03-01", "1500") // LT gain 1500
	return p
}

func TestSuggestTargetOrder(t *testing.T) {
	a := mustAnalyze(t, suggestPortfolio(), "2024-06-01")
	target := d("4500") // this year's net gain 1,500 + the $3,000 limit (IRC 1211(b))
	s := a.Suggest(&target)
	eq(t, "room", s.Room, "4500")
	var ids []string
	for _, p := range s.Picks {
		ids = append(ids, p.Lot)
	}
	// Short term first, largest loss first: L2 (-2000), L1 (-1400) reach
	// 3400; then L3 (-5000). L5 is excluded: L6 bought within 30 days.
	if len(ids) != 3 || ids[0] != "L2" || ids[1] != "L1" || ids[2] != "L3" {
		t.Fatalf("picks %v", ids)
	}
	eq(t, "total", s.Total, "-8400")
	if s.Picks[0].Term != ShortTerm || s.Picks[2].Term != LongTerm || !s.Picks[0].Quantity.Equal(d("1")) {
		t.Errorf("picks %+v", s.Picks)
	}
	if want := "short-term loss of $2,000.00; no purchase of this token in the last 30 days (1 look-alike purchase(s) of other tokens of the collection)"; s.Picks[0].Reason != want {
		t.Errorf("reason %q, want %q", s.Picks[0].Reason, want)
	}
	if want := "long-term loss of $5,000.00; no purchase of this token in the last 30 days"; s.Picks[2].Reason != want {
		t.Errorf("reason %q, want %q", s.Picks[2].Reason, want)
	}
}

// The best harvest (flat rates of the 2024 profile: 24% ordinary, 15%
// long term). Before: 1,500 of long-term gain, 225 of tax. Every candidate
// sold (-8,400) leaves a net loss of 6,900: 3,000 deducted, -720 of tax;
// 945 saved at most. L3 alone does that: 1,500 - 5,000 = -3,500, 3,000
// deducted. So the short-term lots save nothing more and are left out.
func TestSuggestBestHarvest(t *testing.T) {
	a := mustAnalyze(t, suggestPortfolio(), "2024-06-01")
	s := a.Suggest(nil)
	if len(s.Picks) != 1 || s.Picks[0].Lot != "L3" {
		t.Fatalf("picks %+v", s.Picks)
	}
	eq(t, "tax saved", s.TaxSaved, "945")
	eq(t, "L3 saves", s.Picks[0].Saves, "945")
	eq(t, "carryover added: 3,500 - 3,000", s.CarryoverAdded, "500")
	if s.Candidates != 3 {
		t.Errorf("candidates %d", s.Candidates)
	}
}

func TestSuggestExplicitTarget(t *testing.T) {
	a := mustAnalyze(t, suggestPortfolio(), "2024-06-01")
	tgt := d("1500")
	s := a.Suggest(&tgt)
	if len(s.Picks) != 1 || s.Picks[0].Lot != "L2" {
		t.Errorf("picks %+v", s.Picks)
	}
	zero := decimal.Zero
	if s := a.Suggest(&zero); len(s.Picks) != 0 {
		t.Errorf("zero target picks %+v", s.Picks)
	}
}

// With a target no set of lots reaches, Suggest returns every candidate in
// its documented order (short term, largest loss, lot id), exactly as a
// plain sort with exact comparisons would.
func TestSuggestOrderMatchesPlainSort(t *testing.T) {
	a := mustAnalyze(t, synthetic.Portfolio(5000, 2), synthetic.Today)
	huge := d("1e15")
	got := a.Suggest(&huge).Picks
	var want []*LotState
	for i := range a.Lots {
		st := &a.Lots[i]
		if st.OpenQuantity.Sign() > 0 && st.HasPrice && st.Unrealized.Sign() < 0 && len(st.WashRisk.Purchases) == 0 {
			want = append(want, st)
		}
	}
	slices.SortFunc(want, func(x, y *LotState) int {
		if x.Term != y.Term {
			return int(x.Term) - int(y.Term)
		}
		if c := x.Unrealized.Cmp(y.Unrealized); c != 0 {
			return c
		}
		return strings.Compare(x.Lot.ID, y.Lot.ID)
	})
	if len(got) != len(want) || len(want) < 100 {
		t.Fatalf("picks %d, candidates %d", len(got), len(want))
	}
	for i := range want {
		if got[i].Lot != want[i].Lot.ID {
			t.Fatalf("pick %d: %s, want %s", i, got[i].Lot, want[i].Lot.ID)
		}
	}
}

// When the year's realized losses already use the whole ordinary-income
// offset, no loss lowers the year's tax (IRC 1211(b)): the default target
// is zero and nothing is suggested; an explicit target still picks, and
// the suggestion says how much it adds to the carryover (IRC 1212(b)).
func TestSuggestNothingWhenTheOffsetIsUsed(t *testing.T) {
	p := suggestPortfolio()
	addLot(p, "X", "apes", "7", "1", "2024-01-02", "9000")
	addSale(p, "S-0002", "X", "1", "2024-02-01", "1000") // ST -8000: net -6500
	a := mustAnalyze(t, p, "2024-06-01")
	s := a.Suggest(nil)
	eq(t, "room", s.Room, "0")
	eq(t, "target", s.Target, "0")
	if len(s.Picks) != 0 {
		t.Fatalf("picks %+v with nothing left to offset", s.Picks)
	}
	// Net -6,500: 3,000 offsets income, 3,500 carries over.
	eq(t, "carryover", s.Carryover, "3500")
	target := d("1000")
	s = a.Suggest(&target)
	if len(s.Picks) != 1 || s.Picks[0].Lot != "L2" {
		t.Fatalf("picks %+v", s.Picks)
	}
	eq(t, "carryover added", s.CarryoverAdded, "2000")
}

// Partly used offset: a net loss of 1,000 leaves 2,000 of the limit.
func TestSuggestRoomIsWhatIsLeftOfTheLimit(t *testing.T) {
	p := suggestPortfolio()
	addLot(p, "X", "apes", "7", "1", "2024-01-02", "3500")
	addSale(p, "S-0002", "X", "1", "2024-02-01", "1000") // ST -2500: net -1000
	a := mustAnalyze(t, p, "2024-06-01")
	s := a.Suggest(nil)
	eq(t, "room", s.Room, "2000")
	if len(s.Picks) != 1 || s.Picks[0].Lot != "L2" {
		t.Fatalf("picks %+v", s.Picks)
	}
	eq(t, "carryover added (2,000 of loss, 2,000 of room)", s.CarryoverAdded, "0")
}

// Harvestable counts only the losses a sale today would realize: L5's loss
// would be washed by L6, bought 12 days before (IRC 1091(a)), so it is
// shown apart.
func TestHarvestableLeavesOutWashedLosses(t *testing.T) {
	a := mustAnalyze(t, suggestPortfolio(), "2024-06-01")
	h := a.Harvestable()
	eq(t, "short term (L1, L2)", h.ShortTerm, "-3400")
	eq(t, "long term (L3)", h.LongTerm, "-5000")
	eq(t, "washed if sold (L5)", h.Washed, "-1000")
}
