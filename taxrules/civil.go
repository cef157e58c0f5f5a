package taxrules

import "nftharvest/portfolio"

// Civil-date arithmetic on day numbers, for the one calendar computation
// done per lot (LongTermOn). It gives exactly portfolio.Date.AddDate(1, 0,
// 0) (time.AddDate's normalisation: Feb 29 + 1 year = Mar 1; a test checks
// every day of several centuries) without building a time.Time.

// unixEpochDay is portfolio's day number of 1970-01-01.
const unixEpochDay = 719163

// civil returns the year, month and day of d (H. Hinnant's civil_from_days).
func civil(d portfolio.Date) (y, m, day int) {
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

// fromCivil returns the day number of y-m-d (H. Hinnant's days_from_civil).
func fromCivil(y, m, day int) portfolio.Date {
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
	doy := (153*mp+2)/5 + day - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return portfolio.Date(era*146097 + doe - 719468 + unixEpochDay)
}

// addYear returns d plus one calendar year, normalised like time.AddDate.
func addYear(d portfolio.Date) portfolio.Date {
	y, m, day := civil(d)
	y++
	if m == 2 && day == 29 && !(y%4 == 0 && (y%100 != 0 || y%400 == 0)) {
		m, day = 3, 1
	}
	return fromCivil(y, m, day)
}
