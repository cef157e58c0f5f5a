package storage

import (
	"bytes"
	"slices"

	"nftharvest/portfolio"
)

// Records (collections, lots, sales) are the bulk of a file. Each one is
// read from the token decoder as one value, which checks its syntax in a
// single pass, and its members are then picked out of that checked text by
// rec: much cheaper than asking the token decoder for every member.

// rec walks the members of one JSON object whose syntax the token decoder
// has already checked.
type rec struct {
	b []byte
	i int
	// plain is true when the record has no backslash at all: then no
	// string in it has an escape, and strings end at the next quote.
	plain bool
}

// next returns the next member's raw name (quoted) and raw value.
func (r *rec) next() (name, value []byte, ok bool) {
	r.skip()
	if r.i >= len(r.b) || r.b[r.i] == '}' {
		return nil, nil, false
	}
	start := r.i
	if r.plain {
		r.i += 2 + bytes.IndexByte(r.b[r.i+1:], '"')
	} else {
		r.i = endOfString(r.b, r.i)
	}
	name = r.b[start:r.i]
	r.skip()
	start = r.i
	if r.plain && r.b[r.i] == '"' {
		r.i += 2 + bytes.IndexByte(r.b[r.i+1:], '"')
	} else {
		r.i = endOfValue(r.b, r.i)
	}
	return name, r.b[start:r.i], true
}

// skip passes white space and the separators ',' and ':'.
func (r *rec) skip() {
	for r.i < len(r.b) {
		switch r.b[r.i] {
		case ' ', '\t', '\n', '\r', ',', ':':
			r.i++
		default:
			return
		}
	}
}

// endOfString returns the index after the JSON string starting at b[i].
func endOfString(b []byte, i int) int {
	i++
	q := bytes.IndexByte(b[i:], '"')
	if q < 0 {
		return len(b) // cannot happen in checked JSON
	}
	if bytes.IndexByte(b[i:i+q], '\\') < 0 {
		return i + q + 1
	}
	// An escape comes first: walk the string, stepping over escapes.
	for i < len(b) && b[i] != '"' {
		if b[i] == '\\' {
			i++
		}
		i++
	}
	if i < len(b) {
		return i + 1
	}
	return len(b)
}

// endOfValue returns the index after the JSON value starting at b[i].
func endOfValue(b []byte, i int) int {
	switch b[i] {
	case '"':
		return endOfString(b, i)
	case '{', '[':
		depth := 0
		for i < len(b) {
			switch b[i] {
			case '"':
				i = endOfString(b, i)
				continue
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					return i + 1
				}
			}
			i++
		}
		return len(b)
	}
	for i < len(b) {
		switch b[i] {
		case ',', '}', ']', ' ', '\t', '\n', '\r':
			return i
		}
		i++
	}
	return i
}

// record returns a walker over the members of raw, one element of a
// records array read whole; an element that is not an object is reported
// at a. While the record is decoded, d.plain tells unquote whether the
// record has any escape; done must be called at the end.
func (d *decoder) record(a at, raw []byte) (rec, bool) {
	if raw[0] != '{' {
		d.c.fail(a, showRaw(raw)+" is not an object")
		return rec{}, false
	}
	plain := bytes.IndexByte(raw, '\\') < 0
	d.plain = plain
	return rec{b: raw, i: 1, plain: plain}, true
}

// done ends the decoding of a record.
func (d *decoder) done() { d.plain = false }

// once notes a known member of a record in seen; a second member of the
// same name is reported at a and once returns false.
func (d *decoder) once(seen *uint32, bit uint, a at) bool {
	if *seen&(1<<bit) != 0 {
		d.c.fail(a, "duplicate member name")
		return false
	}
	*seen |= 1 << bit
	return true
}

