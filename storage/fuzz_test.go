package storage

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

// FuzzParse feeds the loader arbitrary bytes: it must never panic, must
// reject with an *InvalidError that has at least one problem, and anything
// it accepts must encode, and re-parse and re-encode to the same bytes.
func FuzzParse(f *testing.F) {
	f.Add([]byte(validBase))
	f.Add(SampleJSON())
	f.Add([]byte(`{"format": "nftharvest/portfolio", "version": 1, "tax_profile": {"tax_year": 2026}}`))
	f.Add([]byte(`{"format": "nftharvest/portfolio", "version": 1, "tax_profile": {"tax_year": 2026}, "x": {"y": [1, 2, {"z": null}]}}`))
	f.Add([]byte(edit(f, `"cost": "410"`, `"cost": 4.1e2`)))
	f.Add([]byte(`{"version": 2}`))
	f.Add([]byte(`[]`))
	f.Add([]byte(`{"lots": [{"id": "\u004c", "quantity": "1e40"}]`))
	for _, name := range []string{"full.json", "minimal.json"} {
		f.Add(readTestdata(f, name))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := Parse(data, "fuzz.json")
		if err != nil {
			var inv *InvalidError
			if !errors.As(err, &inv) || len(inv.Problems) == 0 || inv.File != "fuzz.json" {
				t.Fatalf("rejection is not an *InvalidError with problems: %v", err)
			}
			if !strings.HasPrefix(err.Error(), "fuzz.json") {
				t.Fatalf("error does not start with the file name: %q", err)
			}
			if p != nil {
				t.Fatal("a portfolio returned with an error")
			}
			return
		}
		if probs := Validate(p); probs != nil {
			t.Fatalf("accepted a portfolio that Validate rejects: %v", probs)
		}
		first, err := Encode(p)
		if err != nil {
			t.Fatalf("accepted but cannot encode: %v", err)
		}
		q, err := Parse(first, "again.json")
		if err != nil {
			t.Fatalf("encoded output does not parse: %v\n%s", err, first)
		}
		second, err := Encode(q)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(first, second) {
			t.Fatalf("re-encoding differs:\n%s", firstDiff(string(first), string(second)))
		}
	})
}
