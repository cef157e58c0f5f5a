package ui

import (
	"fmt"
	"io"
	"strings"
	"testing"

	"nftharvest/taxrules"
)

// TestExportChoosesFormatAndYear: tab cycles the formats (the default
// file name follows), ctrl+y the years with sales; each format is written
// by its engine writer.
func TestExportChoosesFormatAndYear(t *testing.T) {
	h := newHarness(t, 80, 24, "", nil)
	h.keys("x")
	want := map[string]string{
		"./form8949-2026.csv":   "S-0006",
		"./turbotax-2026.csv":   "",
		"./taxact-2026.csv":     "",
		"./nftharvest-2026.txf": "V042",
	}
	for i, name := range []string{"./form8949-2026.csv", "./turbotax-2026.csv", "./taxact-2026.csv", "./nftharvest-2026.txf"} {
		if i > 0 {
			h.keys("x")
			for range i {
				h.keys("tab")
			}
		}
		if got := h.m.dialog.value(); got != name {
			t.Fatalf("format %d: file %q, want %q", i, got, name)
		}
		if s := h.screen(); !strings.Contains(s, "["+exportFormats[i].name+"]") {
			t.Errorf("the dialog should show the format chosen:\n%s", s)
		}
		h.keys("enter")
		data := string(h.store.writes[name])
		if data == "" || !strings.Contains(data, want[name]) {
			t.Errorf("%s: %q", name, data)
		}
	}
	// ctrl+y: another year with sales, its file name and rows.
	h.keys("x")
	years := h.m.exportYears()
	if len(years) < 2 {
		t.Skipf("the sample has sales in %v only", years)
	}
	h.keys("ctrl+y")
	c := h.m.dialog.export
	if c.year != years[1] || h.m.dialog.value() != exportFormats[0].file(years[1]) {
		t.Errorf("ctrl+y: year %d file %q, years %v", c.year, h.m.dialog.value(), years)
	}
	// A name typed by hand stays when the format changes.
	h.m.dialog.input.SetValue("mine.csv")
	h.keys("tab")
	if h.m.dialog.value() != "mine.csv" {
		t.Errorf("a typed name was replaced: %q", h.m.dialog.value())
	}
}

// With the binary's JSON writer (Options.ExportJSON) the dialog offers
// json after the CSV and TXF formats, and writes what the writer writes.
func TestExportOffersJSONWhenGivenAWriter(t *testing.T) {
	h := newHarness(t, 80, 24, "", nil)
	h.m.formats = formatsOf(Options{ExportJSON: func(w io.Writer, a *taxrules.Analysis, year int) error {
		_, err := fmt.Fprintf(w, "{\"tax_year\": %d, \"sales\": %d}\n", year, len(a.Sales))
		return err
	}})
	h.keys("x")
	for range len(exportFormats) {
		h.keys("tab")
	}
	if got := h.m.dialog.value(); got != "./nftharvest-2026.json" {
		t.Fatalf("json file name %q", got)
	}
	if !strings.Contains(h.screen(), "[json]") {
		t.Errorf("the dialog does not show json:\n%s", h.screen())
	}
	h.keys("enter")
	if data := string(h.store.writes["./nftharvest-2026.json"]); !strings.HasPrefix(data, `{"tax_year": 2026, "sales": `) {
		t.Errorf("json export wrote %q", data)
	}
	if len(formatsOf(Options{})) != len(exportFormats) {
		t.Error("json offered without a writer")
	}
}
