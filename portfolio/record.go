package portfolio

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// NextID returns the next id of the form PREFIX-NNNN after the highest such
// id among existing, keeping at least four digits (S-0001, S-0002, ...).
func NextID(prefix string, existing func(yield func(string) bool)) string {
	max := 0
	for id := range existing {
		rest, ok := strings.CutPrefix(id, prefix+"-")
		if !ok {
			continue
		}
		if n, err := strconv.Atoi(rest); err == nil && n > max {
			max = n
		}
	}
	return fmt.Sprintf("%s-%04d", prefix, max+1)
}

func (p *Portfolio) saleIDs(yield func(string) bool) {
	for i := range p.Sales {
		if !yield(p.Sales[i].ID) {
			return
		}
	}
}

func (p *Portfolio) batchIDs(yield func(string) bool) {
	for i := range p.Sales {
		if !yield(p.Sales[i].Batch) {
			return
		}
	}
	for i := range p.Lots {
		if !yield(p.Lots[i].Batch) {
			return
		}
	}
	for i := range p.Collections {
		if !yield(p.Collections[i].Batch) {
			return
		}
	}
}

// NextBatch returns the id the next recorded batch gets (B-NNNN), unique
// among the batches of sales, lots and collections.
func (p *Portfolio) NextBatch() string { return NextID("B", p.batchIDs) }

// RecordSales appends sales as one batch. Sales without an id get the next
// free S-NNNN id. It returns the batch id and the recorded sales.
func (p *Portfolio) RecordSales(sales []Sale) (batch string, recorded []Sale) {
	batch = NextID("B", p.batchIDs)
	for _, s := range sales {
		if s.ID == "" {
			s.ID = NextID("S", p.saleIDs)
		}
		s.Batch = batch
		p.Sales = append(p.Sales, s)
		recorded = append(recorded, s)
	}
	return batch, recorded
}

// LastBatch returns the id of the most recently recorded batch (by sell
// or by an import) and its sales, or "" when there is none.
func (p *Portfolio) LastBatch() (batch string, sales []Sale) {
	batch = p.lastBatchID()
	if batch == "" {
		return "", nil
	}
	for _, s := range p.Sales {
		if s.Batch == batch {
			sales = append(sales, s)
		}
	}
	return batch, sales
}

// UndoLastBatch removes the most recently recorded batch (its sales, and
// the lots and collections an import added) and returns its sales; it
// returns nil when there is nothing to undo.
func (p *Portfolio) UndoLastBatch() []Sale {
	b := p.UndoBatch()
	if b.ID == "" {
		return nil
	}
	return b.Sales
}

// Clone returns a deep copy of p's slices and maps so the copy can be
// changed without touching p. Decimal values are immutable and shared.
func (p *Portfolio) Clone() *Portfolio {
	c := *p
	c.Rates = make(map[string]decimal.Decimal, len(p.Rates))
	for k, v := range p.Rates {
		c.Rates[k] = v
	}
	if p.RatesAsOf != nil {
		c.RatesAsOf = make(map[string]Date, len(p.RatesAsOf))
		for k, v := range p.RatesAsOf {
			c.RatesAsOf[k] = v
		}
	}
	c.Collections = append([]Collection(nil), p.Collections...)
	c.Lots = append([]Lot(nil), p.Lots...)
	c.Sales = append([]Sale(nil), p.Sales...)
	return &c
}

// AsOf returns the portfolio as it stood at the end of day d: the lots
// acquired on or before d and the sales dated on or before d. Everything
// else is shared with p; when nothing is later than d it returns p itself.
func (p *Portfolio) AsOf(d Date) *Portfolio {
	later := func(l Lot) bool { return l.Acquired > d }
	laterSale := func(s Sale) bool { return s.Date > d }
	if !slices.ContainsFunc(p.Lots, later) && !slices.ContainsFunc(p.Sales, laterSale) {
		return p
	}
	c := *p
	c.Lots = slices.DeleteFunc(slices.Clone(p.Lots), later)
	c.Sales = slices.DeleteFunc(slices.Clone(p.Sales), laterSale)
	return &c
}

// CompareIDs orders ids the way they are numbered: ids that share a prefix
// and end in digits compare by that number, so S-9999 comes before S-10000
// (NextID goes past four digits); anything else compares as text. It is a
// total order: equal numbers with different zero padding fall back to text.
func CompareIDs(a, b string) int {
	pa, na := splitNumber(a)
	pb, nb := splitNumber(b)
	if pa == pb && na != "" && nb != "" {
		ta, tb := strings.TrimLeft(na, "0"), strings.TrimLeft(nb, "0")
		if c := cmp.Compare(len(ta), len(tb)); c != 0 {
			return c
		}
		if c := strings.Compare(ta, tb); c != 0 {
			return c
		}
	}
	return strings.Compare(a, b)
}

// splitNumber splits id into its prefix and its trailing run of digits.
func splitNumber(id string) (prefix, digits string) {
	i := len(id)
	for i > 0 && id[i-1] >= '0' && id[i-1] <= '9' {
		i--
	}
	return id[:i], id[i:]
}
