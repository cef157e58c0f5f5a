package importer

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// Every header layout the issue lists, current and older, is told apart.
func TestIdentifyEveryListedHeader(t *testing.T) {
	cases := []struct {
		header string
		kind   Kind
	}{
		{"Transaction Hash,Blockno,UnixTimestamp,DateTime (UTC),From,To,ContractAddress,TokenName,TokenSymbol,Token ID,Type,Quantity", NFTTransfers},
		{"Txhash,Blockno,UnixTimestamp,DateTime,From,To,ContractAddress,TokenId,TokenName,TokenSymbol", NFTTransfers},
		{"Txhash,UnixTimestamp,DateTime,From,To,ContractAddress,TokenId,TokenName,TokenSymbol", NFTTransfers},
		{"Transaction Hash,Blockno,UnixTimestamp,DateTime (UTC),From,To,ContractAddress,Value_IN(ETH),Value_OUT(ETH),CurrentValue @ $3850.12/Eth,TxnFee(ETH),TxnFee(USD),Historical $Price/Eth,Status,ErrCode,Method", NormalTxs},
		{"Transaction Hash,Blockno,UnixTimestamp,DateTime (UTC),From,To,ContractAddress,Value_IN(ETH),Value_OUT(ETH),CurrentValue @ $3850.12/Eth,TxnFee(ETH),TxnFee(USD),Historical $Price/Eth,Status,ErrCode,Method,PrivateNote", NormalTxs},
		{"Txhash,Blockno,UnixTimestamp,DateTime,From,To,ContractAddress,Value_IN(ETH),Value_OUT(ETH),CurrentValue @ $1200/Eth,TxnFee(ETH),TxnFee(USD),Historical $Price/Eth,Status,ErrCode,Method", NormalTxs},
		{"Transaction Hash,Blockno,UnixTimestamp,DateTime (UTC),ParentTxFrom,ParentTxTo,ParentTxETH_Value,From,TxTo,ContractAddress,Value_IN(ETH),Value_OUT(ETH),CurrentValue @ $3850.12/Eth,Historical $Price/Eth,Status,ErrCode,Type", InternalTxs},
		{"Transaction Hash,Blockno,UnixTimestamp,DateTime (UTC),From,To,TokenValue,USDValueDayOfTx,ContractAddress,TokenName,TokenSymbol", TokenTransfers},
		{"Txhash,UnixTimestamp,DateTime,From,To,Value,ContractAddress,TokenName,TokenSymbol", TokenTransfers},
		{"\ufeff\"Txhash\",\"UnixTimestamp\",\"DateTime\",\"From\",\"To\",\"Value\",\"ContractAddress\",\"TokenName\",\"TokenSymbol\"", TokenTransfers},
	}
	for _, c := range cases {
		d := &Data{}
		if err := d.Read("f.csv", strings.NewReader(c.header+"\n")); err != nil {
			t.Errorf("%s: %v", c.header, err)
			continue
		}
		if got := d.Files[0].Kind; got != c.kind {
			t.Errorf("%s: kind %s, want %s", c.header, got, c.kind)
		}
	}
	for _, bad := range []string{
		"Date,Amount",
		"Txhash,UnixTimestamp,DateTime,From,To,ContractAddress,TokenId,TokenName",                  // TokenSymbol missing
		"Txhash,UnixTimestamp,DateTime,From,To,ContractAddress,TokenId,TokenName,TokenSymbol,Memo", // unknown column
		"Txhash,Txhash,UnixTimestamp",
	} {
		err := (&Data{}).Read("f.csv", strings.NewReader(bad+"\n"))
		if err == nil || !strings.HasPrefix(err.Error(), "f.csv:1:") {
			t.Errorf("%s: err = %v", bad, err)
		}
	}
}

