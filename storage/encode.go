package storage

import (
	"fmt"
	"slices"
	"strconv"
	"unicode/utf8"

	"github.com/go-json-experiment/json/jsontext"
	"github.com/shopspring/decimal"

	"nftharvest/portfolio"
)

// Encode returns the JSON encoding of p, unknown fields kept. The output is
// deterministic: two-space indentation, known members in the order of
// docs/format.md, then unknown members in their original order; rates
// sorted by currency; each collection, lot and sale on one line; decimals
// as strings keeping their scale. Encode does not validate p (Save does);
// it fails only on text that cannot be written as JSON (invalid UTF-8, an
// Extra value that is not JSON, an Extra name equal to a known member).
func Encode(p *portfolio.Portfolio) ([]byte, error) {
	e := &encoder{b: make([]byte, 0, 4096+len(p.Lots)*320+len(p.Sales)*200+len(p.Collections)*240)}
	e.portfolio(p)
	if e.err != nil {
		return nil, e.err
	}
	return e.b, nil
}

// encoder appends JSON to b; the first error stops it.
type encoder struct {
	b   []byte
	err error
	// sep is written before the next member of a one-line object.
	first bool
}

// Multi-line objects: members on their own lines at an indentation.

func (e *encoder) memberLine(indent, name string, first bool) {
	if !first {
		e.b = append(e.b, ',')
	}
	e.b = append(e.b, '\n')
	e.b = append(e.b, indent...)
	e.b = appendQuoted(e.b, name)
	e.b = append(e.b, ": "...)
}

func (e *encoder) portfolio(p *portfolio.Portfolio) {
	const in = "  "
	e.b = append(e.b, '{')
	e.memberLine(in, "format", true)
	e.str(p.Format)
	e.memberLine(in, "version", false)
	e.b = strconv.AppendInt(e.b, int64(p.Version), 10)
	e.memberLine(in, "base_currency", false)
	e.str(p.BaseCurrency)
	e.memberLine(in, "tax_profile", false)
	e.profile(&p.TaxProfile)
	e.memberLine(in, "rates", false)
	e.rates(p.Rates)

	e.memberLine(in, "collections", false)
	e.b = append(e.b, '[')
	for i := range p.Collections {
		e.record(i)
		e.collection(&p.Collections[i], i)
	}
	e.endArray(len(p.Collections))

	e.memberLine(in, "lots", false)
	e.b = append(e.b, '[')
	for i := range p.Lots {
		e.record(i)
		e.lot(&p.Lots[i], i)
	}
	e.endArray(len(p.Lots))

	e.memberLine(in, "sales", false)
	e.b = append(e.b, '[')
	for i := range p.Sales {
		e.record(i)
		e.sale(&p.Sales[i], i)
	}
	e.endArray(len(p.Sales))

	e.extraLines(in, p.Extra, top(""), topNames)
	e.b = append(e.b, "\n}\n"...)
}

func (e *encoder) profile(t *portfolio.TaxProfile) {
	const in = "    "
	e.b = append(e.b, '{')
	e.memberLine(in, "jurisdiction", true)
	e.str(t.Jurisdiction)
	e.memberLine(in, "tax_year", false)
	e.b = strconv.AppendInt(e.b, int64(t.TaxYear), 10)
	e.memberLine(in, "filing_status", false)
	e.str(t.FilingStatus)
	e.memberLine(in, "ordinary_rate", false)
	e.dec(t.OrdinaryRate)
	e.memberLine(in, "long_term_rate", false)
	e.dec(t.LongTermRate)
	e.memberLine(in, "collectibles_rate", false)
	e.dec(t.CollectiblesRate)
	e.memberLine(in, "niit", false)
	e.b = strconv.AppendBool(e.b, t.NIIT)
	e.memberLine(in, "state_rate", false)
	e.dec(t.StateRate)
	if t.TaxableIncome != nil {
		e.memberLine(in, "taxable_income", false)
		e.dec(*t.TaxableIncome)
	}
	if t.MAGI != nil {
		e.memberLine(in, "magi", false)
		e.dec(*t.MAGI)
	}
	if t.TaxModel != "" {
		e.memberLine(in, "tax_model", false)
		e.str(t.TaxModel)
	}
	e.memberLine(in, "wash_sale", false)
	e.str(t.WashSale)
	e.memberLine(in, "match", false)
	e.str(t.Match)
	e.memberLine(in, "collectible_default", false)
	e.b = strconv.AppendBool(e.b, t.CollectibleDefault)

	e.memberLine(in, "carryover", false)
	e.first = true
	e.b = append(e.b, '{')
	e.member("short_term")
	e.dec(t.Carryover.ShortTerm)
	e.member("long_term")
	e.dec(t.Carryover.LongTerm)
	e.extraInline(t.Carryover.Extra, at{sec: secCarryover, idx: -1}, carryoverNames)
	e.b = append(e.b, '}')

	e.memberLine(in, "other_gains", false)
	e.first = true
	e.b = append(e.b, '{')
	e.member("short_term")
	e.dec(t.OtherGains.ShortTerm)
	e.member("long_term")
	e.dec(t.OtherGains.LongTerm)
	e.member("collectibles")
	e.dec(t.OtherGains.Collectibles)
	e.extraInline(t.OtherGains.Extra, at{sec: secOtherGains, idx: -1}, otherGainsNames)
	e.b = append(e.b, '}')

	e.extraLines(in, t.Extra, at{sec: secProfile, idx: -1}, profileNames)
	e.b = append(e.b, "\n  }"...)
}

