package portfolio

import (
	"fmt"
	"time"
)

// Date is a civil date (year, month, day) with no time of day and no zone.
// It is stored as a day number so that comparisons and sorting are integer
// operations; the zero value means "no date".
type Date int32

// unixEpochDay is the day number of 1970-01-01 (day 1 is 0001-01-01).
const unixEpochDay = 719163

// DateLayout is the only accepted text form of a Date.
const DateLayout = "2006-01-02"

// NewDate returns the date y-m-d, normalising out-of-range values the way
// time.Date does (2026-02-30 becomes 2026-03-02).
func NewDate(y int, m time.Month, d int) Date {
	return DateOf(time.Date(y, m, d, 0, 0, 0, 0, time.UTC))
}

// DateOf returns the civil date of t in t's own location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	u := time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix()
	return Date(floorDiv(u, 86400) + unixEpochDay)
}

// ParseDate reads a strict YYYY-MM-DD date. It rejects impossible dates such
// as 2024-13-01 or 2023-02-29.
func ParseDate(s string) (Date, error) {
	d, ok := ParseDateText(s)
	if !ok {
		return 0, fmt.Errorf("%q is not a date (YYYY-MM-DD)", s)
	}
	return d, nil
}

// MustDate is ParseDate for literals in tests and fixtures; it panics on error.
func MustDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// IsZero reports whether d is the "no date" value.
func (d Date) IsZero() bool { return d == 0 }

// Time returns midnight UTC of d.
func (d Date) Time() time.Time {
	return time.Unix(int64(d-unixEpochDay)*86400, 0).UTC()
}

// String formats d as YYYY-MM-DD, or "" for the zero date.
func (d Date) String() string {
	if d == 0 {
		return ""
	}
	var buf [16]byte
	return string(d.AppendText(buf[:0]))
}

// Year returns the calendar year of d.
func (d Date) Year() int {
	y, _, _ := d.Civil()
	return y
}

// AddDays returns the date n days after d (before it when n < 0).
func (d Date) AddDays(n int) Date { return d + Date(n) }

// AddDate adds calendar years, months and days as time.Time.AddDate does,
// so 2024-02-29 plus one year is 2025-03-01.
func (d Date) AddDate(years, months, days int) Date {
	return DateOf(d.Time().AddDate(years, months, days))
}

// DaysUntil returns the number of days from d to other (negative when other
// is earlier).
func (d Date) DaysUntil(other Date) int { return int(other - d) }

// Before reports whether d is strictly earlier than other.
func (d Date) Before(other Date) bool { return d < other }

// After reports whether d is strictly later than other.
func (d Date) After(other Date) bool { return d > other }

// MarshalText implements encoding.TextMarshaler.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (d *Date) UnmarshalText(b []byte) error {
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}
