package ui

import (
	"strconv"
	"strings"

	"nftharvest/money"
	"nftharvest/taxrules"

	"github.com/shopspring/decimal"
)

// Collections fields.
const (
	cfName = iota
	cfLots
	cfBasis
	cfValue
	cfUnreal
	cfLosses
	cfGains
	cfFloor
	cfCount
)

// collRow is one collection aggregated over its open lots.
type collRow struct {
	id, name                         string
	lots                             int
	basis, value, unreal, loss, gain decimal.Decimal
	floor                            decimal.Decimal
	hasFloor                         bool
	unpriced                         int // open lots without a price
	keys                             [cfCount]int64
}

// collSums accumulates a collection's amounts.
type collSums struct{ basis, value, unreal, loss, gain money.Sum }

// collections is the Collections tab's source.
type collections struct {
	rows []collRow
	ids  []string
	tie  []int32
	w    [cfCount]int
	hay  []string
}

// Len is the number of rows.
func (c *collections) Len() int { return len(c.rows) }

// ID is the row's id.
func (c *collections) ID(row int) string { return c.ids[row] }

// Tie is the rank of the row's id.
func (c *collections) Tie(row int) int32 { return c.tie[row] }

// Key is the row's sort key for field f.
func (c *collections) Key(row, f int) int64 { return c.rows[row].keys[f] }

func newCollections(a *taxrules.Analysis) *collections {
	c := &collections{}
	at := make(map[string]int)
	var sums []collSums
	for i := range a.Lots {
		st := &a.Lots[i]
		if st.OpenQuantity.Sign() <= 0 {
			continue
		}
		j, ok := at[st.Lot.Collection]
		if !ok {
			j = len(c.rows)
			at[st.Lot.Collection] = j
			c.rows = append(c.rows, collRow{id: st.Lot.Collection, name: st.CollectionName})
			sums = append(sums, collSums{})
		}
		r, s := &c.rows[j], &sums[j]
		r.lots++
		s.basis.Add(st.AdjustedBasis)
		if !st.HasPrice {
			r.unpriced++
			continue
		}
		s.value.Add(st.MarketValue)
		s.unreal.Add(st.Unrealized)
		if st.Unrealized.Sign() < 0 {
			s.loss.Add(st.Unrealized)
		} else {
			s.gain.Add(st.Unrealized)
		}
	}
	for j := range c.rows {
		r, s := &c.rows[j], &sums[j]
		r.basis, r.value, r.unreal, r.loss, r.gain = s.basis.Value(), s.value.Value(), s.unreal.Value(), s.loss.Value(), s.gain.Value()
	}
	names := make([]string, len(c.rows))
	c.ids = make([]string, len(c.rows))
	for i := range c.rows {
		names[i] = c.rows[i].name
		c.ids[i] = c.rows[i].id
	}
	rank := rankStrings(names)
	c.tie = rankIDs(c.ids)
	c.w = [cfCount]int{cfName: 10, cfLots: 4, cfBasis: 9, cfValue: 9, cfUnreal: 10, cfLosses: 10, cfGains: 10, cfFloor: 8}
	for i := range c.rows {
		r := &c.rows[i]
		if col, ok := a.Index.Collection(r.id); ok && col.Floor != nil {
			r.floor, r.hasFloor = a.Portfolio.ToBase(*col.Floor)
		}
		k := &r.keys
		k[cfName] = int64(rank[r.name])
		k[cfLots] = int64(r.lots)
		k[cfBasis] = approxOrCents(r.basis)
		k[cfValue] = approxOrCents(r.value)
		k[cfUnreal] = approxOrCents(r.unreal)
		k[cfLosses] = approxOrCents(r.loss)
		k[cfGains] = approxOrCents(r.gain)
		if r.hasFloor {
			k[cfFloor] = approxOrCents(r.floor)
		}
		c.w[cfName] = max(c.w[cfName], textWidth(safe(r.name)))
		c.w[cfBasis] = max(c.w[cfBasis], len(amountText(r.basis)))
		c.w[cfValue] = max(c.w[cfValue], len(amountText(r.value)))
		c.w[cfUnreal] = max(c.w[cfUnreal], textWidth(marked(r.unreal)))
		c.w[cfLosses] = max(c.w[cfLosses], textWidth(marked(r.loss)))
		c.w[cfGains] = max(c.w[cfGains], textWidth(marked(r.gain)))
		c.w[cfFloor] = max(c.w[cfFloor], len(amountText(r.floor)))
	}
	c.w[cfName] = min(c.w[cfName], 30)
	return c
}

func approxOrCents(d decimal.Decimal) int64 {
	if c, ok := money.CentsOf(d); ok {
		return c
	}
	return approxCents(d)
}

func (c *collections) columns(compact bool) []column {
	w := c.w
	if compact {
		return []column{
			{field: cfName, title: "Collection", width: w[cfName], flex: true, min: 12},
			{field: cfLots, title: "Lots", align: alignRight, width: w[cfLots], drop: 1},
			{field: cfUnreal, title: "Unrealized", align: alignRight, width: w[cfUnreal]},
		}
	}
	return []column{
		{field: cfName, title: "Collection", width: w[cfName], flex: true, min: 14},
		{field: cfLots, title: "Lots", align: alignRight, width: w[cfLots], drop: 3},
		{field: cfFloor, title: "Floor", align: alignRight, width: w[cfFloor], drop: 6},
		{field: cfBasis, title: "Adj. basis", align: alignRight, width: w[cfBasis], drop: 5},
		{field: cfValue, title: "Value", align: alignRight, width: w[cfValue], drop: 4},
		{field: cfUnreal, title: "Unrealized", align: alignRight, width: w[cfUnreal]},
		{field: cfLosses, title: "Losses", align: alignRight, width: w[cfLosses], drop: 2},
		{field: cfGains, title: "Gains", align: alignRight, width: w[cfGains], drop: 7},
	}
}

// Cell formats one collections cell.
func (c *collections) Cell(st *Styles, row, f, _ int) (string, paint) {
	r := &c.rows[row]
	switch f {
	case cfName:
		return r.name, st.paints.none
	case cfLots:
		return strconv.Itoa(r.lots), st.paints.none
	case cfFloor:
		if !r.hasFloor {
			return "n/a", st.paints.muted
		}
		return amountText(r.floor), st.paints.none
	case cfBasis:
		return amountText(r.basis), st.paints.none
	case cfValue:
		return amountText(r.value), st.paints.none
	case cfUnreal:
		return marked(r.unreal), st.amountPaint(r.unreal.Sign())
	case cfLosses:
		return marked(r.loss), st.amountPaint(r.loss.Sign())
	case cfGains:
		return marked(r.gain), st.amountPaint(r.gain.Sign())
	}
	return "", st.paints.none
}

func (c *collections) matches(row int, q string) bool {
	if c.hay == nil {
		c.hay = make([]string, len(c.rows))
		for i := range c.rows {
			c.hay[i] = strings.ToLower(c.rows[i].id + "\x00" + c.rows[i].name)
		}
	}
	return strings.Contains(c.hay[row], q)
}
