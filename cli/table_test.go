package cli

import (
	"strings"
	"testing"

	"github.com/mattn/go-runewidth"
	"github.com/shopspring/decimal"
)

func TestAmount(t *testing.T) {
	for in, want := range map[string]string{
		"0":             "0.00",
		"1":             "1.00",
		"-0.004":        "0.00",
		"0.005":         "0.01",
		"-0.005":        "-0.01",
		"999.999":       "1,000.00",
		"-1234.5":       "-1,234.50",
		"12345678.901":  "12,345,678.90",
		"-100000":       "-100,000.00",
		"1323.105":      "1,323.11",
		"1000000000000": "1,000,000,000,000.00",
	} {
		if got := amount(decimal.RequireFromString(in)); got != want {
			t.Errorf("amount(%s) = %q, want %q", in, got, want)
		}
	}
}

func TestMoneyJSON(t *testing.T) {
	for in, want := range map[string]string{"0": "0.00", "-1519.9": "-1519.90", "1323.105": "1323.11", "-0.125": "-0.13"} {
		if got := plainMoney(decimal.RequireFromString(in)); got != want {
			t.Errorf("plainMoney(%s) = %q, want %q", in, got, want)
		}
	}
}

func TestTableFitsWidthAndTruncates(t *testing.T) {
	tb := table{cols: []column{
		{header: "Lot"},
		{header: "Asset", flex: true, min: 8, gap: 2},
		{header: "Value", right: true, gap: 2},
	}}
	tb.add("L-0001", "A collection with a very long name indeed #123456789", "-12,345.67")
	tb.add("L-0002", "Short #1", "5.00")
	var b strings.Builder
	if err := tb.render(&b, 40); err != nil {
		t.Fatal(err)
	}
	want := "" +
		"Lot     Asset                      Value\n" +
		"L-0001  A collection with a…  -12,345.67\n" +
		"L-0002  Short #1                    5.00\n"
	if b.String() != want {
		t.Fatalf("got\n%s\nwant\n%s", b.String(), want)
	}
	for _, line := range strings.Split(strings.TrimRight(b.String(), "\n"), "\n") {
		if w := runewidth.StringWidth(line); w > 40 {
			t.Errorf("line %q is %d wide", line, w)
		}
	}
}

func TestTableFlexNeverBelowMinimum(t *testing.T) {
	tb := table{cols: []column{{header: "A"}, {header: "B", flex: true, min: 5, gap: 1}}}
	tb.add(strings.Repeat("x", 30), "abcdefghij")
	var b strings.Builder
	if err := tb.render(&b, 20); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), " abcd…") {
		t.Fatalf("flex column should keep its minimum of 5: %q", b.String())
	}
}

func TestKVAlignsValues(t *testing.T) {
	k := kv{title: "T", headers: []string{"Before", "After"}}
	k.add("Short", "1.00", "-1,000.00")
	k.add("A longer label", "10.00", "2.00")
	var b strings.Builder
	if err := k.render(&b); err != nil {
		t.Fatal(err)
	}
	want := "" +
		"T\n" +
		"                  Before      After\n" +
		"  Short             1.00  -1,000.00\n" +
		"  A longer label   10.00       2.00\n"
	if b.String() != want {
		t.Fatalf("got\n%s\nwant\n%s", b.String(), want)
	}
}
