package importer

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"nftharvest/portfolio"
	"nftharvest/storage"

	"github.com/shopspring/decimal"
)

// randomData makes the rows of an import with everything the planner
// tells apart: purchases, sweeps, sales (by internal transaction, WETH or
// a stablecoin), moves between the user's wallets, airdrops, swaps, gifts,
// failed transactions, tokens paid in another token, missing prices,
// ERC-1155 quantities, amounts too long for 64 bits, overlapping exports
// (the same row twice) and hashes written in both cases.
func randomData(seed uint64, n int) *Data {
	rng := rand.New(rand.NewPCG(seed, 17))
	own := []string{alice, vault}
	other := func() string { return fmt.Sprintf("0x%040x", 0xb0b0+rng.IntN(50)) }
	contracts := []string{"0x00000000000000000000000000000000000c0001", "0x00000000000000000000000000000000000c0002",
		"0x00000000000000000000000000000000000c0003", "0x00000000000000000000000000000000000c0004"}
	names := []string{"Pixel Owls", "Chrome Koi", "Pixel Owls", "Void\x1b[2J Runners"} // two contracts, one name
	amount := func() decimal.Decimal {
		switch rng.IntN(12) {
		case 0:
			return decimal.Zero
		case 1:
			return decimal.RequireFromString("123456789012345678901.123456789") // beyond 64 bits
		case 2:
			return decimal.New(rng.Int64N(5_000_000), -int32(rng.IntN(8)))
		}
		return decimal.New(rng.Int64N(2000)+1, -3)
	}
	d := &Data{}
	place := Place{File: "gen.csv"}
	for i := range n {
		ts := int64(1_700_000_000 + i*3600/(1+rng.IntN(3))) // some share a time
		hash := fmt.Sprintf("0x%064x", seed*1_000_000+uint64(i))
		if rng.IntN(20) == 0 {
			hash = strings.ToUpper(hash[:10]) + hash[10:] // the same hash in capitals
		}
		if rng.IntN(25) == 0 {
			hash = fmt.Sprintf("0xshort%d", i) // not 64 digits
		}
		if rng.IntN(8) == 0 {
			// The same last 16 digits as other transactions: the
			// grouping must tell them apart by the whole hash.
			hash = fmt.Sprintf("0x%048x%016x", seed*1_000_000+uint64(i), 0xfeed)
		}
		ci := rng.IntN(len(contracts))
		token := fmt.Sprint(rng.IntN(6))
		me := own[rng.IntN(2)]
		qty := one
		std := "ERC-721"
		if ci == 3 {
			std, qty = "ERC-1155", decimal.New(int64(1+rng.IntN(4)), 0)
		}
		tr := Transfer{Hash: hash, Time: ts, Contract: contracts[ci], TokenName: names[ci], TokenID: token, Standard: std, Quantity: qty, Place: place}
		kind := rng.IntN(10)
		switch kind {
		case 0, 1, 2, 3: // bought
			tr.From, tr.To = other(), me
		case 4, 5, 6: // sold
			tr.From, tr.To = me, other()
		case 7: // moved
			tr.From, tr.To = me, own[1-slices.Index(own, me)]
		case 8: // swap: one in, one out
			tr.From, tr.To = other(), me
			d.Transfers = append(d.Transfers, Transfer{Hash: hash, Time: ts, From: me, To: other(), Contract: contracts[(ci+1)%4],
				TokenName: names[(ci+1)%4], TokenID: token, Standard: "ERC-721", Quantity: one, Place: place})
		case 9: // sweep of several tokens
			tr.From, tr.To = other(), me
			for k := range 1 + rng.IntN(3) {
				d.Transfers = append(d.Transfers, Transfer{Hash: hash, Time: ts, From: other(), To: me, Contract: contracts[ci],
					TokenName: names[ci], TokenID: fmt.Sprint(20 + k), Standard: std, Quantity: qty, Place: place})
			}
		}
		d.Transfers = append(d.Transfers, tr)
		if kind <= 6 && rng.IntN(3) == 0 {
			// The same token again in the transaction, between other
			// addresses: received from two senders, or sent from both
			// wallets.
			again := tr
			if kind <= 3 {
				again.From = other()
			} else {
				again.From = own[1-slices.Index(own, me)]
			}
			d.Transfers = append(d.Transfers, again)
		}
		if rng.IntN(15) == 0 {
			d.Transfers = append(d.Transfers, tr) // the same row in two exports
		}
		price := decimal.New(int64(1500+rng.IntN(2000)), -int32(rng.IntN(3)))
		if rng.IntN(30) == 0 {
			price = decimal.Zero
		}
		x := Tx{Hash: hash, Time: ts, Price: price, Fee: amount(), Failed: rng.IntN(30) == 0, Place: place}
		switch rng.IntN(6) {
		case 0: // nothing paid or received in ETH
		case 1, 2:
			if tr.To == me { // paid
				x.From, x.To, x.Out = me, other(), amount()
			} else {
				x.From, x.To, x.In = other(), me, amount()
			}
		case 3: // internal transfer to the seller
			x.From, x.To, x.In, x.Internal, x.Fee = other(), me, amount(), true, decimal.Zero
		case 4: // both ways
			x.From, x.To, x.Out, x.In = me, me, amount(), amount()
		case 5: // sent by someone else
			x.From, x.To, x.Out = other(), other(), amount()
		}
		if rng.IntN(8) != 0 {
			d.Txs = append(d.Txs, x)
			if rng.IntN(15) == 0 {
				d.Txs = append(d.Txs, x)
			}
		}
		if rng.IntN(6) == 0 {
			sym := []string{"WETH", "USDC", "DAI", "APE", "ETH"}[rng.IntN(5)]
			k := Token{Hash: hash, Time: ts, Symbol: sym, Contract: "0x00000000000000000000000000000000000e0001", Value: amount(), Place: place}
			if tr.To == me {
				k.From, k.To = me, other()
			} else {
				k.From, k.To = other(), me
			}
			if rng.IntN(2) == 0 {
				k.USD, k.HasUSD = amount(), true
			}
			d.Tokens = append(d.Tokens, k)
		}
	}
	// A transaction row whose hash no NFT transfer has (an ordinary
	// payment), failed or not.
	d.Txs = append(d.Txs, Tx{Hash: "0xpayment", Time: 1_700_000_000, From: alice, To: "0x1", Out: one, Price: one, Failed: true, Place: place})
	return d
}

