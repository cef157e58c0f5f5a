package storage

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"nftharvest/portfolio"
)

// validBase is a small valid file; each case below edits it.
const validBase = `{
  "format": "nftharvest/portfolio", "version": 1, "base_currency": "USD",
  "tax_profile": {"jurisdiction": "US", "tax_year": 2026, "filing_status": "single",
    "ordinary_rate": "0.32", "long_term_rate": "0.15", "collectibles_rate": "0.28",
    "niit": false, "state_rate": "0", "taxable_income": "95000",
    "wash_sale": "apply", "match": "token", "collectible_default": false,
    "carryover": {"short_term": "0", "long_term": "0"},
    "other_gains": {"short_term": "0", "long_term": "0", "collectibles": "0"}},
  "rates": {"ETH": "3150.25"},
  "collections": [
    {"id": "punks", "name": "Punks", "standard": "ERC-721", "floor": {"amount": "0.42", "currency": "ETH", "as_of": "2026-11-20"}},
    {"id": "tides", "standard": "ERC-1155"}],
  "lots": [
    {"id": "L-1", "collection": "punks", "token_id": "1", "quantity": "1", "acquired": "2025-02-14", "cost": "5400.00", "fees": "35.20"},
    {"id": "L-2", "collection": "tides", "token_id": "7", "quantity": "10", "acquired": "2024-06-01", "cost": "410", "fees": "0",
     "value": {"amount": "0.01", "currency": "ETH"}}],
  "sales": [
    {"id": "S-1", "lot": "L-2", "quantity": "4", "date": "2026-03-02", "proceeds": "120.00", "fees": "3.60"},
    {"id": "S-2", "lot": "L-2", "quantity": "6", "date": "2026-04-02", "proceeds": "100", "fees": "1"}]
}`

// edit applies replacements (old, new, old, new, ...) to validBase; each
// old text must occur.
func edit(t testing.TB, pairs ...string) string {
	t.Helper()
	s := validBase
	for i := 0; i+1 < len(pairs); i += 2 {
		if !strings.Contains(s, pairs[i]) {
			t.Fatalf("test setup: %q not in the base file", pairs[i])
		}
		s = strings.Replace(s, pairs[i], pairs[i+1], 1)
	}
	return s
}

func TestValidBaseIsValid(t *testing.T) {
	mustParse(t, []byte(validBase))
}

