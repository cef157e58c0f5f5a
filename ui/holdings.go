package ui

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"

	"nftharvest/money"
	"nftharvest/portfolio"
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

// holdRow is one open lot with its sort keys, computed once per analysis.
// It keeps integers only (72 bytes; a million lots are held at once): the
// text cells come from the lot itself (Portfolio.Lots[li]) and the keys,
// and the few cells that need the lot's decimals (amounts beyond int64
// cents, fractional quantities) and the detail build the lot's state again
// when they are shown (holdings.state).
type holdRow struct {
	// basis, value and unreal are cents (approximate when !exact), qty
	// millionths, token and pct the keys of those columns.
	basis, value, unreal, qty, token, pct int64
	li                                    int32 // index in Portfolio.Lots
	coll, wallet                          int32 // ranks of the names
	// term is the number of days until long term, or termLT.
	term  int32
	flags uint8
	wash  uint8
}

// Flags of a holdings row.
const (
	// rowExact: the money keys hold the cents of the amounts, so cells are
	// formatted from integers.
	rowExact  = 1 << iota
	rowPriced // the lot has a price (LotState.HasPrice)
	rowStale  // valued from a stale price (markStale)
	// rowQtyInt: the open quantity prints as the integer qty/10^6.
	rowQtyInt
)

// termLT is holdRow.term of a long-term lot; its key is termLongKey,
// after every number of days.
const (
	termLT      = math.MaxInt32
	termLongKey = 1 << 40
)

func (r *holdRow) has(f uint8) bool { return r.flags&f != 0 }

// holdings is the Holdings tab's source: one row per open lot.
type holdings struct {
	rows []holdRow
	// tie are the ranks of the rows' lot ids (the sort's tie-breaker).
	tie []int32
	// byLot: the rows are in the order of Portfolio.Lots (rowOf
	// searches them).
	byLot bool
	a     *taxrules.Analysis
	lots  []portfolio.Lot // Portfolio.Lots of a
	// collNames are the collection names, by rank (holdRow.coll).
	collNames []string
	// widths measured once: natural column widths.
	w [hfCount]int
	// collLower are collNames lower-cased (matches), on the first filter.
	collLower []string
}

// Len is the number of rows.
func (h *holdings) Len() int { return len(h.rows) }

// ID is the row's lot id.
func (h *holdings) ID(row int) string { return h.lots[h.rows[row].li].ID }

// Tie is the rank of the row's lot id.
func (h *holdings) Tie(row int) int32 { return h.tie[row] }

// Key is the row's sort key for field f.
func (h *holdings) Key(row, f int) int64 {
	r := &h.rows[row]
	switch f {
	case hfLot:
		return int64(h.tie[row])
	case hfCollection:
		return int64(r.coll)
	case hfToken:
		return r.token
	case hfQty:
		return r.qty
	case hfAcquired:
		return int64(h.lots[r.li].Acquired)
	case hfTerm:
		if r.term == termLT {
			return termLongKey
		}
		return int64(r.term)
	case hfBasis:
		return r.basis
	case hfValue:
		return r.value
	case hfUnreal:
		return r.unreal
	case hfPct:
		return r.pct
	case hfWash:
		return int64(r.wash)
	case hfWallet:
		return int64(r.wallet)
	}
	return 0
}

// lot is the lot of row.
func (h *holdings) lot(row int) *portfolio.Lot { return &h.lots[h.rows[row].li] }

// state is the full state of the lot of row, built again.
func (h *holdings) state(row int) taxrules.LotState { return h.a.LotState(int(h.rows[row].li)) }

// longTerm reports whether the lot of row is held long term.
func (h *holdings) longTerm(row int) bool { return h.rows[row].term == termLT }

// holdBuild collects the rows while the states go by, then ranks and
// measures them (done).
type holdBuild struct {
	h     *holdings
	s     holdStats
	names map[string]int32 // collection name -> index in h.collNames
}

func newHoldBuild(a *taxrules.Analysis, n int) *holdBuild {
	return &holdBuild{
		h:     &holdings{a: a, lots: a.Portfolio.Lots, rows: make([]holdRow, 0, n)},
		names: make(map[string]int32),
	}
}

