package importer

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// one is the quantity of most transfers, shared.
var one = decimal.NewFromInt(1)

// MaxProblems is how many refused rows Read lists before it stops.
const MaxProblems = 20

// Transfer is one NFT transfer row.
type Transfer struct {
	Hash      string
	Time      int64 // Unix seconds
	From, To  string
	Contract  string
	TokenName string
	TokenID   string
	Standard  string // "ERC-721" or "ERC-1155"
	Quantity  decimal.Decimal
	Place     Place
}

// Tx is one row of a transactions or internal transactions export.
type Tx struct {
	Hash     string
	Time     int64
	From, To string
	In, Out  decimal.Decimal // ETH
	Fee      decimal.Decimal // ETH, normal transactions only
	Price    decimal.Decimal // USD per ETH; zero when not given
	Failed   bool
	Internal bool
	Place    Place
}

// Token is one ERC-20 transfer row.
type Token struct {
	Hash     string
	Time     int64
	From, To string
	Symbol   string
	Contract string
	Value    decimal.Decimal
	USD      decimal.Decimal
	HasUSD   bool
	Place    Place
}

// Place is where a row is: file name and 1-based line.
type Place struct {
	File string
	Line int
}

func (p Place) String() string { return fmt.Sprintf("%s:%d", p.File, p.Line) }

// Data is everything read from the export files of one import.
type Data struct {
	Transfers []Transfer
	Txs       []Tx
	Tokens    []Token
	// Files is the kind of each file read, in order.
	Files []FileKind
}

// FileKind is a file read and the kind of export it was.
type FileKind struct {
	Name string
	Kind Kind
	Rows int
}

// Merge appends the rows and files of o to d, as if d had read o's files.
// When d has no rows of a kind it takes o's instead of copying them (an
// export of a million rows is 150 MB): d and o then share those rows.
func (d *Data) Merge(o *Data) {
	d.Transfers = appendOrTake(d.Transfers, o.Transfers)
	d.Txs = appendOrTake(d.Txs, o.Txs)
	d.Tokens = appendOrTake(d.Tokens, o.Tokens)
	d.Files = append(d.Files, o.Files...)
}

// Problems is every row refused in the files of an import, one line each:
// "nft.csv:12:45: column "UnixTimestamp": "yesterday" is not a Unix time".
type Problems struct {
	Lines []string
	More  bool
}

func (p *Problems) Error() string {
	s := strings.Join(p.Lines, "\n")
	if p.More {
		s += "\n(stopped after " + strconv.Itoa(MaxProblems) + " problems)"
	}
	return s
}

// Read reads one export file named name from r, tells its kind from its
// header and appends its rows to d. Refused rows are returned as
// *Problems naming the file, the line and the column; nothing of a file
// with problems is kept.
func (d *Data) Read(name string, r io.Reader) error {
	return d.ReadSized(name, r, 0)
}

// ReadSized is Read for a file that more bytes of exports will follow,
// whose rows go to the same slice (transactions and internal
// transactions both make Txs): the slice is sized once for all of them,
// where appending the next file's rows would copy this one's.
func (d *Data) ReadSized(name string, r io.Reader, more int64) error {
	cr := newCSV(r, 64<<10)
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err == io.EOF {
		return &Problems{Lines: []string{name + ": the file is empty; expected a block-explorer CSV export"}}
	}
	if err != nil {
		return &Problems{Lines: []string{csvProblem(name, err)}}
	}
	kind, at, cell, err := identify(header)
	if err != nil {
		line, column := cr.FieldPos(cell)
		return &Problems{Lines: []string{fmt.Sprintf("%s:%d:%d: %v", name, line, column, err)}}
	}
	rd := rowReader{name: name, at: at, width: len(header), cr: cr, d: d, strs: map[string]string{}}
	nT, nX, nK := len(d.Transfers), len(d.Txs), len(d.Tokens)
	size := sizeOf(r)
	headerEnd := cr.InputOffset()
	rows := 0
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			rd.probs.Lines = append(rd.probs.Lines, csvProblem(name, err))
			break
		}
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue // a blank line
		}
		rows++
		if rows == 1 && size > 0 {
			// Size the rows' slice from the first row's length: growing a
			// large slice step by step copies it several times over.
			if per := cr.InputOffset() - headerEnd; per > 0 {
				d.grow(kind, int((size-headerEnd+max(more, 0)*9/8)/per)+16)
			}
		}
		rd.row(kind, rec)
		if len(rd.probs.Lines) >= MaxProblems {
			rd.probs.More = true
			break
		}
	}
	if len(rd.probs.Lines) > 0 {
		d.Transfers, d.Txs, d.Tokens = d.Transfers[:nT], d.Txs[:nX], d.Tokens[:nK]
		return &rd.probs
	}
	d.Files = append(d.Files, FileKind{Name: name, Kind: kind, Rows: rows})
	return nil
}

