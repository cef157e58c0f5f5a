package ui

import (
	"math"
	"strconv"
	"strings"
	"sync"

	"nftharvest/money"
	"nftharvest/taxrules"

	"github.com/shopspring/decimal"
)

// Holdings fields (sort keys and cells).
const (
	hfLot = iota
	hfCollection
	hfToken
	hfName // collection and token in one cell (compact layout)
	hfQty
	hfAcquired
	hfTerm
	hfBasis
	hfValue
	hfUnreal
	hfPct
	hfWash
	hfWallet
	hfCount
)

// Wash flags of a holdings row.
const (
	washAdjusted = 1 << iota // basis includes a disallowed loss
	washRisk                 // selling at a loss now would be washed
	washAlike                // look-alike purchases (token mode warning)
)

// holdRow is one open lot with its sort keys computed once per analysis.
type holdRow struct {
	st   *taxrules.LotState
	keys [hfCount]int64
	// exact is true when the money keys hold the cents of the amounts, so
	// cells can be formatted from integers.
	exact bool
	wash  uint8
}

// holdings is the Holdings tab's source: one row per open lot.
type holdings struct {
	rows []holdRow
	rowIDs
	// widths measured once: natural column widths.
	w [hfCount]int
	// stale are the rows valued from a stale price (markStale).
	stale map[int]bool
	// haystack is the lower-cased text the filter searches, built on the
	// first filter.
	haystack []string
	byID     map[string]int
}

// Key is the row's sort key for field f.
func (h *holdings) Key(row, f int) int64 { return h.rows[row].keys[f] }

// newHoldings builds the rows of the open lots of a.
func newHoldings(a *taxrules.Analysis) *holdings {
	h := &holdings{}
	n := 0
	for i := range a.Lots {
		if a.Lots[i].OpenQuantity.Sign() > 0 {
			n++
		}
	}
	h.rows = make([]holdRow, 0, n)
	h.ids = make([]string, 0, n)
	for i := range a.Lots {
		st := &a.Lots[i]
		if st.OpenQuantity.Sign() <= 0 {
			continue
		}
		h.rows = append(h.rows, holdRow{st: st})
		h.ids = append(h.ids, st.Lot.ID)
	}
	h.fill()
	return h
}

// holdingsOf builds the rows of the given open lots' states (the first
// frame's; see firstframe.go).
func holdingsOf(states []taxrules.LotState) *holdings {
	h := &holdings{rows: make([]holdRow, len(states)), rowIDs: rowIDs{ids: make([]string, len(states))}}
	for i := range states {
		h.rows[i] = holdRow{st: &states[i]}
		h.ids[i] = states[i].Lot.ID
	}
	h.fill()
	return h
}

// fill computes the tie ranks, the sort keys and the column widths of the
// rows.
func (h *holdings) fill() {
	h.tie = rankIDs(h.ids)

	colls := make([]string, len(h.rows))
	wallets := make([]string, len(h.rows))
	for i := range h.rows {
		colls[i] = h.rows[i].st.CollectionName
		wallets[i] = h.rows[i].st.Lot.Wallet
	}
	collRank := rankStrings(colls)
	walletRank := rankStrings(wallets)
	tokenKey := tokenKeys(h.rows)

	// Keys are computed on both cores for big portfolios: each half keeps
	// its own widths and maxima, merged after.
	fill := func(lo, hi int) holdStats {
		var s holdStats
		for i := lo; i < hi; i++ {
			h.fillRow(i, collRank, walletRank, tokenKey[i], &s)
		}
		return s
	}
	var parts [2]holdStats
	if n := len(h.rows); n >= 20_000 {
		var wg sync.WaitGroup
		wg.Go(func() { parts[0] = fill(0, n/2) })
		wg.Go(func() { parts[1] = fill(n/2, n) })
		wg.Wait()
	} else {
		parts[0] = fill(0, n)
	}
	var maxBasis, maxValue, maxUnreal, maxPct int64
	for _, p := range parts {
		maxBasis, maxValue, maxUnreal, maxPct = max(maxBasis, p.basis), max(maxValue, p.value), max(maxUnreal, p.unreal), max(maxPct, p.pct)
		for f, w := range p.w {
			h.w[f] = max(h.w[f], w)
		}
	}
	h.w[hfPct] = max(h.w[hfPct], len(percentText(-maxPct, true)))
	h.w[hfBasis] = max(h.w[hfBasis], len(money.FormatCents(maxBasis, false)))
	h.w[hfValue] = max(h.w[hfValue], len(money.FormatCents(maxValue, false)))
	h.w[hfUnreal] = max(h.w[hfUnreal], textWidth(markedCents(-maxUnreal)))
	holdingsColumns.widths(h.w[:])
	// The compact name cell holds a collection and a token.
	h.w[hfName] = holdingsColumns.width(hfName, h.w[hfCollection]+h.w[hfToken]+1)
}

// holdStats are the widths and largest amounts seen while filling rows.
type holdStats struct {
	w                         [hfCount]int
	basis, value, unreal, pct int64
}

