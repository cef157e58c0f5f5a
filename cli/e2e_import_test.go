package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const (
	storyAlice = "0xa11ce00000000000000000000000000000000001"
	storyVault = "0xa11ce00000000000000000000000000000000002"
)

var storyCSVs = []string{"nft-transfers.csv", "nft-transfers-vault.csv", "transactions.csv", "internal.csv", "erc20.csv"}

// storyDir is a folder with the story's exports and an empty portfolio.
func storyDir(t *testing.T) string {
	t.Helper()
	names := make([]string, len(storyCSVs))
	for i, n := range storyCSVs {
		names[i] = filepath.Join("import", n)
	}
	dir := fixtureDir(t, names...)
	run(t, dir, "init", "--empty", "--ordinary-rate", "0.32").ok(t, "init --empty")
	return dir
}

func importStory(t *testing.T, dir string, extra ...string) result {
	t.Helper()
	args := append([]string{"import", "etherscan", "--address", storyAlice, "--address", storyVault, "--tz", "America/New_York"}, extra...)
	return run(t, dir, append(args, storyCSVs...)...)
}

// The story of docs/import.md: a dry run changes nothing; the import gives
// the hand-checked basis, gains and wash sale in report; a second import
// adds nothing; undo removes the import whole.
func TestImportStoryEndToEnd(t *testing.T) {
	dir := storyDir(t)
	path := filepath.Join(dir, DefaultFile)
	empty := readFile(t, path)

	dry := importStory(t, dir, "--dry-run").ok(t, "dry run")
	for _, want := range []string{"Would add to portfolio.json (batch B-0001)", "9 lot(s): cost 7,050.00, fees 32.00",
		"3 sale(s): proceeds 2,130.00, fees 1.20", "L-0005  0xa11ce00000000000000000000000000000000001 → 0xa11ce00000000000000000000000000000000002  2026-05-01",
		"failed transactions ignored: 1", "To review (1):", "Dry run: portfolio.json is unchanged."} {
		if !strings.Contains(dry.stdout, want) {
			t.Errorf("dry run lacks %q:\n%s", want, dry.stdout)
		}
	}
	if !bytes.Equal(readFile(t, path), empty) || exists(path+".bak") {
		t.Fatal("the dry run changed the file")
	}

	out := importStory(t, dir).ok(t, "import")
	if !strings.Contains(out.stdout, "Adding to portfolio.json (batch B-0001)") || !strings.Contains(out.stdout, "To undo: nftharvest undo") {
		t.Errorf("import output:\n%s", out.stdout)
	}
	imported := readFile(t, path)

	rep := run(t, dir, "report").ok(t, "report").stdout
	for _, want := range []string{
		"L-0007  Tide Editions #42    3  short 94d     301.20",
		"L-0008  Tide Editions #42    1  short 106d     77.00",
		"S-0002 L-0002 2026-02-14 short   1  1,680.00  3,007.50  -1,327.50",
		"S-0003 L-0007 2026-03-20 short   2    148.80    200.80     -52.00     26.00 W",
		"26.00 of the loss disallowed and added to L-0008",
		"Short-term realized            -1,353.50",
	} {
		if !strings.Contains(rep, want) {
			t.Errorf("report lacks %q:\n%s", want, rep)
		}
	}
	if strings.Contains(rep, "S-0001") {
		t.Errorf("the sale of 00:30 UTC on 1 January 2026 is in 2026 in New York's calendar:\n%s", rep)
	}
	rep25 := run(t, dir, "report", "--year", "2025").ok(t, "report 2025").stdout
	if !strings.Contains(rep25, "S-0001 L-0004 2025-12-31 short   1    300.00  336.66     -36.66") {
		t.Errorf("2025 report lacks the New Year's Eve sale:\n%s", rep25)
	}

	again := importStory(t, dir).ok(t, "second import")
	if !strings.Contains(again.stdout, "Nothing new to import") || !strings.Contains(again.stdout, "already imported: 13 transfer(s)") {
		t.Errorf("second import:\n%s", again.stdout)
	}
	if !bytes.Equal(readFile(t, path), imported) {
		t.Error("the second import changed the file")
	}

	undo := run(t, dir, "undo", "--yes").ok(t, "undo")
	if !strings.Contains(undo.stdout, "Removed batch B-0001") || !strings.Contains(undo.stdout, "L-0009 free-frogs #9") {
		t.Errorf("undo output:\n%s", undo.stdout)
	}
	if !bytes.Equal(readFile(t, path), empty) {
		t.Errorf("after undo the file is not the empty portfolio again:\n%s", readFile(t, path))
	}
	log := string(readFile(t, path+".log"))
	if !strings.Contains(log, "\timport B-0001: 9 lots, 3 sales, 5 collections, 1 wallet moves from ") || !strings.Contains(log, "\tundo B-0001: 9 lots, 3 sales, 5 collections removed: sales [{\"id\": \"S-0001\"") ||
		!strings.Contains(log, `lots [{"id": "L-0001", "collection": "pixel-owls"`) || !strings.Contains(log, `collections [{"id": "pixel-owls"`) {
		t.Errorf("change log:\n%s", log)
	}
}

