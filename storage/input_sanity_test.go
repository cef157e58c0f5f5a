package storage

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// TestInputSanityProblems checks the refusals of fractional unique tokens
// and of decimals more precise than the format allows, with their messages.
func TestInputSanityProblems(t *testing.T) {
	tests := []struct {
		name  string
		edits []string
		want  []string // lines of InvalidError.Error(); nil: valid
	}{
		{"half an ERC-721 token",
			[]string{`"token_id": "1", "quantity": "1"`, `"token_id": "1", "quantity": "0.5"`},
			[]string{`p.json: lots[0].quantity: "0.5" is not a whole number: collection "punks" is ERC-721, whose tokens cannot be split`}},
		{"a tiny ERC-721 quantity",
			[]string{`"token_id": "1", "quantity": "1"`, `"token_id": "1", "quantity": "1e-18"`},
			[]string{`p.json: lots[0].quantity: "0.000000000000000001" is not a whole number: collection "punks" is ERC-721, whose tokens cannot be split`}},
		{"ERC-721 is the default standard",
			[]string{`"standard": "ERC-721", `, ``, `"token_id": "1", "quantity": "1"`, `"token_id": "1", "quantity": "1.25"`},
			[]string{`p.json: lots[0].quantity: "1.25" is not a whole number: collection "punks" is ERC-721, whose tokens cannot be split`}},
		{"a sale of half an ERC-721 token",
			[]string{`"token_id": "1", "quantity": "1"`, `"token_id": "1", "quantity": "2"`,
				`"lot": "L-2", "quantity": "4"`, `"lot": "L-1", "quantity": "0.5"`,
				`"lot": "L-2", "quantity": "6"`, `"lot": "L-2", "quantity": "10"`},
			[]string{`p.json: sales[0].quantity: "0.5" is not a whole number: collection "punks" is ERC-721, whose tokens cannot be split`}},
		{"whole ERC-721 quantities written with decimals", []string{`"token_id": "1", "quantity": "1"`, `"token_id": "1", "quantity": "1.00"`}, nil},
		{"ERC-1155 editions may be split", []string{`"quantity": "4"`, `"quantity": "3.5"`}, nil},
		{"18 decimal places", []string{`"cost": "410"`, `"cost": "410.123456789012345678"`}, nil},
		{"19 decimal places",
			[]string{`"cost": "410"`, `"cost": "410.1234567890123456789"`, `"quantity": "4"`, `"quantity": 4.0000000000000000000`, `"amount": "0.42"`, `"amount": "42e-20"`},
			[]string{
				`p.json: collections[0].floor.amount: "42e-20" has more than 18 decimal places`,
				`p.json: lots[1].cost: "410.1234567890123456789" has more than 18 decimal places`,
				`p.json: sales[0].quantity: 4.0000000000000000000 has more than 18 decimal places`,
			}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse([]byte(edit(t, tc.edits...)), "p.json")
			if tc.want == nil {
				if err != nil {
					t.Fatalf("unexpected error:\n%v", err)
				}
				return
			}
			if err == nil {
				t.Fatalf("accepted; want\n%s", strings.Join(tc.want, "\n"))
			}
			if got, want := err.Error(), strings.Join(tc.want, "\n"); got != want {
				t.Errorf("got\n%s\nwant\n%s", got, want)
			}
		})
	}
}

