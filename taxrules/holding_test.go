package taxrules

import "testing"

// Pub 550 "Holding Period" and Rev. Rul. 66-7: the count starts the day
// after acquisition and includes the sale date; more than one year is long
// term. Pub 550's own example: bought 2011-02-28 (leap-year boundary).
func TestTermOfHoldingPeriodRules(t *testing.T) {
	cases := []struct {
		name, start, sale string
		want              Term
	}{
		{"Pub 550: sold on the anniversary is short term", "2023-06-15", "2024-06-15", ShortTerm},
		{"day after the anniversary is long term", "2023-06-15", "2024-06-16", LongTerm},
		{"Pub 550 leap year: bought 2011-02-28, sold 2012-02-29 is short", "2011-02-28", "2012-02-29", ShortTerm},
		{"Pub 550 leap year: bought 2011-02-28, sold 2012-03-01 is long", "2011-02-28", "2012-03-01", LongTerm},
		{"bought 2024-02-29, anniversary 2025-02-28 is short", "2024-02-29", "2025-02-28", ShortTerm},
		{"bought 2024-02-29, 2025-03-01 is long", "2024-02-29", "2025-03-01", LongTerm},
		{"same day sale is short", "2024-01-01", "2024-01-01", ShortTerm},
		{"Rev. Rul. 66-7: bought Dec 31, sold Jan 1 two years later is long", "2022-12-31", "2024-01-01", LongTerm},
		{"bought Dec 31, sold Dec 31 next year is short", "2022-12-31", "2023-12-31", ShortTerm},
	}
	for _, c := range cases {
		if got := TermOf(day(c.start), day(c.sale)); got != c.want {
			t.Errorf("%s: TermOf(%s, %s) = %s, want %s", c.name, c.start, c.sale, got, c.want)
		}
	}
}

func TestLongTermOn(t *testing.T) {
	cases := map[string]string{
		"2011-02-28": "2012-03-01",
		"2023-06-15": "2024-06-16",
		"2022-12-31": "2024-01-01",
		"2024-02-28": "2025-03-01",
		"2024-02-29": "2025-03-01",
	}
	for start, want := range cases {
		if got := LongTermOn(day(start)).String(); got != want {
			t.Errorf("LongTermOn(%s) = %s, want %s", start, got, want)
		}
	}
}

// Pub 550 "Wash Sales": the replacement's holding period includes the
// sold stock's. Tacking: held 40 days, replacement bought 2024-03-10
// starts 2024-01-30.
func TestTackedStart(t *testing.T) {
	got := TackedStart(day("2024-03-10"), day("2024-03-01"), day("2024-01-21"))
	if got.String() != "2024-01-30" {
		t.Errorf("TackedStart = %s, want 2024-01-30", got)
	}
}