// priceOf reads a floor or value price from its raw text; a is the place
// of the price member.
func (d *decoder) priceOf(a at, raw []byte) *portfolio.Price {
	if raw == nil || string(raw) == "null" {
		return nil
	}
	if raw[0] != '{' {
		d.c.fail(a, showRaw(raw)+" is not an object")
		return nil
	}
	p := &portfolio.Price{}
	r := rec{b: raw, i: 1}
	base := a.field
	var seen uint32
	for {
		rawName, v, ok := r.next()
		if !ok {
			break
		}
		switch name := d.unquote(rawName); string(name) {
		case "amount":
			a.field = base + ".amount"
			if d.once(&seen, priceAmount, a) {
				p.Amount, _ = d.decimalOf(a, v)
			}
		case "currency":
			a.field = base + ".currency"
			if d.once(&seen, priceCurrency, a) {
				p.Currency, _ = d.sharedOf(a, v)
			}
		case "as_of":
			a.field = base + ".as_of"
			if d.once(&seen, priceAsOf, a) {
				p.AsOf, _ = d.dateOf(a, v)
			}
		default:
			// Unknown members are kept, in order, like everywhere else.
			a.field = base + "." + string(name)
			if slices.ContainsFunc(p.Extra, func(f portfolio.ExtraField) bool { return f.Name == string(name) }) {
				d.c.fail(a, "duplicate member name")
				continue
			}
			p.Extra = append(p.Extra, portfolio.ExtraField{Name: string(name), Value: bytes.Clone(v)})
		}
	}
	a.field = base
	d.absent(seen, priceRequired, a, priceFields[:])
	return p
}

func (d *decoder) collection(c *portfolio.Collection, i int, raw []byte) {
	a := at{sec: secCollections, idx: i}
	r, ok := d.record(a, raw)
	if !ok {
		return
	}
	var seen uint32
	for {
		rawName, v, ok := r.next()
		if !ok {
			break
		}
		switch name := d.unquote(rawName); string(name) {
		case "id":
			a.field = "id"
			if d.once(&seen, collectionID, a) {
				c.ID, _ = d.strOf(a, v)
			}
		case "name":
			a.field = "name"
			if d.once(&seen, collectionName, a) {
				c.Name, _ = d.strOf(a, v)
			}
		case "chain":
			a.field = "chain"
			if d.once(&seen, collectionChain, a) {
				c.Chain, _ = d.sharedOf(a, v)
			}
		case "contract":
			a.field = "contract"
			if d.once(&seen, collectionContract, a) {
				c.Contract, _ = d.strOf(a, v)
			}
		case "standard":
			a.field = "standard"
			if d.once(&seen, collectionStandard, a) {
				if s, ok := d.sharedOf(a, v); ok {
					c.Standard = s
				}
			}
		case "floor":
			a.field = "floor"
			if d.once(&seen, collectionFloor, a) {
				c.Floor = d.priceOf(a, v)
			}
		case "collectible":
			a.field = "collectible"
			if d.once(&seen, collectionCollectible, a) {
				c.Collectible = d.optBoolOf(a, v)
			}
		case "batch":
			a.field = "batch"
			if d.once(&seen, collectionBatch, a) {
				c.Batch, _ = d.sharedOf(a, v)
			}
		default:
			a.field = d.keep(name)
			c.Extra = d.extraOf(c.Extra, a, v)
		}
	}
	d.done()
	a.field = ""
	d.absent(seen, collectionRequired, a, collectionFields[:])
}

