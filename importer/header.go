package importer

import (
	"fmt"
	"strings"
)

// Kind is the kind of a block-explorer CSV export, told by its header.
type Kind int

const (
	// NFTTransfers is an ERC-721/ERC-1155 token transfer export.
	NFTTransfers Kind = iota + 1
	// NormalTxs is the export of an address's transactions.
	NormalTxs
	// InternalTxs is the export of internal transactions (contract calls
	// that moved ETH, such as a marketplace paying a seller).
	InternalTxs
	// TokenTransfers is an ERC-20 token transfer export (WETH, USDC, ...).
	TokenTransfers
)

func (k Kind) String() string {
	switch k {
	case NFTTransfers:
		return "NFT transfers"
	case NormalTxs:
		return "transactions"
	case InternalTxs:
		return "internal transactions"
	case TokenTransfers:
		return "ERC-20 transfers"
	}
	return "unknown"
}

// col is a column the importer reads (or knowingly ignores).
type col int

const (
	cHash col = iota
	cBlock
	cTime
	cDateTime
	cFrom
	cTo
	cContract
	cTokenName
	cTokenSymbol
	cTokenID
	cType
	cQuantity
	cValueIn
	cValueOut
	cCurrentValue
	cFeeETH
	cFeeUSD
	cPrice
	cStatus
	cErrCode
	cMethod
	cNote
	cParentFrom
	cParentTo
	cParentValue
	cTokenValue
	cUSDValue
	nCols
)

// names are the accepted spellings of each column (compared without case
// and surrounding space). The current-value column is matched by prefix.
var names = [nCols][]string{
	cHash:        {"Transaction Hash", "Txhash"},
	cBlock:       {"Blockno"},
	cTime:        {"UnixTimestamp"},
	cDateTime:    {"DateTime (UTC)", "DateTime"},
	cFrom:        {"From"},
	cTo:          {"To", "TxTo"},
	cContract:    {"ContractAddress"},
	cTokenName:   {"TokenName"},
	cTokenSymbol: {"TokenSymbol"},
	cTokenID:     {"Token ID", "TokenId"},
	cType:        {"Type"},
	cQuantity:    {"Quantity"},
	cValueIn:     {"Value_IN(ETH)"},
	cValueOut:    {"Value_OUT(ETH)"},
	cFeeETH:      {"TxnFee(ETH)"},
	cFeeUSD:      {"TxnFee(USD)"},
	cPrice:       {"Historical $Price/Eth"},
	cStatus:      {"Status"},
	cErrCode:     {"ErrCode"},
	cMethod:      {"Method"},
	cNote:        {"PrivateNote"},
	cParentFrom:  {"ParentTxFrom"},
	cParentTo:    {"ParentTxTo"},
	cParentValue: {"ParentTxETH_Value"},
	cTokenValue:  {"TokenValue", "Value"},
	cUSDValue:    {"USDValueDayOfTx"},
}

// layout says which columns a kind of export must have and may have.
type layout struct {
	kind     Kind
	required []col
	optional []col
	// expected is the current header, shown when a file is refused.
	expected string
}

