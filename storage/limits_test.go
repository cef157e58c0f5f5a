package storage

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestControlCharactersInIDs checks that ids and references holding a
// control character (C0, DEL, C1, bidi) are refused with the path, while
// free text (a name, a note) may hold them: it is shown escaped.
func TestControlCharactersInIDs(t *testing.T) {
	tests := []struct {
		name  string
		edits []string
		want  string
	}{
		{"ESC in a token id", []string{`"token_id": "1"`, `"token_id": "\u001b]0;pwned\u0007"`},
			`p.json: lots[0].token_id: "\u001b]0;pwned\u0007" holds a control character (U+001B)`},
		{"line break in a lot id", []string{`"id": "L-1"`, `"id": "L-1\r\nL-0999 FAKE"`},
			`p.json: lots[0].id: "L-1\r\nL-0999 FAKE" holds a control character (U+000D)`},
		{"C1 in a collection id", []string{`"id": "tides"`, `"id": "tides\u009b"`, `"collection": "tides"`, `"collection": "tides\u009b"`},
			"p.json: collections[1].id: \"tides\u009b\" holds a control character (U+009B)\n" +
				"p.json: lots[1].collection: \"tides\u009b\" holds a control character (U+009B)"},
		{"bidi override in a sale id", []string{`"id": "S-1"`, `"id": "S-\u202e1"`},
			"p.json: sales[0].id: \"S-\u202e1\" holds a control character (U+202E)"},
		{"DEL in a sale's lot", []string{`"lot": "L-2", "quantity": "4"`, `"lot": "L-2\u007f", "quantity": "4"`},
			"p.json: sales[0].lot: \"L-2\u007f\" holds a control character (U+007F)"},
		{"tab in a batch", []string{`"fees": "1"}`, `"fees": "1", "batch": "B-\t1"}`},
			`p.json: sales[1].batch: "B-\t1" holds a control character (U+0009)`},
		{"bidi isolate in a token id", []string{`"token_id": "7"`, `"token_id": "\u20667"`},
			"p.json: lots[1].token_id: \"\u20667\" holds a control character (U+2066)"},
		{"free text may hold controls", []string{`"name": "Punks"`, `"name": "Punks\u001b[2J\u202e"`, `"cost": "410"`, `"cost": "410", "note": "a\nb\u009b", "tx": "\u001b", "wallet": "\u202e"`},
			""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse([]byte(edit(t, tc.edits...)), "p.json")
			if tc.want == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			problemsOf(t, err)
			if got := err.Error(); got != tc.want {
				t.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}

// TestStringLimits checks the documented limits: a note up to 64 KiB, any
// other string up to 1 KiB; one byte more is refused with the path and a
// shortened value.
func TestStringLimits(t *testing.T) {
	note := func(n int) string { return `"cost": "410", "note": "` + strings.Repeat("n", n) + `"` }
	name := func(n int) string { return `"name": "` + strings.Repeat("é", n/2) + `"` }
	tests := []struct {
		name  string
		edits []string
		want  string
	}{
		{"note at the limit", []string{`"cost": "410"`, note(MaxNoteBytes)}, ""},
		{"note over the limit", []string{`"cost": "410"`, note(MaxNoteBytes + 1)},
			`p.json: lots[1].note: "` + strings.Repeat("n", 56) + `... is 65537 bytes long; at most 65536 (64 KiB) are allowed`},
		{"name at the limit", []string{`"name": "Punks"`, name(MaxTextBytes)}, ""},
		{"name over the limit", []string{`"name": "Punks"`, name(MaxTextBytes + 2)},
			`p.json: collections[0].name: "` + strings.Repeat("é", 28) + `... is 1026 bytes long; at most 1024 (1 KiB) are allowed`},
		{"lot id over the limit", []string{`"id": "L-2"`, `"id": "` + strings.Repeat("L", 2000) + `"`, `"lot": "L-2", "quantity": "4"`, `"lot": "` + strings.Repeat("L", 2000) + `", "quantity": "4"`, `"lot": "L-2", "quantity": "6"`, `"lot": "` + strings.Repeat("L", 2000) + `", "quantity": "6"`},
			"p.json: lots[1].id: \"" + strings.Repeat("L", 56) + "... is 2000 bytes long; at most 1024 (1 KiB) are allowed\n" +
				"p.json: sales[0].lot: \"" + strings.Repeat("L", 56) + "... is 2000 bytes long; at most 1024 (1 KiB) are allowed\n" +
				"p.json: sales[1].lot: \"" + strings.Repeat("L", 56) + "... is 2000 bytes long; at most 1024 (1 KiB) are allowed"},
		{"token id, tx, wallet", []string{`"token_id": "1"`, `"token_id": "` + strings.Repeat("1", 1025) + `", "tx": "` + strings.Repeat("a", 1025) + `", "wallet": "` + strings.Repeat("w", 1025) + `"`},
			"p.json: lots[0].token_id: \"" + strings.Repeat("1", 56) + "... is 1025 bytes long; at most 1024 (1 KiB) are allowed\n" +
				"p.json: lots[0].tx: \"" + strings.Repeat("a", 56) + "... is 1025 bytes long; at most 1024 (1 KiB) are allowed\n" +
				"p.json: lots[0].wallet: \"" + strings.Repeat("w", 56) + "... is 1025 bytes long; at most 1024 (1 KiB) are allowed"},
		{"currency", []string{`"currency": "ETH"}}]`, `"currency": "` + strings.Repeat("E", 1025) + `"}}]`},
			"p.json: lots[1].value.currency: \"" + strings.Repeat("E", 56) + "... is 1025 bytes long; at most 1024 (1 KiB) are allowed"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse([]byte(edit(t, tc.edits...)), "p.json")
			if tc.want == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			problemsOf(t, err)
			if got := err.Error(); got != tc.want {
				t.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}

// TestSaveRefusesHostileIDs checks that a portfolio changed in code is
// held to the same rules when saved: the file is not written.
func TestSaveRefusesHostileIDs(t *testing.T) {
	path := filepath.Join(t.TempDir(), "p.json")
	if err := os.WriteFile(path, []byte(validBase), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	p := f.Portfolio.Clone()
	p.Lots[0].TokenID = "\x1b[2J"
	p.Lots[1].Note = strings.Repeat("x", MaxNoteBytes+1)
	err = f.Save(p, "edit")
	var inv *InvalidError
	if !errors.As(err, &inv) || len(inv.Problems) != 2 {
		t.Fatalf("Save = %v, want the two problems", err)
	}
	if data, _ := os.ReadFile(path); string(data) != validBase {
		t.Error("the file was changed")
	}
}

// TestHostileFixtures loads the shared hostile fixtures: hostile names
// and notes load (they are shown escaped), hostile ids do not.
func TestHostileFixtures(t *testing.T) {
	if _, err := Load(filepath.Join("..", "testdata", "hostile", "hostile-names.json")); err != nil {
		t.Fatalf("hostile-names.json: %v", err)
	}
	_, err := Load(filepath.Join("..", "testdata", "hostile", "hostile-invalid.json"))
	inv := problemsOf(t, err)
	var ids int
	for _, p := range inv.Problems {
		if strings.Contains(p.Message, "holds a control character") {
			ids++
		}
	}
	if ids != 6 {
		t.Errorf("got %d control-character problems, want 6:\n%v", ids, err)
	}
}
