package importer

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"
)

// benchExports writes n NFT transfer rows with their transactions: three
// purchases (NFT in, ETH out in a transaction) for each sale (NFT out, ETH
// in through an internal transaction), over n/200 collections.
func benchExports(n int) (nft, txs, internal []byte) {
	const me = "0xa11ce00000000000000000000000000000000001"
	var a, b, c bytes.Buffer
	a.WriteString("Transaction Hash,Blockno,UnixTimestamp,DateTime (UTC),From,To,ContractAddress,TokenName,TokenSymbol,Token ID,Type,Quantity\n")
	b.WriteString("Transaction Hash,Blockno,UnixTimestamp,DateTime (UTC),From,To,ContractAddress,Value_IN(ETH),Value_OUT(ETH),CurrentValue @ $3000/Eth,TxnFee(ETH),TxnFee(USD),Historical $Price/Eth,Status,ErrCode,Method\n")
	c.WriteString("Transaction Hash,Blockno,UnixTimestamp,DateTime (UTC),ParentTxFrom,ParentTxTo,ParentTxETH_Value,From,TxTo,ContractAddress,Value_IN(ETH),Value_OUT(ETH),CurrentValue @ $3000/Eth,Historical $Price/Eth,Status,ErrCode,Type\n")
	colls := max(1, n/200)
	t0 := int64(1577836800) // 2020-01-01
	for i := range n {
		ts := t0 + int64(i)*600
		hash := fmt.Sprintf("0x%064x", i+1)
		coll := fmt.Sprintf("0x%040x", 0x1000+(i/4)%colls)
		token := (i / 4) * 3
		if i%4 != 3 {
			token += i % 4
			fmt.Fprintf(&a, "%s,%d,%d,x,0x%040x,%s,%s,Bench %d,B,%d,ERC-721,1\n", hash, i, ts, 0x5e11+i, me, coll, (i/4)%colls, token)
			fmt.Fprintf(&b, "%s,%d,%d,x,%s,0x00000000000000adc04c56bf30ac9d3c0aaf14dc,,0,0.%03d,0,0.0021,6.30,%d.25,,,Buy\n", hash, i, ts, me, 100+i%900, 1500+i%2000)
		} else {
			token += 1 // sell the second token bought in this group of four
			fmt.Fprintf(&a, "%s,%d,%d,x,%s,0x%040x,%s,Bench %d,B,%d,ERC-721,1\n", hash, i, ts, me, 0xb0b+i, coll, (i/4)%colls, token)
			fmt.Fprintf(&c, "%s,%d,%d,x,0x%040x,0x00000000000000adc04c56bf30ac9d3c0aaf14dc,0.2,0x00000000000000adc04c56bf30ac9d3c0aaf14dc,%s,,0.%03d,0,0,%d.50,0,,call\n", hash, i, ts, 0xb0b+i, me, 100+i%900, 1500+i%2000)
		}
	}
	return a.Bytes(), b.Bytes(), c.Bytes()
}

// BenchmarkImport100k reads 100,000 NFT transfer rows with their 100,000
// transactions, plans the import into an empty portfolio and applies it.
func BenchmarkImport100k(b *testing.B) { benchImport(b, 100_000) }

// BenchmarkImport1M is the same at a million rows (750,000 lots and
// 250,000 sales); skipped with -short.
func BenchmarkImport1M(b *testing.B) {
	if testing.Short() {
		b.Skip("a million rows; run without -short")
	}
	benchImport(b, 1_000_000)
}

func benchImport(b *testing.B, n int) {
	nft, txs, internal := benchExports(n)
	b.SetBytes(int64(len(nft) + len(txs) + len(internal)))
	b.ResetTimer()
	for b.Loop() {
		d := &Data{}
		for _, f := range []struct {
			name string
			data []byte
		}{{"nft.csv", nft}, {"txs.csv", txs}, {"internal.csv", internal}} {
			if err := d.Read(f.name, bytes.NewReader(f.data)); err != nil {
				b.Fatal(err)
			}
		}
		p := emptyPortfolio()
		pl := Build(p, d, Options{Own: []string{"0xa11ce00000000000000000000000000000000001"}, Loc: time.UTC})
		pl.Apply(p)
		if len(pl.Lots) != n*3/4 || len(pl.Sales) != n/4 || len(pl.Review) != 0 {
			b.Fatalf("%d lots, %d sales, %d to review", len(pl.Lots), len(pl.Sales), len(pl.Review))
		}
	}
}

// TestWriteBenchExports writes the benchmark's exports to
// $NFTHARVEST_BENCH_DIR (skipped when unset), to time the whole command:
// see docs/performance.md. $NFTHARVEST_BENCH_ROWS sets the number of NFT
// transfer rows (default 100000; a multiple of 4 keeps the three
// purchases for each sale).
func TestWriteBenchExports(t *testing.T) {
	dir := os.Getenv("NFTHARVEST_BENCH_DIR")
	if dir == "" {
		t.Skip("NFTHARVEST_BENCH_DIR not set")
	}
	n := 100_000
	if s := os.Getenv("NFTHARVEST_BENCH_ROWS"); s != "" {
		v, err := strconv.Atoi(s)
		if err != nil || v <= 0 {
			t.Fatalf("NFTHARVEST_BENCH_ROWS=%q is not a positive number", s)
		}
		n = v
	}
	nft, txs, internal := benchExports(n)
	for name, data := range map[string][]byte{"nft.csv": nft, "txs.csv": txs, "internal.csv": internal} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
