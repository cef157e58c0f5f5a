package taxrules

import (
	"testing"

	"nftharvest/portfolio"

	"github.com/shopspring/decimal"
)

// d parses a decimal literal.
func d(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// day parses a date literal.
func day(s string) portfolio.Date { return portfolio.MustDate(s) }

// newPortfolio returns an empty portfolio with the default profile for year.
func newPortfolio(year int) *portfolio.Portfolio {
	return &portfolio.Portfolio{
		Format: portfolio.Format, Version: portfolio.Version, BaseCurrency: "USD",
		TaxProfile: portfolio.DefaultTaxProfile(year),
		Collections: []portfolio.Collection{
			{ID: "punks", Name: "Pixel Punks", Standard: "ERC-721"},
			{ID: "apes", Name: "Bored Apes", Standard: "ERC-721"},
		},
	}
}

// addLot appends a lot of quantity qty bought on date for cost (no fees).
func addLot(p *portfolio.Portfolio, id, coll, token, qty, date, cost string) {
	p.Lots = append(p.Lots, portfolio.Lot{ID: id, Collection: coll, TokenID: token,
		Quantity: d(qty), Acquired: day(date), Cost: d(cost), Fees: decimal.Zero})
}

// addSale appends a sale of qty units of lot on date for proceeds (no fees).
func addSale(p *portfolio.Portfolio, id, lot, qty, date, proceeds string) {
	p.Sales = append(p.Sales, portfolio.Sale{ID: id, Lot: lot, Quantity: d(qty),
		Date: day(date), Proceeds: d(proceeds), Fees: decimal.Zero})
}

// mustAnalyze analyses p as of asOf and fails the test on error.
func mustAnalyze(t *testing.T, p *portfolio.Portfolio, asOf string) *Analysis {
	t.Helper()
	a, err := Analyze(p, day(asOf))
	if err != nil {
		t.Fatalf("Analyze: %v", err)
	}
	return a
}

// eq fails the test when got != want (decimal equality).
func eq(t *testing.T, what string, got decimal.Decimal, want string) {
	t.Helper()
	if !got.Equal(d(want)) {
		t.Errorf("%s = %s, want %s", what, got, want)
	}
}

// lotState returns the state of the lot with the given id.
func lotState(t *testing.T, a *Analysis, id string) *LotState {
	t.Helper()
	for i := range a.Lots {
		if a.Lots[i].Lot.ID == id {
			return &a.Lots[i]
		}
	}
	t.Fatalf("no lot %s", id)
	return nil
}

// salesOf returns the results of the sale with the given id.
func salesOf(a *Analysis, id string) []SaleResult {
	var out []SaleResult
	for _, r := range a.Sales {
		if r.Sale == id {
			out = append(out, r)
		}
	}
	return out
}
