package ui

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
)

// rankIDs returns, for each id, its position in the ids sorted as
// strings: the tie-breaker that makes every table order total.
func rankIDs(ids []string) []int32 {
	rank := make([]int32, len(ids))
	if slices.IsSorted(ids) {
		// The usual case: lots listed in id order.
		for i := range rank {
			rank[i] = int32(i)
		}
		return rank
	}
	idx := make([]int32, len(ids))
	for i := range idx {
		idx[i] = int32(i)
	}
	slices.SortFunc(idx, func(a, b int32) int {
		if c := strings.Compare(ids[a], ids[b]); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	for r, i := range idx {
		rank[i] = int32(r)
	}
	return rank
}

// rankStrings maps each distinct value to its rank in case-insensitive
// order (ties by the exact text).
func rankStrings(vals []string) map[string]int32 {
	seen := make(map[string]int32)
	type entry struct{ lower, raw string }
	var uniq []entry
	for _, v := range vals {
		if _, ok := seen[v]; !ok {
			seen[v] = 0
			uniq = append(uniq, entry{strings.ToLower(v), v})
		}
	}
	slices.SortFunc(uniq, func(a, b entry) int {
		if c := strings.Compare(a.lower, b.lower); c != 0 {
			return c
		}
		return strings.Compare(a.raw, b.raw)
	})
	for i, e := range uniq {
		seen[e.raw] = int32(i)
	}
	return seen
}

// numericKey is the value of a token id made of at most 18 digits.
func numericKey(s string) (int64, bool) {
	if s == "" || len(s) > 18 {
		return 0, false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
	}
	n, err := strconv.ParseInt(s, 10, 64)
	return n, err == nil
}

// textKeyBase puts non-numeric token ids after every numeric one.
const textKeyBase = int64(1e18)

// tokenKeys returns the sort key of every row's token id: numeric ids in
// numeric order, then the others alphabetically.
func tokenKeys(h *holdings) []int64 {
	keys := make([]int64, len(h.rows))
	var texts []string
	for i := range h.rows {
		tok := h.lot(i).TokenID
		n, ok := numericKey(tok)
		if !ok {
			texts = append(texts, tok)
			n = -1
		}
		keys[i] = n
	}
	if len(texts) > 0 {
		rank := rankStrings(texts)
		for i := range h.rows {
			if keys[i] < 0 {
				keys[i] = textKeyBase + int64(rank[h.lot(i).TokenID])
			}
		}
	}
	return keys
}
