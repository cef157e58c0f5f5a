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
	rank := make([]int32, len(ids))
	for r, i := range idx {
		rank[i] = int32(r)
	}
	return rank
}

// rankStrings maps each distinct value to its rank in case-insensitive
// order (ties by the exact text).
func rankStrings(vals []string) map[string]int32 {
	seen := make(map[string]int32)
	uniq := make([]string, 0)
	for _, v := range vals {
		if _, ok := seen[v]; !ok {
			seen[v] = 0
			uniq = append(uniq, v)
		}
	}
	slices.SortFunc(uniq, compareFold)
	for i, v := range uniq {
		seen[v] = int32(i)
	}
	return seen
}

func compareFold(a, b string) int {
	if c := strings.Compare(strings.ToLower(a), strings.ToLower(b)); c != 0 {
		return c
	}
	return strings.Compare(a, b)
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

// tokenKeys returns a key function ordering token ids numerically, then
// the non-numeric ones alphabetically.
func tokenKeys(rows []holdRow) func(string) int64 {
	var texts []string
	for i := range rows {
		if _, ok := numericKey(rows[i].st.Lot.TokenID); !ok {
			texts = append(texts, rows[i].st.Lot.TokenID)
		}
	}
	rank := rankStrings(texts)
	return func(s string) int64 {
		if n, ok := numericKey(s); ok {
			return n
		}
		return textKeyBase + int64(rank[s])
	}
}