func (e *encoder) rates(r map[string]decimal.Decimal) {
	if len(r) == 0 {
		e.b = append(e.b, "{}"...)
		return
	}
	keys := make([]string, 0, len(r))
	for k := range r {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	e.b = append(e.b, '{')
	for i, k := range keys {
		e.memberLine("    ", k, i == 0)
		e.dec(r[k])
	}
	e.b = append(e.b, "\n  }"...)
}

// record starts element i of a records array: one element per line.
func (e *encoder) record(i int) {
	if i > 0 {
		e.b = append(e.b, ',')
	}
	e.b = append(e.b, "\n    "...)
	e.first = true
}

func (e *encoder) endArray(n int) {
	if n > 0 {
		e.b = append(e.b, "\n  "...)
	}
	e.b = append(e.b, ']')
}

// One-line objects: {"a": 1, "b": 2}.

func (e *encoder) member(name string) {
	if !e.first {
		e.b = append(e.b, ", "...)
	}
	e.first = false
	e.b = appendQuoted(e.b, name)
	e.b = append(e.b, ": "...)
}

func (e *encoder) optStr(name, v string) {
	if v != "" {
		e.member(name)
		e.str(v)
	}
}

func (e *encoder) optBool(name string, v *bool) {
	if v != nil {
		e.member(name)
		e.b = strconv.AppendBool(e.b, *v)
	}
}

func (e *encoder) price(name string, p *portfolio.Price, a at) {
	if p == nil {
		return
	}
	e.member(name)
	e.b = append(e.b, `{"amount": `...)
	e.dec(p.Amount)
	e.b = append(e.b, `, "currency": `...)
	e.str(p.Currency)
	if !p.AsOf.IsZero() {
		e.b = append(e.b, `, "as_of": "`...)
		e.b = p.AsOf.AppendText(e.b)
		e.b = append(e.b, '"')
	}
	e.extraInline(p.Extra, a, priceNames)
	e.b = append(e.b, '}')
}

func (e *encoder) collection(c *portfolio.Collection, i int) {
	e.b = append(e.b, '{')
	e.member("id")
	e.str(c.ID)
	e.optStr("name", c.Name)
	e.optStr("chain", c.Chain)
	e.optStr("contract", c.Contract)
	e.member("standard")
	e.str(c.Standard)
	e.price("floor", c.Floor, at{sec: secCollections, idx: i, field: "floor"})
	e.optBool("collectible", c.Collectible)
	e.extraInline(c.Extra, at{sec: secCollections, idx: i}, collectionNames)
	e.b = append(e.b, '}')
}

func (e *encoder) lot(l *portfolio.Lot, i int) {
	e.b = append(e.b, '{')
	e.member("id")
	e.str(l.ID)
	e.member("collection")
	e.str(l.Collection)
	e.optStr("token_id", l.TokenID)
	e.member("quantity")
	e.dec(l.Quantity)
	e.member("acquired")
	e.date(l.Acquired)
	e.member("cost")
	e.dec(l.Cost)
	e.member("fees")
	e.dec(l.Fees)
	e.price("value", l.Value, at{sec: secLots, idx: i, field: "value"})
	e.optBool("collectible", l.Collectible)
	e.optStr("tx", l.Tx)
	e.optStr("wallet", l.Wallet)
	e.optStr("note", l.Note)
	e.extraInline(l.Extra, at{sec: secLots, idx: i}, lotNames)
	e.b = append(e.b, '}')
}

func (e *encoder) sale(s *portfolio.Sale, i int) {
	e.b = append(e.b, '{')
	e.member("id")
	e.str(s.ID)
	e.member("lot")
	e.str(s.Lot)
	e.member("quantity")
	e.dec(s.Quantity)
	e.member("date")
	e.date(s.Date)
	e.member("proceeds")
	e.dec(s.Proceeds)
	e.member("fees")
	e.dec(s.Fees)
	e.optStr("tx", s.Tx)
	e.optStr("batch", s.Batch)
	e.extraInline(s.Extra, at{sec: secSales, idx: i}, saleNames)
	e.b = append(e.b, '}')
}

// Values.

func (e *encoder) str(s string) {
	if e.err != nil {
		return
	}
	if !utf8.ValidString(s) {
		e.err = fmt.Errorf("encode: %q is not valid UTF-8 text", s)
		return
	}
	e.b = appendQuoted(e.b, s)
}

func (e *encoder) dec(d decimal.Decimal) {
	e.b = append(e.b, '"')
	e.b = appendDecimal(e.b, d)
	e.b = append(e.b, '"')
}

func (e *encoder) date(d portfolio.Date) {
	e.b = append(e.b, '"')
	e.b = d.AppendText(e.b)
	e.b = append(e.b, '"')
}

// Unknown members.

// extraLines writes unknown members of a multi-line object, each value
// re-indented to its depth.
func (e *encoder) extraLines(indent string, x portfolio.Extra, a at, known map[string]bool) {
	for _, f := range x {
		v, ok := e.extraValue(f, a, known)
		if !ok {
			return
		}
		if err := v.Indent(keepDuplicates, jsontext.WithIndentPrefix(indent), jsontext.WithIndent("  ")); err != nil {
			e.extraErr(a, f.Name, err)
			return
		}
		e.memberLine(indent, f.Name, false)
		e.b = append(e.b, v...)
	}
}

// extraInline writes unknown members of a one-line object, compacted with
// a space after colons and commas.
func (e *encoder) extraInline(x portfolio.Extra, a at, known map[string]bool) {
	for _, f := range x {
		v, ok := e.extraValue(f, a, known)
		if !ok {
			return
		}
		if err := v.Compact(keepDuplicates, jsontext.SpaceAfterColon(true), jsontext.SpaceAfterComma(true)); err != nil {
			e.extraErr(a, f.Name, err)
			return
		}
		e.member(f.Name)
		e.b = append(e.b, v...)
	}
}

// keepDuplicates lets an unknown member's value hold an object with a
// repeated member name: the loader reads such values as they are (only
// known objects are checked for duplicates), so saving writes them back
// unchanged rather than failing.
var keepDuplicates = jsontext.AllowDuplicateNames(true)

// extraValue checks one unknown member and returns a copy of its value to
// format.
func (e *encoder) extraValue(f portfolio.ExtraField, a at, known map[string]bool) (jsontext.Value, bool) {
	if e.err != nil {
		return nil, false
	}
	a.field = f.Name
	if known[f.Name] {
		e.err = fmt.Errorf("encode: %s: unknown-field entry uses the name of a known field", a)
		return nil, false
	}
	if !utf8.ValidString(f.Name) {
		e.err = fmt.Errorf("encode: %q is not a valid field name", f.Name)
		return nil, false
	}
	v := jsontext.Value(slices.Clone(f.Value))
	if !v.IsValid(keepDuplicates) {
		e.err = fmt.Errorf("encode: %s: unknown-field value %s is not valid JSON", a, showRaw(string(f.Value)))
		return nil, false
	}
	return v, true
}

func (e *encoder) extraErr(a at, name string, err error) {
	a.field = name
	e.err = fmt.Errorf("encode: %s: %w", a, err)
}

// appendQuoted appends s as a JSON string with the minimal escaping of
// RFC 8785 (quote, backslash and control characters only).
func appendQuoted(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == '"' || c == '\\' || c >= utf8.RuneSelf {
			q, _ := jsontext.AppendQuote(b, s)
			return q
		}
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}