// Refused input: a broken row names its file, line and column; an unknown
// header names the expected ones; a bad address or zone is a usage error.
// The portfolio is never touched and the exit status is 2.
func TestImportRefusesBadInput(t *testing.T) {
	dir := storyDir(t)
	path := filepath.Join(dir, DefaultFile)
	before := readFile(t, path)
	nft := string(readFile(t, filepath.Join(dir, "nft-transfers.csv")))
	broken := strings.Replace(nft, `"1750010400"`, `"yesterday"`, 1)
	broken = strings.Replace(broken, `"ERC-1155","5"`, `"ERC-1155","five"`, 1)
	writeFile(t, filepath.Join(dir, "broken.csv"), []byte(broken))
	writeFile(t, filepath.Join(dir, "other.csv"), []byte("Date,Amount\n2026-01-01,5\n"))

	r := run(t, dir, "import", "etherscan", "--address", storyAlice, "--tz", "UTC", "broken.csv", "other.csv")
	if r.code != ExitInvalid || r.stdout != "" {
		t.Fatalf("exit %d, stdout %q", r.code, r.stdout)
	}
	lines := strings.Split(strings.TrimSuffix(r.stderr, "\n"), "\n")
	want := []string{
		`nftharvest: broken.csv:3:81: column "UnixTimestamp": "yesterday" is not a Unix time in seconds`,
		`nftharvest: broken.csv:10:`,
		`nftharvest: other.csv:1:1: not a block-explorer export this version reads (unknown column "Date", "Amount"); expected one of these headers`,
	}
	if len(lines) != len(want) {
		t.Fatalf("stderr has %d lines, want %d:\n%s", len(lines), len(want), r.stderr)
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("line %d = %q, want prefix %q", i+1, lines[i], w)
		}
	}
	if !strings.Contains(lines[1], `column "Quantity": "five" is not an amount`) || !strings.Contains(lines[2], "NFT transfers: Transaction Hash, Blockno, UnixTimestamp") {
		t.Errorf("stderr:\n%s", r.stderr)
	}
	run(t, dir, "import", "etherscan", "--address", "0x123", "nft-transfers.csv").failsWith(t, "bad address", `--address: "0x123" is not an address`)
	run(t, dir, "import", "etherscan", "--address", storyAlice, "--tz", "Mars/Base", "nft-transfers.csv").failsWith(t, "bad zone", `--tz: "Mars/Base" is not a time zone`)
	run(t, dir, "import", "etherscan", "nft-transfers.csv").failsWith(t, "no address", "--address is required")
	run(t, dir, "import", "etherscan", "--address", storyAlice, "missing.csv").failsWith(t, "missing file", "missing.csv: no such file")
	if !bytes.Equal(readFile(t, path), before) || exists(path+".bak") {
		t.Error("a refused import changed the portfolio")
	}
	if _, err := os.Stat(path + ".log"); err != nil {
		t.Fatal(err)
	}
}

// Control characters in an export (a token name is chosen by whoever
// deployed the contract) never reach the screen or the file.
func TestImportDropsControlCharacters(t *testing.T) {
	dir := storyDir(t)
	nft := string(readFile(t, filepath.Join(dir, "nft-transfers.csv")))
	writeFile(t, filepath.Join(dir, "nft-transfers.csv"), []byte(strings.ReplaceAll(nft, `"Free Frogs"`, "\"Free\x1b[31m Frogs\u202e\"")))
	out := importStory(t, dir).ok(t, "import")
	file := string(readFile(t, filepath.Join(dir, DefaultFile)))
	for _, s := range []string{out.stdout, file} {
		if strings.ContainsAny(s, "\x1b\u202e") {
			t.Errorf("control characters shown or stored:\n%q", s)
		}
	}
	if !strings.Contains(file, `"name": "Free[31m Frogs"`) {
		t.Errorf("the cleaned name is not stored:\n%s", file)
	}
}
