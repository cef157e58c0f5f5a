package cli

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"

	"nftharvest/money"
	"nftharvest/portfolio"
	"nftharvest/safetext"
	"nftharvest/taxrules"

	"github.com/shopspring/decimal"
)

// jw appends JSON indented with two spaces, byte for byte as
// encoding/json's Encoder prints it with SetIndent("", "  ") and
// SetEscapeHTML(false). Every --format json document is written with it:
// the report and export stream a million lots quickly. It is the one
// description of each document (docs/json.md); the tests compare its output
// with encoding/json on reference structs (jsondoc_test.go).
type jw struct {
	b     []byte
	depth int
	first bool // the current container has no member yet
	out   *bufio.Writer
	err   error
}

func newJW(out io.Writer) *jw {
	return &jw{b: make([]byte, 0, 64<<10), out: bufio.NewWriterSize(out, 64<<10)}
}

// spill writes the buffer out when it is large.
func (w *jw) spill() {
	if len(w.b) < 32<<10 || w.err != nil {
		return
	}
	_, w.err = w.out.Write(w.b)
	w.b = w.b[:0]
}

// raw writes the buffer and then p, bytes of the document rendered
// elsewhere.
func (w *jw) raw(p []byte) {
	if w.err != nil {
		return
	}
	if _, w.err = w.out.Write(w.b); w.err == nil {
		_, w.err = w.out.Write(p)
	}
	w.b = w.b[:0]
}

// finish ends the document with a newline and flushes.
func (w *jw) finish() error {
	w.b = append(w.b, '\n')
	if w.err == nil {
		_, w.err = w.out.Write(w.b)
	}
	if w.err == nil {
		w.err = w.out.Flush()
	}
	if w.err != nil {
		return fmt.Errorf("writing JSON: %w", w.err)
	}
	return nil
}

func (w *jw) nl() {
	if n := 1 + 2*w.depth; n <= len(newlineIndent) {
		w.b = append(w.b, newlineIndent[:n]...)
		return
	}
	w.b = append(w.b, '\n')
	for i := 0; i < w.depth; i++ {
		w.b = append(w.b, ' ', ' ')
	}
}

// newlineIndent is a line break and the indentation of the deepest levels
// the documents use, sliced by nl.
const newlineIndent = "\n                                "

func (w *jw) open(c byte) {
	w.b = append(w.b, c)
	w.depth++
	w.first = true
}

func (w *jw) close(c byte) {
	w.depth--
	if !w.first {
		w.nl()
	}
	w.b = append(w.b, c)
	w.first = false
}

// key starts an object member. k is a member name of the document, a
// constant of this package made of letters, digits and underscores
// (TestJSONMemberNamesAreConstants checks every call), so it is written
// without escaping.
func (w *jw) key(k string) {
	if !w.first {
		w.b = append(w.b, ',')
	}
	w.first = false
	w.nl()
	w.b = append(w.b, '"')
	w.b = append(w.b, k...)
	w.b = append(w.b, '"', ':', ' ')
}

// elem starts an array element.
func (w *jw) elem() {
	if !w.first {
		w.b = append(w.b, ',')
	}
	w.first = false
	w.nl()
}

func (w *jw) str(k, v string) {
	w.key(k)
	w.b = appendJSONString(w.b, v)
}

func (w *jw) optStr(k, v string) {
	if v == "" {
		w.null(k)
		return
	}
	w.str(k, v)
}

func (w *jw) null(k string) {
	w.key(k)
	w.b = append(w.b, "null"...)
}

func (w *jw) integer(k string, v int) {
	w.key(k)
	w.b = strconv.AppendInt(w.b, int64(v), 10)
}

func (w *jw) boolean(k string, v bool) {
	w.key(k)
	w.b = strconv.AppendBool(w.b, v)
}

func (w *jw) money(k string, d decimal.Decimal) {
	w.key(k)
	w.b = append(w.b, '"')
	w.b = money.AppendFixed2(w.b, d)
	w.b = append(w.b, '"')
}