var layouts = []layout{
	{NFTTransfers,
		[]col{cHash, cTime, cDateTime, cFrom, cTo, cContract, cTokenName, cTokenSymbol, cTokenID},
		[]col{cBlock, cType, cQuantity},
		"Transaction Hash, Blockno, UnixTimestamp, DateTime (UTC), From, To, ContractAddress, TokenName, TokenSymbol, Token ID, Type, Quantity"},
	{NormalTxs,
		[]col{cHash, cTime, cDateTime, cFrom, cTo, cContract, cValueIn, cValueOut, cFeeETH, cPrice, cStatus, cErrCode},
		[]col{cBlock, cCurrentValue, cFeeUSD, cMethod, cNote},
		"Transaction Hash, Blockno, UnixTimestamp, DateTime (UTC), From, To, ContractAddress, Value_IN(ETH), Value_OUT(ETH), CurrentValue @ $.../Eth, TxnFee(ETH), TxnFee(USD), Historical $Price/Eth, Status, ErrCode, Method[, PrivateNote]"},
	{InternalTxs,
		[]col{cHash, cTime, cDateTime, cParentFrom, cParentTo, cFrom, cTo, cValueIn, cValueOut, cPrice, cStatus, cErrCode},
		[]col{cBlock, cParentValue, cContract, cCurrentValue, cType},
		"Transaction Hash, Blockno, UnixTimestamp, DateTime (UTC), ParentTxFrom, ParentTxTo, ParentTxETH_Value, From, TxTo, ContractAddress, Value_IN(ETH), Value_OUT(ETH), CurrentValue @ $.../Eth, Historical $Price/Eth, Status, ErrCode, Type"},
	{TokenTransfers,
		[]col{cHash, cTime, cDateTime, cFrom, cTo, cTokenValue, cContract, cTokenName, cTokenSymbol},
		[]col{cBlock, cUSDValue},
		"Transaction Hash, Blockno, UnixTimestamp, DateTime (UTC), From, To, TokenValue, USDValueDayOfTx, ContractAddress, TokenName, TokenSymbol"},
}

// columns maps each column the importer reads to its index in a row (-1
// when absent).
type columns [nCols]int

// identify reads a header row: it returns the kind of export and where
// each column is, or an error naming the expected headers.
// The error comes with the index of the header cell at fault (0 when the
// header as a whole does not fit).
func identify(header []string) (Kind, columns, int, error) {
	var at columns
	for i := range at {
		at[i] = -1
	}
	var unknown []string
	first := -1
	for i, h := range header {
		c, ok := columnOf(h)
		if !ok {
			unknown = append(unknown, quote(strings.TrimSpace(h)))
			if first < 0 {
				first = i
			}
			continue
		}
		if at[c] >= 0 {
			return 0, at, i, fmt.Errorf("column %s appears twice in the header", quote(strings.TrimSpace(h)))
		}
		at[c] = i
	}
	for _, l := range layouts {
		if l.fits(at) && len(unknown) == 0 {
			return l.kind, at, 0, nil
		}
	}
	msg := "not a block-explorer export this version reads"
	if len(unknown) > 0 {
		msg += " (unknown column " + strings.Join(unknown, ", ") + ")"
	} else if missing := closest(at); len(missing) > 0 {
		msg += " (missing column " + strings.Join(missing, ", ") + ")"
	}
	var b strings.Builder
	b.WriteString(msg + "; expected one of these headers (or an older variant listed in docs/import.md):")
	for _, l := range layouts {
		fmt.Fprintf(&b, " %s: %s.", l.kind, l.expected)
	}
	return 0, at, max(first, 0), fmt.Errorf("%s", b.String())
}

// closest names the required columns missing from the layout the header
// comes closest to.
func closest(at columns) []string {
	var best []string
	bestHave := -1
	for _, l := range layouts {
		have := 0
		var missing []string
		for _, c := range l.required {
			if at[c] >= 0 {
				have++
			} else {
				missing = append(missing, quote(names[c][0]))
			}
		}
		if have > bestHave {
			best, bestHave = missing, have
		}
	}
	return best
}

// fits reports whether the columns found are exactly the layout's required
// ones plus some of its optional ones.
func (l layout) fits(at columns) bool {
	allowed := make(map[col]bool, len(l.required)+len(l.optional))
	for _, c := range l.required {
		if at[c] < 0 {
			return false
		}
		allowed[c] = true
	}
	for _, c := range l.optional {
		allowed[c] = true
	}
	for c := range at {
		if at[c] >= 0 && !allowed[col(c)] {
			return false
		}
	}
	return true
}

// columnOf names the column of a header cell.
func columnOf(h string) (col, bool) {
	h = strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))
	if len(h) >= len("CurrentValue") && strings.EqualFold(h[:len("CurrentValue")], "CurrentValue") {
		return cCurrentValue, true
	}
	for c, spellings := range names {
		for _, s := range spellings {
			if strings.EqualFold(h, s) {
				return col(c), true
			}
		}
	}
	return 0, false
}
