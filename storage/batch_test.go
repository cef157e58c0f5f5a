package storage

import (
	"strings"
	"testing"
)

// The batch of an imported lot and collection is read, written back in its
// documented place (before unknown members) and loads again the same.
func TestLotAndCollectionBatchRoundTrip(t *testing.T) {
	in := `{"format": "nftharvest/portfolio", "version": 1, "tax_profile": {"tax_year": 2026},
  "collections": [{"id": "c", "batch": "B-0001", "tags": ["x"]}],
  "lots": [{"id": "L-1", "collection": "c", "quantity": "1", "acquired": "2026-01-02", "cost": "5", "batch": "B-0001", "memo": 1}]}`
	p := mustParse(t, []byte(in))
	if p.Lots[0].Batch != "B-0001" || p.Collections[0].Batch != "B-0001" {
		t.Fatalf("batch not read: lot %q, collection %q", p.Lots[0].Batch, p.Collections[0].Batch)
	}
	out := string(mustEncode(t, p))
	for _, want := range []string{`"standard": "ERC-721", "batch": "B-0001", "tags": ["x"]}`, `"fees": "0", "batch": "B-0001", "memo": 1}`} {
		if !strings.Contains(out, want) {
			t.Errorf("encoded file lacks %s:\n%s", want, out)
		}
	}
	again := mustParse(t, []byte(out))
	if again.Lots[0].Batch != "B-0001" || again.Collections[0].Batch != "B-0001" || string(mustEncode(t, again)) != out {
		t.Errorf("second round trip differs")
	}
	_, err := Parse([]byte(strings.Replace(in, `"batch": "B-0001", "memo"`, `"batch": "B-0001", "batch": 3, "memo"`, 1)), "f.json")
	if err == nil || !strings.Contains(err.Error(), "lots[0].batch: duplicate member name") {
		t.Errorf("duplicate lot batch: err = %v", err)
	}
}
