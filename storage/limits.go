package storage

import (
	"fmt"
	"strconv"
	"unicode/utf8"

	"nftharvest/portfolio"
	"nftharvest/safetext"
)

// Limits on the strings of a portfolio, in bytes of UTF-8 after JSON
// unescaping (docs/format.md). Load, Parse, Validate and every save refuse
// longer strings: a name or an id is shown in tables and messages, and a
// note in the app's details, which must stay quick to draw.
const (
	// MaxNoteBytes is the longest note of a lot: 64 KiB.
	MaxNoteBytes = 64 << 10
	// MaxTextBytes is the longest of any other string: an id, a name, a
	// token id, an address, a transaction hash, a currency code: 1 KiB.
	MaxTextBytes = 1 << 10
)

// tooLong reports s at a when it is longer than limit bytes.
func (v *validator) tooLong(a at, s string, limit int) bool {
	if len(s) <= limit {
		return false
	}
	v.c.add(a, showString(s)+" is "+strconv.Itoa(len(s))+" bytes long; at most "+strconv.Itoa(limit)+
		" ("+strconv.Itoa(limit>>10)+" KiB) are allowed")
	return true
}

// idText checks an id or a reference to one (a collection, lot, sale or
// batch id, a token id): not too long and without a control character
// (safetext.IsControl: C0 and C1 controls, DEL, bidi controls), which
// could fake or reorder what a table or message shows. It reports a
// problem at a and returns false when s is refused.
func (v *validator) idText(a at, s string) bool {
	if v.tooLong(a, s, MaxTextBytes) {
		return false
	}
	if i := safetext.IndexControl(s); i >= 0 {
		r, _ := utf8.DecodeRuneInString(s[i:])
		v.c.add(a, showString(s)+fmt.Sprintf(" holds a control character (U+%04X)", r))
		return false
	}
	return true
}

// collectionText checks the lengths of a collection's free-text members.
func (v *validator) collectionText(a at, col *portfolio.Collection) {
	for _, m := range [...]struct {
		name, s string
	}{{"name", col.Name}, {"chain", col.Chain}, {"contract", col.Contract}, {"standard", col.Standard}} {
		a.field = m.name
		v.tooLong(a, m.s, MaxTextBytes)
	}
}

// lotText checks the lengths of a lot's free-text members.
func (v *validator) lotText(a at, l *portfolio.Lot) {
	a.field = "tx"
	v.tooLong(a, l.Tx, MaxTextBytes)
	a.field = "wallet"
	v.tooLong(a, l.Wallet, MaxTextBytes)
	a.field = "note"
	v.tooLong(a, l.Note, MaxNoteBytes)
}

// currencyText checks the length of a currency code at a.
func (v *validator) currencyText(a at, cur string) bool {
	return !v.tooLong(a, cur, MaxTextBytes)
}
