// Package money is the one home of exact amount arithmetic and formatting:
// cent rounding, integer fast paths for the decimal operations done once
// per lot, an exact accumulator, and the text of amounts and quantities.
//
// Every fast path gives the result shopspring/decimal gives (the fuzz test
// in money_test.go compares them) and falls back to decimal when the
// numbers do not fit in 64 bits. Amounts are never floats.
package money