// Each refused cell names its file, line and column; the file's rows are
// dropped and the next problem is still reported.
func TestRowProblemsArePlaced(t *testing.T) {
	in := "Txhash,UnixTimestamp,DateTime,From,To,Value,ContractAddress,TokenName,TokenSymbol\n" +
		"0x1,1700000000,x,0xa,0xb,1.5,0xc,W,WETH\n" +
		"0x2,soon,x,0xa,0xb,1,0xc,W,WETH\n" +
		"0x3,1700000000,x,0xa,0xb,\"1,5\",0xc,W,WETH\n" +
		"0x4,1700000000,x\n" +
		",1700000000,x,0xa,0xb,1,0xc,W,WETH\n"
	d := &Data{}
	err := d.Read("t.csv", strings.NewReader(in))
	want := []string{
		`t.csv:3:5: column "UnixTimestamp": "soon" is not a Unix time in seconds`,
		`t.csv:4:26: column "TokenValue": "1,5" is not an amount (digits, optionally a point and decimals)`,
		`t.csv:5:1: 3 fields, but the header has 9`,
		`t.csv:6:1: column "Transaction Hash": is empty`,
	}
	if err == nil || err.Error() != strings.Join(want, "\n") {
		t.Errorf("err =\n%v\nwant\n%s", err, strings.Join(want, "\n"))
	}
	if len(d.Tokens) != 0 || len(d.Files) != 0 {
		t.Errorf("rows kept from a refused file: %+v", d.Tokens)
	}
	err = (&Data{}).Read("m.csv", strings.NewReader("Txhash,UnixTimestamp,DateTime,From,To,ContractAddress,TokenId,TokenName\n"))
	if err == nil || !strings.HasPrefix(err.Error(), `m.csv:1:1: not a block-explorer export this version reads (missing column "TokenSymbol")`) {
		t.Errorf("err = %v", err)
	}
	err = d.Read("q.csv", strings.NewReader("Txhash,UnixTimestamp\n\"0x1,5\n"))
	if err == nil || !strings.HasPrefix(err.Error(), "q.csv:1:1: not a block-explorer export") {
		t.Errorf("err = %v", err)
	}
	err = d.Read("q.csv", strings.NewReader("Txhash,UnixTimestamp,DateTime,From,To,Value,ContractAddress,TokenName,TokenSymbol\n\"0x1,5\n"))
	if err == nil || !strings.HasPrefix(err.Error(), "q.csv:2:") {
		t.Errorf("CSV syntax error: err = %v", err)
	}
}

func TestParseAmount(t *testing.T) {
	for in, want := range map[string]string{"0": "0", "1.5": "1.5", "1,500.25": "1500.25", "$2,000": "2000", "0.000000000000000001": "0.000000000000000001"} {
		d, ok := parseAmount(in)
		if !ok || d.String() != want {
			t.Errorf("parseAmount(%q) = %s, %v; want %s", in, d, ok, want)
		}
	}
	for _, in := range []string{"", "-1", "1e3", "1,5", "12,34.5", ".", "1.2.3", "NaN", " 1", "1,0000"} {
		if _, ok := parseAmount(in); ok {
			t.Errorf("parseAmount(%q) accepted", in)
		}
	}
}

// split gives whole cents that add up to the total, the last share taking
// the remainder, and never a negative share.
func TestSplit(t *testing.T) {
	q := func(s ...string) []decimal.Decimal {
		out := make([]decimal.Decimal, len(s))
		for i, v := range s {
			out[i] = decimal.RequireFromString(v)
		}
		return out
	}
	cases := []struct {
		total string
		qty   []decimal.Decimal
		want  string
	}{
		{"1000", q("1", "1", "1"), "333.33 333.33 333.34"},
		{"10", q("1", "1", "1"), "3.33 3.33 3.34"},
		{"0.05", q("1", "1", "1", "1", "1", "1", "1"), "0 0 0 0 0 0 0.05"},
		{"100", q("5", "2", "3"), "50 20 30"},
		{"7.5", q("1"), "7.5"},
	}
	for _, c := range cases {
		parts := split(decimal.RequireFromString(c.total), c.qty)
		got := make([]string, len(parts))
		sum := decimal.Zero
		for i, p := range parts {
			got[i] = p.String()
			sum = sum.Add(p)
			if p.IsNegative() || !p.Equal(p.Round(2)) {
				t.Errorf("split(%s): share %s", c.total, p)
			}
		}
		if strings.Join(got, " ") != c.want || !sum.Equal(decimal.RequireFromString(c.total)) {
			t.Errorf("split(%s, %v) = %v, want %s", c.total, c.qty, got, c.want)
		}
	}
}
