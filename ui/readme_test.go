package ui

import (
	"os"
	"strings"
	"testing"
)

// TestReadmeListsEveryKey: every key of the key table (what ? shows) is in
// the README's key table.
func TestReadmeListsEveryKey(t *testing.T) {
	data, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	start := strings.Index(text, "| key | does |")
	if start < 0 {
		t.Fatal("README has no key table")
	}
	end := strings.Index(text[start:], "\n\n")
	table := text[start : start+end]
	shown := map[string]string{"up": "↑", "down": "↓", "pgdown": "pgdn"}
	for _, d := range keyTable {
		keys := d.keys
		if len(keys) > 4 { // a range, such as 1-9 0 a-d: its ends
			keys = []string{keys[0], keys[len(keys)-1]}
		}
		for _, k := range keys {
			if s, ok := shown[k]; ok {
				k = s
			}
			if !strings.Contains(table, "`"+k+"`") {
				t.Errorf("README's key table lacks `%s` (%s)", k, d.desc)
			}
		}
	}
}