// TestProblems checks every kind of problem with its exact message, all
// problems of a file reported at once, in file order.
func TestProblems(t *testing.T) {
	tests := []struct {
		name  string
		edits []string
		want  []string // lines of InvalidError.Error()
	}{
		{"unknown tax model", []string{`"taxable_income": "95000",`, `"taxable_income": "95000", "tax_model": "progressive", "magi": "-1",`},
			[]string{`p.json: tax_profile.magi: "-1" is negative`,
				`p.json: tax_profile.tax_model: "progressive" is not one of brackets, flat`}},
		{"bad date", []string{`"acquired": "2025-02-14"`, `"acquired": "2024-13-01"`},
			[]string{`p.json: lots[0].acquired: "2024-13-01" is not a date (YYYY-MM-DD)`}},
		{"not a leap year", []string{`"date": "2026-03-02"`, `"date": "2023-02-29"`},
			[]string{`p.json: sales[0].date: "2023-02-29" is not a date (YYYY-MM-DD)`}},
		{"date with time", []string{`"as_of": "2026-11-20"`, `"as_of": "2026-11-20T10:00:00Z"`},
			[]string{`p.json: collections[0].floor.as_of: "2026-11-20T10:00:00Z" is not a date (YYYY-MM-DD)`}},
		{"bad decimal", []string{`"cost": "410"`, `"cost": "4,10"`},
			[]string{`p.json: lots[1].cost: "4,10" is not a decimal number`}},
		{"decimal out of range", []string{`"fees": "35.20"`, `"fees": 1e99`},
			[]string{`p.json: lots[0].fees: 1e99 is out of range (at most 40 digits)`}},
		{"negative amounts", []string{`"cost": "5400.00"`, `"cost": "-5400.00"`, `"proceeds": "100"`, `"proceeds": -1`, `"amount": "0.42"`, `"amount": "-0.42"`, `"long_term": "0"}`, `"long_term": "-3"}`},
			[]string{
				`p.json: tax_profile.carryover.long_term: "-3" is negative`,
				`p.json: collections[0].floor.amount: "-0.42" is negative`,
				`p.json: lots[0].cost: "-5400.00" is negative`,
				`p.json: sales[1].proceeds: "-1" is negative`,
			}},
		{"quantity not positive", []string{`"quantity": "1"`, `"quantity": "0"`, `"quantity": "4"`, `"quantity": "-4"`},
			[]string{`p.json: lots[0].quantity: "0" must be greater than 0`, `p.json: sales[0].quantity: "-4" must be greater than 0`}},
		{"duplicate lot id", []string{`"id": "L-2"`, `"id": "L-1"`, `"lot": "L-2", "quantity": "4"`, `"lot": "L-1", "quantity": "4"`, `"lot": "L-2", "quantity": "6"`, `"lot": "L-1", "quantity": "6"`},
			[]string{`p.json: lots[0].quantity: "1" is less than the 10 its sales take (sales[0], sales[1])`, `p.json: lots[1].id: "L-1" is a duplicate (first at lots[0])`}},
		{"duplicate sale id", []string{`"id": "S-2"`, `"id": "S-1"`},
			[]string{`p.json: sales[1].id: "S-1" is a duplicate (first at sales[0])`}},
		{"duplicate collection id", []string{`"id": "tides"`, `"id": "punks"`, `"collection": "tides"`, `"collection": "punks"`},
			[]string{`p.json: collections[1].id: "punks" is a duplicate (first at collections[0])`}},
		{"sale of an unknown lot", []string{`"lot": "L-2", "quantity": "4"`, `"lot": "L-9", "quantity": "4"`},
			[]string{`p.json: sales[0].lot: "L-9" is not a lot id in this file`}},
		{"sales take more than the lot", []string{`"quantity": "6"`, `"quantity": "6.5"`},
			[]string{`p.json: lots[1].quantity: "10" is less than the 10.5 its sales take (sales[0], sales[1])`}},
		{"one sale takes more", []string{`"quantity": "1", "acquired"`, `"quantity": "1", "acquired"`, `"lot": "L-2", "quantity": "4"`, `"lot": "L-1", "quantity": "2"`},
			[]string{`p.json: lots[0].quantity: "1" is less than the 2 its sales take (sales[0])`}},
		{"sale before acquisition", []string{`"date": "2026-03-02"`, `"date": "2024-05-31"`},
			[]string{`p.json: sales[0].date: "2024-05-31" is before its lot "L-2" was acquired (2024-06-01)`}},
		{"sale on the acquisition day is fine", []string{`"date": "2026-03-02"`, `"date": "2024-06-01"`}, nil},
		{"unknown collection", []string{`"collection": "tides"`, `"collection": "waves"`},
			[]string{`p.json: lots[1].collection: "waves" is not a collection id in this file`}},
		{"currency without rate", []string{`"currency": "ETH", "as_of"`, `"currency": "SOL", "as_of"`, `"currency": "ETH"}}`, `"currency": "BTC"}}`},
			[]string{`p.json: collections[0].floor.currency: "SOL" has no rate in rates`, `p.json: lots[1].value.currency: "BTC" has no rate in rates`}},
		{"base currency needs no rate", []string{`"currency": "ETH"}}`, `"currency": "USD"}}`}, nil},
		{"missing currency means base", []string{`"currency": "ETH"}}`, `"as_of": "2026-01-01"}}`}, nil},
		{"bad rate", []string{`"ETH": "3150.25"`, `"ETH": "0", "SOL": "-1"`},
			[]string{`p.json: rates.ETH: "0" must be greater than 0`, `p.json: rates.SOL: "-1" must be greater than 0`}},
		{"future version", []string{`"version": 1`, `"version": 2`, `"cost": "410"`, `"cost": "bad"`},
			[]string{`p.json: version: 2 is newer than this nftharvest reads (1); upgrade nftharvest`}},
		{"version zero", []string{`"version": 1`, `"version": 0`},
			[]string{`p.json: version: 0 is not a format version (1 to 1)`}},
		{"version not an integer", []string{`"version": 1`, `"version": "1"`},
			[]string{`p.json: version: "1" is not an integer`}},
		{"wrong format", []string{`"format": "nftharvest/portfolio"`, `"format": "ledger"`},
			[]string{`p.json: format: "ledger" is not "nftharvest/portfolio"`}},
		{"bad enums", []string{`"filing_status": "single"`, `"filing_status": "joint"`, `"wash_sale": "apply"`, `"wash_sale": "yes"`, `"match": "token"`, `"match": "similar"`, `"standard": "ERC-1155"`, `"standard": "ERC-20"`, `"jurisdiction": "US"`, `"jurisdiction": "UK"`},
			[]string{
				`p.json: tax_profile.jurisdiction: "UK" is not one of US`,
				`p.json: tax_profile.filing_status: "joint" is not one of single, married_joint, married_separate, head_of_household`,
				`p.json: tax_profile.wash_sale: "yes" is not one of apply, off`,
				`p.json: tax_profile.match: "similar" is not one of token, collection`,
				`p.json: collections[1].standard: "ERC-20" is not one of ERC-721, ERC-1155`,
			}},
		{"bad rates and year", []string{`"ordinary_rate": "0.32"`, `"ordinary_rate": "32"`, `"tax_year": 2026`, `"tax_year": 26`, `"taxable_income": "95000"`, `"taxable_income": "-1"`},
			[]string{
				`p.json: tax_profile.tax_year: 26 is not a year (1900 to 9999)`,
				`p.json: tax_profile.ordinary_rate: "32" is not a rate between 0 and 1 (0.24 means 24%)`,
				`p.json: tax_profile.taxable_income: "-1" is negative`,
			}},
		{"wrong JSON types", []string{`"niit": false`, `"niit": "no"`, `"tax_year": 2026`, `"tax_year": 2026.5`, `"token_id": "1"`, `"token_id": 1`, `"acquired": "2024-06-01"`, `"acquired": 20240601`, `"cost": "410"`, `"cost": true`, `"rates": {"ETH": "3150.25"}`, `"rates": ["ETH"]`, `"floor": {"amount": "0.42", "currency": "ETH", "as_of": "2026-11-20"}`, `"floor": "0.42 ETH"`, `"sales": [`, `"sales": [7, `},
			[]string{
				`p.json: tax_profile.tax_year: 2026.5 is not an integer`,
				`p.json: tax_profile.niit: "no" is not a boolean (true or false)`,
				`p.json: rates: ["ETH"] is not an object`,
				`p.json: collections[0].floor: "0.42 ETH" is not an object`,
				`p.json: lots[0].token_id: 1 is not a string`,
				`p.json: lots[1].acquired: 20240601 is not a date (YYYY-MM-DD)`,
				`p.json: lots[1].cost: true is not a decimal number`,
				`p.json: sales[0]: 7 is not an object`,
			}},
		{"missing required fields", []string{`"id": "L-1", `, ``, `"acquired": "2024-06-01", "cost": "410", `, ``, `"proceeds": "100", `, ``, `{"id": "tides", `, `{`, `"amount": "0.01", `, ``},
			[]string{
				`p.json: collections[1].id: missing (required)`,
				`p.json: lots[0].id: missing (required)`,
				`p.json: lots[1].value.amount: missing (required)`,
				`p.json: lots[1].acquired: missing (required)`,
				`p.json: lots[1].cost: missing (required)`,
				`p.json: lots[1].collection: "tides" is not a collection id in this file`,
				`p.json: sales[1].proceeds: missing (required)`,
			}},
		{"missing tax_year", []string{`"tax_year": 2026, `, ``},
			[]string{`p.json: tax_profile.tax_year: missing (required)`}},
		{"missing top-level members", []string{`"format": "nftharvest/portfolio", "version": 1, `, ``},
			[]string{`p.json: format: missing (required)`, `p.json: version: missing (required)`}},
		{"null tax profile", []string{`"tax_profile": {`, `"tax_profile": null, "x": {`},
			[]string{`p.json: tax_profile: missing (required)`}},
		{"empty ids", []string{`"id": "S-2"`, `"id": ""`, `"collection": "tides"`, `"collection": ""`},
			[]string{`p.json: lots[1].collection: "" must not be empty`, `p.json: sales[1].id: "" must not be empty`}},
		{"duplicate member", []string{`"fees": "35.20"`, `"fees": "35.20", "fees": "1"`},
			[]string{`p.json: lots[0].fees: duplicate member name`}},
		{"duplicate member in a price", []string{`"as_of": "2026-11-20"}`, `"as_of": "2026-11-20", "source": "x", "source": "y"}`},
			[]string{`p.json: collections[0].floor.source: duplicate member name`}},
		{"long values are shortened", []string{`"cost": "410"`, `"cost": "` + strings.Repeat("9", 80) + `x"`},
			[]string{`p.json: lots[1].cost: "` + strings.Repeat("9", 56) + `... is not a decimal number`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			text := edit(t, tc.edits...)
			_, err := Parse([]byte(text), "p.json")
			if tc.want == nil {
				if err != nil {
					t.Fatalf("unexpected error:\n%v", err)
				}
				return
			}
			if err == nil {
				t.Fatalf("accepted; want\n%s", strings.Join(tc.want, "\n"))
			}
			problemsOf(t, err)
			if got, want := err.Error(), strings.Join(tc.want, "\n"); got != want {
				t.Errorf("got\n%s\nwant\n%s", got, want)
			}
		})
	}
}

