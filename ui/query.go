package ui

import (
	"strings"
)

// query is the / filter parsed: tokens that filter by what matters
// (risk:no term:short loss gain adj:yes alike:no wallet:0xab) and the
// rest, searched as text. A word that is not a known token is text.
type query struct {
	risk, adj, alike int8 // 0 any, 1 yes, -1 no
	term             termFilter
	loss, gain       bool
	wallet           string // lower case, a part of the wallet address
	text             string // lower case
}

// parseQuery splits a lower-cased filter into tokens and text.
func parseQuery(s string) query {
	var q query
	var words []string
	for _, w := range strings.Fields(s) {
		key, val, isPair := strings.Cut(w, ":")
		yes := func() (int8, bool) {
			switch val {
			case "yes", "y", "1", "true":
				return 1, true
			case "no", "n", "0", "false":
				return -1, true
			}
			return 0, false
		}
		ok := true
		switch {
		case !isPair && w == "loss", !isPair && w == "losses":
			q.loss = true
		case !isPair && w == "gain", !isPair && w == "gains":
			q.gain = true
		case isPair && key == "risk":
			q.risk, ok = yes()
		case isPair && (key == "adj" || key == "adjusted"):
			q.adj, ok = yes()
		case isPair && (key == "alike" || key == "lookalike"):
			q.alike, ok = yes()
		case isPair && key == "term":
			switch val {
			case "short", "st":
				q.term = termShort
			case "long", "lt":
				q.term = termLong
			default:
				ok = false
			}
		case isPair && key == "wallet" && val != "":
			q.wallet = val
		default:
			ok = false
		}
		if !ok {
			words = append(words, w)
		}
	}
	q.text = strings.Join(words, " ")
	return q
}

// flag checks a yes/no token against a row's flag.
func flag(want int8, has bool) bool {
	return want == 0 || (want > 0) == has
}

// matchesLot reports whether a holdings row passes the tokens (not the
// text).
func (q *query) matchesLot(h *holdings, row int) bool {
	x := &h.rows[row]
	if !flag(q.risk, x.wash&washRisk != 0) || !flag(q.adj, x.wash&washAdjusted != 0) || !flag(q.alike, x.wash&washAlike != 0) {
		return false
	}
	if q.loss && x.unreal >= 0 || q.gain && x.unreal <= 0 {
		return false
	}
	if q.term == termShort && h.longTerm(row) || q.term == termLong && !h.longTerm(row) {
		return false
	}
	return q.wallet == "" || strings.Contains(strings.ToLower(h.lot(row).Wallet), q.wallet)
}
