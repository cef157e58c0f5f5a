package storage

import (
	"maps"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/shopspring/decimal"

	"nftharvest/portfolio"
)

// Validate returns every problem in p (nil when valid): the same checks
// Load makes after decoding, for portfolios built or changed in code.
func Validate(p *portfolio.Portfolio) []Problem {
	c := &collector{}
	check(p, c)
	if len(c.problems) == 0 {
		return nil
	}
	return c.sorted()
}

// Accepted values of the enumerated fields.
var (
	filingStatuses = []string{portfolio.Single, portfolio.MarriedJoint, portfolio.MarriedSeparate, portfolio.HeadOfHousehold}
	washSales      = []string{portfolio.WashApply, portfolio.WashOff}
	matchModes     = []string{portfolio.MatchToken, portfolio.MatchCollection}
	taxModels      = []string{portfolio.TaxModelBrackets, portfolio.TaxModelFlat}
	standards      = []string{"ERC-721", "ERC-1155"}
	jurisdictions  = []string{"US"}
)

// Tax years accepted in tax_profile.tax_year.
const (
	minTaxYear = 1900
	maxTaxYear = 9999
)

// check runs every struct-level check. Places already reported by the
// decoder (c.bad) are skipped, and so are records that were not objects.
func check(p *portfolio.Portfolio, c *collector) {
	v := &validator{p: p, c: c}
	v.top()
	v.profile()
	v.rates()
	v.collections()
	v.lotIndex = newIDs(len(p.Lots), func(i int) string { return p.Lots[i].ID })
	if v.lotIndex.sorted == nil {
		// The lots' checks build the id map the sales' checks read.
		v.lots()
		v.sales()
		return
	}
	// Lot ids increase, so the lots' checks build nothing the sales'
	// checks read: both run at once, the sales' problems in a collector
	// of their own, appended after the lots' ones as one pass would.
	sv := *v
	sv.c = c.fork()
	var wg sync.WaitGroup
	var crash any // a panic of the sales' checks, raised again here
	wg.Go(func() {
		defer func() { crash = recover() }()
		sv.sales()
	})
	v.lots()
	wg.Wait()
	if crash != nil {
		panic(crash)
	}
	c.join(sv.c)
}

type validator struct {
	p *portfolio.Portfolio
	c *collector
	// lots maps a lot id to its index; collections likewise.
	lotIndex        ids
	collectionIndex map[string]int
}

func (v *validator) top() {
	p, c := v.p, v.c
	if p.Format != portfolio.Format {
		c.add(top("format"), showString(p.Format)+` is not "`+portfolio.Format+`"`)
	}
	switch {
	case p.Version > portfolio.Version:
		c.add(top("version"), futureVersion(p.Version))
	case p.Version < 1:
		c.add(top("version"), strconv.Itoa(p.Version)+" is not a format version (1 to "+strconv.Itoa(portfolio.Version)+")")
	}
	if p.BaseCurrency == "" {
		c.add(top("base_currency"), `"" must not be empty`)
	}
	v.currencyText(top("base_currency"), p.BaseCurrency)
}

func (v *validator) profile() {
	t, c := &v.p.TaxProfile, v.c
	f := func(name string) at { return at{sec: secProfile, idx: -1, field: name} }
	if c.reported(f("")) || c.reported(top("tax_profile")) {
		return
	}
	oneOf(c, f("jurisdiction"), t.Jurisdiction, jurisdictions)
	if t.TaxYear < minTaxYear || t.TaxYear > maxTaxYear {
		c.add(f("tax_year"), strconv.Itoa(t.TaxYear)+" is not a year ("+strconv.Itoa(minTaxYear)+" to "+strconv.Itoa(maxTaxYear)+")")
	}
	oneOf(c, f("filing_status"), t.FilingStatus, filingStatuses)
	rate(c, f("ordinary_rate"), t.OrdinaryRate)
	rate(c, f("long_term_rate"), t.LongTermRate)
	rate(c, f("collectibles_rate"), t.CollectiblesRate)
	rate(c, f("state_rate"), t.StateRate)
	if t.TaxableIncome != nil {
		notNegative(c, f("taxable_income"), *t.TaxableIncome)
	}
	if t.MAGI != nil {
		notNegative(c, f("magi"), *t.MAGI)
	}
	if t.TaxModel != "" {
		oneOf(c, f("tax_model"), t.TaxModel, taxModels)
	}
	oneOf(c, f("wash_sale"), t.WashSale, washSales)
	oneOf(c, f("match"), t.Match, matchModes)
	notNegative(c, at{sec: secCarryover, idx: -1, field: "short_term"}, t.Carryover.ShortTerm)
	notNegative(c, at{sec: secCarryover, idx: -1, field: "long_term"}, t.Carryover.LongTerm)
	inRange(c, at{sec: secOtherGains, idx: -1, field: "short_term"}, t.OtherGains.ShortTerm)
	inRange(c, at{sec: secOtherGains, idx: -1, field: "long_term"}, t.OtherGains.LongTerm)
	inRange(c, at{sec: secOtherGains, idx: -1, field: "collectibles"}, t.OtherGains.Collectibles)
}

func (v *validator) rates() {
	for _, cur := range slices.Sorted(maps.Keys(v.p.Rates)) {
		r := v.p.Rates[cur]
		a := at{sec: secRates, idx: -1, field: cur}
		if cur == "" {
			v.c.add(a, `currency "" must not be empty`)
			continue
		}
		if !v.currencyText(at{sec: secRates, idx: -1}, cur) {
			continue
		}
		positive(v.c, a, r)
	}
}

// price checks a floor or value price at a (the "floor" or "value" member).
func (v *validator) price(p *portfolio.Price, a at) {
	if p == nil {
		return
	}
	base := a.field
	a.field = base + ".amount"
	notNegative(v.c, a, p.Amount)
	a.field = base + ".currency"
	if !v.currencyText(a, p.Currency) {
		return
	}
	if v.c.reported(at{sec: secRates, idx: -1}) {
		return // rates was not an object: no currency can be checked
	}
	if p.Currency != "" && p.Currency != v.p.BaseCurrency {
		if _, ok := v.p.Rates[p.Currency]; !ok {
			v.c.add(a, showString(p.Currency)+" has no rate in rates")
		}
	}
}

func (v *validator) collections() {
	p, c := v.p, v.c
	v.collectionIndex = make(map[string]int, len(p.Collections))
	for i := range p.Collections {
		col := &p.Collections[i]
		a := at{sec: secCollections, idx: i}
		if c.reported(a) {
			continue
		}
		a.field = "id"
		if v.idText(a, col.ID) {
			v.id(a, col.ID, v.collectionIndex, i, "collections")
		}
		v.collectionText(a, col)
		a.field = "standard"
		oneOf(c, a, col.Standard, standards)
		a.field = "floor"
		v.price(col.Floor, a)
	}
}

// id checks a record id for emptiness and duplicates and records it.
func (v *validator) id(a at, id string, seen map[string]int, i int, section string) {
	if id == "" {
		v.c.add(a, `"" must not be empty`)
		return
	}
	if first, dup := seen[id]; dup {
		v.c.add(a, showString(id)+" is a duplicate (first at "+section+"["+strconv.Itoa(first)+"])")
		return
	}
	seen[id] = i
}

func (v *validator) lots() {
	p, c := v.p, v.c
	for i := range p.Lots {
		l := &p.Lots[i]
		a := at{sec: secLots, idx: i}
		if c.reported(a) {
			continue
		}
		a.field = "id"
		if v.idText(a, l.ID) {
			v.lotIndex.check(c, a, l.ID, i, "lots")
		}
		a.field = "collection"
		if l.Collection == "" {
			c.add(a, `"" must not be empty`)
		} else if _, ok := v.collectionIndex[l.Collection]; !ok && v.idText(a, l.Collection) {
			c.add(a, showString(l.Collection)+" is not a collection id in this file")
		}
		a.field = "token_id"
		v.idText(a, l.TokenID)
		v.lotText(a, l)
		a.field = "quantity"
		positive(c, a, l.Quantity)
		v.wholeTokens(a, l.Collection, l.Quantity)
		a.field = "acquired"
		if l.Acquired.IsZero() {
			c.add(a, "missing (required)")
		}
		a.field = "cost"
		notNegative(c, a, l.Cost)
		a.field = "fees"
		notNegative(c, a, l.Fees)
		a.field = "value"
		v.price(l.Value, a)
	}
}

// maxListed is how many sales an over-sold lot's problem names.
const maxListed = 5

func (v *validator) sales() {
	p, c := v.p, v.c
	saleIDs := newIDs(len(p.Sales), func(i int) string { return p.Sales[i].ID })
	// takers lists the sales of each sold lot; most lots have one.
	takers := make(map[int][]int, len(p.Sales))
	var soldLots []int
	for i := range p.Sales {
		s := &p.Sales[i]
		a := at{sec: secSales, idx: i}
		if c.reported(a) {
			continue
		}
		a.field = "id"
		if v.idText(a, s.ID) {
			saleIDs.check(c, a, s.ID, i, "sales")
		}
		a.field = "tx"
		v.tooLong(a, s.Tx, MaxTextBytes)
		a.field = "batch"
		v.idText(a, s.Batch)
		a.field = "quantity"
		positive(c, a, s.Quantity)
		a.field = "date"
		if s.Date.IsZero() {
			c.add(a, "missing (required)")
		}
		a.field = "proceeds"
		notNegative(c, a, s.Proceeds)
		a.field = "fees"
		notNegative(c, a, s.Fees)

		a.field = "lot"
		if s.Lot == "" {
			c.add(a, `"" must not be empty`)
			continue
		}
		if !v.idText(a, s.Lot) {
			continue
		}
		li, ok := v.lotIndex.find(s.Lot)
		if !ok {
			c.add(a, showString(s.Lot)+" is not a lot id in this file")
			continue
		}
		l := &p.Lots[li]
		v.wholeTokens(at{sec: secSales, idx: i, field: "quantity"}, l.Collection, s.Quantity)
		if !s.Date.IsZero() && !l.Acquired.IsZero() && s.Date.Before(l.Acquired) {
			a.field = "date"
			c.add(a, showDate(s.Date)+" is before its lot "+showString(l.ID)+" was acquired ("+l.Acquired.String()+")")
		}
		if s.Quantity.Sign() > 0 {
			t, seen := takers[li]
			if !seen {
				soldLots = append(soldLots, li)
			}
			takers[li] = append(t, i)
		}
	}
	// Report over-sold lots in file order.
	slices.Sort(soldLots)
	for _, li := range soldLots {
		l := &p.Lots[li]
		if l.Quantity.Sign() <= 0 {
			continue
		}
		t := takers[li]
		total := p.Sales[t[0]].Quantity
		for _, si := range t[1:] {
			total = total.Add(p.Sales[si].Quantity)
		}
		if total.Cmp(l.Quantity) > 0 {
			a := at{sec: secLots, idx: li, field: "quantity"}
			c.add(a, showDecimal(l.Quantity)+" is less than the "+formatDecimal(total)+" its sales take ("+listSales(t)+")")
		}
	}
}