// TestMalformedJSON checks that syntax errors name the line and column
// (in characters) and nothing else.
func TestMalformedJSON(t *testing.T) {
	tests := []struct{ in, want string }{
		{"{\n  \"format\": \"x\",\n  \"lots\": [1\n  }\n}", `portfolio.json:4:3: invalid character '}' after array element (expecting ',' or ']')`},
		{"{\n  \"lots\": [1,\n  ]\n}", `portfolio.json:2:13: invalid character ',' at start of value`},
		{`{"a": "é", "b": tru}`, `portfolio.json:1:20: invalid character '}' in literal true (expecting 'e')`},
		{`{"a": 1 "b": 2}`, `portfolio.json:1:9: invalid character '"' after object value (expecting ',' or '}')`},
		{``, `portfolio.json:1:1: unexpected end of file`},
		{"{\"a\": [1, 2", `portfolio.json:1:12: unexpected end of file`},
		{`{} {}`, `portfolio.json:1:4: unexpected data after the top-level object`},
		{`[1, 2]`, `portfolio.json: the file holds [1, 2], not a JSON object`},
		{"{\"a\": \"\xff\"}", `portfolio.json:1:8: invalid UTF-8`},
	}
	for _, tc := range tests {
		_, err := Parse([]byte(tc.in), "portfolio.json")
		if err == nil {
			t.Errorf("%q accepted", tc.in)
			continue
		}
		inv := problemsOf(t, err)
		if len(inv.Problems) != 1 {
			t.Errorf("%q: %d problems, want 1", tc.in, len(inv.Problems))
		}
		if err.Error() != tc.want {
			t.Errorf("%q:\n got %s\nwant %s", tc.in, err, tc.want)
		}
	}
}

