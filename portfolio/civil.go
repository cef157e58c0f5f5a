package portfolio

// Civil-date arithmetic on day numbers (H. Hinnant's days_from_civil and
// civil_from_days), the one copy every package uses: parsing, formatting
// and adding years happen once per lot and per sale, so they skip
// time.Time. Tests check them against the time package for every day of
// several centuries.

// FromCivil returns the date y-m-d; m and d must name a real day (see
// ParseDateText for checked input).
func FromCivil(y, m, d int) Date {
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era--
	}
	yoe := y - era*400
	mp := m - 3
	if m <= 2 {
		mp = m + 9
	}
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return Date(era*146097 + doe - 719468 + unixEpochDay)
}

// Civil returns the year, month and day of d.
func (d Date) Civil() (y, m, day int) {
	z := int(d) - unixEpochDay + 719468
	era := z / 146097
	if z < 0 && z%146097 != 0 {
		era--
	}
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y = yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	day = doy - (153*mp+2)/5 + 1
	if mp < 10 {
		m = mp + 3
	} else {
		m = mp - 9
	}
	if m <= 2 {
		y++
	}
	return y, m, day
}

// isLeap reports whether y is a leap year of the Gregorian calendar.
func isLeap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

// daysIn returns the number of days of month m of year y.
func daysIn(y, m int) int {
	switch m {
	case 2:
		if isLeap(y) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// AddYears returns d plus n calendar years, normalised as time.AddDate
// does: 2024-02-29 plus one year is 2025-03-01.
func (d Date) AddYears(n int) Date {
	y, m, day := d.Civil()
	y += n
	if m == 2 && day == 29 && !isLeap(y) {
		m, day = 3, 1
	}
	return FromCivil(y, m, day)
}

// ParseDateText reads a strict YYYY-MM-DD date (years 0001 to 9999, real
// calendar days only), as ParseDate does, without allocating: loading
// reads a date per lot and per sale.
func ParseDateText[T ~string | ~[]byte](s T) (Date, bool) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return 0, false
	}
	y, ok1 := digits(s[0:4])
	m, ok2 := digits(s[5:7])
	d, ok3 := digits(s[8:10])
	if !ok1 || !ok2 || !ok3 || y < 1 || m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
		return 0, false
	}
	return FromCivil(y, m, d), true
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

// AppendText appends d as YYYY-MM-DD (nothing for the zero date), as
// String does, without allocating. Years outside 0001-9999 are written as
// String writes them.
func (d Date) AppendText(b []byte) []byte {
	if d == 0 {
		return b
	}
	y, m, day := d.Civil()
	if y < 1 || y > 9999 {
		return append(b, d.Time().Format(DateLayout)...)
	}
	b = append(b, byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-')
	b = append(b, byte('0'+m/10), byte('0'+m%10), '-')
	return append(b, byte('0'+day/10), byte('0'+day%10))
}
