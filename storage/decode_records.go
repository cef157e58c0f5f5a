package storage

import (
	"errors"
	"io"
	"strconv"

	"github.com/shopspring/decimal"

	"nftharvest/portfolio"
)

// The name sets of the objects (fields.go).
var (
	topNames        = nameSet(topFields[:])
	profileNames    = nameSet(profileFields[:])
	carryoverNames  = nameSet(carryoverFields[:])
	otherGainsNames = nameSet(otherGainsFields[:])
	collectionNames = nameSet(collectionFields[:])
	lotNames        = nameSet(lotFields[:])
	saleNames       = nameSet(saleFields[:])
	priceNames      = nameSet(priceFields[:])
)

func nameSet(names []string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}

// nullRecord reports a required object that was null (open already
// reported any other wrong value at a) and marks it so that validation
// skips it.
func (d *decoder) nullRecord(a at, msg string) {
	if !d.stop && !d.c.reported(a) {
		d.c.fail(a, msg)
	}
}

// first notes a known member in seen; a second member of the same name is
// reported at a, its value skipped, and first returns false.
func (d *decoder) first(seen *uint32, bit uint, a at) bool {
	if *seen&(1<<bit) != 0 {
		d.value()
		if !d.stop {
			d.c.fail(a, "duplicate member name")
		}
		return false
	}
	*seen |= 1 << bit
	return true
}

// sizingSample is how many records are read before the rest of an array
// is estimated from the bytes they took.
const sizingSample = 512

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
			shown := showRaw(raw) // raw is only valid until the next read
			d.end()
			if !d.stop {
				d.fatal = &Problem{Message: "the file holds " + shown + ", not a JSON object"}
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
		switch string(name) {
		case "format":
			if d.first(&seen, topFormat, top("format")) {
				p.Format, _ = d.str(top("format"))
			}
		case "version":
			if d.first(&seen, topVersion, top("version")) {
				p.Version, _ = d.integer(top("version"))
				if p.Version > portfolio.Version && !d.stop {
					d.fatal = &Problem{Path: "version", Message: futureVersion(p.Version)}
					d.stop = true
				}
			}
		case "base_currency":
			if d.first(&seen, topBaseCurrency, top("base_currency")) {
				if v, ok := d.str(top("base_currency")); ok {
					p.BaseCurrency = v
				}
			}
		case "tax_profile":
			if d.first(&seen, topTaxProfile, top("tax_profile")) {
				d.profile(&p.TaxProfile)
			}
		case "rates":
			if d.first(&seen, topRates, top("rates")) {
				d.rates(p.Rates)
			}
		case "collections":
			if d.first(&seen, topCollections, top("collections")) {
				d.collections()
			}
		case "lots":
			if d.first(&seen, topLots, top("lots")) {
				d.lots()
			}
		case "sales":
			if d.first(&seen, topSales, top("sales")) {
				d.sales()
			}
		case "rates_as_of":
			if d.first(&seen, topRatesAsOf, top("rates_as_of")) {
				d.ratesAsOf(p)
			}
		default:
			p.Extra = d.extra(p.Extra, top(d.keep(name)))
		}
	}
	d.missing(seen, topRequired, a, topFields[:])
	if seen&(1<<topTaxProfile) == 0 {
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
	off := d.dec.InputOffset()
	for _, c := range d.dec.UnreadBuffer() {
		if c != ' ' && c != '\t' && c != '\n' && c != '\r' {
			break
		}
		off++
	}
	if _, err := d.dec.ReadToken(); err == nil {
		d.fatal = &Problem{Message: "unexpected data after the top-level object"}
		d.fatalOff = off
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
		switch string(name) {
		case "jurisdiction":
			if d.first(&seen, profileJurisdiction, f("jurisdiction")) {
				if v, ok := d.str(f("jurisdiction")); ok {
					t.Jurisdiction = v
				}
			}
		case "tax_year":
			if d.first(&seen, profileTaxYear, f("tax_year")) {
				t.TaxYear, _ = d.integer(f("tax_year"))
			}
		case "filing_status":
			if d.first(&seen, profileFilingStatus, f("filing_status")) {
				if v, ok := d.str(f("filing_status")); ok {
					t.FilingStatus = v
				}
			}
		case "ordinary_rate":
			if d.first(&seen, profileOrdinaryRate, f("ordinary_rate")) {
				d.optDecimal(f("ordinary_rate"), &t.OrdinaryRate)
			}
		case "long_term_rate":
			if d.first(&seen, profileLongTermRate, f("long_term_rate")) {
				d.optDecimal(f("long_term_rate"), &t.LongTermRate)
			}
		case "collectibles_rate":
			if d.first(&seen, profileCollectiblesRate, f("collectibles_rate")) {
				d.optDecimal(f("collectibles_rate"), &t.CollectiblesRate)
			}
		case "niit":
			if d.first(&seen, profileNIIT, f("niit")) {
				t.NIIT, _ = d.boolean(f("niit"))
			}
		case "state_rate":
			if d.first(&seen, profileStateRate, f("state_rate")) {
				d.optDecimal(f("state_rate"), &t.StateRate)
			}
		case "taxable_income":
			if d.first(&seen, profileTaxableIncome, f("taxable_income")) {
				if v, ok := d.decimal(f("taxable_income")); ok && !d.c.reported(f("taxable_income")) {
					t.TaxableIncome = &v
				}
			}
		case "wash_sale":
			if d.first(&seen, profileWashSale, f("wash_sale")) {
				if v, ok := d.str(f("wash_sale")); ok {
					t.WashSale = v
				}
			}
		case "match":
			if d.first(&seen, profileMatch, f("match")) {
				if v, ok := d.str(f("match")); ok {
					t.Match = v
				}
			}
		case "collectible_default":
			if d.first(&seen, profileCollectibleDefault, f("collectible_default")) {
				t.CollectibleDefault, _ = d.boolean(f("collectible_default"))
			}
		case "carryover":
			if d.first(&seen, profileCarryover, f("carryover")) {
				d.carryover(&t.Carryover)
			}
		case "other_gains":
			if d.first(&seen, profileOtherGains, f("other_gains")) {
				d.otherGains(&t.OtherGains)
			}
		case "tax_model":
			if d.first(&seen, profileTaxModel, f("tax_model")) {
				if v, ok := d.str(f("tax_model")); ok {
					t.TaxModel = v
				}
			}
		case "magi":
			if d.first(&seen, profileMAGI, f("magi")) {
				if v, ok := d.decimal(f("magi")); ok && !d.c.reported(f("magi")) {
					t.MAGI = &v
				}
			}
		default:
			t.Extra = d.extra(t.Extra, f(d.keep(name)))
		}
	}
	d.missing(seen, profileRequired, a, profileFields[:])
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
	var seen uint32
	for d.more() {
		name := d.name()
		a := at{sec: secCarryover, idx: -1}
		switch string(name) {
		case "short_term":
			a.field = "short_term"
			if d.first(&seen, carryoverShortTerm, a) {
				d.optDecimal(a, &c.ShortTerm)
			}
		case "long_term":
			a.field = "long_term"
			if d.first(&seen, carryoverLongTerm, a) {
				d.optDecimal(a, &c.LongTerm)
			}
		default:
			a.field = d.keep(name)
			c.Extra = d.extra(c.Extra, a)
		}
	}
}

