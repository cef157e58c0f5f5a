package storage

import (
	"errors"
	"io"
	"strconv"

	"github.com/shopspring/decimal"

	"nftharvest/portfolio"
)

// Member names of each object, in the documented order. The decoders use
// the position of a name as its bit in a "seen" mask; the encoder refuses
// Extra entries that reuse one of these names.
var (
	topFields        = []string{"format", "version", "base_currency", "tax_profile", "rates", "collections", "lots", "sales"}
	profileFields    = []string{"jurisdiction", "tax_year", "filing_status", "ordinary_rate", "long_term_rate", "collectibles_rate", "niit", "state_rate", "taxable_income", "wash_sale", "match", "collectible_default", "carryover", "other_gains"}
	carryoverFields  = []string{"short_term", "long_term"}
	otherGainsFields = []string{"short_term", "long_term", "collectibles"}
	collectionFields = []string{"id", "name", "chain", "contract", "standard", "floor", "collectible"}
	priceFields      = []string{"amount", "currency", "as_of"}
	lotFields        = []string{"id", "collection", "token_id", "quantity", "acquired", "cost", "fees", "value", "collectible", "tx", "wallet", "note"}
	saleFields       = []string{"id", "lot", "quantity", "date", "proceeds", "fees", "tx", "batch"}

	topNames        = nameSet(topFields)
	profileNames    = nameSet(profileFields)
	carryoverNames  = nameSet(carryoverFields)
	otherGainsNames = nameSet(otherGainsFields)
	collectionNames = nameSet(collectionFields)
	lotNames        = nameSet(lotFields)
	saleNames       = nameSet(saleFields)
)

func nameSet(names []string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}

// Required members, as bit masks over the name lists above.
const (
	topRequired        = 1<<0 | 1<<1 | 1<<3               // format, version, tax_profile
	profileRequired    = 1 << 1                           // tax_year
	collectionRequired = 1 << 0                           // id
	priceRequired      = 1 << 0                           // amount
	lotRequired        = 1<<0 | 1<<1 | 1<<3 | 1<<4 | 1<<5 // id, collection, quantity, acquired, cost
	saleRequired       = 1<<0 | 1<<1 | 1<<2 | 1<<3 | 1<<4 // id, lot, quantity, date, proceeds
)

// nullRecord reports a required object that was null (open already
// reported any other wrong value at a) and marks it so that validation
// skips it.
func (d *decoder) nullRecord(a at, msg string) {
	if !d.stop && !d.c.reported(a) {
		d.c.fail(a, msg)
	}
}

// DefaultStandard is the token standard of a collection that names none.
const DefaultStandard = "ERC-721"

// document reads the whole file: one top-level object and nothing after it.
func (d *decoder) document() {
	p := d.p
	a := top("")
	switch d.peek() {
	case 0:
		return
	case '{':
		d.token()
	default:
		if raw, ok := d.value(); ok {
			d.end()
			if !d.stop {
				d.fatal = &Problem{Message: "the file holds " + showRaw(raw) + ", not a JSON object"}
				d.stop = true
			}
		}
		return
	}
	p.BaseCurrency = "USD"
	p.Rates = map[string]decimal.Decimal{}
	var seen uint32
	for d.more() {
		name := d.name()
		switch name {
		case "format":
			seen |= 1 << 0
			p.Format, _ = d.str(top(name))
		case "version":
			seen |= 1 << 1
			p.Version, _ = d.integer(top(name))
			if p.Version > portfolio.Version && !d.stop {
				d.fatal = &Problem{Path: "version", Message: futureVersion(p.Version)}
				d.stop = true
			}
		case "base_currency":
			seen |= 1 << 2
			if v, ok := d.str(top(name)); ok {
				p.BaseCurrency = v
			}
		case "tax_profile":
			seen |= 1 << 3
			d.profile(&p.TaxProfile)
		case "rates":
			seen |= 1 << 4
			d.rates(p.Rates)
		case "collections":
			seen |= 1 << 5
			d.collections()
		case "lots":
			seen |= 1 << 6
			d.lots()
		case "sales":
			seen |= 1 << 7
			d.sales()
		default:
			p.Extra = d.extra(p.Extra, name)
		}
	}
	d.missing(seen, topRequired, a, topFields)
	if seen&(1<<3) == 0 {
		d.c.mark(at{sec: secProfile, idx: -1})
		p.TaxProfile = portfolio.DefaultTaxProfile(0)
	}
	d.end()
	d.defaultCurrencies()
}

