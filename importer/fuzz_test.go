package importer_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"

	"nftharvest/importer"
	"nftharvest/portfolio"
	"nftharvest/storage"
)

var fuzzStory = []string{"nft-transfers.csv", "nft-transfers-vault.csv", "transactions.csv", "internal.csv", "erc20.csv"}

// FuzzImportRead feeds arbitrary bytes as one more export next to the
// story's. A refused file is reported with its name, line and column on
// every line and without control characters; an accepted one imports to a
// portfolio that storage validates and that a second import leaves alone.
func FuzzImportRead(f *testing.F) {
	story := make([][]byte, len(fuzzStory))
	for i, name := range fuzzStory {
		b, err := os.ReadFile(filepath.Join("..", "testdata", "import", name))
		if err != nil {
			f.Fatal(err)
		}
		story[i] = b
		f.Add(b)
	}
	f.Add([]byte("Txhash,UnixTimestamp,DateTime,From,To,ContractAddress,TokenId,TokenName,TokenSymbol\n0x1,1,x,0x0,0xa11ce00000000000000000000000000000000001,0xc,1,\x1b[2J,S\n"))
	f.Add([]byte("\"unterminated\n"))
	own := []string{"0xa11ce00000000000000000000000000000000001", "0xa11ce00000000000000000000000000000000002"}
	f.Fuzz(func(t *testing.T, data []byte) {
		d := &importer.Data{}
		for i, b := range story {
			if err := d.Read(fuzzStory[i], bytes.NewReader(b)); err != nil {
				t.Fatal(err)
			}
		}
		err := d.Read("fuzz.csv", bytes.NewReader(data))
		if err != nil {
			var probs *importer.Problems
			if !errors.As(err, &probs) || len(probs.Lines) == 0 {
				t.Fatalf("error is not a list of problems: %v", err)
			}
			for _, line := range probs.Lines {
				if !strings.HasPrefix(line, "fuzz.csv") || strings.ContainsFunc(line, unicode.IsControl) {
					t.Fatalf("problem line %q", line)
				}
			}
			return
		}
		p := &portfolio.Portfolio{Format: portfolio.Format, Version: 1, BaseCurrency: "USD", TaxProfile: portfolio.DefaultTaxProfile(2026)}
		pl := importer.Build(p, d, importer.Options{Own: own, Loc: time.UTC})
		pl.Apply(p)
		enc, err := storage.Encode(p)
		if err != nil {
			t.Fatalf("encode: %v", err)
		}
		back, err := storage.Parse(enc, "imported.json")
		if err != nil {
			t.Fatalf("the import made an invalid portfolio: %v", err)
		}
		if again := importer.Build(back, d, importer.Options{Own: own, Loc: time.UTC}); again.Changes() {
			t.Fatalf("a second import adds %d lots, %d sales, %d collections", len(again.Lots), len(again.Sales), len(again.Collections))
		}
	})
}