// planText renders everything a plan holds, decimals with their exponent
// (the file keeps a decimal's scale: 0 and 0.00 are written differently).
func planText(pl *Plan) string {
	var b strings.Builder
	dec := func(d decimal.Decimal) string { return fmt.Sprintf("%s(e%d)", d.String(), d.Exponent()) }
	fmt.Fprintf(&b, "batch %s known %d failed %d cost %s fees %s proceeds %s fees %s\n", pl.Batch, pl.Known, pl.Failed,
		dec(pl.Cost), dec(pl.LotFees), dec(pl.Proceeds), dec(pl.SaleFees))
	for _, c := range pl.Collections {
		fmt.Fprintf(&b, "collection %+v\n", c)
	}
	for _, l := range pl.Lots {
		fmt.Fprintf(&b, "lot %s %s %s %s %s %s %s %s %s %s %s\n", l.ID, l.Collection, l.TokenID, dec(l.Quantity), l.Acquired,
			dec(l.Cost), dec(l.Fees), l.Tx, l.Wallet, l.Note, l.Batch)
	}
	for _, s := range pl.Sales {
		fmt.Fprintf(&b, "sale %s %s %s %s %s %s %s %s\n", s.ID, s.Lot, dec(s.Quantity), s.Date, dec(s.Proceeds), dec(s.Fees), s.Tx, s.Batch)
	}
	for _, m := range pl.Moves {
		fmt.Fprintf(&b, "move %+v\n", m)
	}
	for _, r := range pl.Review {
		fmt.Fprintf(&b, "review %+v\n", r)
	}
	return b.String()
}

