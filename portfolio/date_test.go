package portfolio

import (
	"testing"
	"time"
)

func TestParseDateRoundTrip(t *testing.T) {
	for _, s := range []string{"0001-01-01", "1969-12-31", "1970-01-01", "2024-02-29", "2026-11-28", "9999-12-31"} {
		d, err := ParseDate(s)
		if err != nil {
			t.Fatalf("ParseDate(%q): %v", s, err)
		}
		if got := d.String(); got != s {
			t.Errorf("ParseDate(%q).String() = %q", s, got)
		}
	}
}

func TestParseDateRejects(t *testing.T) {
	for _, s := range []string{"", "2024-13-01", "2023-02-29", "2024-1-01", "24-01-01", "2024/01/01", "2024-01-01T00:00:00Z", "abcd-ef-gh"} {
		if _, err := ParseDate(s); err == nil {
			t.Errorf("ParseDate(%q) accepted", s)
		}
	}
}

func TestDateArithmetic(t *testing.T) {
	d := MustDate("2024-02-29")
	if got := d.AddDate(1, 0, 0).String(); got != "2025-03-01" {
		t.Errorf("2024-02-29 + 1y = %s, want 2025-03-01 (time.AddDate normalisation)", got)
	}
	if got := MustDate("2026-01-31").AddDays(31).String(); got != "2026-03-03" {
		t.Errorf("AddDays(31) = %s", got)
	}
	if n := MustDate("2026-01-01").DaysUntil(MustDate("2026-12-31")); n != 364 {
		t.Errorf("DaysUntil = %d, want 364", n)
	}
	if y := MustDate("1969-12-31").Year(); y != 1969 {
		t.Errorf("Year = %d", y)
	}
	if got := NewDate(2026, time.November, 28); got != MustDate("2026-11-28") {
		t.Errorf("NewDate = %s", got)
	}
	if Date(0).String() != "" || !Date(0).IsZero() {
		t.Error("zero date should print empty and be zero")
	}
}

// The civil-date arithmetic agrees with the time package on every day of
// several centuries: parsing, formatting, the year and adding years.
func TestCivilMatchesTime(t *testing.T) {
	start := DateOf(time.Date(1600, 1, 1, 0, 0, 0, 0, time.UTC))
	end := DateOf(time.Date(2400, 12, 31, 0, 0, 0, 0, time.UTC))
	for d := start; d <= end; d++ {
		tm := d.Time()
		s := tm.Format(DateLayout)
		if got := d.String(); got != s {
			t.Fatalf("String(%d) = %q, want %q", d, got, s)
		}
		if got, ok := ParseDateText(s); !ok || got != d {
			t.Fatalf("ParseDateText(%q) = %d, %v; want %d", s, got, ok, d)
		}
		if got, ok := ParseDateText([]byte(s)); !ok || got != d {
			t.Fatalf("ParseDateText(bytes %q) = %d, %v", s, got, ok)
		}
		y, m, day := d.Civil()
		if y != tm.Year() || m != int(tm.Month()) || day != tm.Day() || d.Year() != tm.Year() {
			t.Fatalf("Civil(%s) = %d-%d-%d", s, y, m, day)
		}
		if got, want := d.AddYears(1), DateOf(tm.AddDate(1, 0, 0)); got != want {
			t.Fatalf("AddYears(%s, 1) = %s, want %s", s, got, want)
		}
		if got, want := d.AddYears(-3), DateOf(tm.AddDate(-3, 0, 0)); got != want {
			t.Fatalf("AddYears(%s, -3) = %s, want %s", s, got, want)
		}
	}
	for _, s := range []string{"0001-01-01", "9999-12-31", "0400-02-29"} {
		d := MustDate(s)
		if d.String() != s || d.AddYears(1) != DateOf(d.Time().AddDate(1, 0, 0)) {
			t.Errorf("%s: String %q, AddYears %s", s, d.String(), d.AddYears(1))
		}
	}
	for _, s := range []string{"", "0000-01-01", "2024-13-01", "2024-00-10", "2024-01-00", "2023-02-29", "1900-02-29",
		"2024-04-31", "2024-1-01", "2024/01/01", "+024-01-01", "2024-01-1x", "2024-01-011", " 2024-01-01"} {
		if _, ok := ParseDateText(s); ok {
			t.Errorf("ParseDateText(%q) accepted", s)
		}
		if _, err := time.Parse(DateLayout, s); err == nil && len(s) == 10 && s[0] != '0' {
			t.Errorf("time.Parse accepts %q that ParseDateText refuses", s)
		}
	}
}
