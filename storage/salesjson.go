package storage

import "nftharvest/portfolio"

// SalesJSON returns sales as a one-line JSON array, each sale written
// exactly as it is in the file (unknown members kept), so that a change
// log line of an undo holds the removed records in full and can be
// pasted back into the file's "sales" by hand.
func SalesJSON(sales []portfolio.Sale) (string, error) {
	return recordsJSON(len(sales), func(e *encoder, i int) { e.sale(&sales[i], i) })
}

// LotsJSON is SalesJSON for lots (an undone import's).
func LotsJSON(lots []portfolio.Lot) (string, error) {
	return recordsJSON(len(lots), func(e *encoder, i int) { e.lot(&lots[i], i) })
}

// CollectionsJSON is SalesJSON for collections (an undone import's).
func CollectionsJSON(colls []portfolio.Collection) (string, error) {
	return recordsJSON(len(colls), func(e *encoder, i int) { e.collection(&colls[i], i) })
}

// recordsJSON writes n records with write as a one-line JSON array.
func recordsJSON(n int, write func(e *encoder, i int)) (string, error) {
	e := &encoder{b: make([]byte, 0, 2+n*200)}
	e.b = append(e.b, '[')
	for i := range n {
		if i > 0 {
			e.b = append(e.b, ", "...)
		}
		e.first = true
		write(e, i)
	}
	e.b = append(e.b, ']')
	if e.err != nil {
		return "", e.err
	}
	return string(e.b), nil
}
