package storage

import "nftharvest/portfolio"

// SalesJSON returns sales as a one-line JSON array, each sale written
// exactly as it is in the file (unknown members kept), so that a change
// log line of an undo holds the removed records in full and can be
// pasted back into the file's "sales" by hand.
func SalesJSON(sales []portfolio.Sale) (string, error) {
	e := &encoder{b: make([]byte, 0, 2+len(sales)*200)}
	e.b = append(e.b, '[')
	for i := range sales {
		if i > 0 {
			e.b = append(e.b, ", "...)
		}
		e.first = true
		e.sale(&sales[i], i)
	}
	e.b = append(e.b, ']')
	if e.err != nil {
		return "", e.err
	}
	return string(e.b), nil
}
