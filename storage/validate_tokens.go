package storage

import (
	"github.com/shopspring/decimal"
)

// UniqueStandard is the standard of collections whose tokens are unique:
// a lot or sale holds whole tokens, never a fraction of one.
const UniqueStandard = "ERC-721"

// wholeTokens reports at a a quantity q of a lot of collection coll that
// is not a whole number when the collection is ERC-721 (the default
// standard): a unique token cannot be split.
func (v *validator) wholeTokens(a at, coll string, q decimal.Decimal) {
	if q.Exponent() >= 0 || q.Sign() <= 0 {
		return // an integer (the usual "1"), or already reported
	}
	ci, ok := v.collectionIndex[coll]
	if !ok || v.p.Collections[ci].Standard != UniqueStandard {
		return
	}
	if q.Equal(q.Truncate(0)) {
		return // "1.0"
	}
	v.c.add(a, showDecimal(q)+" is not a whole number: collection "+showString(coll)+" is "+UniqueStandard+", whose tokens cannot be split")
}
