package cli

import (
	"fmt"
	"strings"

	"nftharvest/taxrules"

	"github.com/shopspring/decimal"
)

// parseSellSpec reads one --sell value, LOT[:QTY][@PRICE]: the lot id, the
// quantity to sell (default: all open units) and the total gross price in
// the base currency for that quantity (default: the market value).
func parseSellSpec(spec string) (taxrules.SaleRequest, error) {
	var req taxrules.SaleRequest
	fail := func(format string, a ...any) error {
		return usageErrorf("--sell %q: %s", spec, fmt.Sprintf(format, a...))
	}
	rest := spec
	if i := strings.LastIndexByte(rest, '@'); i >= 0 {
		p := rest[i+1:]
		rest = rest[:i]
		price, err := parseMoney(p, "a price")
		if err != nil {
			return req, fail("%v", err)
		}
		if price.IsNegative() {
			return req, fail("%q is not a price (must not be negative)", p)
		}
		req.Price = &price
	}
	if i := strings.LastIndexByte(rest, ':'); i >= 0 {
		q := rest[i+1:]
		rest = rest[:i]
		qty, err := parseAmount(q, "a quantity")
		if err != nil {
			return req, fail("%v", err)
		}
		if !qty.IsPositive() {
			return req, fail("%q is not a quantity (must be more than zero)", q)
		}
		req.Quantity = qty
	}
	if strings.TrimSpace(rest) == "" {
		return req, fail("no lot id (write LOT[:QTY][@PRICE], e.g. L-0001:1@850)")
	}
	req.Lot = rest
	return req, nil
}

// parseSellSpecs reads every --sell value and applies the per-sale fees.
func parseSellSpecs(specs []string, fees decimal.Decimal) ([]taxrules.SaleRequest, error) {
	if len(specs) == 0 {
		return nil, usageErrorf("nothing to sell: give at least one --sell LOT[:QTY][@PRICE]")
	}
	reqs := make([]taxrules.SaleRequest, 0, len(specs))
	for _, s := range specs {
		r, err := parseSellSpec(s)
		if err != nil {
			return nil, err
		}
		r.Fees = fees
		reqs = append(reqs, r)
	}
	return reqs, nil
}
