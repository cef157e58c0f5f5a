package importer

import (
	"cmp"
	"slices"
	"strings"
	"sync"
)

// group is the rows of one transaction, duplicates (the same row in two
// overlapping exports) dropped.
type group struct {
	hash      string
	time      int64
	transfers []*Transfer // into Data's rows
	txs       []*Tx
	tokens    []*Token
	// The rows of each kind, counted before the slices are given out.
	nT, nX, nK int32
}

// failed reports whether any transaction row of g failed.
func (g *group) failed() bool {
	return slices.ContainsFunc(g.txs, func(x *Tx) bool { return x.Failed })
}

// groups gathers the rows of d by transaction hash, in time order (hash
// order within a second).
//
// It works in passes so that a million transactions cost a handful of
// allocations: the groups are numbered in the order their hashes first
// appear (two goroutines, each for half of the hashes, see numbering),
// their rows of each kind counted, then each group gets its part of one
// shared slice per kind, filled in row order.
func groups(d *Data) []*group {
	nRows := len(d.Transfers) + len(d.Txs) + len(d.Tokens)
	hashAt := func(i int) (string, int64) {
		switch {
		case i < len(d.Transfers):
			return d.Transfers[i].Hash, d.Transfers[i].Time
		case i < len(d.Transfers)+len(d.Txs):
			x := &d.Txs[i-len(d.Transfers)]
			return x.Hash, x.Time
		}
		k := &d.Tokens[i-len(d.Transfers)-len(d.Txs)]
		return k.Hash, k.Time
	}
	of := make([]int32, nRows) // the group of each row: transfers, txs, tokens
	// The key of each row's hash (hashKey), read by two goroutines, each
	// for half of the rows; keys[i] is 0 and hex[i] false for a hash not
	// of 64 digits.
	keys := make([]uint64, nRows)
	hex := make([]bool, nRows)
	var wg sync.WaitGroup
	for h := range 2 {
		wg.Go(func() {
			for i := h * nRows / 2; i < (h+1)*nRows/2; i++ {
				hash, _ := hashAt(i)
				keys[i], hex[i] = hashKey(hash)
			}
		})
	}
	wg.Wait()
	var parts [2]numbering
	for p := range parts {
		wg.Go(func() { parts[p].number(p, len(d.Transfers), hashAt, keys, hex, of) })
	}
	wg.Wait()
	// of[i] is the index of row i's group in its half, times 2, plus the
	// half.
	grp := func(v int32) *group { return &parts[v&1].groups[v>>1] }
	for i, v := range of {
		g := grp(v)
		switch {
		case i < len(d.Transfers):
			g.nT++
		case i < len(d.Transfers)+len(d.Txs):
			g.nX++
		default:
			g.nK++
		}
	}
	out := make([]*group, 0, len(parts[0].groups)+len(parts[1].groups))
	for h := range parts {
		for i := range parts[h].groups {
			out = append(out, &parts[h].groups[i])
		}
	}
	// Each group gets an empty slice of the shared ones with room for its
	// rows: appending them allocates nothing and stays in its part.
	ts := make([]*Transfer, len(d.Transfers))
	xs := make([]*Tx, len(d.Txs))
	ks := make([]*Token, len(d.Tokens))
	var at [3]int
	for _, g := range out {
		g.transfers = ts[at[0] : at[0] : at[0]+int(g.nT)]
		g.txs = xs[at[1] : at[1] : at[1]+int(g.nX)]
		g.tokens = ks[at[2] : at[2] : at[2]+int(g.nK)]
		at[0], at[1], at[2] = at[0]+int(g.nT), at[1]+int(g.nX), at[2]+int(g.nK)
	}

	for i := range d.Transfers {
		t := &d.Transfers[i]
		g := grp(of[i])
		if !slices.ContainsFunc(g.transfers, func(o *Transfer) bool {
			return o.From == t.From && o.To == t.To && o.Contract == t.Contract && o.TokenID == t.TokenID && o.Quantity.Equal(t.Quantity)
		}) {
			g.transfers = append(g.transfers, t)
		}
	}
	for i := range d.Txs {
		x := &d.Txs[i]
		g := grp(of[len(d.Transfers)+i])
		if !slices.ContainsFunc(g.txs, func(o *Tx) bool {
			return o.Internal == x.Internal && o.From == x.From && o.To == x.To && o.In.Equal(x.In) && o.Out.Equal(x.Out) && o.Fee.Equal(x.Fee)
		}) {
			g.txs = append(g.txs, x)
		}
	}
	for i := range d.Tokens {
		k := &d.Tokens[i]
		g := grp(of[len(d.Transfers)+len(d.Txs)+i])
		if !slices.ContainsFunc(g.tokens, func(o *Token) bool {
			return o.From == k.From && o.To == k.To && o.Contract == k.Contract && o.Value.Equal(k.Value)
		}) {
			g.tokens = append(g.tokens, k)
		}
	}
	slices.SortFunc(out, func(a, b *group) int {
		if a.time != b.time {
			return cmp.Compare(a.time, b.time)
		}
		return strings.Compare(a.hash, b.hash)
	})
	return out
}

// numbering numbers the groups of the hashes of one half: a hash of 0x
// and 64 hexadecimal digits (any case) is in half 0 or 1 by its last
// digit, any other hash in half 0. The order of the groups does not
// matter (they are sorted), only that each is made by the first row of
// its hash.
type numbering struct {
	groups []group
	// byKey finds a hash of 64 digits by its last 16; the group's hash is
	// compared to make sure. Two hashes that share their last 16 digits,
	// and hashes of another form, are found by their lower-cased text.
	byKey  map[uint64]int32
	byText map[string]int32
}

// number sets of[i], for each row i of its half, to the index of the
// row's group times 2 plus the half.
func (n *numbering) number(half, hint int, hashAt func(int) (string, int64), keys []uint64, hex []bool, of []int32) {
	n.byKey = make(map[uint64]int32, hint/2+16)
	n.byText = map[string]int32{}
	n.groups = make([]group, 0, hint/2+16)
	for i, key := range keys {
		isHex := hex[i]
		if isHex && int(key&1) != half || !isHex && half != 0 {
			continue // the other half's
		}
		hash, t := hashAt(i)
		gi := int32(-1)
		if isHex {
			if g, ok := n.byKey[key]; !ok {
				gi = n.add(hash, t)
				n.byKey[key] = gi
			} else if gh := n.groups[g].hash; gh == hash || strings.EqualFold(gh, hash) {
				gi = g
			}
		}
		if gi < 0 {
			lower := strings.ToLower(hash)
			g, ok := n.byText[lower]
			if !ok {
				g = n.add(hash, t)
				n.byText[lower] = g
			}
			gi = g
		}
		of[i] = gi<<1 | int32(half)
	}
}

func (n *numbering) add(hash string, t int64) int32 {
	n.groups = append(n.groups, group{hash: hash, time: t})
	return int32(len(n.groups) - 1)
}

// hashKey returns the last 16 digits of a transaction hash written as 0x
// and 64 hexadecimal digits in any case; false for anything else.
func hashKey(h string) (key uint64, ok bool) {
	if len(h) != 66 || h[0] != '0' || (h[1] != 'x' && h[1] != 'X') {
		return 0, false
	}
	for i := 2; i < 66; i++ {
		v, ok := unhex(h[i])
		if !ok {
			return 0, false
		}
		key = key<<4 | uint64(v)
	}
	return key, true
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