// newHoldings builds the rows of the open lots of a, reading every lot's
// state once (built a chunk at a time on a lazy analysis, see
// taxrules.Analysis.EachLotState); also, when non-nil, gives each state to
// add (the totals read in the same pass).
func newHoldings(a *taxrules.Analysis, add func(st *taxrules.LotState)) *holdings {
	// Sized up front: grown by append, the rows of a million lots would
	// be copied (and held twice) a few times over.
	b := newHoldBuild(a, a.OpenLots())
	b.h.byLot = true
	li := 0 // the states come in the order of Portfolio.Lots
	a.EachLotState(func(st *taxrules.LotState) error {
		if add != nil {
			add(st)
		}
		if st.OpenQuantity.Sign() > 0 {
			b.add(st, li)
		}
		li++
		return nil
	})
	return b.done()
}

// holdingsOf builds the rows of the given open lots' states of a (the
// first frame's; see firstframe.go).
func holdingsOf(a *taxrules.Analysis, states []taxrules.LotState) *holdings {
	b := newHoldBuild(a, len(states))
	for i := range states {
		b.add(&states[i], -1)
	}
	return b.done()
}

// add appends the row of st, the state of the lot at index li of
// Portfolio.Lots (-1: look it up).
func (b *holdBuild) add(st *taxrules.LotState, li int) {
	h := b.h
	if li < 0 {
		i, ok := h.a.Index.LotIndex(st.Lot.ID)
		if !ok {
			panic("ui: the state of a lot not in the portfolio")
		}
		li = i
	}
	r := holdRow{li: int32(li), qty: qtyKey(st.OpenQuantity), term: int32(st.DaysToLongTerm)}
	if st.Term == taxrules.LongTerm {
		r.term = termLT
	}
	c, ok := b.names[st.CollectionName]
	if !ok {
		c = int32(len(h.collNames))
		b.names[st.CollectionName] = c
		h.collNames = append(h.collNames, st.CollectionName)
	}
	r.coll = c
	bc, ok1 := money.CentsOf(st.AdjustedBasis)
	v, ok2 := money.CentsOf(st.MarketValue)
	u, ok3 := money.CentsOf(st.Unrealized)
	if ok1 && ok2 && ok3 {
		r.flags |= rowExact
	} else {
		bc, v, u = approxCents(st.AdjustedBasis), approxCents(st.MarketValue), approxCents(st.Unrealized)
	}
	if st.HasPrice {
		r.flags |= rowPriced
	} else {
		v, u = 0, 0
	}
	r.basis, r.value, r.unreal = bc, v, u
	if st.HasPrice && bc > 0 {
		r.pct = int64(math.Round(float64(u) / float64(bc) * 10000))
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
	q := st.OpenQuantity
	if q.IsInteger() && q.NumDigits() <= 18 && q.Exponent() <= 0 {
		// money.Quantity prints q.IntPart(): keep it when the key is it.
		if ip := q.IntPart(); ip > -1e12 && ip < 1e12 && r.qty == ip*1e6 {
			r.flags |= rowQtyInt
		}
	}
	s := &b.s
	s.basis = max(s.basis, money.Abs64(bc))
	s.value = max(s.value, money.Abs64(v))
	s.unreal = max(s.unreal, money.Abs64(u))
	s.pct = max(s.pct, money.Abs64(r.pct))
	if q.Exponent() < 0 || r.qty >= 1e15 {
		s.w[hfQty] = max(s.w[hfQty], len(money.Quantity(q)))
	} else {
		s.w[hfQty] = max(s.w[hfQty], digits(r.qty/1e6))
	}
	h.rows = append(h.rows, r)
}

// done ranks the rows' names and ids and measures the columns.
func (b *holdBuild) done() *holdings {
	h := b.h
	// Built at the peak of a large build: no slice of a string per row
	// where it can be helped (the ids only when they are out of order,
	// the wallets by their distinct values).
	var wallets map[string]int32
	var tokens []int64
	var wg sync.WaitGroup
	wg.Go(func() {
		h.tie = h.tieRanks()
		distinct := map[string]bool{}
		var ws []string
		for i := range h.rows {
			if w := h.lot(i).Wallet; !distinct[w] {
				distinct[w] = true
				ws = append(ws, w)
			}
		}
		wallets = rankStrings(ws)
	})
	wg.Go(func() { tokens = tokenKeys(h) })
	collRank := rankStrings(h.collNames)
	wg.Wait()
	// The names by rank: rankStrings ranks distinct names.
	byRank := make([]string, len(h.collNames))
	remap := make([]int32, len(h.collNames))
	for i, name := range h.collNames {
		remap[i] = collRank[name]
		byRank[collRank[name]] = name
		h.w[hfCollection] = max(h.w[hfCollection], safeLen(name))
	}
	h.collNames = byRank
	s := &b.s
	for i := range h.rows {
		r := &h.rows[i]
		l := &h.lots[r.li]
		r.coll = remap[r.coll]
		r.wallet = wallets[l.Wallet]
		r.token = tokens[i]
		h.w[hfLot] = max(h.w[hfLot], safeLen(l.ID))
		h.w[hfToken] = max(h.w[hfToken], safeLen(l.TokenID)+1)
	}
	h.w[hfQty] = max(h.w[hfQty], s.w[hfQty])
	h.w[hfPct] = max(h.w[hfPct], len(percentText(-s.pct, true)))
	h.w[hfBasis] = max(h.w[hfBasis], len(money.FormatCents(s.basis, false)))
	h.w[hfValue] = max(h.w[hfValue], len(money.FormatCents(s.value, false)))
	h.w[hfUnreal] = max(h.w[hfUnreal], textWidth(markedCents(-s.unreal)))
	holdingsColumns.widths(h.w[:])
	// The compact name cell holds a collection and a token.
	h.w[hfName] = holdingsColumns.width(hfName, h.w[hfCollection]+h.w[hfToken]+1)
	return h
}

// tieRanks are the ranks of the rows' lot ids (rankIDs), without a slice
// of the ids when they are in order (the usual case).
func (h *holdings) tieRanks() []int32 {
	sorted := true
	for i := 1; i < len(h.rows) && sorted; i++ {
		sorted = h.ID(i-1) <= h.ID(i)
	}
	if sorted {
		rank := make([]int32, len(h.rows))
		for i := range rank {
			rank[i] = int32(i)
		}
		return rank
	}
	ids := make([]string, len(h.rows))
	for i := range ids {
		ids[i] = h.ID(i)
	}
	return rankIDs(ids)
}

// holdStats are the widths and largest amounts seen while adding rows.
type holdStats struct {
	w                         [hfCount]int
	basis, value, unreal, pct int64
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
	l := &h.lots[r.li]
	switch f {
	case hfLot:
		return l.ID, st.paints.none
	case hfCollection:
		return h.collNames[r.coll], st.paints.none
	case hfToken:
		return "#" + l.TokenID, st.paints.none
	case hfName:
		return nameFit(h.collNames[r.coll], l.TokenID, w), st.paints.none
	case hfQty:
		if r.has(rowQtyInt) {
			return strconv.FormatInt(r.qty/1e6, 10), st.paints.none
		}
		return money.Quantity(h.state(row).OpenQuantity), st.paints.none
	case hfAcquired:
		return l.Acquired.String(), st.paints.none
	case hfTerm:
		return termText(r.term), st.paints.none
	case hfBasis:
		if r.has(rowExact) {
			return money.FormatCents(r.basis, false), st.paints.none
		}
		return amountText(h.state(row).AdjustedBasis), st.paints.none
	case hfValue:
		if !r.has(rowPriced) {
			return "n/a", st.paints.muted
		}
		mark := ""
		if r.has(rowStale) {
			mark = staleMark
		}
		if r.has(rowExact) {
			return mark + money.FormatCents(r.value, false), st.paints.none
		}
		return mark + amountText(h.state(row).MarketValue), st.paints.none
	case hfUnreal:
		if !r.has(rowPriced) {
			return "n/a", st.paints.muted
		}
		if r.has(rowExact) {
			return markedCents(r.unreal), st.amountPaint(cmp.Compare(r.unreal, 0))
		}
		u := h.state(row).Unrealized
		return marked(u), st.amountPaint(u.Sign())
	case hfPct:
		if !r.has(rowPriced) {
			return "", st.paints.none
		}
		return percentText(r.pct, true), st.amountPaint(cmp.Compare(r.pct, 0))
	case hfWash:
		return washText(r.wash), st.paints.wash
	case hfWallet:
		return shortAddr(l.Wallet), st.paints.muted
	}
	return "", st.paints.none
}

// matches reports whether the row's lot id, collection, token or note
// contains q (lower case): whether strings.ToLower of the four, joined by
// NULs ("id\x00collection\x00#token\x00note"), contains q. No lower-cased
// copy is kept per row (that was 40 MB at 1M lots): the collection names
// are lowered once each, the other fields compared as they are read.
func (h *holdings) matches(row int, q string) bool {
	if h.collLower == nil {
		h.collLower = make([]string, len(h.collNames))
		for i, n := range h.collNames {
			h.collLower[i] = strings.ToLower(n)
		}
	}
	l := h.lot(row)
	coll := h.collLower[h.rows[row].coll]
	if strings.IndexByte(q, 0) >= 0 {
		// A query across fields: the joined text.
		return strings.Contains(strings.ToLower(l.ID+"\x00"+h.collNames[h.rows[row].coll]+"\x00#"+l.TokenID+"\x00"+l.Note), q)
	}
	return strings.Contains(coll, q) || containsLower(l.ID, q) || containsLower(l.Note, q) || tokenContains(l.TokenID, q)
}

// tokenContains reports whether strings.ToLower("#" + tok) contains q.
func tokenContains(tok, q string) bool {
	if !isASCII(tok) {
		return strings.Contains(strings.ToLower("#"+tok), q)
	}
	if containsLower(tok, q) {
		return true
	}
	// Else q must take in the "#": it starts with it, and the rest of it
	// begins the token.
	rest := strings.TrimPrefix(q, "#")
	return len(rest) < len(q) && len(rest) <= len(tok) && containsLower(tok[:len(rest)], rest)
}

// containsLower reports whether strings.ToLower(s) contains q, without
// lowering s when it is ASCII. q is lower case; when it has no ASCII
// letter, lowering s changes no byte it could match.
func containsLower(s, q string) bool {
	if !isASCII(s) {
		return strings.Contains(strings.ToLower(s), q)
	}
	if !hasLowerLetter(q) {
		return strings.Contains(s, q)
	}
	c0, u0 := q[0], q[0] // q has a letter, so q is not empty
	if 'a' <= c0 && c0 <= 'z' {
		u0 = c0 - 'a' + 'A'
	}
	for i := 0; i+len(q) <= len(s); i++ {
		if c := s[i]; c != c0 && c != u0 {
			continue
		}
		j := 1
		for j < len(q) && lowerASCII(s[i+j]) == q[j] {
			j++
		}
		if j == len(q) {
			return true
		}
	}
	return false
}

// hasLowerLetter reports whether q has a byte from a to z.
func hasLowerLetter(q string) bool {
	for i := 0; i < len(q); i++ {
		if 'a' <= q[i] && q[i] <= 'z' {
			return true
		}
	}
	return false
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
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

// termText is "LT" or "ST 123d" (days until long term): holdRow.term.
func termText(term int32) string {
	if term == termLT {
		return "LT"
	}
	return "ST " + strconv.Itoa(int(term)) + "d"
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

// rowOf returns the row of the lot with the given id.
func (h *holdings) rowOf(id string) (int, bool) {
	li, ok := h.a.Index.LotIndex(id)
	if !ok {
		return 0, false
	}
	if h.byLot {
		r, found := slices.BinarySearchFunc(h.rows, int32(li), func(r holdRow, li int32) int { return cmp.Compare(r.li, li) })
		return r, found
	}
	r := slices.IndexFunc(h.rows, func(r holdRow) bool { return r.li == int32(li) })
	return r, r >= 0
}

// pct is the lot's unrealized percentage in basis points.
func (h *holdings) pct(id string) int64 {
	if i, ok := h.rowOf(id); ok {
		return h.rows[i].pct
	}
	return 0
}