func (w *jw) qty(k string, d decimal.Decimal) {
	w.key(k)
	w.b = append(w.b, '"')
	w.b = money.AppendQuantity(w.b, d)
	w.b = append(w.b, '"')
}

func (w *jw) fixedMoney(k string, f money.Fixed) {
	w.key(k)
	w.b = append(w.b, '"')
	w.b = f.AppendFixed2(w.b)
	w.b = append(w.b, '"')
}

func (w *jw) fixedQty(k string, f money.Fixed) {
	w.key(k)
	w.b = append(w.b, '"')
	w.b = f.AppendQuantity(w.b)
	w.b = append(w.b, '"')
}

// date writes a date, or null for the zero date.
func (w *jw) date(k string, d portfolio.Date) {
	if d.IsZero() {
		w.null(k)
		return
	}
	w.key(k)
	w.b = append(w.b, '"')
	w.b = d.AppendText(w.b)
	w.b = append(w.b, '"')
}

// appendJSONString appends s as a JSON string the way encoding/json does
// without HTML escaping (quotes, backslashes and control characters
// escaped, U+2028 and U+2029 escaped, invalid UTF-8 as \ufffd), followed
// by escapeJSONControls: DEL, C1 and bidi controls escaped too.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != 0x7f {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if safetext.IsControl(r) {
			b = append(b, s[start:i]...)
			b = appendUnicodeEscape(b, r)
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// The documents, member for member as the structs of jsondoc.go.

func (w *jw) purchases(k string, ps []taxrules.Purchase) {
	w.key(k)
	w.open('[')
	for i := range ps {
		p := &ps[i]
		w.elem()
		w.open('{')
		w.str("lot", p.Lot)
		w.str("token_id", p.TokenID)
		w.key("date")
		w.b = append(w.b, '"')
		w.b = p.Date.AppendText(w.b)
		w.b = append(w.b, '"')
		w.qty("quantity", p.Quantity)
		w.close('}')
	}
	w.close(']')
}

// lot writes one lot of a report.
func (w *jw) lot(ls *taxrules.LotState) {
	l := ls.Lot
	w.open('{')
	w.str("id", l.ID)
	w.str("collection", l.Collection)
	w.str("token_id", l.TokenID)
	w.qty("quantity", l.Quantity)
	w.qty("open_quantity", ls.OpenQuantity)
	w.key("acquired")
	w.b = append(w.b, '"')
	if !l.Acquired.IsZero() {
		w.b = l.Acquired.AppendText(w.b)
	}
	w.b = append(w.b, '"')
	w.date("holding_start", ls.HoldingStart)
	if ls.HoldingStart.IsZero() {
		w.null("term") // a closed lot
	} else {
		w.str("term", ls.Term.String())
	}
	w.date("long_term_on", ls.LongTermOn)
	w.money("cost_basis", ls.CostBasis)
	w.money("adjusted_basis", ls.AdjustedBasis)
	if ls.HasPrice {
		w.money("market_value", ls.MarketValue)
		w.money("unrealized", ls.Unrealized)
	} else {
		w.null("market_value")
		w.null("unrealized")
	}
	w.boolean("collectible", ls.Collectible)
	w.key("wash_risk")
	w.open('{')
	w.purchases("purchases", ls.WashRisk.Purchases)
	w.purchases("warnings", ls.WashRisk.Warnings)
	w.date("clean_from", ls.WashRisk.CleanFrom)
	w.close('}')
	if len(ls.Portions) > 1 {
		w.key("portions")
		w.open('[')
		for i := range ls.Portions {
			p := &ls.Portions[i]
			w.elem()
			w.open('{')
			w.qty("quantity", p.Quantity)
			w.money("adjusted_basis", p.AdjustedBasis)
			w.date("holding_start", p.HoldingStart)
			w.str("term", p.Term.String())
			w.close('}')
		}
		w.close(']')
	}
	w.close('}')
}