// fillRow computes the sort keys and wash flags of row i.
func (h *holdings) fillRow(i int, collRank, walletRank map[string]int32, tokenKey int64, s *holdStats) {
	r := &h.rows[i]
	st := r.st
	l := st.Lot
	k := &r.keys
	k[hfLot] = int64(h.tie[i])
	k[hfCollection] = int64(collRank[st.CollectionName])
	k[hfToken] = tokenKey
	k[hfQty] = qtyKey(st.OpenQuantity)
	k[hfAcquired] = int64(l.Acquired)
	if st.Term == taxrules.LongTerm {
		k[hfTerm] = 1 << 40
	} else {
		k[hfTerm] = int64(st.DaysToLongTerm)
	}
	b, ok1 := money.CentsOf(st.AdjustedBasis)
	v, ok2 := money.CentsOf(st.MarketValue)
	u, ok3 := money.CentsOf(st.Unrealized)
	r.exact = ok1 && ok2 && ok3
	if !r.exact {
		b, v, u = approxCents(st.AdjustedBasis), approxCents(st.MarketValue), approxCents(st.Unrealized)
	}
	if !st.HasPrice {
		v, u = 0, 0
	}
	k[hfBasis], k[hfValue], k[hfUnreal] = b, v, u
	if st.HasPrice && b > 0 {
		k[hfPct] = int64(math.Round(float64(u) / float64(b) * 10000))
	}
	if len(st.WashAdjustments) > 0 {
		r.wash |= washAdjusted
	}
	if len(st.WashRisk.Purchases) > 0 {
		r.wash |= washRisk
	}
	if len(st.WashRisk.Warnings) > 0 {
		r.wash |= washAlike
	}
	k[hfWash] = int64(r.wash)
	k[hfWallet] = int64(walletRank[l.Wallet])

	s.basis = max(s.basis, absI(b))
	s.value = max(s.value, absI(v))
	s.unreal = max(s.unreal, absI(u))
	s.pct = max(s.pct, absI(k[hfPct]))
	s.w[hfLot] = max(s.w[hfLot], safeLen(l.ID))
	s.w[hfCollection] = max(s.w[hfCollection], safeLen(st.CollectionName))
	s.w[hfToken] = max(s.w[hfToken], safeLen(l.TokenID)+1)
	if st.OpenQuantity.Exponent() < 0 || k[hfQty] >= 1e15 {
		s.w[hfQty] = max(s.w[hfQty], len(money.Quantity(st.OpenQuantity)))
	} else {
		s.w[hfQty] = max(s.w[hfQty], digits(k[hfQty]/1e6))
	}
}

// holdingsColumns are the Holdings tab's columns: below 60 columns a
// compact list.
var holdingsColumns = columnTable{
	cols: []colDef{
		hfLot:        {title: "Lot", minW: 3, key: hfLot, drop: 9},
		hfCollection: {title: "Collection", minW: 10, maxW: 28, key: hfCollection, flex: 14},
		hfToken:      {title: "Token", minW: 5, maxW: 12, key: hfToken, drop: 2},
		hfName:       {title: "Lot", minW: 10, maxW: 34, key: hfCollection, compactOnly: true},
		hfQty:        {title: "Qty", align: alignRight, minW: 3, maxW: 10, key: hfQty, drop: 8},
		hfAcquired:   {title: "Acquired", minW: 10, key: hfAcquired, drop: 7},
		hfTerm:       {title: "Term", minW: 7, key: hfTerm},
		hfBasis:      {title: "Adj. basis", align: alignRight, minW: 9, key: hfBasis, drop: 5},
		hfValue:      {title: "Value", align: alignRight, minW: 9, key: hfValue, drop: 4},
		hfUnreal:     {title: "Unrealized", align: alignRight, minW: 10, key: hfUnreal},
		hfPct:        {title: "%", align: alignRight, minW: 6, key: hfPct, drop: 6},
		hfWash:       {title: "Wash", minW: 4, maxW: 5, key: hfWash, drop: 3},
		hfWallet:     {title: "Wallet", minW: 11, maxW: 11, key: hfWallet, drop: 10},
	},
	compact: []colPlace{
		{field: hfName, flex: 12},
		{field: hfTerm},
		{field: hfUnreal},
		{field: hfWash, width: 5, drop: 1},
	},
}

// columns returns the holdings columns, wide or compact.
func (h *holdings) columns(compact bool) []column { return holdingsColumns.layout(h.w[:], compact) }