// TestValidateTooPrecise checks the precision limit on a portfolio built
// in code, which has no file text to refuse.
func TestValidateTooPrecise(t *testing.T) {
	p := mustParse(t, []byte(validBase))
	p.Lots[1].Fees = decimal.New(1, -19)
	p.Sales[0].Quantity = decimal.RequireFromString("3.5")
	p.Sales[1].Quantity = decimal.RequireFromString("6.5")
	p.Lots[0].Quantity = decimal.RequireFromString("0.25")
	var got []string
	for _, pr := range Validate(p) {
		got = append(got, pr.String())
	}
	want := []string{
		`lots[0].quantity: "0.25" is not a whole number: collection "punks" is ERC-721, whose tokens cannot be split`,
		`lots[1].fees: "0.0000000000000000001" has more than 18 decimal places`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestLoadRefusesNonRegularFiles checks that a directory is refused with
// a message naming it, as an *InvalidError.
func TestLoadRefusesDirectory(t *testing.T) {
	dir := t.TempDir()
	_, err := Load(dir)
	var inv *InvalidError
	if !errors.As(err, &inv) {
		t.Fatalf("Load(directory) = %v, want an *InvalidError", err)
	}
	if want := dir + ": is a directory, not a regular file; a portfolio must be a regular file"; err.Error() != want {
		t.Errorf("got %q, want %q", err, want)
	}
}

// TestLoadSizeLimit checks that a file over the limit is refused before
// it is read, and that the message names the limit.
func TestLoadSizeLimit(t *testing.T) {
	path := writeFile(t, []byte(validBase))
	old := maxFileSize
	t.Cleanup(func() { maxFileSize = old })
	maxFileSize = int64(len(validBase)) - 1
	_, err := Load(path)
	var inv *InvalidError
	if !errors.As(err, &inv) || !strings.Contains(err.Error(), "the file is larger than "+sizeText(maxFileSize)+", the limit for a portfolio file") {
		t.Fatalf("Load of a file over the limit = %v", err)
	}
	maxFileSize = int64(len(validBase))
	if _, err := Load(path); err != nil {
		t.Fatalf("a file of exactly the limit: %v", err)
	}
}

// TestSizeLimitReader checks the limit on a stream that grows while it is
// read (its size when opened is no guide).
func TestSizeLimitReader(t *testing.T) {
	l := &sizeLimit{r: strings.NewReader(strings.Repeat("x", 100)), left: 99}
	b := make([]byte, 64)
	var err error
	for err == nil {
		_, err = l.Read(b)
	}
	if !errors.Is(err, errTooLarge) || !l.exceeded {
		t.Errorf("100 bytes through a 99-byte limit: err %v, exceeded %v", err, l.exceeded)
	}
	l = &sizeLimit{r: strings.NewReader(strings.Repeat("x", 100)), left: 100}
	n := 0
	for err = nil; err == nil; {
		var k int
		k, err = l.Read(b)
		n += k
	}
	if err.Error() != "EOF" || n != 100 || l.exceeded {
		t.Errorf("100 bytes through a 100-byte limit: %d bytes, err %v, exceeded %v", n, err, l.exceeded)
	}
}

// TestLoadBOM checks that a UTF-8 byte order mark is accepted, that
// malformed JSON after it gets the right column, and that a save writes
// the file without it.
func TestLoadBOM(t *testing.T) {
	path := writeFile(t, []byte(utf8BOM+validBase))
	f, err := Load(path)
	if err != nil {
		t.Fatalf("a file with a BOM: %v", err)
	}
	if len(f.Portfolio.Lots) != 2 {
		t.Fatalf("%d lots", len(f.Portfolio.Lots))
	}
	if err := f.Save(f.Portfolio, "test"); err != nil {
		t.Fatal(err)
	}
	if b := readFile(t, path); strings.HasPrefix(string(b), utf8BOM) || !strings.HasPrefix(string(b), "{") {
		t.Errorf("saved file starts %q", b[:8])
	}
	_, err = Parse([]byte(utf8BOM+`{"a": 1 "b": 2}`), "p.json")
	if err == nil || err.Error() != `p.json:1:9: invalid character '"' after object value (expecting ',' or '}')` {
		t.Errorf("malformed JSON after a BOM: %v", err)
	}
	bad := filepath.Join(t.TempDir(), "bad.json")
	if err := os.WriteFile(bad, []byte(utf8BOM+"{\n  \"lots\": [1,\n  ]\n}"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(bad); err == nil || err.Error() != bad+`:2:13: invalid character ',' at start of value` {
		t.Errorf("malformed file after a BOM: %v", err)
	}
	// A BOM anywhere else is not a mark but text: outside a string it is
	// malformed JSON.
	if _, err := Parse([]byte(" "+utf8BOM+validBase), "p.json"); err == nil {
		t.Error("a BOM after white space was accepted")
	}
}
