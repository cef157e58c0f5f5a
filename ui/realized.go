package ui

import (
	"strconv"
	"strings"

	"nftharvest/money"
	"nftharvest/taxrules"
)

// Realized fields.
const (
	rfSale = iota
	rfLot
	rfName
	rfQty
	rfDate
	rfTerm
	rfProceeds
	rfBasis
	rfGain
	rfDisallowed
	rfMovedTo
	rfCode
	rfRecognized
	rfBatch
	rfCount
)

type realRow struct {
	r           *taxrules.SaleResult
	name        string
	coll, token string
	batch       string
	movedTo     string // the lots that absorbed the disallowed loss
	keys        [rfCount]int64
}

// realized is the Realized tab's source: this tax year's sales with their
// outcome (one row per sale and term).
type realized struct {
	rows []realRow
	rowIDs
	w   [rfCount]int
	hay []string
}

// Key is the row's sort key for field f.
func (r *realized) Key(row, f int) int64 { return r.rows[row].keys[f] }

func newRealized(a *taxrules.Analysis) *realized {
	rz := &realized{}
	batchOf := make(map[string]string, len(a.Portfolio.Sales))
	for i := range a.Portfolio.Sales {
		batchOf[a.Portfolio.Sales[i].ID] = a.Portfolio.Sales[i].Batch
	}
	for i := range a.Sales {
		s := &a.Sales[i]
		if s.Date.Year() != a.TaxYear {
			continue
		}
		name, coll, token := s.Lot, s.Lot, ""
		if l, ok := a.Index.Lot(s.Lot); ok {
			coll, token = a.Index.CollectionName(l.Collection), l.TokenID
			name = coll + " #" + token
		}
		rz.rows = append(rz.rows, realRow{r: s, name: name, coll: coll, token: token, batch: batchOf[s.Sale], movedTo: movedTo(s)})
		rz.ids = append(rz.ids, s.Sale+"/"+s.Term.String())
	}
	// Processing order (date, then sale id) is the natural tie order.
	rz.tie = make([]int32, len(rz.rows))
	for i := range rz.tie {
		rz.tie[i] = int32(i)
	}
	names := make([]string, len(rz.rows))
	sales := make([]string, len(rz.rows))
	lots := make([]string, len(rz.rows))
	batches := make([]string, len(rz.rows))
	moved := make([]string, len(rz.rows))
	for i := range rz.rows {
		names[i], sales[i], lots[i], batches[i] = rz.rows[i].name, rz.rows[i].r.Sale, rz.rows[i].r.Lot, rz.rows[i].batch
		moved[i] = rz.rows[i].movedTo
	}
	nameRank, saleRank, lotRank, batchRank := rankStrings(names), rankStrings(sales), rankStrings(lots), rankStrings(batches)
	movedRank := rankStrings(moved)
	var maxAbs [rfCount]int64
	for i := range rz.rows {
		row := &rz.rows[i]
		s := row.r
		k := &row.keys
		k[rfSale] = int64(saleRank[s.Sale])
		k[rfLot] = int64(lotRank[s.Lot])
		k[rfName] = int64(nameRank[row.name])
		k[rfQty] = qtyKey(s.Quantity)
		k[rfDate] = int64(s.Date)
		k[rfTerm] = int64(s.Term)
		k[rfProceeds] = approxOrCents(s.Proceeds)
		k[rfBasis] = approxOrCents(s.CostBasis)
		k[rfGain] = approxOrCents(s.GainLoss)
		k[rfDisallowed] = approxOrCents(s.Disallowed)
		k[rfCode] = codeKey(s.Code)
		k[rfRecognized] = approxOrCents(s.Recognized)
		k[rfBatch] = int64(batchRank[row.batch])
		k[rfMovedTo] = int64(movedRank[row.movedTo])
		rz.w[rfMovedTo] = max(rz.w[rfMovedTo], safeLen(row.movedTo))
		rz.w[rfSale] = max(rz.w[rfSale], safeLen(s.Sale))
		rz.w[rfLot] = max(rz.w[rfLot], safeLen(s.Lot))
		rz.w[rfName] = max(rz.w[rfName], safeLen(row.name))
		if s.Quantity.Exponent() < 0 || k[rfQty] >= 1e15 {
			rz.w[rfQty] = max(rz.w[rfQty], len(money.Quantity(s.Quantity)))
		} else {
			rz.w[rfQty] = max(rz.w[rfQty], digits(k[rfQty]/1e6))
		}
		for _, f := range []int{rfProceeds, rfBasis, rfGain, rfDisallowed, rfRecognized} {
			maxAbs[f] = max(maxAbs[f], money.Abs64(k[f]))
		}
		rz.w[rfBatch] = max(rz.w[rfBatch], safeLen(row.batch))
	}
	for _, f := range []int{rfProceeds, rfBasis, rfDisallowed} {
		rz.w[f] = max(rz.w[f], len(money.FormatCents(maxAbs[f], false)))
	}
	for _, f := range []int{rfGain, rfRecognized} {
		rz.w[f] = max(rz.w[f], textWidth(markedCents(-maxAbs[f])))
	}
	realizedColumns.widths(rz.w[:])
	return rz
}