func (d *decoder) otherGains(g *portfolio.OtherGains) {
	if !d.open('{', at{sec: secProfile, idx: -1, field: "other_gains"}) {
		return
	}
	var seen uint32
	for d.more() {
		name := d.name()
		a := at{sec: secOtherGains, idx: -1}
		switch string(name) {
		case "short_term":
			a.field = "short_term"
			if d.first(&seen, otherGainsShortTerm, a) {
				d.optDecimal(a, &g.ShortTerm)
			}
		case "long_term":
			a.field = "long_term"
			if d.first(&seen, otherGainsLongTerm, a) {
				d.optDecimal(a, &g.LongTerm)
			}
		case "collectibles":
			a.field = "collectibles"
			if d.first(&seen, otherGainsCollectibles, a) {
				d.optDecimal(a, &g.Collectibles)
			}
		default:
			a.field = d.keep(name)
			g.Extra = d.extra(g.Extra, a)
		}
	}
}

func (d *decoder) rates(r map[string]decimal.Decimal) {
	if !d.open('{', at{sec: secRates, idx: -1}) {
		return
	}
	for d.more() {
		cur := d.intern(d.name())
		a := at{sec: secRates, idx: -1, field: cur}
		if _, dup := r[cur]; dup {
			d.value()
			d.c.fail(a, "duplicate member name")
			continue
		}
		if v, ok := d.decimal(a); ok && !d.c.reported(a) {
			r[cur] = v
		}
	}
}

// ratesAsOf reads the day each rate was observed: currency to date.
func (d *decoder) ratesAsOf(p *portfolio.Portfolio) {
	if !d.open('{', top("rates_as_of")) {
		return
	}
	p.RatesAsOf = map[string]portfolio.Date{}
	for d.more() {
		cur := d.intern(d.name())
		a := top("rates_as_of." + cur)
		if _, dup := p.RatesAsOf[cur]; dup {
			d.value()
			d.c.fail(a, "duplicate member name")
			continue
		}
		if v, ok := d.dateOf(a, d.raw()); ok && !d.c.reported(a) {
			p.RatesAsOf[cur] = v
		}
	}
}

func (d *decoder) collections() {
	if !d.open('[', at{sec: secCollections, idx: -1}) {
		return
	}
	p := d.p
	// Collections are few and come before the lots: the bytes left say
	// nothing of their number, so the slice is not sized up front.
	d.eachRecord(nil, func(raw []byte) {
		i := len(p.Collections)
		p.Collections = append(p.Collections, portfolio.Collection{Standard: DefaultStandard})
		d.collection(&p.Collections[i], i, raw)
	})
}

func (d *decoder) lots() {
	if !d.open('[', at{sec: secLots, idx: -1}) {
		return
	}
	p := d.p
	d.eachRecord(func(n int) {
		p.Lots = growTo(p.Lots, n)
	}, func(raw []byte) {
		i := len(p.Lots)
		p.Lots = append(p.Lots, portfolio.Lot{})
		d.lot(&p.Lots[i], i, raw)
	})
}

func (d *decoder) sales() {
	if !d.open('[', at{sec: secSales, idx: -1}) {
		return
	}
	p := d.p
	d.eachRecord(func(n int) {
		p.Sales = growTo(p.Sales, n)
	}, func(raw []byte) {
		i := len(p.Sales)
		p.Sales = append(p.Sales, portfolio.Sale{})
		d.sale(&p.Sales[i], i, raw)
	})
}
