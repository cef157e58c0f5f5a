package storage

import (
	"errors"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/go-json-experiment/json/jsontext"
	"github.com/shopspring/decimal"

	"nftharvest/portfolio"
)

// Parse decodes and validates data; name is used in error messages.
// Invalid content returns an *InvalidError listing every problem (the first
// MaxProblems of them).
func Parse(data []byte, name string) (*portfolio.Portfolio, error) {
	return parse(string(data), name)
}

// parse decodes and validates src. Strings in the result share src's
// memory, so src is read once and never copied piece by piece.
func parse(src, name string) (*portfolio.Portfolio, error) {
	c := &collector{limit: MaxProblems}
	d := newDecoder(src, c)
	d.document()
	if d.fatal != nil {
		return nil, &InvalidError{File: name, Problems: []Problem{*d.fatal}}
	}
	check(d.p, c)
	if c.count() > 0 {
		return nil, &InvalidError{File: name, Problems: c.sorted(), More: c.more}
	}
	return d.p, nil
}

// decoder reads a portfolio from JSON text with a streaming token decoder
// straight into the portfolio structs. Field problems (wrong types, bad
// dates or decimals, missing required members) go to the collector and
// decoding goes on; malformed JSON stops it.
type decoder struct {
	src string
	dec *jsontext.Decoder
	c   *collector
	p   *portfolio.Portfolio
	// fatal is the one problem that stopped decoding: malformed JSON, a
	// version newer than this build, or a top-level value that is not an
	// object. Nothing else is reported with it.
	fatal *Problem
	stop  bool
	// decimals caches short decimal texts ("1", "0", "12.00"): equal texts
	// share one immutable decimal value instead of allocating again.
	decimals map[string]decimal.Decimal
	scratch  []byte
}

// maxCachedDecimals bounds the decimal cache.
const maxCachedDecimals = 4096

func newDecoder(src string, c *collector) *decoder {
	return &decoder{
		src:      src,
		dec:      jsontext.NewDecoder(strings.NewReader(src)),
		c:        c,
		p:        &portfolio.Portfolio{},
		decimals: make(map[string]decimal.Decimal, 64),
	}
}

// Reading primitives.

// fail records a syntactic error from the token decoder and stops.
func (d *decoder) fail(err error) {
	if d.stop {
		return
	}
	d.stop = true
	msg := err.Error()
	off := int64(len(d.src))
	var se *jsontext.SyntacticError
	switch {
	case errors.As(err, &se):
		off = se.ByteOffset
		msg = se.Err.Error()
		if errors.Is(se.Err, jsontext.ErrDuplicateName) {
			msg += " " + strconv.Quote(se.JSONPointer.LastToken())
		}
		if errors.Is(se.Err, io.ErrUnexpectedEOF) {
			msg = "unexpected end of file"
		}
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		msg = "unexpected end of file"
	}
	line, col := lineCol(d.src, int(min(off, int64(len(d.src)))))
	d.fatal = &Problem{Message: msg, Line: line, Column: col}
}

// lineCol turns a byte offset into a 1-based line and character column.
func lineCol(src string, off int) (line, col int) {
	before := src[:off]
	line = 1 + strings.Count(before, "\n")
	lineStart := strings.LastIndexByte(before, '\n') + 1
	return line, 1 + utf8.RuneCountInString(before[lineStart:])
}

// value reads the next value whole and returns its raw text in src.
func (d *decoder) value() (string, bool) {
	if d.stop {
		return "", false
	}
	v, err := d.dec.ReadValue()
	if err != nil {
		d.fail(err)
		return "", false
	}
	end := int(d.dec.InputOffset())
	return d.src[end-len(v) : end], true
}

// unquote returns the text of a raw JSON string, sharing src when the
// string has no escapes.
func (d *decoder) unquote(raw string) string {
	if strings.IndexByte(raw, '\\') < 0 {
		return raw[1 : len(raw)-1]
	}
	b, err := jsontext.AppendUnquote(d.scratch[:0], raw)
	if err != nil { // cannot happen: the decoder checked the string
		return raw[1 : len(raw)-1]
	}
	d.scratch = b
	return string(b)
}

// peek returns the kind of the next token, stopping on an error.
func (d *decoder) peek() jsontext.Kind {
	if d.stop {
		return 0
	}
	k := d.dec.PeekKind()
	if k == 0 {
		_, err := d.dec.ReadToken()
		if err == nil {
			err = errors.New("invalid JSON")
		}
		d.fail(err)
	}
	return k
}

// token reads a delimiter already seen by peek.
func (d *decoder) token() {
	if _, err := d.dec.ReadToken(); err != nil {
		d.fail(err)
	}
}

