package cli

// The reference for the JSON documents: structs encoded by encoding/json.
// The commands write every document with the fast writer (fastjson.go);
// the tests compare the two byte for byte on generated portfolios.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"

	"nftharvest/portfolio"
	"nftharvest/taxrules"
)

// The JSON documents printed with --format json. They are the stable
// contract documented in docs/json.md: field names and order must not
// change. Money is a string rounded to the cent with two decimals,
// quantities are decimal strings, dates are YYYY-MM-DD (null when there is
// none), terms are "short" or "long", and lists are [] when empty.

// lotJSON is one lot of a report.
type lotJSON struct {
	ID            string       `json:"id"`
	Collection    string       `json:"collection"`
	TokenID       string       `json:"token_id"`
	Quantity      string       `json:"quantity"`
	OpenQuantity  string       `json:"open_quantity"`
	Acquired      string       `json:"acquired"`
	HoldingStart  *string      `json:"holding_start"`
	Term          *string      `json:"term"` // null for a closed lot
	LongTermOn    *string      `json:"long_term_on"`
	CostBasis     string       `json:"cost_basis"`
	AdjustedBasis string       `json:"adjusted_basis"`
	MarketValue   *string      `json:"market_value"`
	Unrealized    *string      `json:"unrealized"`
	Collectible   bool         `json:"collectible"`
	WashRisk      washRiskJSON `json:"wash_risk"`
	// Portions is present only when the open units differ in basis or
	// holding start.
	Portions []portionJSON `json:"portions,omitempty"`
}

// portionJSON is a group of a lot's open units with one basis and holding start.
type portionJSON struct {
	Quantity      string  `json:"quantity"`
	AdjustedBasis string  `json:"adjusted_basis"`
	HoldingStart  *string `json:"holding_start"`
	Term          string  `json:"term"`
}

// washRiskJSON says whether a loss sale of the lot now would be washed.
type washRiskJSON struct {
	Purchases []purchaseJSON `json:"purchases"`
	Warnings  []purchaseJSON `json:"warnings"`
	CleanFrom *string        `json:"clean_from"`
}

// purchaseJSON is an acquisition inside a wash-sale window.
type purchaseJSON struct {
	Lot      string `json:"lot"`
	TokenID  string `json:"token_id"`
	Date     string `json:"date"`
	Quantity string `json:"quantity"`
}

// saleJSON is one realized (recorded) sale; Sale is null for a simulated one.
type saleJSON struct {
	Sale           *string           `json:"sale"`
	Lot            string            `json:"lot"`
	Date           string            `json:"date"`
	Quantity       string            `json:"quantity"`
	Proceeds       string            `json:"proceeds"`
	CostBasis      string            `json:"cost_basis"`
	GainLoss       string            `json:"gain_loss"`
	DisallowedLoss string            `json:"disallowed_loss"`
	Recognized     string            `json:"recognized"`
	Term           string            `json:"term"`
	Code           string            `json:"code"`
	Replacements   []replacementJSON `json:"replacements"`
}

// replacementJSON is a lot that absorbed part of a sale's disallowed loss.
type replacementJSON struct {
	Lot           string  `json:"lot"`
	Quantity      string  `json:"quantity"`
	Disallowed    string  `json:"disallowed"`
	AdjustedBasis string  `json:"adjusted_basis"`
	HoldingStart  *string `json:"holding_start"`
}

// simSaleJSON is a sale of a what-if: the realized fields plus advice.
type simSaleJSON struct {
	saleJSON
	SafeToRebuy *string        `json:"safe_to_rebuy"`
	Warnings    []purchaseJSON `json:"warnings"`
}

// summaryJSON is the Schedule D summary of one tax year.
type summaryJSON struct {
	TaxYear            int     `json:"tax_year"`
	ShortTermNet       string  `json:"short_term_net"`
	LongTermNet        string  `json:"long_term_net"`
	CollectiblesNet    string  `json:"collectibles_net"`
	Net                string  `json:"net"`
	OrdinaryOffset     string  `json:"ordinary_offset"`
	CarryoverShortTerm string  `json:"carryover_short_term"`
	CarryoverLongTerm  string  `json:"carryover_long_term"`
	EstimatedTax       string  `json:"estimated_tax"`
	TaxModel           string  `json:"tax_model"`
	TaxModelWarning    *string `json:"tax_model_warning"`
	GainBands          struct {
		Zero         string `json:"zero"`
		Fifteen      string `json:"fifteen"`
		Twenty       string `json:"twenty"`
		TwentyEight  string `json:"twenty_eight"`
		OrdinaryRate string `json:"ordinary_rate"`
	} `json:"gain_bands"`
	NextLossSavesShortTerm string `json:"next_loss_saves_short_term"`
	NextLossSavesLongTerm  string `json:"next_loss_saves_long_term"`
}

