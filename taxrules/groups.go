package taxrules

import (
	"cmp"
	"slices"

	"nftharvest/portfolio"
)

// Match groups: the sets of substantially identical assets.
//
// Position (no guidance exists for NFTs; IRC 1091 speaks of "substantially
// identical stock or securities"): in "token" match mode (the default) a
// group is one collection and token id (for ERC-1155 editions, the same
// contract and id); in "collection" mode it is the whole collection, so
// any token of the collection is a replacement. The index below groups
// lots by collection; in token mode a wash-sale window in a collection is
// filtered by token id (engine.sameKey). Wash sales never cross
// collections, which is what lets Simulate re-run only the collections it
// touches.

// groupIndex partitions lots into groups (collections),
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

// buildGroups builds the group index of lots from each lot's group id
// (of, values in [0, n)); it keeps of.
func buildGroups(lots []portfolio.Lot, of []int32, n int) *groupIndex {
	gi := &groupIndex{of: of, start: make([]int32, n+1)}
	for _, g := range of {
		gi.start[g+1]++
	}
	for g := range n {
		gi.start[g+1] += gi.start[g]
	}
	next := slices.Clone(gi.start[:n])
	gi.members = make([]int32, len(lots))
	for i, g := range of {
		gi.members[next[g]] = int32(i)
		next[g]++
	}
	for g := range n {
		if m := gi.group(int32(g)); len(m) > 1 {
			slices.SortFunc(m, func(a, b int32) int { return cmpLots(&lots[a], &lots[b]) })
		}
	}
	return gi
}

// cmpLots orders lots by acquisition date, then id (portfolio.CompareIDs):
// the order in which replacement units are matched (earliest acquisition
// first).
func cmpLots(a, b *portfolio.Lot) int {
	if c := cmp.Compare(a.Acquired, b.Acquired); c != 0 {
		return c
	}
	return portfolio.CompareIDs(a.ID, b.ID)
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