// open starts an object or array of kind ('{' or '['). A null is read as
// absent (false, no problem); any other value is a problem at a.
func (d *decoder) open(kind jsontext.Kind, a at) bool {
	switch d.peek() {
	case 0:
		return false
	case kind:
		d.token()
		return !d.stop
	case 'n':
		d.value()
		return false
	}
	raw, ok := d.value()
	if ok {
		what := "an object"
		if kind == '[' {
			what = "an array"
		}
		d.c.fail(a, showRaw(raw)+" is not "+what)
	}
	return false
}

// more tells whether the open object or array has another member or
// element; at its end it reads the closing delimiter.
func (d *decoder) more() bool {
	switch d.peek() {
	case 0:
		return false
	case '}', ']':
		d.token()
		return false
	}
	return true
}

// name reads an object member name.
func (d *decoder) name() string {
	raw, ok := d.value()
	if !ok {
		return ""
	}
	return d.unquote(raw)
}

// extra keeps an unknown member, copying its raw value.
func (d *decoder) extra(x portfolio.Extra, name string) portfolio.Extra {
	raw, ok := d.value()
	if !ok {
		return x
	}
	return append(x, portfolio.ExtraField{Name: name, Value: []byte(raw)})
}

// Typed values. Each returns whether the member was present (not null);
// a value of the wrong type or text counts as present and is reported.

func (d *decoder) str(a at) (string, bool) {
	raw, ok := d.value()
	if !ok || raw == "null" {
		return "", false
	}
	if raw[0] != '"' {
		d.c.fail(a, showRaw(raw)+" is not a string")
		return "", true
	}
	return d.unquote(raw), true
}

func (d *decoder) decimal(a at) (decimal.Decimal, bool) {
	raw, ok := d.value()
	if !ok || raw == "null" {
		return decimal.Decimal{}, false
	}
	text := raw
	switch {
	case raw[0] == '"':
		text = d.unquote(raw)
	case raw[0] == '-' || raw[0] >= '0' && raw[0] <= '9':
	default:
		d.c.fail(a, showRaw(raw)+" is not a decimal number")
		return decimal.Decimal{}, true
	}
	if v, ok := d.decimals[text]; ok {
		return v, true
	}
	v, st := parseDecimal(text)
	switch st {
	case decimalSyntax:
		d.c.fail(a, showRaw(raw)+" is not a decimal number")
	case decimalRange:
		d.c.fail(a, showRaw(raw)+" is out of range (at most "+strconv.Itoa(maxDigits)+" digits)")
	default:
		if len(text) <= 8 && len(d.decimals) < maxCachedDecimals {
			d.decimals[text] = v
		}
	}
	return v, true
}

func (d *decoder) date(a at) (portfolio.Date, bool) {
	raw, ok := d.value()
	if !ok || raw == "null" {
		return 0, false
	}
	if raw[0] == '"' {
		if v, err := portfolio.ParseDate(d.unquote(raw)); err == nil {
			return v, true
		}
	}
	d.c.fail(a, showRaw(raw)+" is not a date (YYYY-MM-DD)")
	return 0, true
}

func (d *decoder) boolean(a at) (v, present bool) {
	raw, ok := d.value()
	if !ok || raw == "null" {
		return false, false
	}
	switch raw {
	case "true":
		return true, true
	case "false":
		return false, true
	}
	d.c.fail(a, showRaw(raw)+" is not a boolean (true or false)")
	return false, true
}

func (d *decoder) optBool(a at) *bool {
	v, ok := d.boolean(a)
	if !ok || d.c.reported(a) {
		return nil
	}
	return &v
}

func (d *decoder) integer(a at) (int, bool) {
	raw, ok := d.value()
	if !ok || raw == "null" {
		return 0, false
	}
	n, err := strconv.Atoi(raw)
	if err != nil || n > 1_000_000_000 || n < -1_000_000_000 {
		d.c.fail(a, showRaw(raw)+" is not an integer")
		return 0, true
	}
	return n, true
}

// missing reports required members that were absent. Bit i of seen stands
// for names[i].
func (d *decoder) missing(seen, required uint32, a at, names []string) {
	if d.stop {
		return
	}
	for i, n := range names {
		if bit := uint32(1) << i; required&bit != 0 && seen&bit == 0 {
			a.field = n
			d.c.fail(a, "missing (required)")
		}
	}
}

// estimate counts occurrences of a member name to size a slice up front,
// so that a large file does not copy its records while growing.
func estimate(src, member string) int {
	if len(src) < 1<<16 {
		return 0
	}
	return strings.Count(src, member)
}