// realizedColumns are the Realized tab's columns.
var realizedColumns = columnTable{
	cols: []colDef{
		rfSale:       {title: "Sale", minW: 4, key: rfSale, drop: 4},
		rfLot:        {title: "Lot", minW: 3, key: rfLot, drop: 9},
		rfName:       {title: "Token", minW: 10, maxW: 30, key: rfName, flex: 14},
		rfQty:        {title: "Qty", align: alignRight, minW: 3, maxW: 10, key: rfQty, drop: 10},
		rfDate:       {title: "Sold", minW: 10, key: rfDate, drop: 3},
		rfTerm:       {title: "Term", minW: 4, key: rfTerm},
		rfProceeds:   {title: "Net proceeds", align: alignRight, minW: 8, key: rfProceeds, drop: 6},
		rfBasis:      {title: "Basis", align: alignRight, minW: 9, key: rfBasis, drop: 7},
		rfGain:       {title: "Gain/loss", align: alignRight, minW: 10, key: rfGain, drop: 5},
		rfDisallowed: {title: "Disallowed", align: alignRight, minW: 10, key: rfDisallowed},
		rfMovedTo:    {title: "Moved to", minW: 8, maxW: 14, key: rfMovedTo, drop: 8},
		rfCode:       {title: "Code", minW: 4, key: rfCode},
		rfRecognized: {title: "Recognized", align: alignRight, minW: 10, key: rfRecognized},
		rfBatch:      {title: "Batch", minW: 5, key: rfBatch, drop: 11},
	},
	compact: []colPlace{
		{field: rfName, title: "Sale", flex: 12},
		{field: rfDate, title: "Date", drop: 2},
		{field: rfRecognized},
		{field: rfCode, drop: 1},
	},
}

// columns returns the realized columns, wide or compact.
func (r *realized) columns(compact bool) []column { return realizedColumns.layout(r.w[:], compact) }

// Cell formats one realized cell.
func (r *realized) Cell(st *Styles, row, f, w int) (string, paint) {
	rr := &r.rows[row]
	s := rr.r
	switch f {
	case rfSale:
		return s.Sale, st.paints.none
	case rfLot:
		return s.Lot, st.paints.none
	case rfName:
		return nameFit(rr.coll, rr.token, w), st.paints.none
	case rfQty:
		return money.Quantity(s.Quantity), st.paints.none
	case rfDate:
		return s.Date.String(), st.paints.none
	case rfTerm:
		if s.Term == taxrules.LongTerm {
			return "LT", st.paints.none
		}
		return "ST", st.paints.none
	case rfProceeds:
		return amountText(s.Proceeds), st.paints.none
	case rfBasis:
		return amountText(s.CostBasis), st.paints.none
	case rfGain:
		return marked(s.GainLoss), st.amountPaint(s.GainLoss.Sign())
	case rfDisallowed:
		if s.Disallowed.IsZero() {
			return "", st.paints.none
		}
		return amountText(s.Disallowed), st.paints.wash
	case rfMovedTo:
		return rr.movedTo, st.paints.wash
	case rfCode:
		if !strings.Contains(s.Code, "W") {
			return s.Code, st.paints.none // C alone: a collectible, no wash sale
		}
		return s.Code, st.paints.wash
	case rfRecognized:
		return marked(s.Recognized), st.amountPaint(s.Recognized.Sign())
	case rfBatch:
		return rr.batch, st.paints.muted
	}
	return "", st.paints.none
}

func (r *realized) matches(row int, q string) bool {
	if r.hay == nil {
		r.hay = make([]string, len(r.rows))
		for i := range r.rows {
			rr := &r.rows[i]
			r.hay[i] = strings.ToLower(rr.r.Sale + "\x00" + rr.r.Lot + "\x00" + rr.name + "\x00" + rr.batch)
		}
	}
	return strings.Contains(r.hay[row], q)
}

// movedTo names the lots that absorbed a sale's disallowed loss: the
// first, and how many more ("L-0047 +1"); the lot detail lists them all.
func movedTo(s *taxrules.SaleResult) string {
	switch n := len(s.Replacements); n {
	case 0:
		return ""
	case 1:
		return s.Replacements[0].Lot
	default:
		return s.Replacements[0].Lot + " +" + strconv.Itoa(n-1)
	}
}

// codeKey orders Form 8949 codes as text ("" < "C" < "CW" < "W"): every
// letter counts, so C and CW do not sort as equal.
func codeKey(code string) int64 {
	var k int64
	for i := range 4 {
		k <<= 8
		if i < len(code) {
			k |= int64(code[i])
		}
	}
	return k
}