// end checks that nothing but white space follows the top-level value.
func (d *decoder) end() {
	if d.stop {
		return
	}
	if _, err := d.dec.ReadToken(); err == nil {
		off := int(d.dec.InputOffset())
		line, col := lineCol(d.src, off)
		d.fatal = &Problem{Message: "unexpected data after the top-level object", Line: line, Column: col}
		d.stop = true
	} else if !errors.Is(err, io.EOF) {
		d.fail(err)
	}
}

// futureVersion is the message for a file written by a newer nftharvest.
func futureVersion(v int) string {
	return strconv.Itoa(v) + " is newer than this nftharvest reads (" + strconv.Itoa(portfolio.Version) + "); upgrade nftharvest"
}

// defaultCurrencies gives prices without a currency the base currency.
func (d *decoder) defaultCurrencies() {
	p := d.p
	for i := range p.Collections {
		if f := p.Collections[i].Floor; f != nil && f.Currency == "" {
			f.Currency = p.BaseCurrency
		}
	}
	for i := range p.Lots {
		if v := p.Lots[i].Value; v != nil && v.Currency == "" {
			v.Currency = p.BaseCurrency
		}
	}
}

func (d *decoder) profile(t *portfolio.TaxProfile) {
	*t = portfolio.DefaultTaxProfile(0)
	a := at{sec: secProfile, idx: -1}
	if !d.open('{', a) {
		d.nullRecord(a, "missing (required)")
		return
	}
	f := func(name string) at { return at{sec: secProfile, idx: -1, field: name} }
	var seen uint32
	for d.more() {
		name := d.name()
		switch name {
		case "jurisdiction":
			seen |= 1 << 0
			if v, ok := d.str(f(name)); ok {
				t.Jurisdiction = v
			}
		case "tax_year":
			seen |= 1 << 1
			t.TaxYear, _ = d.integer(f(name))
		case "filing_status":
			seen |= 1 << 2
			if v, ok := d.str(f(name)); ok {
				t.FilingStatus = v
			}
		case "ordinary_rate":
			seen |= 1 << 3
			d.optDecimal(f(name), &t.OrdinaryRate)
		case "long_term_rate":
			seen |= 1 << 4
			d.optDecimal(f(name), &t.LongTermRate)
		case "collectibles_rate":
			seen |= 1 << 5
			d.optDecimal(f(name), &t.CollectiblesRate)
		case "niit":
			seen |= 1 << 6
			t.NIIT, _ = d.boolean(f(name))
		case "state_rate":
			seen |= 1 << 7
			d.optDecimal(f(name), &t.StateRate)
		case "taxable_income":
			seen |= 1 << 8
			if v, ok := d.decimal(f(name)); ok && !d.c.reported(f(name)) {
				t.TaxableIncome = &v
			}
		case "wash_sale":
			seen |= 1 << 9
			if v, ok := d.str(f(name)); ok {
				t.WashSale = v
			}
		case "match":
			seen |= 1 << 10
			if v, ok := d.str(f(name)); ok {
				t.Match = v
			}
		case "collectible_default":
			seen |= 1 << 11
			t.CollectibleDefault, _ = d.boolean(f(name))
		case "carryover":
			seen |= 1 << 12
			d.carryover(&t.Carryover)
		case "other_gains":
			seen |= 1 << 13
			d.otherGains(&t.OtherGains)
		default:
			t.Extra = d.extra(t.Extra, name)
		}
	}
	d.missing(seen, profileRequired, a, profileFields)
}

