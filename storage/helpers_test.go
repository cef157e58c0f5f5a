package storage

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"nftharvest/portfolio"
)

// update regenerates golden files: go test ./storage/ -update
var update = flag.Bool("update", false, "rewrite golden files in testdata")

// readTestdata returns a file of testdata/.
func readTestdata(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./storage/ -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the output (go test ./storage/ -update rewrites it):\n%s", path, firstDiff(string(want), string(got)))
	}
}

// firstDiff shows the first differing line of two texts.
func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < max(len(wl), len(gl)); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return "line " + strconv.Itoa(i+1) + ":\n want " + w + "\n got  " + g
		}
	}
	return "(same lines, different bytes)"
}

// mustParse parses JSON text that must be valid.
func mustParse(t testing.TB, data []byte) *portfolio.Portfolio {
	t.Helper()
	p, err := Parse(data, "test.json")
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return p
}

// mustEncode encodes a portfolio that must encode.
func mustEncode(t testing.TB, p *portfolio.Portfolio) []byte {
	t.Helper()
	b, err := Encode(p)
	if err != nil {
		t.Fatalf("Encode: %v", err)
	}
	return b
}

// problemsOf returns the problems of an *InvalidError, failing otherwise.
func problemsOf(t testing.TB, err error) *InvalidError {
	t.Helper()
	var inv *InvalidError
	if !errors.As(err, &inv) {
		t.Fatalf("error %v (%T) is not an *InvalidError", err, err)
	}
	return inv
}

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }
