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