// lotFigures writes one lot of a report from its compact figures: the
// members of lot, with the same bytes (tests compare the two).
func (w *jw) lotFigures(f *taxrules.LotFigures) {
	l := f.Lot
	w.open('{')
	w.str("id", l.ID)
	w.str("collection", l.Collection)
	w.str("token_id", l.TokenID)
	w.qty("quantity", l.Quantity)
	w.fixedQty("open_quantity", f.OpenQuantity)
	w.key("acquired")
	w.b = append(w.b, '"')
	if !l.Acquired.IsZero() {
		w.b = l.Acquired.AppendText(w.b)
	}
	w.b = append(w.b, '"')
	w.date("holding_start", f.HoldingStart)
	if f.HoldingStart.IsZero() {
		w.null("term") // a closed lot
	} else {
		w.str("term", f.Term.String())
	}
	w.date("long_term_on", f.LongTermOn)
	w.fixedMoney("cost_basis", f.CostBasis)
	w.fixedMoney("adjusted_basis", f.AdjustedBasis)
	if f.HasPrice {
		w.fixedMoney("market_value", f.MarketValue)
		w.fixedMoney("unrealized", f.Unrealized)
	} else {
		w.null("market_value")
		w.null("unrealized")
	}
	w.boolean("collectible", f.Collectible)
	w.key("wash_risk")
	w.open('{')
	w.purchases("purchases", f.WashRisk.Purchases)
	w.purchases("warnings", f.WashRisk.Warnings)
	w.date("clean_from", f.WashRisk.CleanFrom)
	w.close('}')
	w.close('}') // one portion at most: no "portions"
}

// sale writes one realized sale: {"sale", "lot", "date", "quantity",
// "proceeds", "cost_basis", "gain_loss", "disallowed_loss", "recognized",
// "term", "code", "replacements"}.
func (w *jw) sale(s *taxrules.SaleResult) {
	w.open('{')
	w.saleMembers(s)
	w.close('}')
}

// simSale writes one sale of a what-if: the realized members, then
// "safe_to_rebuy" and "warnings".
func (w *jw) simSale(s *taxrules.SaleResult) {
	w.open('{')
	w.saleMembers(s)
	w.date("safe_to_rebuy", s.SafeToRebuy)
	w.purchases("warnings", s.Warnings)
	w.close('}')
}

// saleMembers writes the members of a realized sale.
func (w *jw) saleMembers(s *taxrules.SaleResult) {
	w.optStr("sale", s.Sale)
	w.str("lot", s.Lot)
	w.key("date")
	w.b = append(w.b, '"')
	if !s.Date.IsZero() {
		w.b = s.Date.AppendText(w.b)
	}
	w.b = append(w.b, '"')
	w.qty("quantity", s.Quantity)
	w.money("proceeds", s.Proceeds)
	w.money("cost_basis", s.CostBasis)
	w.money("gain_loss", s.GainLoss)
	w.money("disallowed_loss", s.Disallowed)
	w.money("recognized", s.Recognized)
	w.str("term", s.Term.String())
	w.str("code", s.Code)
	w.key("replacements")
	w.open('[')
	for i := range s.Replacements {
		r := &s.Replacements[i]
		w.elem()
		w.open('{')
		w.str("lot", r.Lot)
		w.qty("quantity", r.Quantity)
		w.money("disallowed", r.Disallowed)
		w.money("adjusted_basis", r.AdjustedBasis)
		w.date("holding_start", r.HoldingStart)
		w.close('}')
	}
	w.close(']')
}

