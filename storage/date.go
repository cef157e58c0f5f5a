package storage

import "nftharvest/portfolio"

// epochDay is portfolio.Date's day number of 1970-01-01.
var epochDay = portfolio.MustDate("1970-01-01")

// parseDate reads a strict YYYY-MM-DD date as portfolio.ParseDate does
// (years 0001 to 9999, real calendar days only), without going through
// time.Parse: loading reads a date per lot and per sale.
func parseDate[T ~string | ~[]byte](s T) (portfolio.Date, bool) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return 0, false
	}
	y, ok1 := digits(s[0:4])
	m, ok2 := digits(s[5:7])
	d, ok3 := digits(s[8:10])
	if !ok1 || !ok2 || !ok3 || y < 1 || m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
		return 0, false
	}
	return epochDay + portfolio.Date(daysFromCivil(y, m, d)), true
}

// digits reads a run of ASCII digits.
func digits[T ~string | ~[]byte](s T) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// daysIn returns the number of days of month m of year y.
func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// daysFromCivil returns the days from 1970-01-01 to y-m-d in the proleptic
// Gregorian calendar (H. Hinnant's algorithm).
func daysFromCivil(y, m, d int) int {
	if m <= 2 {
		y--
	}
	era := y / 400 // y >= 0 here, so no flooring needed
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// appendDate appends d as YYYY-MM-DD (nothing for the zero date), as
// Date.String does but without allocating.
func appendDate(b []byte, d portfolio.Date) []byte {
	if d.IsZero() {
		return b
	}
	y, m, day := d.Time().Date()
	b = append(b, byte('0'+y/1000%10), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-')
	b = append(b, byte('0'+int(m)/10), byte('0'+int(m)%10), '-')
	return append(b, byte('0'+day/10), byte('0'+day%10))
}