// optDecimal sets *dst when the member is present (keeping the default
// for null).
func (d *decoder) optDecimal(a at, dst *decimal.Decimal) {
	if v, ok := d.decimal(a); ok {
		*dst = v
	}
}

func (d *decoder) carryover(c *portfolio.Carryover) {
	if !d.open('{', at{sec: secProfile, idx: -1, field: "carryover"}) {
		return
	}
	for d.more() {
		name := d.name()
		a := at{sec: secCarryover, idx: -1, field: name}
		switch name {
		case "short_term":
			d.optDecimal(a, &c.ShortTerm)
		case "long_term":
			d.optDecimal(a, &c.LongTerm)
		default:
			c.Extra = d.extra(c.Extra, name)
		}
	}
}

func (d *decoder) otherGains(g *portfolio.OtherGains) {
	if !d.open('{', at{sec: secProfile, idx: -1, field: "other_gains"}) {
		return
	}
	for d.more() {
		name := d.name()
		a := at{sec: secOtherGains, idx: -1, field: name}
		switch name {
		case "short_term":
			d.optDecimal(a, &g.ShortTerm)
		case "long_term":
			d.optDecimal(a, &g.LongTerm)
		case "collectibles":
			d.optDecimal(a, &g.Collectibles)
		default:
			g.Extra = d.extra(g.Extra, name)
		}
	}
}

func (d *decoder) rates(r map[string]decimal.Decimal) {
	if !d.open('{', top("rates")) {
		return
	}
	for d.more() {
		cur := d.name()
		if v, ok := d.decimal(at{sec: secRates, idx: -1, field: cur}); ok {
			r[cur] = v
		}
	}
}

// price reads a floor or value price; a is the place of the price member.
func (d *decoder) price(a at) *portfolio.Price {
	if !d.open('{', a) {
		return nil
	}
	p := &portfolio.Price{}
	base := a.field
	var seen uint32
	for d.more() {
		name := d.name()
		a.field = base + "." + name
		switch name {
		case "amount":
			seen |= 1 << 0
			p.Amount, _ = d.decimal(a)
		case "currency":
			seen |= 1 << 1
			p.Currency, _ = d.str(a)
		case "as_of":
			seen |= 1 << 2
			p.AsOf, _ = d.date(a)
		default:
			if _, ok := d.value(); ok {
				d.c.fail(a, "unknown field (a price has only amount, currency and as_of)")
			}
		}
	}
	a.field = base
	d.missingIn(seen, priceRequired, a, priceFields)
	return p
}

// missingIn is missing for a nested object: names are prefixed with the
// object's own path inside its record ("floor.amount").
func (d *decoder) missingIn(seen, required uint32, a at, names []string) {
	if d.stop {
		return
	}
	base := a.field
	for i, n := range names {
		if bit := uint32(1) << i; required&bit != 0 && seen&bit == 0 {
			a.field = base + "." + n
			d.c.fail(a, "missing (required)")
		}
	}
}

func (d *decoder) collections() {
	if !d.open('[', top("collections")) {
		return
	}
	p := d.p
	for d.more() {
		i := len(p.Collections)
		p.Collections = append(p.Collections, portfolio.Collection{Standard: DefaultStandard})
		d.collection(&p.Collections[i], i)
	}
}

func (d *decoder) collection(c *portfolio.Collection, i int) {
	a := at{sec: secCollections, idx: i}
	if !d.open('{', a) {
		d.nullRecord(a, "null is not an object")
		return
	}
	var seen uint32
	for d.more() {
		name := d.name()
		a.field = name
		switch name {
		case "id":
			seen |= 1 << 0
			c.ID, _ = d.str(a)
		case "name":
			seen |= 1 << 1
			c.Name, _ = d.str(a)
		case "chain":
			seen |= 1 << 2
			c.Chain, _ = d.str(a)
		case "contract":
			seen |= 1 << 3
			c.Contract, _ = d.str(a)
		case "standard":
			seen |= 1 << 4
			if v, ok := d.str(a); ok {
				c.Standard = v
			}
		case "floor":
			seen |= 1 << 5
			c.Floor = d.price(a)
		case "collectible":
			seen |= 1 << 6
			c.Collectible = d.optBool(a)
		default:
			c.Extra = d.extra(c.Extra, name)
		}
	}
	a.field = ""
	d.missing(seen, collectionRequired, a, collectionFields)
}