// summary writes a Schedule D summary.
func (w *jw) summary(s taxrules.Summary) {
	w.open('{')
	w.integer("tax_year", s.TaxYear)
	w.money("short_term_net", s.ShortTermNet)
	w.money("long_term_net", s.LongTermNet)
	w.money("collectibles_net", s.CollectiblesNet)
	w.money("net", s.Net)
	w.money("ordinary_offset", s.OrdinaryOffset)
	w.money("carryover_short_term", s.CarryoverShortTerm)
	w.money("carryover_long_term", s.CarryoverLongTerm)
	w.money("estimated_tax", s.EstimatedTax)
	w.str("tax_model", s.TaxModel)
	w.optStr("tax_model_warning", s.TaxModelWarning)
	w.key("gain_bands")
	w.open('{')
	w.money("zero", s.Bands.Zero)
	w.money("fifteen", s.Bands.Fifteen)
	w.money("twenty", s.Bands.Twenty)
	w.money("twenty_eight", s.Bands.TwentyEight)
	w.qty("ordinary_rate", s.Bands.OrdinaryRate)
	w.close('}')
	w.money("next_loss_saves_short_term", s.NextLossSavesST)
	w.money("next_loss_saves_long_term", s.NextLossSavesLT)
	w.close('}')
}

func (w *jw) sales(k string, sales []*taxrules.SaleResult) {
	w.key(k)
	w.open('[')
	for _, s := range sales {
		w.elem()
		w.sale(s)
		w.spill()
	}
	w.close(']')
}

// writeReportJSON writes the report document of docs/json.md, streaming:
// {"as_of", "tax_year", "lots", "realized", "summary", "harvestable"}.
// With top > 0 the lots are the given ones, else every lot of the
// analysis, whose states need not be built (they are built one chunk at a
// time, see taxrules.Analysis.EachLotState).
func writeReportJSON(out io.Writer, a *taxrules.Analysis, year, top int,
	lots []*taxrules.LotState, realized []*taxrules.SaleResult, summary taxrules.Summary) error {
	w := newJW(out)
	w.open('{')
	w.str("as_of", a.AsOf.String())
	w.integer("tax_year", year)
	w.key("lots")
	w.open('[')
	if top > 0 {
		for _, ls := range lots {
			w.elem()
			w.lot(ls)
		}
	}
	// Every lot, its figures built as they are written when the analysis
	// has no states (taxrules.Options.LazyLots); the harvestable losses
	// and the collections' totals are added up on the way.
	var harvest taxrules.HarvestableSums
	colls := a.NewCollectionSums()
	if top == 0 {
		// Two goroutines render chunks of lots (each element with its
		// leading comma); this one writes them in order and adds up the
		// harvestable losses and the collections' totals.
		written := false
		err := taxrules.EachLotChunk(a, func(figs []taxrules.LotFigures, out *[]byte) {
			cw := jw{b: (*out)[:0], depth: w.depth}
			for i := range figs {
				cw.elem()
				if f := &figs[i]; f.Full != nil {
					cw.lot(f.Full)
				} else {
					cw.lotFigures(f)
				}
			}
			*out = cw.b
		}, func(figs []taxrules.LotFigures, out *[]byte) error {
			b := *out
			if !written && len(b) > 0 {
				b = b[1:] // the first element has no comma
				written = true
			}
			w.raw(b)
			for i := range figs {
				harvest.Add(&figs[i])
				colls.AddFigures(&figs[i])
			}
			return w.err
		})
		if err != nil {
			return w.finish()
		}
		w.first = !written
	}
	h := harvest.Value()
	w.close(']')
	w.sales("realized", realized)
	w.key("summary")
	w.summary(summary)
	if top > 0 {
		w.null("harvestable") // only a few lot states were built
	} else {
		w.key("harvestable")
		w.open('{')
		w.money("short_term", h.ShortTerm)
		w.money("long_term", h.LongTerm)
		w.money("washed_if_sold", h.Washed)
		w.close('}')
	}
	if top > 0 {
		w.null("collections")
	} else {
		w.key("collections")
		w.open('[')
		for _, c := range colls.Totals() {
			w.elem()
			w.collection(&c)
			w.spill()
		}
		w.close(']')
	}
	w.close('}')
	return w.finish()
}