// listSales names sales by path: "sales[4], sales[7]".
func listSales(idx []int) string {
	var b strings.Builder
	for n, i := range idx {
		if n == maxListed {
			b.WriteString(", ... " + strconv.Itoa(len(idx)-maxListed) + " more")
			break
		}
		if n > 0 {
			b.WriteString(", ")
		}
		b.WriteString("sales[" + strconv.Itoa(i) + "]")
	}
	return b.String()
}

// Value checks.

func oneOf(c *collector, a at, v string, allowed []string) {
	for _, x := range allowed {
		if v == x {
			return
		}
	}
	c.add(a, showString(v)+" is not one of "+strings.Join(allowed, ", "))
}

// inRange reports a decimal that could not be written and read back
// (more than maxDigits digits in fixed-point form, or more than maxPlaces
// decimal places): only possible for a portfolio built in code, since
// loading refuses such numbers.
func inRange(c *collector, a at, d decimal.Decimal) bool {
	if fitsDigits(d) {
		return precise(c, a, d)
	}
	exp := int(d.Exponent())
	c.add(a, "a number with exponent "+strconv.Itoa(exp)+" is out of range (at most "+strconv.Itoa(maxDigits)+" digits)")
	return false
}

// tooPrecise ends the message for a decimal with more than maxPlaces
// decimal places.
var tooPrecise = " has more than " + strconv.Itoa(maxPlaces) + " decimal places"

// precise reports a decimal with more than maxPlaces decimal places (only
// possible for a portfolio built in code, since loading refuses them).
func precise(c *collector, a at, d decimal.Decimal) bool {
	if d.Exponent() < -maxPlaces {
		c.add(a, showDecimal(d)+tooPrecise)
		return false
	}
	return true
}

func notNegative(c *collector, a at, d decimal.Decimal) {
	if !inRange(c, a, d) {
		return
	}
	if d.Sign() < 0 {
		c.add(a, showDecimal(d)+" is negative")
	}
}

func positive(c *collector, a at, d decimal.Decimal) {
	if !inRange(c, a, d) {
		return
	}
	if d.Sign() <= 0 {
		c.add(a, showDecimal(d)+" must be greater than 0")
	}
}

var one = decimal.New(1, 0)

// rate checks a tax rate: a fraction from 0 to 1.
func rate(c *collector, a at, d decimal.Decimal) {
	if !inRange(c, a, d) {
		return
	}
	if d.Sign() < 0 || d.Cmp(one) > 0 {
		c.add(a, showDecimal(d)+" is not a rate between 0 and 1 (0.24 means 24%)")
	}
}

// ids finds records by id and reports empty and duplicate ids. Files
// usually list ids in strictly increasing order (L-0001, L-0002, ...):
// then no id can repeat, and a binary search finds one without building a
// map. Otherwise a map is built as the records are checked.
type ids struct {
	sorted []string // the ids in record order, when strictly increasing
	m      map[string]int
}

func newIDs(n int, id func(int) string) ids {
	list := make([]string, n)
	increasing := true
	for i := range list {
		list[i] = id(i)
		if i > 0 && list[i] <= list[i-1] {
			increasing = false
		}
	}
	if increasing && (n == 0 || list[0] != "") {
		return ids{sorted: list}
	}
	return ids{m: make(map[string]int, n)}
}

// check reports an empty or repeated id of record i at a.
func (x *ids) check(c *collector, a at, id string, i int, section string) {
	if x.sorted != nil {
		return
	}
	if id == "" {
		c.add(a, `"" must not be empty`)
		return
	}
	if first, dup := x.m[id]; dup {
		c.add(a, showString(id)+" is a duplicate (first at "+section+"["+strconv.Itoa(first)+"])")
		return
	}
	x.m[id] = i
}

// find returns the index of the record with the id.
func (x *ids) find(id string) (int, bool) {
	if x.sorted != nil {
		return slices.BinarySearch(x.sorted, id)
	}
	i, ok := x.m[id]
	return i, ok
}