// TestProblemCap checks that a file with very many problems lists the
// first MaxProblems and counts the rest.
func TestProblemCap(t *testing.T) {
	var lots []string
	for range 150 {
		lots = append(lots, `{"id": "L", "collection": "punks", "quantity": "1", "acquired": "2025-13-01", "cost": "1"}`)
	}
	text := edit(t, `{"id": "L-1", "collection": "punks", "token_id": "1", "quantity": "1", "acquired": "2025-02-14", "cost": "5400.00", "fees": "35.20"},`, strings.Join(lots, ",\n")+",")
	_, err := Parse([]byte(text), "big.json")
	inv := problemsOf(t, err)
	// Each of the 150 lots has a bad date; all but the first a duplicate id.
	if len(inv.Problems) != MaxProblems || inv.More != 299-MaxProblems {
		t.Fatalf("%d problems listed, %d more; want %d and %d", len(inv.Problems), inv.More, MaxProblems, 299-MaxProblems)
	}
	lines := strings.Split(err.Error(), "\n")
	if last := lines[len(lines)-1]; last != "big.json: ... and 199 more problems" {
		t.Errorf("last line %q", last)
	}
}

// TestValidateBuiltPortfolio checks Validate on a portfolio built in code,
// where there is no file text: zero values are reported as such.
func TestValidateBuiltPortfolio(t *testing.T) {
	p := mustParse(t, []byte(validBase))
	if probs := Validate(p); probs != nil {
		t.Fatalf("valid portfolio: %v", probs)
	}
	p.Lots = append(p.Lots, portfolio.Lot{ID: "L-3", Collection: "punks"})
	p.Sales = append(p.Sales, portfolio.Sale{Lot: "L-3", Quantity: dec("1"), Date: portfolio.MustDate("2026-01-01")})
	p.TaxProfile.WashSale = ""
	p.TaxProfile.OtherGains.LongTerm = decimal.New(5, 41)
	p.Lots[0].Fees = decimal.New(1, -41)
	p.Format = ""
	var got []string
	for _, pr := range Validate(p) {
		got = append(got, pr.String())
	}
	want := []string{
		`format: "" is not "nftharvest/portfolio"`,
		`tax_profile.wash_sale: "" is not one of apply, off`,
		`tax_profile.other_gains.long_term: a number with exponent 41 is out of range (at most 40 digits)`,
		`lots[0].fees: a number with exponent -41 is out of range (at most 40 digits)`,
		`lots[2].quantity: "0" must be greater than 0`,
		`lots[2].acquired: missing (required)`,
		`sales[2].id: "" must not be empty`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
