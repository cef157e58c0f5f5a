package storage

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/go-json-experiment/json/jsontext"
	"github.com/shopspring/decimal"

	"nftharvest/portfolio"
)

// section is a part of the file that problems are reported in.
type section uint8

const (
	secTop section = iota
	secProfile
	secCarryover
	secOtherGains
	secRates
	secCollections
	secLots
	secSales
)

var sectionNames = [...]string{
	secTop:         "",
	secProfile:     "tax_profile",
	secCarryover:   "tax_profile.carryover",
	secOtherGains:  "tax_profile.other_gains",
	secRates:       "rates",
	secCollections: "collections",
	secLots:        "lots",
	secSales:       "sales",
}

// at is the place of a value: a section, the element index in the
// section's array (-1 for none), and a member path inside it. It is cheap
// to build; the path text is made only when a problem is reported.
type at struct {
	sec   section
	idx   int
	field string
}

// top returns the place of a top-level member.
func top(field string) at { return at{sec: secTop, idx: -1, field: field} }

// String renders the JSON path, e.g. "lots[12].acquired" or "rates.ETH".
func (a at) String() string {
	var b strings.Builder
	b.WriteString(sectionNames[a.sec])
	if a.idx >= 0 {
		b.WriteByte('[')
		b.WriteString(strconv.Itoa(a.idx))
		b.WriteByte(']')
	}
	if a.field != "" {
		if a.sec == secRates && !plainName(a.field) {
			b.WriteByte('[')
			b.WriteString(strconv.Quote(a.field))
			b.WriteByte(']')
			return b.String()
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(a.field)
	}
	return b.String()
}

// plainName tells whether a member name can be shown after a dot.
func plainName(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

// maxShown is the longest value text quoted in a problem message.
const maxShown = 60

// showRaw formats raw JSON text for a message: compacted and shortened.
func showRaw[T ~string | ~[]byte](text T) string {
	raw := string(text)
	if strings.ContainsAny(raw, "\n\r\t") {
		v := jsontext.Value(raw)
		if err := v.Compact(); err == nil {
			raw = string(v)
		}
	}
	if len(raw) > maxShown {
		cut := maxShown - 3
		for cut > 0 && !utf8.RuneStart(raw[cut]) {
			cut--
		}
		raw = raw[:cut] + "..."
	}
	return raw
}

// showString formats a Go string as it appears in JSON.
func showString(s string) string {
	b := appendQuoted(make([]byte, 0, len(s)+2), s)
	return showRaw(string(b))
}

// showDecimal formats a decimal as it is written in the file.
func showDecimal(d decimal.Decimal) string {
	return `"` + formatDecimal(d) + `"`
}

// showDate formats a date as it is written in the file.
func showDate(d portfolio.Date) string { return `"` + d.String() + `"` }
