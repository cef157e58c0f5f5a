package cli

import (
	"fmt"
	"io"
	"testing"

	"nftharvest/portfolio"
	"nftharvest/taxrules"
)

// benchAnalysis analyses a synthetic portfolio of n lots (setup, untimed).
func benchAnalysis(b *testing.B, n int) *taxrules.Analysis {
	b.Helper()
	p := portfolio.Synthetic(n, 1)
	a, err := taxrules.Analyze(p, portfolio.MustDate(portfolio.SyntheticToday))
	if err != nil {
		b.Fatal(err)
	}
	return a
}

// BenchmarkReportJSON measures the presentation part of
// "report --format json" (the analysis is done once, outside the timer).
func BenchmarkReportJSON(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		b.Run(fmt.Sprintf("%dlots", n), func(b *testing.B) {
			a := benchAnalysis(b, n)
			realized := realizedIn(a, a.TaxYear)
			sum := a.Summary(a.TaxYear)
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				if err := writeReportJSON(io.Discard, a, a.TaxYear, 0, nil, realized, sum); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkReportTop40 measures the presentation part of "report --top 40"
// (issue 7): picking the 40 largest losses and printing the table.
func BenchmarkReportTop40(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		b.Run(fmt.Sprintf("%dlots", n), func(b *testing.B) {
			a := benchAnalysis(b, n)
			realized := realizedIn(a, a.TaxYear)
			sum := a.Summary(a.TaxYear)
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				lots := largestLosses(a.Lots, 40)
				if err := reportTable(io.Discard, "p.json", a, a.TaxYear, 40, lots, realized, sum); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