// checkSamePlan builds the plan of d into p with the planner and with the
// reference (the planner before issue 17), and compares the plans and the
// files they make.
func checkSamePlan(t *testing.T, p *portfolio.Portfolio, d *Data, opt Options) *Plan {
	t.Helper()
	want := refBuild(p, d, opt)
	got := Build(p, d, opt)
	if w, g := planText(want), planText(got); w != g {
		wl, gl := strings.Split(w, "\n"), strings.Split(g, "\n")
		for i := range min(len(wl), len(gl)) {
			if wl[i] != gl[i] {
				t.Fatalf("plans differ at line %d:\nwant %s\ngot  %s", i+1, wl[i], gl[i])
			}
		}
		t.Fatalf("plans differ in length: %d and %d lines", len(wl), len(gl))
	}
	pw, pg := p.Clone(), p.Clone()
	want.Apply(pw)
	got.Apply(pg)
	bw, err1 := storage.Encode(pw)
	bg, err2 := storage.Encode(pg)
	if err1 != nil || err2 != nil || !bytes.Equal(bw, bg) {
		t.Fatalf("the files differ (errors %v, %v)", err1, err2)
	}
	return got
}

// The planner makes exactly the reference's plan on generated exports,
// into an empty portfolio and into one that already holds part of them
// (lots, sales and moves recorded by an earlier import).
func TestBuildMatchesReference(t *testing.T) {
	ny := newYork(t)
	for seed := range uint64(40) {
		d := randomData(seed, 20+int(seed)*15)
		for _, opt := range []Options{{Own: []string{alice, "0x" + strings.ToUpper(vault[2:])}, Loc: time.UTC},
			{Own: []string{" " + alice + " "}, Loc: ny, Chain: "polygon"}} {
			p := emptyPortfolio()
			checkSamePlan(t, p, d, opt)

			// Import the first half, then everything.
			half := &Data{Transfers: d.Transfers[:len(d.Transfers)/2], Txs: d.Txs, Tokens: d.Tokens}
			pl := checkSamePlan(t, p, half, opt)
			pl.Apply(p)
			checkSamePlan(t, p, d, opt)
		}
	}
}

// groups gathers the same rows, in the same order, as the reference.
func TestGroupsMatchReference(t *testing.T) {
	for seed := range uint64(40) {
		d := randomData(seed, 20+int(seed)*15)
		want, got := refGroups(d), groups(d)
		if len(want) != len(got) {
			t.Fatalf("seed %d: %d groups, want %d", seed, len(got), len(want))
		}
		for i := range want {
			w, g := want[i], got[i]
			if w.hash != g.hash || w.time != g.time || !slices.Equal(w.transfers, g.transfers) || !slices.Equal(w.txs, g.txs) || !slices.Equal(w.tokens, g.tokens) {
				t.Fatalf("seed %d: group %d is %+v, want %+v", seed, i, *g, *w)
			}
		}
	}
}

// The benchmark's exports and the story plan the same as the reference.
func TestBuildMatchesReferenceBench(t *testing.T) {
	d := &Data{}
	nft, txs, internal := benchExports(4_000)
	for name, b := range map[string][]byte{"nft.csv": nft, "txs.csv": txs, "internal.csv": internal} {
		if err := d.Read(name, bytes.NewReader(b)); err != nil {
			t.Fatal(err)
		}
	}
	checkSamePlan(t, emptyPortfolio(), d, Options{Own: []string{alice}, Loc: time.UTC})
	checkSamePlan(t, emptyPortfolio(), readStory(t), Options{Own: []string{alice, vault}, Loc: newYork(t)})
}
