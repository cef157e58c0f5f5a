package storage

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"sync"
	"testing"

	"nftharvest/synthetic"
)

// benchSizes are the portfolio sizes of the loading benchmarks (issue 7).
var benchSizes = []int{10_000, 100_000, 1_000_000}

var (
	benchMu    sync.Mutex
	benchFiles = map[int][]byte{}
)

// benchData returns the encoded synthetic portfolio of n lots (seed 1),
// generated once per test binary.
func benchData(b *testing.B, n int) []byte {
	benchMu.Lock()
	defer benchMu.Unlock()
	if data, ok := benchFiles[n]; ok {
		return data
	}
	data, err := Encode(synthetic.Portfolio(n, 1))
	if err != nil {
		b.Fatal(err)
	}
	benchFiles[n] = data
	return data
}

func benchName(n int) string {
	if n >= 1_000_000 {
		return fmt.Sprintf("lots=%dM", n/1_000_000)
	}
	return fmt.Sprintf("lots=%dk", n/1000)
}

// BenchmarkParse measures decoding and validating a portfolio from bytes
// in memory (Parse): MB/s of JSON and allocations per file.
func BenchmarkParse(b *testing.B) {
	// The binary loads with GC target 400 (main.go, ui.Options.LoadGCPercent).
	defer debug.SetGCPercent(debug.SetGCPercent(400))
	for _, n := range benchSizes {
		b.Run(benchName(n), func(b *testing.B) {
			if n >= 1_000_000 && testing.Short() {
				b.Skip("1M lots skipped with -short")
			}
			data := benchData(b, n)
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				if _, err := Parse(data, "bench.json"); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkLoad measures Load from a file: read, hash, decode, validate.
func BenchmarkLoad(b *testing.B) {
	// The binary loads with GC target 400 (main.go, ui.Options.LoadGCPercent).
	defer debug.SetGCPercent(debug.SetGCPercent(400))
	for _, n := range benchSizes {
		b.Run(benchName(n), func(b *testing.B) {
			if n >= 1_000_000 && testing.Short() {
				b.Skip("1M lots skipped with -short")
			}
			data := benchData(b, n)
			path := filepath.Join(b.TempDir(), "bench.json")
			if err := os.WriteFile(path, data, 0o644); err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				if _, err := Load(path); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkEncode measures writing a portfolio as JSON (the bulk of a save).
func BenchmarkEncode(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(benchName(n), func(b *testing.B) {
			if n >= 1_000_000 && testing.Short() {
				b.Skip("1M lots skipped with -short")
			}
			data := benchData(b, n)
			p, err := Parse(data, "bench.json")
			if err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				if _, err := Encode(p); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
