package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"nftharvest/portfolio"
	"nftharvest/storage"
	"nftharvest/synthetic"
	"nftharvest/taxrules"
)

// benchAnalysis analyses a synthetic portfolio of n lots (setup, untimed).
func benchAnalysis(b *testing.B, n int) *taxrules.Analysis {
	b.Helper()
	p := synthetic.Portfolio(n, 1)
	a, err := taxrules.Analyze(p, portfolio.MustDate(synthetic.Today))
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
// (issue 7): picking the 40 largest losses (taxrules.LargestLosses on an
// analysis without lot states, as the command does) and printing the table.
func BenchmarkReportTop40(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		b.Run(fmt.Sprintf("%dlots", n), func(b *testing.B) {
			a, err := taxrules.AnalyzeWith(synthetic.Portfolio(n, 1), portfolio.MustDate(synthetic.Today),
				taxrules.Options{LazyLots: true})
			if err != nil {
				b.Fatal(err)
			}
			realized := realizedIn(a, a.TaxYear)
			sum := a.Summary(a.TaxYear)
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				lots := pointers(a.LargestLosses(40))
				if err := reportTable(io.Discard, "p.json", a, a.TaxYear, 40, lots, realized, sum); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// benchFile writes the synthetic portfolio of n lots (what "demo --lots n"
// writes) to a temporary file once per benchmark and returns its path.
func benchFile(b *testing.B, n int) string {
	b.Helper()
	data, err := storage.Encode(synthetic.Portfolio(n, 1))
	if err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(b.TempDir(), fmt.Sprintf("d%d.json", n))
	if err := os.WriteFile(path, data, 0o644); err != nil {
		b.Fatal(err)
	}
	runtime.GC()
	return path
}

// benchCommand runs one command on generated files of 100k and 1M lots
// (1M skipped with -short): the whole process minus its start, loading
// included, as of the synthetic portfolios' "today".
func benchCommand(b *testing.B, args ...string) {
	for _, n := range []int{100_000, 1_000_000} {
		b.Run(fmt.Sprintf("lots=%d", n), func(b *testing.B) {
			if n >= 1_000_000 && testing.Short() {
				b.Skip("1M lots in -short mode")
			}
			path := benchFile(b, n)
			env := Env{Today: portfolio.MustDate(synthetic.Today)}
			argv := append(append([]string{}, args...), "--portfolio", path)
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				if code := Run(argv, io.Discard, io.Discard, env); code != 0 {
					b.Fatalf("%v: exit status %d", argv, code)
				}
			}
		})
	}
}

// BenchmarkCommandReportTop40 is "nftharvest report --top 40" (issue 7
// targets: 0.5 s at 100k, 5 s at 1M, whole process).
func BenchmarkCommandReportTop40(b *testing.B) { benchCommand(b, "report", "--top", "40") }

// BenchmarkCommandValidate is "nftharvest validate" (issue 7 targets:
// 0.35 s at 100k, 3.5 s at 1M, whole process).
func BenchmarkCommandValidate(b *testing.B) { benchCommand(b, "validate") }

// BenchmarkCommandReportJSON is "nftharvest report --format json", every
// lot (issue 17: within 2x the time of validate at 1M).
func BenchmarkCommandReportJSON(b *testing.B) { benchCommand(b, "report", "--format", "json") }

// BenchmarkCommandSuggest is "nftharvest suggest", the best harvest
// (issue 17).
func BenchmarkCommandSuggest(b *testing.B) { benchCommand(b, "suggest") }

// BenchmarkCommandExport is "nftharvest export", Form 8949 CSV (issue 17).
func BenchmarkCommandExport(b *testing.B) { benchCommand(b, "export") }

// BenchmarkCommandReportTable is "nftharvest report", the table of every
// open lot (issue 17: streamed, no lot state kept).
func BenchmarkCommandReportTable(b *testing.B) { benchCommand(b, "report") }

// BenchmarkCommandSuggestGains is "nftharvest suggest --gains" (issue 17).
func BenchmarkCommandSuggestGains(b *testing.B) { benchCommand(b, "suggest", "--gains") }
