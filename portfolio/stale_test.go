package portfolio

import (
	"fmt"
	"testing"
)

// Only prices in use and older than the limit are listed: a sold lot's
// value, a floor no open lot uses and a recent rate are not.
func TestStalePrices(t *testing.T) {
	d := MustDate
	p := &Portfolio{
		BaseCurrency: "USD",
		RatesAsOf:    map[string]Date{"ETH": d("2026-11-01"), "SOL": d("2026-12-01")},
		Collections: []Collection{
			{ID: "owls", Floor: &Price{Amount: dec("1"), Currency: "ETH", AsOf: d("2026-11-20")}},
			{ID: "koi", Floor: &Price{Amount: dec("1"), Currency: "SOL", AsOf: d("2026-11-29")}},
			{ID: "unused", Floor: &Price{Amount: dec("1"), Currency: "USD", AsOf: d("2020-01-01")}},
			{ID: "undated", Floor: &Price{Amount: dec("1"), Currency: "USD"}},
		},
		Lots: []Lot{
			{ID: "L-1", Collection: "owls", Quantity: dec("1")},
			{ID: "L-2", Collection: "koi", Quantity: dec("1")},
			{ID: "L-3", Collection: "unused", Quantity: dec("1"), Value: &Price{Amount: dec("2"), Currency: "USD", AsOf: d("2026-10-01")}},
			{ID: "L-4", Collection: "unused", Quantity: dec("1"), Value: &Price{Amount: dec("2"), Currency: "USD", AsOf: d("2019-01-01")}},
			{ID: "L-5", Collection: "undated", Quantity: dec("1")},
		},
		Sales: []Sale{{ID: "S-1", Lot: "L-4", Quantity: dec("1")}},
	}
	got := fmt.Sprint(StalePrices(p, d("2026-12-06"), MaxPriceAge))
	want := "[{value L-3 2026-10-01 66} {rate ETH 2026-11-01 35} {floor owls 2026-11-20 16}]"
	if got != want {
		t.Errorf("StalePrices = %s\nwant %s", got, want)
	}
	if got := StalePrices(p, d("2026-11-27"), MaxPriceAge); len(got) != 2 {
		t.Errorf("a week earlier: %v", got)
	}
}