// collection writes one collection's totals of a report: {"id", "name",
// "open_lots", "unpriced", "adjusted_basis", "value", "unrealized",
// "losses", "gains", "floor"}.
func (w *jw) collection(c *taxrules.CollectionTotals) {
	w.open('{')
	w.str("id", c.ID)
	w.str("name", c.Name)
	w.integer("open_lots", c.OpenLots)
	w.integer("unpriced", c.Unpriced)
	w.money("adjusted_basis", c.AdjustedBasis)
	w.money("value", c.Value)
	w.money("unrealized", c.Unrealized)
	w.money("losses", c.Losses)
	w.money("gains", c.Gains)
	if c.HasFloor {
		w.money("floor", c.Floor)
	} else {
		w.null("floor")
	}
	w.close('}')
}

// writeExportJSON writes the export document: the realized part of the
// report, {"tax_year", "realized", "summary"}.
func writeExportJSON(out io.Writer, year int, realized []*taxrules.SaleResult, summary taxrules.Summary) error {
	w := newJW(out)
	w.open('{')
	w.integer("tax_year", year)
	w.sales("realized", realized)
	w.key("summary")
	w.summary(summary)
	w.close('}')
	return w.finish()
}

// writeSimulateJSON writes the simulate document, {"date", "sales",
// "before", "after", "tax_saved", "warnings"}, led by "batch" when batch is
// not empty (the sell document).
func writeSimulateJSON(out io.Writer, batch string, r *taxrules.WhatIfResult, sales []*taxrules.SaleResult) error {
	w := newJW(out)
	w.open('{')
	if batch != "" {
		w.str("batch", batch)
	}
	w.date("date", r.Date)
	w.key("sales")
	w.open('[')
	for _, s := range sales {
		w.elem()
		w.simSale(s)
		w.spill()
	}
	w.close(']')
	w.key("before")
	w.summary(r.Before)
	w.key("after")
	w.summary(r.After)
	w.money("tax_saved", r.TaxSaved)
	w.key("warnings")
	w.open('[')
	if r.OtherYear != "" {
		w.elem()
		w.b = appendJSONString(w.b, r.OtherYear)
	}
	w.close(']')
	w.close('}')
	return w.finish()
}

// writeSuggestJSON writes the suggest document, {"as_of", "target",
// "room", "picks", "total", "carryover", "carryover_added"}.
func writeSuggestJSON(out io.Writer, a *taxrules.Analysis, s taxrules.Suggestion) error {
	w := newJW(out)
	w.open('{')
	w.date("as_of", a.AsOf)
	w.money("target", s.Target)
	w.money("room", s.Room)
	w.key("picks")
	w.open('[')
	for _, p := range s.Picks {
		w.elem()
		w.open('{')
		w.str("lot", p.Lot)
		coll, token := "", ""
		if l, ok := a.Index.Lot(p.Lot); ok {
			coll, token = l.Collection, l.TokenID
		}
		w.str("collection", coll)
		w.str("token_id", token)
		w.qty("quantity", p.Quantity)
		w.money("loss", p.Loss)
		w.str("term", p.Term.String())
		w.money("saves", p.Saves)
		w.str("reason", p.Reason)
		w.close('}')
		w.spill()
	}
	w.close(']')
	w.money("total", s.Total)
	w.money("carryover", s.Carryover)
	w.money("carryover_added", s.CarryoverAdded)
	w.money("tax_saved", s.TaxSaved)
	w.integer("candidates", s.Candidates)
	w.close('}')
	return w.finish()
}

// writeGainsJSON writes the "suggest --gains" document, {"as_of", "room",
// "picks": [{"lot", "quantity", "gain"}], "total", "state_tax", "why"}.
func writeGainsJSON(out io.Writer, a *taxrules.Analysis, g taxrules.GainHarvest) error {
	w := newJW(out)
	w.open('{')
	w.date("as_of", a.AsOf)
	w.money("room", g.Room)
	w.key("picks")
	w.open('[')
	for _, p := range g.Picks {
		w.elem()
		w.open('{')
		w.str("lot", p.Lot)
		w.qty("quantity", p.Quantity)
		w.money("gain", p.Gain)
		w.close('}')
		w.spill()
	}
	w.close(']')
	w.money("total", g.Total)
	w.money("state_tax", g.StateTax)
	w.optStr("why", g.Why)
	w.close('}')
	return w.finish()
}
