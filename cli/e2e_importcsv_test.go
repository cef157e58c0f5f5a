package cli

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
)

// import csv: the sample spreadsheet of docs/import.md imports as one
// batch with its collections, a second import adds nothing, undo removes
// it; problems are reported at the file's line and column with the
// loader's messages, and change nothing.
func TestImportCSVEndToEnd(t *testing.T) {
	dir := fixtureDir(t, "import/lots.csv", "import/sales.csv")
	run(t, dir, "init", "--empty").ok(t, "init --empty")
	path := filepath.Join(dir, DefaultFile)
	empty := readFile(t, path)

	out := run(t, dir, "import", "csv", "lots.csv", "sales.csv").ok(t, "import csv").stdout
	for _, want := range []string{"Adding to portfolio.json (batch B-0001)", "pixel-punks  ERC-721", "tide-editions  ERC-1155",
		"3 lot(s): cost 6,710.50, fees 47.20", "2 sale(s): proceeds 1,280.00, fees 13.50", "S-0102  L-0102 ×10  2026-05-01"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	rep := run(t, dir, "report").ok(t, "report").stdout
	if !strings.Contains(rep, "S-0101 L-0101 2026-03-02 long   1  1,188.00  5,435.20  -4,247.20") {
		t.Errorf("report:\n%s", rep)
	}
	imported := readFile(t, path)
	again := run(t, dir, "import", "csv", "lots.csv", "sales.csv").ok(t, "again").stdout
	if !strings.Contains(again, "already in the portfolio: 5 row(s)") || !bytes.Equal(readFile(t, path), imported) {
		t.Errorf("second import:\n%s", again)
	}

	writeFile(t, filepath.Join(dir, "changed.csv"), []byte("id,collection,quantity,acquired,cost\nL-0101,pixel-punks,1,2025-02-14,1.00\n"))
	writeFile(t, filepath.Join(dir, "bad.csv"), []byte("id,collection,quantity,acquired,cost\nL-2,x,0,2026-01-01,-5\nL-3,x,1,2026-13-01,4\n"))
	writeFile(t, filepath.Join(dir, "badsales.csv"), []byte("id,lot,quantity,date,proceeds\nS-1,L-0103,1,2025-01-01,5\nS-2,L-9,1,2026-02-01,5\n"))
	run(t, dir, "import", "csv", "changed.csv").failsWith(t, "changed row",
		`changed.csv:2:1: column "id": "L-0101" is already in the portfolio with other values`)
	r := run(t, dir, "import", "csv", "bad.csv", "badsales.csv")
	if r.code != ExitInvalid || r.stderr != `nftharvest: bad.csv:3:9: column "acquired": "2026-13-01" is not a date (YYYY-MM-DD)`+"\n" {
		t.Errorf("exit %d, stderr:\n%s", r.code, r.stderr)
	}
	writeFile(t, filepath.Join(dir, "bad.csv"), []byte("id,collection,quantity,acquired,cost\nL-2,x,0,2026-01-01,-5\n"))
	r = run(t, dir, "import", "csv", "bad.csv", "badsales.csv")
	want := strings.Join([]string{
		`nftharvest: bad.csv:2:7: column "quantity": "0" must be greater than 0`,
		`nftharvest: bad.csv:2:20: column "cost": "-5" is negative`,
		`nftharvest: badsales.csv:2:14: column "date": "2025-01-01" is before its lot "L-0103" was acquired (2026-01-10)`,
		`nftharvest: badsales.csv:3:5: column "lot": "L-9" is not a lot id in this file`,
	}, "\n") + "\n"
	if r.code != ExitInvalid || r.stderr != want {
		t.Errorf("exit %d, stderr:\n%s\nwant:\n%s", r.code, r.stderr, want)
	}
	if !bytes.Equal(readFile(t, path), imported) {
		t.Error("a refused import changed the file")
	}
	run(t, dir, "undo", "--yes").ok(t, "undo")
	if !bytes.Equal(readFile(t, path), empty) {
		t.Error("undo did not remove the csv import whole")
	}
}
