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
	cfFloor
	cfBasis
	cfValue
	cfUnreal
	cfLosses
	cfGains
	cfCount
)

// collRow is one collection's totals and its sort keys.
type collRow struct {
	taxrules.CollectionTotals
	keys [cfCount]int64
}

// collections is the Collections tab's source.
type collections struct {
	rows []collRow
	rowIDs
	w   [cfCount]int
	hay []string
}

// Key is the row's sort key for field f.
func (c *collections) Key(row, f int) int64 { return c.rows[row].keys[f] }

// collectionsOf builds the Collections tab of the totals.
func collectionsOf(totals []taxrules.CollectionTotals) *collections {
	c := &collections{rows: make([]collRow, len(totals))}
	for i := range totals {
		c.rows[i].CollectionTotals = totals[i]
	}
	names := make([]string, len(c.rows))
	c.ids = make([]string, len(c.rows))
	for i := range c.rows {
		names[i] = c.rows[i].Name
		c.ids[i] = c.rows[i].ID
	}
	rank := rankStrings(names)
	c.tie = rankIDs(c.ids)
	for i := range c.rows {
		r := &c.rows[i]
		k := &r.keys
		k[cfName] = int64(rank[r.Name])
		k[cfLots] = int64(r.OpenLots)
		k[cfBasis] = approxOrCents(r.AdjustedBasis)
		k[cfValue] = approxOrCents(r.Value)
		k[cfUnreal] = approxOrCents(r.Unrealized)
		k[cfLosses] = approxOrCents(r.Losses)
		k[cfGains] = approxOrCents(r.Gains)
		if r.HasFloor {
			k[cfFloor] = approxOrCents(r.Floor)
		}
		c.w[cfName] = max(c.w[cfName], textWidth(safe(r.Name)))
		c.w[cfBasis] = max(c.w[cfBasis], len(amountText(r.AdjustedBasis)))
		c.w[cfValue] = max(c.w[cfValue], len(amountText(r.Value)))
		c.w[cfUnreal] = max(c.w[cfUnreal], textWidth(marked(r.Unrealized)))
		c.w[cfLosses] = max(c.w[cfLosses], textWidth(marked(r.Losses)))
		c.w[cfGains] = max(c.w[cfGains], textWidth(marked(r.Gains)))
		c.w[cfFloor] = max(c.w[cfFloor], len(amountText(r.Floor)))
	}
	collectionsColumns.widths(c.w[:])
	return c
}

func approxOrCents(d decimal.Decimal) int64 {
	if c, ok := money.CentsOf(d); ok {
		return c
	}
	return approxCents(d)
}

// collectionsColumns are the Collections tab's columns.
var collectionsColumns = columnTable{
	cols: []colDef{
		cfName:   {title: "Collection", minW: 10, maxW: 30, key: cfName, flex: 14},
		cfLots:   {title: "Lots", align: alignRight, minW: 4, key: cfLots, drop: 3},
		cfFloor:  {title: "Floor", align: alignRight, minW: 8, key: cfFloor, drop: 6},
		cfBasis:  {title: "Adj. basis", align: alignRight, minW: 9, key: cfBasis, drop: 5},
		cfValue:  {title: "Value", align: alignRight, minW: 9, key: cfValue, drop: 4},
		cfUnreal: {title: "Unrealized", align: alignRight, minW: 10, key: cfUnreal},
		cfLosses: {title: "Losses", align: alignRight, minW: 10, key: cfLosses, drop: 2},
		cfGains:  {title: "Gains", align: alignRight, minW: 10, key: cfGains, drop: 7},
	},
	compact: []colPlace{
		{field: cfName, flex: 12},
		{field: cfLots, drop: 1},
		{field: cfUnreal},
	},
}

// columns returns the collections columns, wide or compact.
func (c *collections) columns(compact bool) []column {
	return collectionsColumns.layout(c.w[:], compact)
}

// Cell formats one collections cell.
func (c *collections) Cell(st *Styles, row, f, _ int) (string, paint) {
	r := &c.rows[row]
	switch f {
	case cfName:
		return r.Name, st.paints.none
	case cfLots:
		return strconv.Itoa(r.OpenLots), st.paints.none
	case cfFloor:
		if !r.HasFloor {
			return "n/a", st.paints.muted
		}
		return amountText(r.Floor), st.paints.none
	case cfBasis:
		return amountText(r.AdjustedBasis), st.paints.none
	case cfValue:
		return amountText(r.Value), st.paints.none
	case cfUnreal:
		return marked(r.Unrealized), st.amountPaint(r.Unrealized.Sign())
	case cfLosses:
		return marked(r.Losses), st.amountPaint(r.Losses.Sign())
	case cfGains:
		return marked(r.Gains), st.amountPaint(r.Gains.Sign())
	}
	return "", st.paints.none
}

func (c *collections) matches(row int, q string) bool {
	if c.hay == nil {
		c.hay = make([]string, len(c.rows))
		for i := range c.rows {
			c.hay[i] = strings.ToLower(c.rows[i].ID + "\x00" + c.rows[i].Name)
		}
	}
	return strings.Contains(c.hay[row], q)
}
