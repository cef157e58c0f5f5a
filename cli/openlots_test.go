package cli

import (
	"bufio"
	"bytes"
	"fmt"
	"path/filepath"
	"testing"

	"nftharvest/money"
	"nftharvest/portfolio"
	"nftharvest/storage"
	"nftharvest/synthetic"
	"nftharvest/taxrules"
)

// referenceOpenLots is the straightforward open-lots section of a full
// report: every lot state built, the open ones in a table, their notes,
// then the harvestable losses.
func referenceOpenLots(t *testing.T, full *taxrules.Analysis) []byte {
	t.Helper()
	var out bytes.Buffer
	b := bufio.NewWriter(&out)
	var open []*taxrules.LotState
	for i := range full.Lots {
		if full.Lots[i].OpenQuantity.IsPositive() {
			open = append(open, &full.Lots[i])
		}
	}
	if len(open) == 0 {
		b.WriteString("  none\n")
	} else {
		if err := lotTable(b, open); err != nil {
			t.Fatal(err)
		}
		washNotes(b, open)
	}
	h := full.Harvestable()
	say(b, "Harvestable today (no wash sale): short-term %s, long-term %s", amount(h.ShortTerm), amount(h.LongTerm))
	if h.Washed.Sign() != 0 {
		say(b, "  not counted: %s of losses a sale today would wash (W)", amount(h.Washed))
	}
	b.Flush()
	return out.Bytes()
}

// TestOpenLotsTableMatchesReference compares the streamed open-lots table
// (two passes over lot figures on two goroutines) with the straightforward
// one, byte for byte, on generated portfolios (above the size where the
// figures are built in several chunks), the hostile names and the test
// files, on lazy and full analyses.
func TestOpenLotsTableMatchesReference(t *testing.T) {
	type named struct {
		name string
		p    *portfolio.Portfolio
		asOf portfolio.Date
	}
	n := 9000
	if testing.Short() {
		n = 2500
	}
	var cases []named
	for seed := int64(1); seed <= 2; seed++ {
		cases = append(cases, named{fmt.Sprintf("synthetic %d", seed), synthetic.Portfolio(n, seed), portfolio.MustDate(synthetic.Today)})
	}
	for _, f := range []string{"hostile/hostile-names.json", "valid/blocks.json", "valid/small.json"} {
		file, err := storage.Load(filepath.Join("..", "testdata", f))
		if err != nil {
			t.Fatal(err)
		}
		cases = append(cases, named{f, file.Portfolio, portfolio.MustDate("2026-11-28")})
	}
	empty := synthetic.Portfolio(10, 1)
	empty.Lots, empty.Sales = nil, nil
	cases = append(cases, named{"no lots", empty, portfolio.MustDate(synthetic.Today)})
	for _, c := range cases {
		full := mustAnalyze(t, c.p, c.asOf)
		lazy, err := taxrules.AnalyzeWith(c.p, c.asOf, taxrules.Options{LazyLots: true})
		if err != nil {
			t.Fatal(err)
		}
		want := referenceOpenLots(t, full)
		for _, a := range []*taxrules.Analysis{lazy, full} {
			var out bytes.Buffer
			b := bufio.NewWriter(&out)
			if err := openLotsTable(b, a); err != nil {
				t.Fatal(err)
			}
			b.Flush()
			if !bytes.Equal(out.Bytes(), want) {
				t.Fatalf("%s (lazy %v): open lots differ at byte %d:\n%s\nwant:\n%s", c.name, a.Lots == nil,
					firstDiff(out.Bytes(), want), out.Bytes(), want)
			}
		}
	}
}

// TestGroupedAmount checks the amounts the streamed table appends against
// amount, across signs and digit counts.
func TestGroupedAmount(t *testing.T) {
	for _, c := range []int64{0, 1, -1, 5, -99, 999, 1000, -1000, 99999, 100000, 123456789, -987654321012, 1 << 60, -(1 << 60)} {
		for _, e := range []int32{-4, -2, 0, 2} {
			f := money.Fixed{C: c, E: e}
			if got, want := string(appendGroupedAmount([]byte("x"), f)), "x"+amount(f.Decimal()); got != want {
				t.Errorf("appendGroupedAmount(%s) = %q, want %q", f.Decimal(), got, want)
			}
		}
	}
}