// harvestableJSON is the report's taxrules.Harvestable.
type harvestableJSON struct {
	ShortTerm    string `json:"short_term"`
	LongTerm     string `json:"long_term"`
	WashedIfSold string `json:"washed_if_sold"`
}

// collectionJSON is one collection's totals in a report.
type collectionJSON struct {
	ID            string  `json:"id"`
	Name          string  `json:"name"`
	OpenLots      int     `json:"open_lots"`
	Unpriced      int     `json:"unpriced"`
	AdjustedBasis string  `json:"adjusted_basis"`
	Value         string  `json:"value"`
	Unrealized    string  `json:"unrealized"`
	Losses        string  `json:"losses"`
	Gains         string  `json:"gains"`
	Floor         *string `json:"floor"`
}

// collectionsDoc is a's per-collection totals as the report prints them.
func collectionsDoc(a *taxrules.Analysis) []collectionJSON {
	out := []collectionJSON{}
	for _, c := range a.Collections() {
		j := collectionJSON{ID: c.ID, Name: c.Name, OpenLots: c.OpenLots, Unpriced: c.Unpriced,
			AdjustedBasis: plainMoney(c.AdjustedBasis), Value: plainMoney(c.Value), Unrealized: plainMoney(c.Unrealized),
			Losses: plainMoney(c.Losses), Gains: plainMoney(c.Gains)}
		if c.HasFloor {
			f := plainMoney(c.Floor)
			j.Floor = &f
		}
		out = append(out, j)
	}
	return out
}

// harvestableDoc is h as the report prints it.
func harvestableDoc(h taxrules.Harvestable) *harvestableJSON {
	return &harvestableJSON{ShortTerm: plainMoney(h.ShortTerm), LongTerm: plainMoney(h.LongTerm), WashedIfSold: plainMoney(h.Washed)}
}

// simulateDoc is the output of "simulate --format json".
type simulateDoc struct {
	Date     string        `json:"date"`
	Sales    []simSaleJSON `json:"sales"`
	Before   summaryJSON   `json:"before"`
	After    summaryJSON   `json:"after"`
	TaxSaved string        `json:"tax_saved"`
	// Warnings are sentences about the whole what-if (a date in another
	// year than the profile's); [] when none.
	Warnings []string `json:"warnings"`
}

// sellDoc is the output of "sell --format json": the simulate document of
// the recorded sales, with their ids, led by the batch id.
type sellDoc struct {
	Batch string `json:"batch"`
	simulateDoc
}

// suggestDoc is the output of "suggest --format json".
type suggestDoc struct {
	AsOf           string     `json:"as_of"`
	Target         string     `json:"target"`
	Room           string     `json:"room"`
	Picks          []pickJSON `json:"picks"`
	Total          string     `json:"total"`
	Carryover      string     `json:"carryover"`
	CarryoverAdded string     `json:"carryover_added"`
	TaxSaved       string     `json:"tax_saved"`
	Candidates     int        `json:"candidates"`
}

// pickJSON is one lot of a harvest suggestion.
type pickJSON struct {
	Lot        string `json:"lot"`
	Collection string `json:"collection"`
	TokenID    string `json:"token_id"`
	Quantity   string `json:"quantity"`
	Loss       string `json:"loss"`
	Term       string `json:"term"`
	Saves      string `json:"saves"`
	Reason     string `json:"reason"`
}

// writeJSON writes v indented with two spaces and a final newline, without
// HTML escaping, with DEL, C1 and bidi controls escaped as well
// (escapeJSONControls).
func writeJSON(w io.Writer, v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("writing JSON: %w", err)
	}
	if _, err := w.Write(escapeJSONControls(buf.Bytes())); err != nil {
		return fmt.Errorf("writing JSON: %w", err)
	}
	return nil
}

// optDate is a date for JSON, nil (null) for the zero date.
func optDate(d portfolio.Date) *string {
	if d.IsZero() {
		return nil
	}
	s := d.String()
	return &s
}

