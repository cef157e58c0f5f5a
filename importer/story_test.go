package importer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"nftharvest/portfolio"
)

const (
	alice = "0xa11ce00000000000000000000000000000000001"
	vault = "0xa11ce00000000000000000000000000000000002"
)

var storyFiles = []string{"nft-transfers.csv", "nft-transfers-vault.csv", "transactions.csv", "internal.csv", "erc20.csv"}

func readStory(t testing.TB) *Data {
	t.Helper()
	d := &Data{}
	for _, name := range storyFiles {
		f, err := os.Open(filepath.Join("..", "testdata", "import", name))
		if err != nil {
			t.Fatal(err)
		}
		err = d.Read(name, f)
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	return d
}

func newYork(t testing.TB) *time.Location {
	loc, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skip("no time zone data:", err)
	}
	return loc
}

func emptyPortfolio() *portfolio.Portfolio {
	return &portfolio.Portfolio{Format: portfolio.Format, Version: 1, BaseCurrency: "USD", TaxProfile: portfolio.DefaultTaxProfile(2026)}
}

// The story of docs/import.md imports to the hand-checked lots and sales.
func TestStoryPlan(t *testing.T) {
	d := readStory(t)
	kinds := []Kind{NFTTransfers, NFTTransfers, NormalTxs, InternalTxs, TokenTransfers}
	for i, f := range d.Files {
		if f.Kind != kinds[i] {
			t.Errorf("%s read as %s, want %s", f.Name, f.Kind, kinds[i])
		}
	}
	pl := Build(emptyPortfolio(), d, Options{Own: []string{strings.ToUpper(alice), vault}, Loc: newYork(t)})
	type lot struct{ id, coll, token, qty, acquired, cost, fees, wallet string }
	want := []lot{
		{"L-0001", "pixel-owls", "101", "1", "2025-03-10", "100", "4", alice},
		{"L-0002", "chrome-koi", "7", "1", "2025-06-15", "3000", "7.5", alice},
		{"L-0003", "chrome-koi", "12", "1", "2025-08-20", "2400", "7.5", alice},
		{"L-0004", "void-runners", "1", "1", "2025-10-05", "333.33", "3.33", alice},
		{"L-0005", "void-runners", "2", "1", "2025-10-05", "333.33", "3.33", vault},
		{"L-0006", "void-runners", "3", "1", "2025-10-05", "333.34", "3.34", alice},
		{"L-0007", "tide-editions", "42", "5", "2026-03-01", "500", "2", alice},
		{"L-0008", "tide-editions", "42", "1", "2026-04-01", "50", "1", alice},
		{"L-0009", "free-frogs", "9", "1", "2026-04-10", "0", "0", alice},
	}
	if len(pl.Lots) != len(want) {
		t.Fatalf("%d lots, want %d: %+v", len(pl.Lots), len(want), pl.Lots)
	}
	for i, w := range want {
		l := pl.Lots[i]
		got := lot{l.ID, l.Collection, l.TokenID, l.Quantity.String(), l.Acquired.String(), l.Cost.String(), l.Fees.String(), l.Wallet}
		if got != w || l.Batch != "B-0001" || l.Tx == "" {
			t.Errorf("lot %d = %+v (batch %q, tx %q), want %+v", i, got, l.Batch, l.Tx, w)
		}
	}
	if !strings.HasPrefix(pl.Lots[8].Note, "review:") || pl.Lots[0].Note != "" {
		t.Errorf("only the airdrop is marked for review: notes %q, %q", pl.Lots[8].Note, pl.Lots[0].Note)
	}
	type sale struct{ id, lot, qty, date, proceeds, fees string }
	wantS := []sale{
		{"S-0001", "L-0004", "1", "2025-12-31", "300", "0"}, // 00:30 UTC on 1 January is 31 December in New York
		{"S-0002", "L-0002", "1", "2026-02-14", "1680", "0"},
		{"S-0003", "L-0007", "2", "2026-03-20", "150", "1.2"},
	}
	if len(pl.Sales) != len(wantS) {
		t.Fatalf("%d sales, want %d: %+v", len(pl.Sales), len(wantS), pl.Sales)
	}
	for i, w := range wantS {
		s := pl.Sales[i]
		got := sale{s.ID, s.Lot, s.Quantity.String(), s.Date.String(), s.Proceeds.String(), s.Fees.String()}
		if got != w || s.Batch != "B-0001" {
			t.Errorf("sale %d = %+v, want %+v", i, got, w)
		}
	}
	if len(pl.Collections) != 5 || pl.Collections[3].ID != "tide-editions" || pl.Collections[3].Standard != "ERC-1155" ||
		pl.Collections[0].Chain != "ethereum" || pl.Collections[0].Contract != "0x0000000000000000000000000000000000000101" {
		t.Errorf("collections = %+v", pl.Collections)
	}
	if pl.Failed != 1 || len(pl.Moves) != 1 || pl.Moves[0].Lot != "L-0005" || pl.Moves[0].Existing {
		t.Errorf("failed %d, moves %+v", pl.Failed, pl.Moves)
	}
	if len(pl.Review) != 1 || !strings.Contains(pl.Review[0].What, "airdrop") {
		t.Errorf("review = %+v", pl.Review)
	}
	if pl.Cost.String() != "7050" || pl.LotFees.String() != "32" || pl.Proceeds.String() != "2130" || pl.SaleFees.String() != "1.2" {
		t.Errorf("totals cost %s fees %s proceeds %s sale fees %s", pl.Cost, pl.LotFees, pl.Proceeds, pl.SaleFees)
	}

	// In UTC the sale of 1 January stays in the new year.
	utc := Build(emptyPortfolio(), d, Options{Own: []string{alice, vault}, Loc: time.UTC})
	if got := utc.Sales[0].Date.String(); got != "2026-01-01" {
		t.Errorf("in UTC the first sale is dated %s, want 2026-01-01", got)
	}

	// Applied, a second import of the same files adds nothing.
	p := emptyPortfolio()
	pl.Apply(p)
	again := Build(p, d, Options{Own: []string{alice, vault}, Loc: newYork(t)})
	if again.Changes() || len(again.Lots)+len(again.Sales)+len(again.Collections) != 0 || again.Batch != "B-0002" {
		t.Errorf("second import adds %d lots, %d sales, %d collections, moves %+v", len(again.Lots), len(again.Sales), len(again.Collections), again.Moves)
	}
	if again.Known != 13 {
		t.Errorf("second import knows %d transfers, want 13 (9 lots, 3 sales, 1 move)", again.Known)
	}
}

// Without the vault declared as the user's own, the move is a gift to
// review, and nothing is recorded for it.
func TestUndeclaredWalletIsReviewed(t *testing.T) {
	pl := Build(emptyPortfolio(), readStory(t), Options{Own: []string{alice}, Loc: time.UTC})
	if len(pl.Moves) != 0 || len(pl.Review) != 2 || !strings.Contains(pl.Review[1].What, "nothing received") ||
		!strings.Contains(pl.Review[1].Do, "--address "+vault) {
		t.Errorf("moves %+v, review %+v", pl.Moves, pl.Review)
	}
}
