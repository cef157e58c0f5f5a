package ui

import (
	"strings"
	"testing"
)

// The header warns about prices in use older than 7 days (the sample's
// floor of Atelier Meridian and the value of L-0011 are 8 days old on the
// test's today) when the terminal is wide enough, shortening the warning
// before anything else, and drops it last of all only when it must.
func TestHeaderWarnsAboutStalePrices(t *testing.T) {
	h := newHarness(t, 200, 40, "", nil)
	if got := h.m.headerLine(200); !strings.Contains(got, "⚠ 2 price(s) older than 7 days (oldest: a floor, 8 days)") {
		t.Errorf("wide header: %q", got)
	}
	if got := h.m.headerLine(140); !strings.Contains(got, "⚠ 2 stale price(s)") && !strings.Contains(got, "⚠ stale") {
		t.Errorf("140-column header: %q", got)
	}
	if got := h.m.headerLine(90); strings.Contains(got, "⚠") {
		t.Errorf("90-column header keeps the warning over the rest: %q", got)
	}
}
