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
//
// It works in two passes so that a million transactions cost a handful of
// allocations: the first numbers the groups in the order their hashes
// first appear and counts their rows of each kind, the second gives each
// group its part of one shared slice per kind and fills it in row order.
func groups(d *Data) []*group {
	nRows := len(d.Transfers) + len(d.Txs) + len(d.Tokens)
	// A hash of 0x and 64 hexadecimal digits, any case, is keyed by its 32
	// bytes (a smaller key, compared in place); any other by its
	// lower-cased text. The two kinds of key cannot meet: a text key is
	// never such a hash.
	byBytes := make(map[[32]byte]int32, len(d.Transfers))
	byText := map[string]int32{}
	all := make([]group, 0, len(d.Transfers))
	of := make([]int32, nRows) // the group of each row: transfers, txs, tokens
	get := func(hash string, t int64) int32 {
		b, isHex := hashBytes(hash)
		var gi int32
		var ok bool
		if isHex {
			gi, ok = byBytes[b]
		} else {
			gi, ok = byText[strings.ToLower(hash)]
		}
		if !ok {
			gi = int32(len(all))
			all = append(all, group{hash: hash, time: t})
			if isHex {
				byBytes[b] = gi
			} else {
				byText[strings.ToLower(hash)] = gi
			}
		}
		return gi
	}
	number := func(rows int, hash func(int) (string, int64), at int) {
		for i := range rows {
			of[at+i] = get(hash(i))
		}
	}
	number(len(d.Transfers), func(i int) (string, int64) { return d.Transfers[i].Hash, d.Transfers[i].Time }, 0)
	number(len(d.Txs), func(i int) (string, int64) { return d.Txs[i].Hash, d.Txs[i].Time }, len(d.Transfers))
	number(len(d.Tokens), func(i int) (string, int64) { return d.Tokens[i].Hash, d.Tokens[i].Time }, len(d.Transfers)+len(d.Txs))
	count := func(of []int32) []int32 {
		n := make([]int32, len(all))
		for _, gi := range of {
			n[gi]++
		}
		return n
	}
	nT := count(of[:len(d.Transfers)])
	nX := count(of[len(d.Transfers) : len(d.Transfers)+len(d.Txs)])
	nK := count(of[len(d.Transfers)+len(d.Txs):])

	ts := make([]*Transfer, len(d.Transfers))
	xs := make([]*Tx, len(d.Txs))
	ks := make([]*Token, len(d.Tokens))
	carve(all, nT, ts, func(g *group, s []*Transfer) { g.transfers = s })
	carve(all, nX, xs, func(g *group, s []*Tx) { g.txs = s })
	carve(all, nK, ks, func(g *group, s []*Token) { g.tokens = s })

	for i := range d.Transfers {
		t := &d.Transfers[i]
		g := &all[of[i]]
		if !slices.ContainsFunc(g.transfers, func(o *Transfer) bool {
			return o.From == t.From && o.To == t.To && o.Contract == t.Contract && o.TokenID == t.TokenID && o.Quantity.Equal(t.Quantity)
		}) {
			g.transfers = append(g.transfers, t)
		}
	}
	for i := range d.Txs {
		x := &d.Txs[i]
		g := &all[of[len(d.Transfers)+i]]
		if !slices.ContainsFunc(g.txs, func(o *Tx) bool {
			return o.Internal == x.Internal && o.From == x.From && o.To == x.To && o.In.Equal(x.In) && o.Out.Equal(x.Out) && o.Fee.Equal(x.Fee)
		}) {
			g.txs = append(g.txs, x)
		}
	}
	for i := range d.Tokens {
		k := &d.Tokens[i]
		g := &all[of[len(d.Transfers)+len(d.Txs)+i]]
		if !slices.ContainsFunc(g.tokens, func(o *Token) bool {
			return o.From == k.From && o.To == k.To && o.Contract == k.Contract && o.Value.Equal(k.Value)
		}) {
			g.tokens = append(g.tokens, k)
		}
	}
	out := make([]*group, len(all))
	for i := range all {
		out[i] = &all[i]
	}
	slices.SortFunc(out, func(a, b *group) int {
		if a.time != b.time {
			return cmp.Compare(a.time, b.time)
		}
		return strings.Compare(a.hash, b.hash)
	})
	return out
}

// carve gives each group an empty slice of shared with room for its n
// rows (set stores it); appending up to n rows then allocates nothing and
// stays inside the group's part.
func carve[T any](all []group, n []int32, shared []*T, set func(*group, []*T)) {
	at := 0
	for gi, c := range n {
		if c == 0 {
			continue
		}
		set(&all[gi], shared[at:at:at+int(c)])
		at += int(c)
	}
}

// hashBytes returns the 32 bytes of a transaction hash written as 0x and
// 64 hexadecimal digits in any case; false for anything else.
func hashBytes(h string) (b [32]byte, ok bool) {
	if len(h) != 66 || h[0] != '0' || (h[1] != 'x' && h[1] != 'X') {
		return b, false
	}
	for i := range b {
		hi, ok1 := unhex(h[2+2*i])
		lo, ok2 := unhex(h[3+2*i])
		if !ok1 || !ok2 {
			return b, false
		}
		b[i] = hi<<4 | lo
	}
	return b, true
}

func unhex(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}
