package storage

import (
	"bufio"
	"bytes"
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
// MaxProblems of them). The result shares no memory with data.
func Parse(data []byte, name string) (*portfolio.Portfolio, error) {
	return parse(bytes.NewBuffer(data), int64(len(data)), name, func() (io.ReadCloser, error) {
		return io.NopCloser(bytes.NewReader(data)), nil
	})
}

// parse decodes and validates the JSON text read from r (a leading UTF-8
// byte order mark is skipped), of size bytes
// (0 if unknown; it sizes the record slices). reopen gives the text again
// to turn the byte offset of malformed JSON into a line and column.
func parse(r io.Reader, size int64, name string, reopen func() (io.ReadCloser, error)) (*portfolio.Portfolio, error) {
	c := &collector{limit: MaxProblems}
	d := newDecoder(skipBOM(r), size, c)
	d.document()
	if d.fatal != nil {
		if d.fatalOff >= 0 {
			d.fatal.Line, d.fatal.Column = locate(reopen, d.fatalOff)
		}
		return nil, &InvalidError{File: name, Problems: []Problem{*d.fatal}}
	}
	check(d.p, c)
	if c.count() > 0 {
		return nil, &InvalidError{File: name, Problems: c.sorted(), More: c.more}
	}
	return d.p, nil
}

// decoder reads a portfolio from JSON text with a streaming token decoder
// straight into the portfolio structs, holding only a small window of the
// text at a time. Field problems (wrong types, bad dates or decimals,
// missing required members) go to the collector and decoding goes on;
// malformed JSON stops it.
type decoder struct {
	dec  *jsontext.Decoder
	size int64
	c    *collector
	p    *portfolio.Portfolio
	// fatal is the one problem that stopped decoding: malformed JSON, a
	// version newer than this build, or a top-level value that is not an
	// object. Nothing else is reported with it. fatalOff is the byte
	// offset of malformed JSON, -1 for the others.
	fatal    *Problem
	fatalOff int64
	stop     bool
	// strs holds the text of every string kept: one allocation per 64 KiB
	// instead of one per string. interned shares repeated short strings
	// (wallets, currencies, chains, standards).
	strs     arena
	interned map[string]string
	// small holds the decimals with a small mantissa and scale ("1", "0",
	// "0.00", "12.5"): equal values share one immutable decimal instead of
	// allocating again.
	small   *smallDecimals
	scratch []byte
	// plain is set while a record without any backslash is decoded.
	plain bool
	// extraOwner and extraNames index the unknown members of an object
	// that has very many of them.
	extraOwner at
	extraNames map[string]struct{}
}

func newDecoder(r io.Reader, size int64, c *collector) *decoder {
	return &decoder{
		// Duplicate names are found by the decoders (with the path of the
		// member), which is cheaper than the token decoder's own check.
		dec:      jsontext.NewDecoder(r, jsontext.AllowDuplicateNames(true)),
		size:     size,
		c:        c,
		p:        &portfolio.Portfolio{},
		fatalOff: -1,
		interned: make(map[string]string, 64),
		small:    new(smallDecimals),
	}
}

// Reading primitives.

// fail records an error from the token decoder and stops decoding.
func (d *decoder) fail(err error) {
	if d.stop {
		return
	}
	d.stop = true
	msg := err.Error()
	off := d.dec.InputOffset()
	var se *jsontext.SyntacticError
	switch {
	case errors.As(err, &se):
		off = se.ByteOffset
		msg = se.Err.Error()
		if errors.Is(se.Err, io.ErrUnexpectedEOF) {
			msg = "unexpected end of file"
		}
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		msg = "unexpected end of file"
	}
	d.fatal = &Problem{Message: msg}
	d.fatalOff = off
}

// locate turns a byte offset into a 1-based line and character column by
// reading the text again (only done for malformed JSON).
func locate(reopen func() (io.ReadCloser, error), off int64) (line, col int) {
	line, col = 1, 1
	r, err := reopen()
	if err != nil {
		return line, col
	}
	defer r.Close()
	br := bufio.NewReaderSize(r, 64<<10)
	if head, _ := br.Peek(len(utf8BOM)); string(head) == utf8BOM {
		br.Discard(len(utf8BOM)) // parse skipped it: offsets start after it
	}
	for i := int64(0); i < off; i++ {
		c, err := br.ReadByte()
		if err != nil {
			break
		}
		switch {
		case c == '\n':
			line, col = line+1, 1
		case utf8.RuneStart(c):
			col++
		}
	}
	return line, col
}

// value reads the next value whole and returns its raw text, valid until
// the next read.
func (d *decoder) value() ([]byte, bool) {
	if d.stop {
		return nil, false
	}
	v, err := d.dec.ReadValue()
	if err != nil {
		d.fail(err)
		return nil, false
	}
	return v, true
}

// unquote returns the text of a raw JSON string, valid until the next read.
func (d *decoder) unquote(raw []byte) []byte {
	if d.plain || bytes.IndexByte(raw, '\\') < 0 {
		return raw[1 : len(raw)-1]
	}
	b, err := jsontext.AppendUnquote(d.scratch[:0], raw)
	if err != nil { // cannot happen: the decoder checked the string
		return raw[1 : len(raw)-1]
	}
	d.scratch = b
	return b
}

// keep copies text into the string arena.
func (d *decoder) keep(b []byte) string { return d.strs.string(b) }

// intern returns the shared copy of a short, often repeated text.
func (d *decoder) intern(b []byte) string {
	if s, ok := d.interned[string(b)]; ok {
		return s
	}
	s := d.strs.string(b)
	if len(d.interned) < 1<<16 && len(s) <= 128 {
		d.interned[s] = s
	}
	return s
}

// peek returns the kind of the next token ('{', '[', '"', '0' for a
// number, 'n', 't', 'f', '}' or ']'). It looks at the decoder's buffered
// text first, which is cheaper than asking the decoder (the decoder still
// checks every byte when the token is read).
func (d *decoder) peek() jsontext.Kind {
	if d.stop {
		return 0
	}
	for _, c := range d.dec.UnreadBuffer() {
		switch c {
		case ' ', '\t', '\n', '\r', ',', ':':
		case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
			return '0'
		default:
			return jsontext.Kind(c)
		}
	}
	k := d.dec.PeekKind()
	if k == 0 {
		_, err := d.dec.ReadToken()
		if err == nil {
			err = io.ErrUnexpectedEOF
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
	return !d.stop
}

// name reads an object member name, valid until the next read.
func (d *decoder) name() []byte {
	raw, ok := d.value()
	if !ok {
		return nil
	}
	return d.unquote(raw)
}

// extra keeps an unknown member (a.field is its name), copying its raw
// value. A name already kept is a duplicate.
func (d *decoder) extra(x portfolio.Extra, a at) portfolio.Extra {
	return d.extraOf(x, a, d.raw())
}

// extraOf keeps an unknown member whose raw value is raw.
func (d *decoder) extraOf(x portfolio.Extra, a at, raw []byte) portfolio.Extra {
	if raw == nil {
		return x
	}
	if d.seenExtra(x, a) {
		d.c.fail(a, "duplicate member name")
		return x
	}
	return append(x, portfolio.ExtraField{Name: a.field, Value: bytes.Clone(raw)})
}

// seenExtra tells whether x already has a member named a.field: a scan for
// the usual few unknown members, a map for objects with very many.
func (d *decoder) seenExtra(x portfolio.Extra, a at) bool {
	const scan = 64
	if len(x) < scan {
		for i := range x {
			if x[i].Name == a.field {
				return true
			}
		}
		return false
	}
	owner := at{sec: a.sec, idx: a.idx}
	if d.extraOwner != owner || len(d.extraNames) != len(x) {
		d.extraOwner = owner
		d.extraNames = make(map[string]struct{}, 2*len(x))
		for i := range x {
			d.extraNames[x[i].Name] = struct{}{}
		}
	}
	if _, ok := d.extraNames[a.field]; ok {
		return true
	}
	d.extraNames[a.field] = struct{}{}
	return false
}

// Typed values. Each xxxOf reads the raw JSON text of a member's value
// (nil when it could not be read) and returns whether the member was
// present (not null); a value of the wrong type or text counts as present
// and is reported at a. The methods without "Of" read the next value from
// the token decoder.

// raw reads the next value, nil after an error.
func (d *decoder) raw() []byte {
	v, _ := d.value()
	return v
}

// textOf reads a string value, valid until the next read.
func (d *decoder) textOf(a at, raw []byte) ([]byte, bool) {
	if raw == nil || string(raw) == "null" {
		return nil, false
	}
	if raw[0] != '"' {
		d.c.fail(a, showRaw(raw)+" is not a string")
		return nil, true
	}
	return d.unquote(raw), true
}

// strOf reads a string value into the arena.
func (d *decoder) strOf(a at, raw []byte) (string, bool) {
	b, ok := d.textOf(a, raw)
	return d.keep(b), ok
}

func (d *decoder) str(a at) (string, bool) { return d.strOf(a, d.raw()) }

// sharedOf reads an often repeated string value (interned).
func (d *decoder) sharedOf(a at, raw []byte) (string, bool) {
	b, ok := d.textOf(a, raw)
	return d.intern(b), ok
}

func (d *decoder) decimalOf(a at, raw []byte) (decimal.Decimal, bool) {
	if raw == nil || string(raw) == "null" {
		return decimal.Decimal{}, false
	}
	text := raw
	switch c := raw[0]; {
	case c == '"':
		text = d.unquote(raw)
	case c == '-' || c >= '0' && c <= '9':
	default:
		d.c.fail(a, showRaw(raw)+" is not a decimal number")
		return decimal.Decimal{}, true
	}
	v, st := d.small.parseDecimal(text)
	switch st {
	case decimalSyntax:
		d.c.fail(a, showRaw(raw)+" is not a decimal number")
	case decimalRange:
		d.c.fail(a, showRaw(raw)+" is out of range (at most "+strconv.Itoa(maxDigits)+" digits)")
	case decimalPrecision:
		d.c.fail(a, showRaw(raw)+tooPrecise)
	}
	return v, true
}

func (d *decoder) decimal(a at) (decimal.Decimal, bool) { return d.decimalOf(a, d.raw()) }

func (d *decoder) dateOf(a at, raw []byte) (portfolio.Date, bool) {
	if raw == nil || string(raw) == "null" {
		return 0, false
	}
	if raw[0] == '"' {
		if v, ok := portfolio.ParseDateText(d.unquote(raw)); ok {
			return v, true
		}
	}
	d.c.fail(a, showRaw(raw)+" is not a date (YYYY-MM-DD)")
	return 0, true
}

func (d *decoder) booleanOf(a at, raw []byte) (v, present bool) {
	if raw == nil || string(raw) == "null" {
		return false, false
	}
	switch string(raw) {
	case "true":
		return true, true
	case "false":
		return false, true
	}
	d.c.fail(a, showRaw(raw)+" is not a boolean (true or false)")
	return false, true
}

func (d *decoder) boolean(a at) (v, present bool) { return d.booleanOf(a, d.raw()) }

// optBoolOf reads an optional boolean: nil when absent or bad.
func (d *decoder) optBoolOf(a at, raw []byte) *bool {
	v, ok := d.booleanOf(a, raw)
	if !ok || d.c.reported(a) {
		return nil
	}
	return &v
}

func (d *decoder) integer(a at) (int, bool) {
	raw := d.raw()
	if raw == nil || string(raw) == "null" {
		return 0, false
	}
	n, err := strconv.Atoi(string(raw))
	if err != nil || n > 1_000_000_000 || n < -1_000_000_000 {
		d.c.fail(a, showRaw(raw)+" is not an integer")
		return 0, true
	}
	return n, true
}

// missing reports required members that were absent. Bit i of seen stands
// for names[i]; a.field, if set, prefixes the names ("floor.amount").
func (d *decoder) missing(seen, required uint32, a at, names []string) {
	if d.stop {
		return
	}
	d.absent(seen, required, a, names)
}

// absent is missing for a record read whole (decoding cannot have stopped
// inside it). It does not look at d.stop, which the token reader may set
// meanwhile (see eachRecord).
func (d *decoder) absent(seen, required uint32, a at, names []string) {
	base := a.field
	for i, n := range names {
		if bit := uint32(1) << i; required&bit != 0 && seen&bit == 0 {
			a.field = n
			if base != "" {
				a.field = base + "." + n
			}
			d.c.fail(a, "missing (required)")
		}
	}
}

// sizeAfter estimates how many records an array holds once it has read
// n records in the bytes since start, from the bytes left in the input,
// so that large files do not copy their records while the slice grows.
// It returns 0 when the input size is unknown.
func (d *decoder) sizeAfter(n int, start int64) int {
	off := d.dec.InputOffset()
	if d.size <= off || n == 0 {
		return 0
	}
	// No lot or sale takes fewer than about 60 bytes of JSON.
	per := max((off-start)/int64(n), 60)
	return n + int((d.size-off)/per) + 16
}

// arena copies short strings into shared blocks.
type arena struct{ b strings.Builder }

const arenaBlock = 64 << 10

// string returns a string with the bytes of p. Strings share blocks of
// arenaBlock bytes: a strings.Builder only ever appends, so the text of a
// string taken from it never changes.
func (a *arena) string(p []byte) string {
	if len(p) == 0 {
		return ""
	}
	if len(p) > arenaBlock/8 {
		return string(p)
	}
	if a.b.Cap()-a.b.Len() < len(p) {
		a.b = strings.Builder{}
		a.b.Grow(arenaBlock)
	}
	n := a.b.Len()
	a.b.Write(p)
	return a.b.String()[n:]
}
