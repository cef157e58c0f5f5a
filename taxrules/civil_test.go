package taxrules

import "testing"

func TestAddYearMatchesAddDate(t *testing.T) {
	for d := day("1890-01-01"); d < day("2110-12-31"); d++ {
		if got, want := addYear(d), d.AddDate(1, 0, 0); got != want {
			t.Fatalf("addYear(%s) = %s, want %s", d, got, want)
		}
	}
	for _, s := range []string{"0001-01-01", "0400-02-29", "1600-02-29", "9998-12-31"} {
		if got, want := addYear(day(s)), day(s).AddDate(1, 0, 0); got != want {
			t.Errorf("addYear(%s) = %s, want %s", s, got, want)
		}
	}
}
