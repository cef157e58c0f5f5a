package taxrules

import (
	"cmp"
	"slices"

	"nftharvest/portfolio"
)

// matchKey identifies a set of substantially identical assets.
//
// Position (no guidance exists for NFTs; IRC 1091 speaks of "substantially
// identical stock or securities"): in "token" match mode the key is the
// collection and token id (for ERC-1155 editions, the same contract and
// id); in "collection" mode it is the collection alone, so any token of the
// collection is a replacement. The key is a struct of strings so map
// lookups allocate nothing.
type matchKey struct {
	collection string
	token      string
}

// groupIndex partitions lots into groups (by match key or by collection),
// each group's lots sorted by acquisition date, then lot id, so a
// wash-sale window is a binary search away: O(n log n) overall.
type groupIndex struct {
	of      []int32 // lot index -> group id
	start   []int32 // group id -> offset in members; len = groups+1
	members []int32 // lot indices, grouped, each group sorted by (acquired, id)
}

// group returns the lot indices of group g, sorted by (acquired, id).
func (gi *groupIndex) group(g int32) []int32 {
	return gi.members[gi.start[g]:gi.start[g+1]]
}

// buildGroups builds the group index of lots under key.
func buildGroups(lots []portfolio.Lot, key func(*portfolio.Lot) matchKey) *groupIndex {
	ids := make(map[matchKey]int32)
	gi := &groupIndex{of: make([]int32, len(lots))}
	var counts []int32
	for i := range lots {
		k := key(&lots[i])
		g, ok := ids[k]
		if !ok {
			g = int32(len(counts))
			ids[k] = g
			counts = append(counts, 0)
		}
		gi.of[i] = g
		counts[g]++
	}
	gi.start = make([]int32, len(counts)+1)
	for g, c := range counts {
		gi.start[g+1] = gi.start[g] + c
	}
	next := slices.Clone(gi.start[:len(counts)])
	gi.members = make([]int32, len(lots))
	for i := range lots {
		g := gi.of[i]
		gi.members[next[g]] = int32(i)
		next[g]++
	}
	for g := range counts {
		m := gi.group(int32(g))
		if len(m) > 1 {
			slices.SortFunc(m, func(a, b int32) int {
				return cmpLots(&lots[a], &lots[b])
			})
		}
	}
	return gi
}

// cmpLots orders lots by acquisition date, then id: the order in which
// replacement units are matched (earliest acquisition first).
func cmpLots(a, b *portfolio.Lot) int {
	if c := cmp.Compare(a.Acquired, b.Acquired); c != 0 {
		return c
	}
	return cmp.Compare(a.ID, b.ID)
}

// window returns the members of group g acquired in [from, to].
func (gi *groupIndex) window(lots []portfolio.Lot, g int32, from, to portfolio.Date) []int32 {
	m := gi.group(g)
	lo, _ := slices.BinarySearchFunc(m, from, func(li int32, d portfolio.Date) int {
		return cmp.Compare(lots[li].Acquired, d)
	})
	hi := lo
	for hi < len(m) && lots[m[hi]].Acquired <= to {
		hi++
	}
	return m[lo:hi]
}

func tokenKey(l *portfolio.Lot) matchKey      { return matchKey{l.Collection, l.TokenID} }
func collectionKey(l *portfolio.Lot) matchKey { return matchKey{collection: l.Collection} }