// Cell formats one holdings cell.
func (h *holdings) Cell(st *Styles, row, f, w int) (string, paint) {
	r := &h.rows[row]
	s := r.st
	l := s.Lot
	switch f {
	case hfLot:
		return l.ID, st.paints.none
	case hfCollection:
		return s.CollectionName, st.paints.none
	case hfToken:
		return "#" + l.TokenID, st.paints.none
	case hfName:
		return nameFit(s.CollectionName, l.TokenID, w), st.paints.none
	case hfQty:
		return money.Quantity(s.OpenQuantity), st.paints.none
	case hfAcquired:
		return l.Acquired.String(), st.paints.none
	case hfTerm:
		return termText(s), st.paints.none
	case hfBasis:
		if r.exact {
			return money.FormatCents(r.keys[hfBasis], false), st.paints.none
		}
		return amountText(s.AdjustedBasis), st.paints.none
	case hfValue:
		if !s.HasPrice {
			return "n/a", st.paints.muted
		}
		mark := ""
		if h.stale[row] {
			mark = staleMark
		}
		if r.exact {
			return mark + money.FormatCents(r.keys[hfValue], false), st.paints.none
		}
		return mark + amountText(s.MarketValue), st.paints.none
	case hfUnreal:
		if !s.HasPrice {
			return "n/a", st.paints.muted
		}
		u := r.keys[hfUnreal]
		if r.exact {
			return markedCents(u), st.amountPaint(sign64(u))
		}
		return marked(s.Unrealized), st.amountPaint(s.Unrealized.Sign())
	case hfPct:
		if !s.HasPrice {
			return "", st.paints.none
		}
		return percentText(r.keys[hfPct], true), st.amountPaint(sign64(r.keys[hfPct]))
	case hfWash:
		return washText(r.wash), st.paints.wash
	case hfWallet:
		return shortAddr(l.Wallet), st.paints.muted
	}
	return "", st.paints.none
}

// matches reports whether the row's lot id, collection, token or note
// contains q (lower case).
func (h *holdings) matches(row int, q string) bool {
	if h.haystack == nil {
		h.haystack = make([]string, len(h.rows))
		for i := range h.rows {
			s := h.rows[i].st
			h.haystack[i] = strings.ToLower(s.Lot.ID + "\x00" + s.CollectionName + "\x00#" + s.Lot.TokenID + "\x00" + s.Lot.Note)
		}
	}
	return strings.Contains(h.haystack[row], q)
}

// nameFit is "Collection #token" in w cells, shortening the collection
// name first so the token id stays readable. Both are made safe first, so
// the cut is made on what is shown.
func nameFit(coll, token string, w int) string {
	coll, token = safe(coll), safe(token)
	if token == "" {
		return coll
	}
	tok := " #" + token
	s := coll + tok
	if textWidth(s) <= w {
		return s
	}
	room := w - textWidth(tok)
	if room < 4 {
		return s // the table cuts it
	}
	return cut(coll, room) + tok
}

// termText is "LT" or "ST 123d" (days until long term).
func termText(s *taxrules.LotState) string {
	if s.Term == taxrules.LongTerm {
		return "LT"
	}
	return "ST " + strconv.Itoa(s.DaysToLongTerm) + "d"
}

func washText(w uint8) string {
	// Letters, so the column never cuts a word: A adjusted basis, R wash
	// risk, L look-alike (the help has the legend).
	var parts []string
	if w&washAdjusted != 0 {
		parts = append(parts, "A")
	}
	if w&washRisk != 0 {
		parts = append(parts, "R")
	} else if w&washAlike != 0 {
		parts = append(parts, "L")
	}
	return strings.Join(parts, " ")
}

// shortAddr abbreviates a long address to "0x5c3e…90b7", made safe
// first so the cut never splits an escape or a character.
func shortAddr(s string) string {
	s = safe(s)
	if len(s) <= 11 {
		return s
	}
	return s[:6] + "…" + s[len(s)-4:]
}

// qtyKey is a quantity in millionths, saturating.
func qtyKey(d decimal.Decimal) int64 {
	if e := d.Exponent(); e >= 0 && e <= 6 && d.NumDigits() <= 10 {
		return d.CoefficientInt64() * money.Pow10(e+6)
	}
	f, _ := d.Float64()
	return int64(math.Max(math.Min(f*1e6, 9e18), -9e18))
}

// approxCents is a saturating cents key for amounts beyond int64 cents.
func approxCents(d decimal.Decimal) int64 {
	f, _ := d.Float64()
	return int64(math.Max(math.Min(f*100, 9e18), -9e18))
}

// digits is the number of decimal digits of x >= 0.
func digits(x int64) int {
	n := 1
	for x >= 10 {
		x /= 10
		n++
	}
	return n
}

func absI(x int64) int64 {
	if x < 0 {
		return -x
	}
	return x
}

func sign64(x int64) int {
	switch {
	case x < 0:
		return -1
	case x > 0:
		return 1
	}
	return 0
}

// rowOf returns the row of the lot with the given id.
func (h *holdings) rowOf(id string) (int, bool) {
	if h.byID == nil {
		h.byID = make(map[string]int, len(h.ids))
		for i, x := range h.ids {
			h.byID[x] = i
		}
	}
	i, ok := h.byID[id]
	return i, ok
}

// pct is the lot's unrealized percentage in basis points.
func (h *holdings) pct(id string) int64 {
	if i, ok := h.rowOf(id); ok {
		return h.rows[i].keys[hfPct]
	}
	return 0
}
