package importer

import (
	"cmp"
	"slices"
	"strings"
)

// group is the rows of one transaction, duplicates (the same row in two
// overlapping exports) dropped.
type group struct {
	hash      string
	time      int64
	transfers []*Transfer // into Data's rows
	txs       []*Tx
	tokens    []*Token
}

// failed reports whether any transaction row of g failed.
func (g *group) failed() bool {
	return slices.ContainsFunc(g.txs, func(x *Tx) bool { return x.Failed })
}

// groups gathers the rows of d by transaction hash, in time order (hash
// order within a second).
func groups(d *Data) []*group {
	byHash := make(map[string]*group, len(d.Transfers))
	get := func(hash string, t int64) *group {
		h := strings.ToLower(hash)
		g, ok := byHash[h]
		if !ok {
			g = &group{hash: hash, time: t}
			byHash[h] = g
		}
		return g
	}
	for i := range d.Transfers {
		t := &d.Transfers[i]
		g := get(t.Hash, t.Time)
		if !slices.ContainsFunc(g.transfers, func(o *Transfer) bool {
			return o.From == t.From && o.To == t.To && o.Contract == t.Contract && o.TokenID == t.TokenID && o.Quantity.Equal(t.Quantity)
		}) {
			g.transfers = append(g.transfers, t)
		}
	}
	for i := range d.Txs {
		x := &d.Txs[i]
		g := get(x.Hash, x.Time)
		if !slices.ContainsFunc(g.txs, func(o *Tx) bool {
			return o.Internal == x.Internal && o.From == x.From && o.To == x.To && o.In.Equal(x.In) && o.Out.Equal(x.Out) && o.Fee.Equal(x.Fee)
		}) {
			g.txs = append(g.txs, x)
		}
	}
	for i := range d.Tokens {
		k := &d.Tokens[i]
		g := get(k.Hash, k.Time)
		if !slices.ContainsFunc(g.tokens, func(o *Token) bool {
			return o.From == k.From && o.To == k.To && o.Contract == k.Contract && o.Value.Equal(k.Value)
		}) {
			g.tokens = append(g.tokens, k)
		}
	}
	out := make([]*group, 0, len(byHash))
	for _, g := range byHash {
		out = append(out, g)
	}
	slices.SortFunc(out, func(a, b *group) int {
		if a.time != b.time {
			return cmp.Compare(a.time, b.time)
		}
		return strings.Compare(a.hash, b.hash)
	})
	return out
}