// newCSV reads an export's CSV from r through a buffer of size bytes,
// past the byte-order mark some exports start with; rows may differ in
// length (checked row by row).
func newCSV(r io.Reader, size int) *csv.Reader {
	br := bufio.NewReaderSize(r, size)
	if bom, _ := br.Peek(3); string(bom) == "\ufeff" {
		br.Discard(3)
	}
	cr := csv.NewReader(br)
	cr.FieldsPerRecord = -1
	return cr
}

// Rows names the slice of Data that exports of kind k fill (files of
// one kind of rows can be read one after the other into it).
func (k Kind) Rows() string {
	switch k {
	case NFTTransfers:
		return "transfers"
	case NormalTxs, InternalTxs:
		return "txs"
	}
	return k.String()
}

// KindOf tells the kind of an export from its header line, as Read does;
// false when Read would refuse the header.
func KindOf(r io.Reader) (Kind, bool) {
	header, err := newCSV(r, 4096).Read()
	if err != nil {
		return 0, false
	}
	kind, _, _, err := identify(header)
	return kind, err == nil
}

// sizeOf is the number of bytes r holds, when it can tell (a file, a
// bytes or strings reader), else 0.
func sizeOf(r io.Reader) int64 {
	switch v := r.(type) {
	case interface{ Stat() (fs.FileInfo, error) }:
		if st, err := v.Stat(); err == nil && st.Mode().IsRegular() {
			return st.Size()
		}
	case interface{ Len() int }:
		return int64(v.Len())
	}
	return 0
}

// grow makes room for n more rows of a kind.
func (d *Data) grow(kind Kind, n int) {
	const most = 10_000_000 // a wrong guess must not allocate wildly
	n = min(n, most)
	switch kind {
	case NFTTransfers:
		d.Transfers = slices.Grow(d.Transfers, n)
	case NormalTxs, InternalTxs:
		d.Txs = slices.Grow(d.Txs, n)
	case TokenTransfers:
		d.Tokens = slices.Grow(d.Tokens, n)
	}
}

// csvProblem places a syntax error of encoding/csv in the file.
func csvProblem(name string, err error) string {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return fmt.Sprintf("%s:%d:%d: %v", name, pe.Line, pe.Column, pe.Err)
	}
	return fmt.Sprintf("%s: %v", name, err)
}

// rowReader reads the cells of one file's rows, noting problems.
type rowReader struct {
	name  string
	at    columns
	width int
	cr    *csv.Reader
	d     *Data
	rec   []string
	probs Problems
	bad   bool
	// strs interns the repeated strings (addresses, names) of a file.
	strs map[string]string
}