func (d *decoder) lots() {
	if !d.open('[', top("lots")) {
		return
	}
	p := d.p
	if n := estimate(d.src, `"acquired"`); n > 0 {
		p.Lots = make([]portfolio.Lot, 0, n)
	}
	for d.more() {
		i := len(p.Lots)
		p.Lots = append(p.Lots, portfolio.Lot{})
		d.lot(&p.Lots[i], i)
	}
}

func (d *decoder) lot(l *portfolio.Lot, i int) {
	a := at{sec: secLots, idx: i}
	if !d.open('{', a) {
		d.nullRecord(a, "null is not an object")
		return
	}
	var seen uint32
	for d.more() {
		name := d.name()
		a.field = name
		switch name {
		case "id":
			seen |= 1 << 0
			l.ID, _ = d.str(a)
		case "collection":
			seen |= 1 << 1
			l.Collection, _ = d.str(a)
		case "token_id":
			seen |= 1 << 2
			l.TokenID, _ = d.str(a)
		case "quantity":
			seen |= 1 << 3
			l.Quantity, _ = d.decimal(a)
		case "acquired":
			seen |= 1 << 4
			l.Acquired, _ = d.date(a)
		case "cost":
			seen |= 1 << 5
			l.Cost, _ = d.decimal(a)
		case "fees":
			seen |= 1 << 6
			l.Fees, _ = d.decimal(a)
		case "value":
			seen |= 1 << 7
			l.Value = d.price(a)
		case "collectible":
			seen |= 1 << 8
			l.Collectible = d.optBool(a)
		case "tx":
			seen |= 1 << 9
			l.Tx, _ = d.str(a)
		case "wallet":
			seen |= 1 << 10
			l.Wallet, _ = d.str(a)
		case "note":
			seen |= 1 << 11
			l.Note, _ = d.str(a)
		default:
			l.Extra = d.extra(l.Extra, name)
		}
	}
	a.field = ""
	d.missing(seen, lotRequired, a, lotFields)
}

func (d *decoder) sales() {
	if !d.open('[', top("sales")) {
		return
	}
	p := d.p
	if n := estimate(d.src, `"proceeds"`); n > 0 {
		p.Sales = make([]portfolio.Sale, 0, n)
	}
	for d.more() {
		i := len(p.Sales)
		p.Sales = append(p.Sales, portfolio.Sale{})
		d.sale(&p.Sales[i], i)
	}
}

func (d *decoder) sale(s *portfolio.Sale, i int) {
	a := at{sec: secSales, idx: i}
	if !d.open('{', a) {
		d.nullRecord(a, "null is not an object")
		return
	}
	var seen uint32
	for d.more() {
		name := d.name()
		a.field = name
		switch name {
		case "id":
			seen |= 1 << 0
			s.ID, _ = d.str(a)
		case "lot":
			seen |= 1 << 1
			s.Lot, _ = d.str(a)
		case "quantity":
			seen |= 1 << 2
			s.Quantity, _ = d.decimal(a)
		case "date":
			seen |= 1 << 3
			s.Date, _ = d.date(a)
		case "proceeds":
			seen |= 1 << 4
			s.Proceeds, _ = d.decimal(a)
		case "fees":
			seen |= 1 << 5
			s.Fees, _ = d.decimal(a)
		case "tx":
			seen |= 1 << 6
			s.Tx, _ = d.str(a)
		case "batch":
			seen |= 1 << 7
			s.Batch, _ = d.str(a)
		default:
			s.Extra = d.extra(s.Extra, name)
		}
	}
	a.field = ""
	d.missing(seen, saleRequired, a, saleFields)
}
