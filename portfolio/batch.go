package portfolio

// Batch is what one recorded change added: a sell adds sales; an import
// adds collections, lots and sales. Undo removes a batch whole.
type Batch struct {
	ID          string
	Collections []Collection
	Lots        []Lot
	Sales       []Sale
}

// Empty reports whether the batch holds nothing.
func (b Batch) Empty() bool {
	return len(b.Collections) == 0 && len(b.Lots) == 0 && len(b.Sales) == 0
}

// lastBatchID is the batch of the last sale or the last lot that has one,
// whichever id is higher (ids are given out in increasing order).
func (p *Portfolio) lastBatchID() string {
	last := ""
	for i := len(p.Sales) - 1; i >= 0; i-- {
		if p.Sales[i].Batch != "" {
			last = p.Sales[i].Batch
			break
		}
	}
	for i := len(p.Lots) - 1; i >= 0; i-- {
		if b := p.Lots[i].Batch; b != "" {
			if last == "" || CompareIDs(b, last) > 0 {
				last = b
			}
			break
		}
	}
	return last
}

// LastBatchContent returns the most recently recorded batch with
// everything it added; its ID is "" when there is none.
func (p *Portfolio) LastBatchContent() Batch {
	id := p.lastBatchID()
	if id == "" {
		return Batch{}
	}
	b := Batch{ID: id}
	for _, c := range p.Collections {
		if c.Batch == id {
			b.Collections = append(b.Collections, c)
		}
	}
	for _, l := range p.Lots {
		if l.Batch == id {
			b.Lots = append(b.Lots, l)
		}
	}
	for _, s := range p.Sales {
		if s.Batch == id {
			b.Sales = append(b.Sales, s)
		}
	}
	return b
}

// UndoBatch removes the most recently recorded batch: its sales, its lots
// and those of its collections no remaining lot uses. It returns what it
// removed (ID "" when there was nothing to undo).
func (p *Portfolio) UndoBatch() Batch {
	b := p.LastBatchContent()
	if b.ID == "" {
		return b
	}
	id := b.ID
	p.Sales = keep(p.Sales, func(s Sale) bool { return s.Batch != id })
	p.Lots = keep(p.Lots, func(l Lot) bool { return l.Batch != id })
	used := make(map[string]bool, len(p.Lots))
	for i := range p.Lots {
		used[p.Lots[i].Collection] = true
	}
	b.Collections = b.Collections[:0]
	p.Collections = keep(p.Collections, func(c Collection) bool {
		if c.Batch == id && !used[c.ID] {
			b.Collections = append(b.Collections, c)
			return false
		}
		return true
	})
	return b
}

// keep returns a new slice of the elements of s for which ok is true.
func keep[T any](s []T, ok func(T) bool) []T {
	out := make([]T, 0, len(s))
	for _, v := range s {
		if ok(v) {
			out = append(out, v)
		}
	}
	return out
}