func (r *rowReader) row(kind Kind, rec []string) {
	r.rec, r.bad = rec, false
	line, _ := r.cr.FieldPos(0)
	if len(rec) != r.width {
		r.probs.Lines = append(r.probs.Lines, fmt.Sprintf("%s:%d:1: %d fields, but the header has %d", r.name, line, len(rec), r.width))
		return
	}
	place := Place{File: r.name, Line: line}
	hash := r.unique(cHash)
	if hash == "" {
		r.fail(cHash, "is empty")
	}
	ts := r.time()
	from, to := r.addr(cFrom), r.addr(cTo)
	switch kind {
	case NFTTransfers:
		t := Transfer{Hash: hash, Time: ts, From: from, To: to, Contract: r.addr(cContract),
			TokenName: r.text(cTokenName), TokenID: r.unique(cTokenID), Standard: "ERC-721", Quantity: one, Place: place}
		if t.TokenID == "" {
			r.fail(cTokenID, "is empty")
		}
		if t.Contract == "" {
			r.fail(cContract, "is empty")
		}
		if r.at[cType] >= 0 {
			t.Standard = r.standard()
		}
		if q := r.cell(cQuantity); q != "" && q != "1" {
			t.Quantity = r.amount(cQuantity)
			if !r.bad && (!t.Quantity.IsPositive() || !t.Quantity.IsInteger()) {
				r.fail(cQuantity, "is not a whole number of tokens greater than 0")
			}
		}
		if !r.bad {
			r.d.Transfers = append(r.d.Transfers, t)
		}
	case NormalTxs, InternalTxs:
		x := Tx{Hash: hash, Time: ts, From: from, To: to, In: r.amount(cValueIn), Out: r.amount(cValueOut),
			Internal: kind == InternalTxs, Failed: r.failed(), Place: place}
		if kind == NormalTxs {
			x.Fee = r.amount(cFeeETH)
		}
		if r.cell(cPrice) != "" {
			x.Price = r.amount(cPrice)
		}
		if !r.bad {
			r.d.Txs = append(r.d.Txs, x)
		}
	case TokenTransfers:
		k := Token{Hash: hash, Time: ts, From: from, To: to, Symbol: strings.ToUpper(r.text(cTokenSymbol)),
			Contract: r.addr(cContract), Value: r.amount(cTokenValue), Place: place}
		if r.at[cUSDValue] >= 0 && r.cell(cUSDValue) != "" {
			k.USD, k.HasUSD = r.amount(cUSDValue), true
		}
		if !r.bad {
			r.d.Tokens = append(r.d.Tokens, k)
		}
	}
}

// cell is the raw text of column c, trimmed ("" when the file lacks it).
func (r *rowReader) cell(c col) string {
	if r.at[c] < 0 {
		return ""
	}
	return strings.TrimSpace(r.rec[r.at[c]])
}

// text is cell cleaned of control characters. A clean cell is returned
// as it is (a substring of the row, which the row's hash keeps anyway);
// cleaned ones are interned, so that a name repeated on every row is kept
// once.
func (r *rowReader) text(c col) string {
	s := r.cell(c)
	v := cleanText(s)
	if len(v) == len(s) {
		return s // cleanText changes a string only by dropping runes
	}
	if w, ok := r.strs[s]; ok {
		return w
	}
	r.strs[s] = v
	return v
}

// unique is cell for values that rarely repeat (hashes, token ids):
// cleaned, not interned. The strings encoding/csv returns are fresh for
// each row, so keeping them is safe.
func (r *rowReader) unique(c col) string { return cleanText(r.cell(c)) }

// addr is an address cell, lower-cased (and cleaned, as text).
func (r *rowReader) addr(c col) string {
	s := r.cell(c)
	if plainLower(s) {
		return s
	}
	if v, ok := r.strs[s]; ok {
		return v
	}
	v := cleanText(strings.ToLower(s))
	r.strs[s] = v
	return v
}

// plainLower reports whether s is printable ASCII without capitals, which
// lower-casing and cleaning leave as it is.
func plainLower(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f || (c >= 'A' && c <= 'Z') {
			return false
		}
	}
	return true
}

// fail notes a problem with column c of the current row.
func (r *rowReader) fail(c col, msg string) {
	r.bad = true
	if len(r.probs.Lines) >= MaxProblems {
		return
	}
	i := r.at[c]
	line, column := r.cr.FieldPos(i)
	header := names[c][0]
	r.probs.Lines = append(r.probs.Lines, fmt.Sprintf("%s:%d:%d: column %q: %s", r.name, line, column, header, msg))
}

