package cli

import (
	"fmt"
	"io"
	"strings"

	"nftharvest/portfolio"
	"nftharvest/safetext"
)

// staleLimit is how many stale prices a warning names.
const staleLimit = 5

// staleWarning is the sentence warning that prices in use are older than
// portfolio.MaxPriceAge days as of today, or "" when none is.
func staleWarning(p *portfolio.Portfolio, today portfolio.Date) string {
	stale := portfolio.StalePrices(p, today, portfolio.MaxPriceAge)
	if len(stale) == 0 {
		return ""
	}
	parts := make([]string, 0, staleLimit+1)
	for i, s := range stale {
		if i == staleLimit {
			parts = append(parts, fmt.Sprintf("and %d more", len(stale)-i))
			break
		}
		parts = append(parts, fmt.Sprintf("%s of %s (%s, %d days)", s.Kind, safetext.String(s.Of), s.AsOf, s.Days))
	}
	return fmt.Sprintf("Warning: %d price(s) in use older than %d days as of %s: %s. Update them with \"nftharvest prices FILE.csv\".",
		len(stale), portfolio.MaxPriceAge, today, strings.Join(parts, ", "))
}

// writeStalePrices ends a report with the stale-price warning, if any.
func writeStalePrices(w io.Writer, p *portfolio.Portfolio, today portfolio.Date) error {
	msg := staleWarning(p, today)
	if msg == "" {
		return nil
	}
	_, err := io.WriteString(w, "\n"+wrap(msg, "", "  ", Width))
	return err
}
