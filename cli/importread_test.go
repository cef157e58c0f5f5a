package cli

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"nftharvest/importer"
)

// readOneByOne is readExports as it was before issue 17: each file read
// on its own, the rows merged in the order of the files.
func readOneByOne(t *testing.T, files []string) (*importer.Data, []string) {
	t.Helper()
	d := &importer.Data{}
	var lines []string
	for _, name := range files {
		fh, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		var one importer.Data
		err = one.Read(name, fh)
		fh.Close()
		var probs *importer.Problems
		if errors.As(err, &probs) {
			lines = append(lines, strings.Split(probs.Error(), "\n")...)
		} else if err != nil {
			t.Fatal(err)
		}
		d.Merge(&one)
	}
	return d, lines
}

// readExports reads files of the same kind of rows one after the other
// into one slice: the rows, the files and the problems are those of
// reading each file on its own and merging them in order, whatever the
// order of the files, with a file given twice, and with refused files
// among the others.
func TestReadExportsMatchesOneByOne(t *testing.T) {
	dir := t.TempDir()
	story := filepath.Join("..", "testdata", "import")
	var names []string
	for _, n := range []string{"nft-transfers.csv", "nft-transfers-vault.csv", "transactions.csv", "internal.csv", "erc20.csv"} {
		b, err := os.ReadFile(filepath.Join(story, n))
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, filepath.Join(dir, n))
		writeFile(t, names[len(names)-1], b)
	}
	nft, txs, internal, vault, erc20 := names[0], names[2], names[3], names[1], names[4]
	bad := func(name, from string) string {
		b, err := os.ReadFile(from)
		if err != nil {
			t.Fatal(err)
		}
		s := strings.Replace(string(b), `"1750010400"`, `"yesterday"`, 1)
		s = strings.Replace(s, `"Mint"`, `"Mi"nt"`, 1) // a syntax error, in the transactions
		p := filepath.Join(dir, name)
		writeFile(t, p, []byte(s))
		return p
	}
	badNFT := bad("bad-nft.csv", nft)
	badTxs := bad("bad-txs.csv", txs)
	other := filepath.Join(dir, "other.csv")
	writeFile(t, other, []byte("Date,Amount\n2026-01-01,5\n"))

	for _, files := range [][]string{
		names,
		{erc20, internal, vault, txs, nft},
		{txs, nft, internal, nft, txs}, // files given twice
		{internal, txs},
		{nft},
		{badNFT, txs, badTxs, other, internal},
		{txs, badTxs, nft},
	} {
		want, wantLines := readOneByOne(t, files)
		got, err := readExports(files)
		if len(wantLines) > 0 {
			var pe *problemsError
			if !errors.As(err, &pe) || !reflect.DeepEqual(pe.Lines(), wantLines) {
				t.Fatalf("%v: error %v, want the problems\n%s", files, err, strings.Join(wantLines, "\n"))
			}
			continue
		}
		if err != nil {
			t.Fatalf("%v: %v", files, err)
		}
		if !reflect.DeepEqual(got.Files, want.Files) || !reflect.DeepEqual(got.Transfers, want.Transfers) ||
			!reflect.DeepEqual(got.Txs, want.Txs) || !reflect.DeepEqual(got.Tokens, want.Tokens) {
			t.Fatalf("%v: the rows differ from reading the files one by one", files)
		}
		if len(got.Transfers)+len(got.Txs) == 0 {
			t.Fatalf("%v: no rows read", files)
		}
	}
}