func (d *decoder) lot(l *portfolio.Lot, i int, raw []byte) {
	a := at{sec: secLots, idx: i}
	r, ok := d.record(a, raw)
	if !ok {
		return
	}
	var seen uint32
	for {
		rawName, v, ok := r.next()
		if !ok {
			break
		}
		switch name := d.unquote(rawName); string(name) {
		case "id":
			a.field = "id"
			if d.once(&seen, lotID, a) {
				l.ID, _ = d.strOf(a, v)
			}
		case "collection":
			a.field = "collection"
			if d.once(&seen, lotCollection, a) {
				l.Collection, _ = d.strOf(a, v)
			}
		case "token_id":
			a.field = "token_id"
			if d.once(&seen, lotTokenID, a) {
				l.TokenID, _ = d.strOf(a, v)
			}
		case "quantity":
			a.field = "quantity"
			if d.once(&seen, lotQuantity, a) {
				l.Quantity, _ = d.decimalOf(a, v)
			}
		case "acquired":
			a.field = "acquired"
			if d.once(&seen, lotAcquired, a) {
				l.Acquired, _ = d.dateOf(a, v)
			}
		case "cost":
			a.field = "cost"
			if d.once(&seen, lotCost, a) {
				l.Cost, _ = d.decimalOf(a, v)
			}
		case "fees":
			a.field = "fees"
			if d.once(&seen, lotFees, a) {
				l.Fees, _ = d.decimalOf(a, v)
			}
		case "value":
			a.field = "value"
			if d.once(&seen, lotValue, a) {
				l.Value = d.priceOf(a, v)
			}
		case "collectible":
			a.field = "collectible"
			if d.once(&seen, lotCollectible, a) {
				l.Collectible = d.optBoolOf(a, v)
			}
		case "tx":
			a.field = "tx"
			if d.once(&seen, lotTx, a) {
				l.Tx, _ = d.strOf(a, v)
			}
		case "wallet":
			a.field = "wallet"
			if d.once(&seen, lotWallet, a) {
				l.Wallet, _ = d.sharedOf(a, v)
			}
		case "note":
			a.field = "note"
			if d.once(&seen, lotNote, a) {
				l.Note, _ = d.strOf(a, v)
			}
		case "batch":
			a.field = "batch"
			if d.once(&seen, lotBatch, a) {
				l.Batch, _ = d.sharedOf(a, v)
			}
		default:
			a.field = d.keep(name)
			l.Extra = d.extraOf(l.Extra, a, v)
		}
	}
	d.done()
	a.field = ""
	d.absent(seen, lotRequired, a, lotFields[:])
}

func (d *decoder) sale(s *portfolio.Sale, i int, raw []byte) {
	a := at{sec: secSales, idx: i}
	r, ok := d.record(a, raw)
	if !ok {
		return
	}
	var seen uint32
	for {
		rawName, v, ok := r.next()
		if !ok {
			break
		}
		switch name := d.unquote(rawName); string(name) {
		case "id":
			a.field = "id"
			if d.once(&seen, saleID, a) {
				s.ID, _ = d.strOf(a, v)
			}
		case "lot":
			a.field = "lot"
			if d.once(&seen, saleLot, a) {
				s.Lot, _ = d.strOf(a, v)
			}
		case "quantity":
			a.field = "quantity"
			if d.once(&seen, saleQuantity, a) {
				s.Quantity, _ = d.decimalOf(a, v)
			}
		case "date":
			a.field = "date"
			if d.once(&seen, saleDate, a) {
				s.Date, _ = d.dateOf(a, v)
			}
		case "proceeds":
			a.field = "proceeds"
			if d.once(&seen, saleProceeds, a) {
				s.Proceeds, _ = d.decimalOf(a, v)
			}
		case "fees":
			a.field = "fees"
			if d.once(&seen, saleFees, a) {
				s.Fees, _ = d.decimalOf(a, v)
			}
		case "tx":
			a.field = "tx"
			if d.once(&seen, saleTx, a) {
				s.Tx, _ = d.strOf(a, v)
			}
		case "batch":
			a.field = "batch"
			if d.once(&seen, saleBatch, a) {
				s.Batch, _ = d.sharedOf(a, v)
			}
		default:
			a.field = d.keep(name)
			s.Extra = d.extraOf(s.Extra, a, v)
		}
	}
	d.done()
	a.field = ""
	d.absent(seen, saleRequired, a, saleFields[:])
}
