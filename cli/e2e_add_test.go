package cli

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
)

// add lot and add sale record one record each, checked as the loader
// checks (problems named by their flag), saved safely, undone by undo.
func TestAddLotAndSale(t *testing.T) {
	dir := t.TempDir()
	run(t, dir, "init", "--empty").ok(t, "init --empty")
	path := filepath.Join(dir, DefaultFile)
	empty := readFile(t, path)

	out := run(t, dir, "add", "lot", "--collection", "owls", "--new-collection", "Pixel Owls", "--token-id", "101",
		"--quantity", "1", "--acquired", "2026-03-10", "--cost", "100", "--fees", "4").ok(t, "add lot").stdout
	if !strings.Contains(out, "Added lot (batch B-0001) to portfolio.json:\n  L-0001 owls #101 ×1 on 2026-03-10 cost 100.00 fees 4.00") {
		t.Errorf("add lot:\n%s", out)
	}
	withLot := readFile(t, path)
	out = run(t, dir, "add", "sale", "--lot", "L-0001", "--quantity", "1", "--date", "2026-06-01", "--proceeds", "60").ok(t, "add sale").stdout
	if !strings.Contains(out, "S-0001 L-0001 1 @ 60.00 on 2026-06-01") {
		t.Errorf("add sale:\n%s", out)
	}
	rep := run(t, dir, "report").ok(t, "report").stdout
	if !strings.Contains(rep, "S-0001 L-0001 2026-06-01 short   1     60.00  104.00     -44.00") {
		t.Errorf("report:\n%s", rep)
	}
	sold := readFile(t, path)

	run(t, dir, "add", "sale", "--lot", "L-0001", "--quantity", "1", "--date", "2026-07-01", "--proceeds", "5").failsWith(t,
		"oversold", `--quantity: lot L-0001: "1" is less than the 2 its sales take (sales[0], sales[1])`)
	run(t, dir, "add", "lot", "--collection", "nope", "--quantity", "1", "--acquired", "2026-03-10", "--cost", "1").failsWith(t,
		"unknown collection", `--collection: "nope" is not a collection id in this file (to create it: --new-collection NAME)`)
	run(t, dir, "add", "lot", "--collection", "owls", "--quantity", "1", "--acquired", "2026-03-10", "--cost", "1", "--id", "L-0001").failsWith(t,
		"duplicate id", `--id: "L-0001" is a duplicate (first at lots[0])`)
	run(t, dir, "add", "lot", "--collection", "owls", "--quantity", "1", "--acquired", "2026-13-10", "--cost", "1").failsWith(t,
		"bad date", `--acquired: "2026-13-10" is not a date`)
	run(t, dir, "add", "sale", "--lot", "L-0001", "--quantity", "1", "--date", "2026-12-01", "--proceeds", "1").failsWith(t,
		"future sale", `--date: 2026-12-01 is after today (2026-11-28)`)
	run(t, dir, "add", "sale", "--lot", "L-0001", "--cost", "1").failsWith(t, "lot flag on a sale", `--cost is not a flag of "add sale"`)
	if !bytes.Equal(readFile(t, path), sold) {
		t.Fatal("a refused add changed the file")
	}
	run(t, dir, "undo", "--yes").ok(t, "undo sale")
	if !bytes.Equal(readFile(t, path), withLot) {
		t.Error("undo of the sale")
	}
	run(t, dir, "undo", "--yes").ok(t, "undo lot")
	if !bytes.Equal(readFile(t, path), empty) {
		t.Error("undo of the lot and its new collection")
	}
}
