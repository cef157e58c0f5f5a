package taxrules

import (
	"fmt"
	"runtime"
	"testing"

	"nftharvest/portfolio"
	"nftharvest/synthetic"

	"github.com/shopspring/decimal"
)

// cached holds the last generated portfolio. Only one is kept so that
// the garbage collector of a 100k run does not also scan a cached 1M
// portfolio (and the other way round): the live heap is what a real
// process has.
var cached struct {
	n int
	p *portfolio.Portfolio
}

func syntheticPortfolio(n int) *portfolio.Portfolio {
	if cached.n != n {
		cached.p, cached.n = nil, 0
		runtime.GC()
		cached.p, cached.n = synthetic.Portfolio(n, 1), n
	}
	return cached.p
}

var syntheticToday = portfolio.MustDate(synthetic.Today)

// BenchmarkAnalyze measures the full analysis (sales, wash sales, lot
// states, yearly totals) of synthetic portfolios (n lots, n/10 sales).
func BenchmarkAnalyze(b *testing.B) {
	for _, n := range []int{10_000, 100_000, 1_000_000} {
		b.Run(fmt.Sprintf("lots=%d", n), func(b *testing.B) {
			if n >= 1_000_000 && testing.Short() {
				b.Skip("1M lots in -short mode")
			}
			p := syntheticPortfolio(n)
			b.ReportAllocs()
			b.ResetTimer()
			cpu := cpuTime()
			for b.Loop() {
				if _, err := Analyze(p, syntheticToday); err != nil {
					b.Fatal(err)
				}
			}
			reportCPU(b, cpu)
		})
	}
}

// BenchmarkAnalyzeSummary is Analyze plus the year's summary, what a
// report computes.
func BenchmarkAnalyzeSummary(b *testing.B) {
	p := syntheticPortfolio(100_000)
	b.ReportAllocs()
	for b.Loop() {
		a, err := Analyze(p, syntheticToday)
		if err != nil {
			b.Fatal(err)
		}
		_ = a.Summary(2026)
	}
}

// BenchmarkSimulate100 is a what-if of 100 open lots at 100k lots
// (issue 7 target: 1 ms).
func BenchmarkSimulate100(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		b.Run(fmt.Sprintf("lots=%d", n), func(b *testing.B) {
			a, err := Analyze(syntheticPortfolio(n), syntheticToday)
			if err != nil {
				b.Fatal(err)
			}
			w := hundredLots(a)
			b.ReportAllocs()
			b.ResetTimer()
			cpu := cpuTime()
			for b.Loop() {
				if _, err := a.Simulate(w); err != nil {
					b.Fatal(err)
				}
			}
			reportCPU(b, cpu)
		})
	}
}

// hundredLots picks 100 open lots with a price, spread over the portfolio.
func hundredLots(a *Analysis) WhatIf {
	var w WhatIf
	step := len(a.Lots) / 100
	for i := 0; i < len(a.Lots) && len(w.Sales) < 100; i += max(1, step/3) {
		if st := &a.Lots[i]; st.OpenQuantity.Sign() > 0 && st.HasPrice {
			w.Sales = append(w.Sales, SaleRequest{Lot: st.Lot.ID, Fees: decimal.NewFromInt(2)})
		}
	}
	return w
}

// BenchmarkSuggest measures the harvest suggestion at 100k lots.
func BenchmarkSuggest(b *testing.B) {
	a, err := Analyze(syntheticPortfolio(100_000), syntheticToday)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		_ = a.Suggest(nil)
	}
}

// BenchmarkAnalyzeLargestLosses40 is what "report --top 40" computes: the
// analysis without lot states (Options.LazyLots), then the 40 largest
// losses, built on demand.
func BenchmarkAnalyzeLargestLosses40(b *testing.B) {
	for _, n := range []int{10_000, 100_000, 1_000_000} {
		b.Run(fmt.Sprintf("lots=%d", n), func(b *testing.B) {
			if n >= 1_000_000 && testing.Short() {
				b.Skip("1M lots in -short mode")
			}
			p := syntheticPortfolio(n)
			b.ReportAllocs()
			b.ResetTimer()
			cpu := cpuTime()
			for b.Loop() {
				a, err := AnalyzeWith(p, syntheticToday, Options{LazyLots: true})
				if err != nil {
					b.Fatal(err)
				}
				if got := a.LargestLosses(40); len(got) != 40 {
					b.Fatalf("%d lots", len(got))
				}
			}
			reportCPU(b, cpu)
		})
	}
}
