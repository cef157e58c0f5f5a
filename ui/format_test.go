package ui

import (
	"strconv"
	"strings"
	"testing"

	"nftharvest/money"

	"github.com/charmbracelet/x/ansi"
	"github.com/shopspring/decimal"
)

// TestAmountFormats: the screen's amounts, with and without sign and marker.
func TestAmountFormats(t *testing.T) {
	for _, c := range []struct {
		in, money, signed, marked string
	}{
		{"0", "0.00", "0.00", "0.00"},
		{"0.004", "0.00", "0.00", "0.00"},
		{"-0.004", "0.00", "0.00", "0.00"},
		{"1234.565", "1,234.57", "+1,234.57", "▲ +1,234.57"},
		{"-14528.355", "-14,528.36", "-14,528.36", "▼ -14,528.36"},
		{"999.999", "1,000.00", "+1,000.00", "▲ +1,000.00"},
		{"1000000", "1,000,000.00", "+1,000,000.00", "▲ +1,000,000.00"},
		{"-100", "-100.00", "-100.00", "▼ -100.00"},
		{"123456789012345678901.5", "123,456,789,012,345,678,901.50", "+123,456,789,012,345,678,901.50", "▲ +123,456,789,012,345,678,901.50"},
	} {
		d := decimal.RequireFromString(c.in)
		if got := amountText(d); got != c.money {
			t.Errorf("amountText(%s) = %q, want %q", c.in, got, c.money)
		}
		if got := money.FormatSigned(d); got != c.signed {
			t.Errorf("money.FormatSigned(%s) = %q, want %q", c.in, got, c.signed)
		}
		if got := marked(d); got != c.marked {
			t.Errorf("marked(%s) = %q, want %q", c.in, got, c.marked)
		}
	}
}

func TestPercentText(t *testing.T) {
	for bp, want := range map[int64]string{0: "0.0%", -9670: "-96.7%", 27974: "+279.7%", 4: "0.0%", -4: "0.0%", 5: "+0.1%", -5: "-0.1%", 1000000: "+10000.0%"} {
		if got := percentText(bp, true); got != want {
			t.Errorf("percentText(%d) = %q, want %q", bp, got, want)
		}
	}
}

func TestParseAmount(t *testing.T) {
	for _, ok := range []string{"0", "12", "12.5", "1,234.56", "$99.99", " 7 ", "10.500"} {
		if _, err := parseAmount(ok); err != nil {
			t.Errorf("parseAmount(%q): %v", ok, err)
		}
	}
	for _, bad := range []string{"", "-1", "abc", "1e3", "12.", ".5", "1.2.3", "NaN", "12x", "+5", "100.005",
		// Beyond what the file takes: 19 places (zeros), 41 digits.
		"1.0000000000000000000", strings.Repeat("9", 41)} {
		if _, err := parseAmount(bad); err == nil {
			t.Errorf("parseAmount(%q) accepted", bad)
		}
	}
}

func FuzzParseAmount(f *testing.F) {
	for _, s := range []string{"0", "1,234.56", "-1", "1e3", "$5", "..", "9999999999999999999999.99"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := parseAmount(s)
		if err != nil {
			return
		}
		if d.Sign() < 0 {
			t.Fatalf("parseAmount(%q) = %s: negative", s, d)
		}
		if _, err := strconv.ParseFloat(d.String(), 64); err != nil {
			t.Fatalf("parseAmount(%q) = %s: not a plain number", s, d)
		}
	})
}

func TestNameFit(t *testing.T) {
	for _, c := range []struct {
		coll, token string
		w           int
		want        string
	}{
		{"Chrome Koi", "1550", 20, "Chrome Koi #1550"},
		{"Lunar Lynx Society", "4417", 18, "Lunar Lynx… #4417"},
		{"Lunar Lynx Society", "4417", 6, "Lunar Lynx Society #4417"}, // the table cuts it
	} {
		if got := nameFit(c.coll, c.token, c.w); got != c.want {
			t.Errorf("nameFit(%q, %q, %d) = %q, want %q", c.coll, c.token, c.w, got, c.want)
		}
	}
}

func TestWrapLine(t *testing.T) {
	st := NewStyles(true)
	s := st.Wash.Render("look-alike L-0029: L-0048 #2400 bought 2026-11-18 (warning only)")
	lines := wrapLine(s, 44)
	if len(lines) != 2 {
		t.Fatalf("lines = %q", lines)
	}
	plain := []string{ansi.Strip(lines[0]), ansi.Strip(lines[1])}
	if plain[0] != "look-alike L-0029: L-0048 #2400 bought" || plain[1] != "2026-11-18 (warning only)" {
		t.Errorf("wrapped at the wrong place: %q", plain)
	}
	for _, l := range lines {
		if !strings.HasPrefix(l, "\x1b[") || !strings.HasSuffix(l, "\x1b[m") {
			t.Errorf("line does not carry its style: %q", l)
		}
		if ansi.StringWidth(l) > 44 {
			t.Errorf("line too wide: %q", l)
		}
	}
	// A word longer than the width is cut; indentation is kept.
	got := wrapLine("  0x9837ea4baab97fb6232c1de821ee335dd4f282cd", 20)
	if len(got) < 2 || !strings.HasPrefix(got[0], "  ") {
		t.Errorf("long word: %q", got)
	}
	for _, l := range got {
		if ansi.StringWidth(l) > 20 {
			t.Errorf("long word line too wide: %q", l)
		}
	}
}

func TestCodeKeyOrdersLikeText(t *testing.T) {
	codes := []string{"", "C", "CW", "W"}
	for i := 1; i < len(codes); i++ {
		if codeKey(codes[i-1]) >= codeKey(codes[i]) {
			t.Errorf("codeKey(%q) >= codeKey(%q)", codes[i-1], codes[i])
		}
	}
}