func optString(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func lotDoc(ls *taxrules.LotState) lotJSON {
	l := ls.Lot
	j := lotJSON{
		ID:            l.ID,
		Collection:    l.Collection,
		TokenID:       l.TokenID,
		Quantity:      qty(l.Quantity),
		OpenQuantity:  qty(ls.OpenQuantity),
		Acquired:      l.Acquired.String(),
		HoldingStart:  optDate(ls.HoldingStart),
		LongTermOn:    optDate(ls.LongTermOn),
		CostBasis:     plainMoney(ls.CostBasis),
		AdjustedBasis: plainMoney(ls.AdjustedBasis),
		Collectible:   ls.Collectible,
		WashRisk: washRiskJSON{
			Purchases: purchasesDoc(ls.WashRisk.Purchases),
			Warnings:  purchasesDoc(ls.WashRisk.Warnings),
			CleanFrom: optDate(ls.WashRisk.CleanFrom),
		},
	}
	if !ls.HoldingStart.IsZero() {
		term := ls.Term.String()
		j.Term = &term
	}
	if ls.HasPrice {
		mv, un := plainMoney(ls.MarketValue), plainMoney(ls.Unrealized)
		j.MarketValue, j.Unrealized = &mv, &un
	}
	if len(ls.Portions) > 1 {
		j.Portions = make([]portionJSON, len(ls.Portions))
		for i, p := range ls.Portions {
			j.Portions[i] = portionJSON{
				Quantity:      qty(p.Quantity),
				AdjustedBasis: plainMoney(p.AdjustedBasis),
				HoldingStart:  optDate(p.HoldingStart),
				Term:          p.Term.String(),
			}
		}
	}
	return j
}

func purchasesDoc(ps []taxrules.Purchase) []purchaseJSON {
	out := make([]purchaseJSON, len(ps))
	for i, p := range ps {
		out[i] = purchaseJSON{Lot: p.Lot, TokenID: p.TokenID, Date: p.Date.String(), Quantity: qty(p.Quantity)}
	}
	return out
}

func saleDoc(s *taxrules.SaleResult) saleJSON {
	j := saleJSON{
		Sale:           optString(s.Sale),
		Lot:            s.Lot,
		Date:           s.Date.String(),
		Quantity:       qty(s.Quantity),
		Proceeds:       plainMoney(s.Proceeds),
		CostBasis:      plainMoney(s.CostBasis),
		GainLoss:       plainMoney(s.GainLoss),
		DisallowedLoss: plainMoney(s.Disallowed),
		Recognized:     plainMoney(s.Recognized),
		Term:           s.Term.String(),
		Code:           s.Code,
		Replacements:   make([]replacementJSON, len(s.Replacements)),
	}
	for i, r := range s.Replacements {
		j.Replacements[i] = replacementJSON{
			Lot:           r.Lot,
			Quantity:      qty(r.Quantity),
			Disallowed:    plainMoney(r.Disallowed),
			AdjustedBasis: plainMoney(r.AdjustedBasis),
			HoldingStart:  optDate(r.HoldingStart),
		}
	}
	return j
}

func simSaleDoc(s *taxrules.SaleResult) simSaleJSON {
	return simSaleJSON{
		saleJSON:    saleDoc(s),
		SafeToRebuy: optDate(s.SafeToRebuy),
		Warnings:    purchasesDoc(s.Warnings),
	}
}

func summaryDoc(s taxrules.Summary) summaryJSON {
	j := summaryJSON{
		TaxYear:                s.TaxYear,
		ShortTermNet:           plainMoney(s.ShortTermNet),
		LongTermNet:            plainMoney(s.LongTermNet),
		CollectiblesNet:        plainMoney(s.CollectiblesNet),
		Net:                    plainMoney(s.Net),
		OrdinaryOffset:         plainMoney(s.OrdinaryOffset),
		CarryoverShortTerm:     plainMoney(s.CarryoverShortTerm),
		CarryoverLongTerm:      plainMoney(s.CarryoverLongTerm),
		EstimatedTax:           plainMoney(s.EstimatedTax),
		TaxModel:               s.TaxModel,
		TaxModelWarning:        optString(s.TaxModelWarning),
		NextLossSavesShortTerm: plainMoney(s.NextLossSavesST),
		NextLossSavesLongTerm:  plainMoney(s.NextLossSavesLT),
	}
	j.GainBands.Zero, j.GainBands.Fifteen = plainMoney(s.Bands.Zero), plainMoney(s.Bands.Fifteen)
	j.GainBands.Twenty, j.GainBands.TwentyEight = plainMoney(s.Bands.Twenty), plainMoney(s.Bands.TwentyEight)
	j.GainBands.OrdinaryRate = qty(s.Bands.OrdinaryRate)
	return j
}

func simulateDocOf(r *taxrules.WhatIfResult, sales []taxrules.SaleResult) simulateDoc {
	d := simulateDoc{
		Date:     r.Date.String(),
		Sales:    make([]simSaleJSON, len(sales)),
		Before:   summaryDoc(r.Before),
		After:    summaryDoc(r.After),
		TaxSaved: plainMoney(r.TaxSaved),
		Warnings: []string{},
	}
	if r.OtherYear != "" {
		d.Warnings = append(d.Warnings, r.OtherYear)
	}
	for i := range sales {
		d.Sales[i] = simSaleDoc(&sales[i])
	}
	return d
}