// time reads the UnixTimestamp column.
func (r *rowReader) time() int64 {
	s := r.cell(cTime)
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 0 || n > 253402300799 { // 9999-12-31T23:59:59Z
		r.fail(cTime, fmt.Sprintf("%s is not a Unix time in seconds", quote(s)))
		return 0
	}
	return n
}

// amount reads a non-negative decimal; an empty cell is 0. Thousands
// separators ("1,500.25") and a leading "$" are accepted.
func (r *rowReader) amount(c col) decimal.Decimal {
	s := r.cell(c)
	if s == "" || s == "0" {
		return decimal.Zero
	}
	d, ok := parseAmount(s)
	if !ok {
		r.fail(c, fmt.Sprintf("%s is not an amount (digits, optionally a point and decimals)", quote(s)))
		return decimal.Zero
	}
	return d
}

// standard reads the Type column of NFT transfers.
func (r *rowReader) standard() string {
	s := strings.ToUpper(strings.ReplaceAll(r.cell(cType), " ", ""))
	switch s {
	case "", "ERC-721", "ERC721", "721":
		return "ERC-721"
	case "ERC-1155", "ERC1155", "1155":
		return "ERC-1155"
	}
	r.fail(cType, fmt.Sprintf("%s is not ERC-721 or ERC-1155", quote(r.cell(cType))))
	return ""
}

// failed reads Status and ErrCode: a transaction failed when ErrCode is set
// or Status is anything but empty, 0, "Success" or "OK".
func (r *rowReader) failed() bool {
	if r.cell(cErrCode) != "" {
		return true
	}
	switch strings.ToLower(r.cell(cStatus)) {
	case "", "0", "success", "ok":
		return false
	}
	return true
}

// parseAmount reads "1500.25", "1,500.25" or "$1,500.25" exactly.
func parseAmount(s string) (decimal.Decimal, bool) {
	plain, digits, ok := amountText(s)
	if !ok {
		return decimal.Zero, false
	}
	return amountOf(plain, digits)
}

// amountText checks an amount cell and returns it without "$" and
// thousands separators, with its number of digits: at least one and at
// most 60, digits and at most one dot.
func amountText(s string) (plain string, digits int, ok bool) {
	s = strings.TrimPrefix(s, "$")
	if strings.Contains(s, ",") {
		intPart, _, _ := strings.Cut(s, ".")
		groups := strings.Split(intPart, ",")
		for i, g := range groups {
			if (i == 0 && (len(g) < 1 || len(g) > 3)) || (i > 0 && len(g) != 3) {
				return "", 0, false
			}
		}
		s = strings.ReplaceAll(s, ",", "")
	}
	dots := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			digits++
		case c == '.':
			dots++
		default:
			return "", 0, false
		}
	}
	if digits == 0 || dots > 1 || digits > 60 {
		return "", 0, false
	}
	return s, digits, true
}

// amountOf is decimal.NewFromString of an amountText result with digits
// digits, value and exponent; up to 18 digits without its string work:
// the digits as an integer, the exponent minus the number of decimals.
func amountOf(s string, digits int) (decimal.Decimal, bool) {
	if digits <= 18 {
		var v int64
		exp := int32(0)
		for i := 0; i < len(s); i++ {
			if c := s[i]; c == '.' {
				exp = -int32(len(s) - i - 1)
			} else {
				v = v*10 + int64(c-'0')
			}
		}
		return decimal.New(v, exp), true
	}
	d, err := decimal.NewFromString(s)
	return d, err == nil
}

// quote shows a cell in a message: quoted, cleaned, shortened.
func quote(s string) string {
	s = cleanText(s)
	if r := []rune(s); len(r) > 40 {
		s = string(r[:40]) + "…"
	}
	return strconv.Quote(s)
}
