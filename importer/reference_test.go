package importer

// The planner as it was before issue 17's changes (commit 05b6c83), kept
// as the straightforward reference the fast planner is compared with
// (plan_equiv_test.go). Identifiers carry a "ref" prefix.

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"nftharvest/portfolio"
)

// openLot is a lot with units left to sell, in first-in-first-out order.
type refOpenLot struct {
	id       string
	open     decimal.Decimal
	whole    decimal.Decimal
	acquired portfolio.Date
	wallet   string
	newIdx   int // index in Plan.Lots, -1 for a lot recorded before
}

// planner holds the state of one import while its transactions are
// replayed in time order.
type refPlanner struct {
	pl      *Plan
	opt     Options
	own     map[string]bool
	collOf  map[string]string // contract -> collection id
	collIDs map[string]bool
	lotKeys map[string]bool            // tx|contract|token of recorded lots
	sold    map[string]decimal.Decimal // tx|contract|token -> units recorded as sold
	open    map[string][]*refOpenLot   // contract|token -> lots, FIFO
	nextLot int
	nextSal int
}

// Build plans the import of d into p: it groups the rows by transaction,
// replays the transactions in time order and returns what to add. p is
// not changed.
func refBuild(p *portfolio.Portfolio, d *Data, opt Options) *Plan {
	if opt.Loc == nil {
		opt.Loc = time.UTC
	}
	if opt.Chain == "" {
		opt.Chain = "ethereum"
	}
	pr := &refPlanner{pl: &Plan{Batch: p.NextBatch()}, opt: opt, own: map[string]bool{},
		collOf: map[string]string{}, collIDs: map[string]bool{}, lotKeys: map[string]bool{},
		sold: map[string]decimal.Decimal{}, open: map[string][]*refOpenLot{}}
	for _, a := range opt.Own {
		pr.own[strings.ToLower(strings.TrimSpace(a))] = true
	}
	pr.index(p)
	pr.pl.Lots = make([]portfolio.Lot, 0, len(d.Transfers))
	for _, g := range refGroups(d) {
		pr.transaction(g)
	}
	return pr.pl
}

// index notes what p already records: collections by contract, imported
// lots and sales by transaction, and the open lots.
func (pr *refPlanner) index(p *portfolio.Portfolio) {
	contract := make(map[string]string, len(p.Collections))
	for _, c := range p.Collections {
		pr.collIDs[c.ID] = true
		if c.Contract == "" || (c.Chain != "" && !strings.EqualFold(c.Chain, pr.opt.Chain)) {
			continue
		}
		k := strings.ToLower(c.Contract)
		contract[c.ID] = k
		if _, dup := pr.collOf[k]; !dup {
			pr.collOf[k] = c.ID
		}
	}
	ix := portfolio.NewIndex(p)
	lots := make([]*refOpenLot, 0, len(p.Lots))
	for i := range p.Lots {
		l := &p.Lots[i]
		k := contract[l.Collection]
		if k == "" {
			continue
		}
		if l.Tx != "" {
			pr.lotKeys[refKey(l.Tx, k, l.TokenID)] = true
		}
		lots = append(lots, &refOpenLot{id: l.ID, open: ix.OpenQuantity(l.ID), whole: l.Quantity,
			acquired: l.Acquired, wallet: strings.ToLower(l.Wallet), newIdx: -1})
		pr.addOpen(k, l.TokenID, lots[len(lots)-1])
	}
	for _, s := range p.Sales {
		if s.Tx == "" {
			continue
		}
		l, ok := ix.Lot(s.Lot)
		if !ok || contract[l.Collection] == "" {
			continue
		}
		k := refKey(s.Tx, contract[l.Collection], l.TokenID)
		pr.sold[k] = pr.sold[k].Add(s.Quantity)
	}
	for k := range pr.open {
		slices.SortStableFunc(pr.open[k], func(a, b *refOpenLot) int {
			return cmp.Or(cmp.Compare(a.acquired, b.acquired), portfolio.CompareIDs(a.id, b.id))
		})
	}
	pr.nextLot = idNumber(portfolio.NextID("L", func(yield func(string) bool) {
		for i := range p.Lots {
			if !yield(p.Lots[i].ID) {
				return
			}
		}
	}))
	pr.nextSal = idNumber(portfolio.NextID("S", func(yield func(string) bool) {
		for i := range p.Sales {
			if !yield(p.Sales[i].ID) {
				return
			}
		}
	}))
}

func (pr *refPlanner) addOpen(contract, token string, l *refOpenLot) {
	k := contract + "|" + token
	pr.open[k] = append(pr.open[k], l)
}

func refKey(tx, contract, token string) string {
	return strings.ToLower(tx) + "|" + contract + "|" + token
}

// numbered is PREFIX-NNNN, as portfolio.NextID numbers ids.
func refNumbered(prefix string, n int) string {
	d := strconv.Itoa(n)
	if len(d) < 4 {
		d = "0000"[len(d):] + d
	}
	return prefix + "-" + d
}

// The reference calls the helpers this change left as they were (idNumber,
// slug, split) rather than copies of them.

// units is the NFT movement of one token in one transaction.
type refUnits struct {
	contract, token string
	name, standard  string
	from, to        string
	qty             decimal.Decimal
}

// transaction replays one transaction.
func (pr *refPlanner) transaction(g *refGroup) {
	if g.failed() {
		pr.pl.Failed++
		return
	}
	ins, outs, moves := pr.classify(g)
	if len(ins)+len(outs)+len(moves) == 0 {
		return
	}
	date := portfolio.DateOf(time.Unix(g.time, 0).In(pr.opt.Loc))
	refMoney := pr.value(g)
	if refMoney.noPrice {
		pr.review(date, g.hash, "ETH moved, but no row of this transaction gives its historical ETH price; nothing recorded",
			"add the transactions export (it has the price) and import again, or enter the lots by hand")
		return
	}
	switch {
	case len(ins) > 0 && len(outs) > 0:
		pr.review(date, g.hash, fmt.Sprintf("NFTs both received (%d) and sent (%d) in one transaction (a swap?); nothing recorded", len(ins), len(outs)),
			"enter the lots and sales by hand (nftharvest add lot, add sale)")
	case len(ins) > 0:
		pr.buy(g, date, ins, refMoney)
	case len(outs) > 0:
		pr.sell(g, date, outs, refMoney)
	}
	for _, u := range moves {
		pr.move(g, date, u)
	}
}

// classify sums the NFT transfers of g per token: received from others,
// sent to others, moved between the user's own wallets.
func (pr *refPlanner) classify(g *refGroup) (ins, outs, moves []*refUnits) {
	add := func(list []*refUnits, t *Transfer) []*refUnits {
		for _, u := range list {
			if u.contract == t.Contract && u.token == t.TokenID && u.from == t.From && u.to == t.To {
				u.qty = u.qty.Add(t.Quantity)
				return list
			}
		}
		return append(list, &refUnits{contract: t.Contract, token: t.TokenID, name: t.TokenName, standard: t.Standard,
			from: t.From, to: t.To, qty: t.Quantity})
	}
	for _, t := range g.transfers {
		from, to := pr.own[t.From], pr.own[t.To]
		switch {
		case from && to:
			moves = add(moves, t)
		case to:
			ins = add(ins, t)
		case from:
			outs = add(outs, t)
		}
	}
	return ins, outs, moves
}

// money is what the user paid or received in one transaction, in USD.
type refMoney struct {
	net     decimal.Decimal // received minus paid
	gas     decimal.Decimal // paid by the user
	other   []string        // other ERC-20 tokens the user sent or received
	noPrice bool
}

var refStablecoins = map[string]bool{"USDC": true, "USDT": true, "DAI": true}

// value sums the ETH, WETH and stablecoins that moved to and from the
// user's addresses in g, at the transaction's historical ETH price.
func (pr *refPlanner) value(g *refGroup) refMoney {
	var eth, usd, gas, price decimal.Decimal
	var m refMoney
	for _, x := range g.txs {
		if pr.own[x.From] {
			if !x.Out.IsZero() {
				eth = eth.Sub(x.Out)
			}
			if !x.Internal && x.Fee.GreaterThan(gas) {
				gas = x.Fee
			}
		}
		if pr.own[x.To] && !x.In.IsZero() {
			eth = eth.Add(x.In)
		}
		if price.IsZero() && x.Price.IsPositive() {
			price = x.Price
		}
	}
	for _, k := range g.tokens {
		sign := 0
		if pr.own[k.From] {
			sign--
		}
		if pr.own[k.To] {
			sign++
		}
		if sign == 0 {
			continue
		}
		v := k.Value
		switch {
		case k.Symbol == "WETH" || k.Symbol == "ETH":
		case refStablecoins[k.Symbol]:
			if k.HasUSD {
				v = k.USD
			}
			if sign < 0 {
				v = v.Neg()
			}
			usd = usd.Add(v)
			continue
		default:
			if !slices.Contains(m.other, k.Symbol) {
				m.other = append(m.other, k.Symbol)
			}
			continue
		}
		if sign < 0 {
			v = v.Neg()
		}
		eth = eth.Add(v)
	}
	if price.IsZero() {
		// No transaction row: a WETH transfer's USD value gives the price.
		for _, k := range g.tokens {
			if (k.Symbol == "WETH" || k.Symbol == "ETH") && k.HasUSD && k.Value.IsPositive() {
				price = k.USD.Div(k.Value)
				break
			}
		}
	}
	if (!eth.IsZero() || !gas.IsZero()) && price.IsZero() {
		m.noPrice = true
		return m
	}
	m.net = eth.Mul(price).Round(2).Add(usd.Round(2))
	m.gas = gas.Mul(price).Round(2)
	return m
}

// buy records a lot per token received: a purchase or a paid mint when
// something was paid, else a zero-cost lot to review.
func (pr *refPlanner) buy(g *refGroup, date portfolio.Date, ins []*refUnits, m refMoney) {
	paid := decimal.Max(m.net.Neg(), decimal.Zero)
	qty := make([]decimal.Decimal, len(ins))
	for i, u := range ins {
		qty[i] = u.qty
	}
	costs, fees := split(paid, qty), split(m.gas, qty)
	note := ""
	if paid.IsZero() {
		note = "review: received without payment (airdrop or free mint), recorded at zero cost"
	}
	added := 0
	for i, u := range ins {
		k := refKey(g.hash, u.contract, u.token)
		if pr.lotKeys[k] {
			pr.pl.Known++
			continue
		}
		pr.lotKeys[k] = true
		id := refNumbered("L", pr.nextLot)
		pr.nextLot++
		lot := portfolio.Lot{ID: id, Collection: pr.collection(u), TokenID: u.token, Quantity: u.qty,
			Acquired: date, Cost: costs[i], Fees: fees[i], Tx: g.hash, Wallet: u.to, Note: note, Batch: pr.pl.Batch}
		pr.pl.Lots = append(pr.pl.Lots, lot)
		pr.pl.Cost = pr.pl.Cost.Add(lot.Cost)
		pr.pl.LotFees = pr.pl.LotFees.Add(lot.Fees)
		pr.addOpen(u.contract, u.token, &refOpenLot{id: id, open: u.qty, whole: u.qty, acquired: date, wallet: u.to, newIdx: len(pr.pl.Lots) - 1})
		added++
	}
	if paid.IsZero() && added > 0 {
		what := fmt.Sprintf("%d token(s) received without payment (airdrop or free mint): recorded at zero cost", added)
		do := "if you paid for it, set the lot's cost; a spam airdrop can be deleted"
		if len(m.other) > 0 {
			what = fmt.Sprintf("%d token(s) received, paid in %s, which this version does not price: recorded at zero cost", added, strings.Join(m.other, ", "))
			do = "set the lot's cost to the USD value paid"
		}
		pr.review(date, g.hash, what, do)
	}
}

// sell records the sale of each token sent when value came back, from
// the token's open lots first in, first out.
func (pr *refPlanner) sell(g *refGroup, date portfolio.Date, outs []*refUnits, m refMoney) {
	received := decimal.Max(m.net, decimal.Zero)
	if received.IsZero() {
		for _, u := range outs {
			pr.review(date, g.hash, fmt.Sprintf("%s #%s ×%s sent to %s with nothing received (a gift, a burn, or a wallet not declared with --address); not recorded",
				u.name, u.token, u.qty, u.to), "if it is your wallet, import again with --address "+u.to+"; a gift or a burn is not a sale: enter it by hand if it matters for your taxes")
		}
		return
	}
	qty := make([]decimal.Decimal, len(outs))
	for i, u := range outs {
		qty[i] = u.qty
	}
	proceeds, fees := split(received, qty), split(m.gas, qty)
	for i, u := range outs {
		k := refKey(g.hash, u.contract, u.token)
		want := u.qty.Sub(pr.sold[k])
		if !want.IsPositive() {
			pr.pl.Known++
			continue
		}
		lots := pr.take(u.contract, u.token, want, date, u.from)
		if lots == nil {
			pr.review(date, g.hash, fmt.Sprintf("%s #%s ×%s sold for %s USD, but no open lot holds it; not recorded", u.name, u.token, want, proceeds[i].StringFixed(2)),
				"add the purchase (import its export, or nftharvest add lot), then import again")
			continue
		}
		pr.sold[k] = pr.sold[k].Add(want)
		shares := make([]decimal.Decimal, len(lots))
		for j, t := range lots {
			shares[j] = t.qty
		}
		ps, fs := split(proceeds[i], shares), split(fees[i], shares)
		for j, t := range lots {
			s := portfolio.Sale{ID: refNumbered("S", pr.nextSal), Lot: t.lot.id, Quantity: t.qty, Date: date,
				Proceeds: ps[j], Fees: fs[j], Tx: g.hash, Batch: pr.pl.Batch}
			pr.nextSal++
			pr.pl.Sales = append(pr.pl.Sales, s)
			pr.pl.Proceeds = pr.pl.Proceeds.Add(s.Proceeds)
			pr.pl.SaleFees = pr.pl.SaleFees.Add(s.Fees)
		}
	}
}

// taken is part of an open lot taken by a sale or a move.
type refTaken struct {
	lot *refOpenLot
	qty decimal.Decimal
}

// take takes qty units of a token from its open lots acquired by date,
// first in first out, preferring the lots in wallet when it is set. It
// returns nil, and takes nothing, when they hold less than qty.
func (pr *refPlanner) take(contract, token string, qty decimal.Decimal, date portfolio.Date, wallet string) []refTaken {
	lots := pr.open[contract+"|"+token]
	var out []refTaken
	left := qty
	pick := func(match func(*refOpenLot) bool) {
		for _, l := range lots {
			if !left.IsPositive() {
				return
			}
			if !l.open.IsPositive() || l.acquired > date || !match(l) || slices.ContainsFunc(out, func(t refTaken) bool { return t.lot == l }) {
				continue
			}
			n := decimal.Min(l.open, left)
			out = append(out, refTaken{lot: l, qty: n})
			left = left.Sub(n)
		}
	}
	if wallet != "" {
		pick(func(l *refOpenLot) bool { return l.wallet == wallet })
	}
	pick(func(*refOpenLot) bool { return true })
	if left.IsPositive() {
		return nil
	}
	for _, t := range out {
		t.lot.open = t.lot.open.Sub(t.qty)
	}
	return out
}

// move gives the lots holding a token moved between the user's wallets
// their new wallet. A move of part of a lot is listed for review.
func (pr *refPlanner) move(g *refGroup, date portfolio.Date, u *refUnits) {
	lots := pr.open[u.contract+"|"+u.token]
	left := u.qty
	for _, l := range lots {
		if !left.IsPositive() {
			break
		}
		if l.wallet != u.from || !l.open.IsPositive() || l.acquired > date {
			continue
		}
		if l.open.GreaterThan(left) || !l.open.Equal(l.whole) {
			pr.review(date, g.hash, fmt.Sprintf("%s #%s ×%s moved from %s to %s: part of lot %s (%s open); its wallet is not changed",
				u.name, u.token, u.qty, u.from, u.to, l.id, l.open), "split the lot by hand if the wallet matters to you")
			return
		}
		left = left.Sub(l.open)
		l.wallet = u.to
		mv := Move{Lot: l.id, From: u.from, To: u.to, Date: date, Hash: g.hash, Existing: l.newIdx < 0}
		if l.newIdx >= 0 {
			pr.pl.Lots[l.newIdx].Wallet = u.to
		}
		pr.pl.Moves = append(pr.pl.Moves, mv)
	}
	if left.Equal(u.qty) {
		// Nothing held in the sending wallet: already moved by an earlier
		// import (the lot is in the receiving wallet), or never recorded.
		for _, l := range lots {
			if l.wallet == u.to {
				pr.pl.Known++
				return
			}
		}
		pr.review(date, g.hash, fmt.Sprintf("%s #%s ×%s moved from %s to %s, but no open lot holds it in %s", u.name, u.token, u.qty, u.from, u.to, u.from),
			"add the purchase (import its export, or nftharvest add lot), then import again")
	}
}

// collection returns the id of the collection of a contract, creating it.
func (pr *refPlanner) collection(u *refUnits) string {
	if id, ok := pr.collOf[u.contract]; ok {
		return id
	}
	id := slug(u.name)
	if id == "" {
		id = "contract"
	}
	if pr.collIDs[id] {
		hex := strings.TrimPrefix(u.contract, "0x")
		id += "-" + hex[max(0, len(hex)-6):]
	}
	for n, base := 2, id; pr.collIDs[id]; n++ {
		id = base + "-" + strconv.Itoa(n)
	}
	pr.collIDs[id] = true
	pr.collOf[u.contract] = id
	pr.pl.Collections = append(pr.pl.Collections, portfolio.Collection{ID: id, Name: u.name, Chain: pr.opt.Chain,
		Contract: u.contract, Standard: u.standard, Batch: pr.pl.Batch})
	return id
}

func (pr *refPlanner) review(date portfolio.Date, hash, what, do string) {
	pr.pl.Review = append(pr.pl.Review, Review{Date: date, Hash: hash, What: what, Do: do})
}

// group is the rows of one transaction, duplicates (the same row in two
// overlapping exports) dropped.
type refGroup struct {
	hash      string
	time      int64
	transfers []*Transfer // into Data's rows
	txs       []*Tx
	tokens    []*Token
}

// failed reports whether any transaction row of g failed.
func (g *refGroup) failed() bool {
	return slices.ContainsFunc(g.txs, func(x *Tx) bool { return x.Failed })
}

// groups gathers the rows of d by transaction hash, in time order (hash
// order within a second).
func refGroups(d *Data) []*refGroup {
	byHash := make(map[string]*refGroup, len(d.Transfers))
	get := func(hash string, t int64) *refGroup {
		h := strings.ToLower(hash)
		g, ok := byHash[h]
		if !ok {
			g = &refGroup{hash: hash, time: t}
			byHash[h] = g
		}
		return g
	}
	for i := range d.Transfers {
		t := &d.Transfers[i]
		g := get(t.Hash, t.Time)
		if !slices.ContainsFunc(g.transfers, func(o *Transfer) bool {
			return o.From == t.From && o.To == t.To && o.Contract == t.Contract && o.TokenID == t.TokenID && o.Quantity.Equal(t.Quantity)
		}) {
			g.transfers = append(g.transfers, t)
		}
	}
	for i := range d.Txs {
		x := &d.Txs[i]
		g := get(x.Hash, x.Time)
		if !slices.ContainsFunc(g.txs, func(o *Tx) bool {
			return o.Internal == x.Internal && o.From == x.From && o.To == x.To && o.In.Equal(x.In) && o.Out.Equal(x.Out) && o.Fee.Equal(x.Fee)
		}) {
			g.txs = append(g.txs, x)
		}
	}
	for i := range d.Tokens {
		k := &d.Tokens[i]
		g := get(k.Hash, k.Time)
		if !slices.ContainsFunc(g.tokens, func(o *Token) bool {
			return o.From == k.From && o.To == k.To && o.Contract == k.Contract && o.Value.Equal(k.Value)
		}) {
			g.tokens = append(g.tokens, k)
		}
	}
	out := make([]*refGroup, 0, len(byHash))
	for _, g := range byHash {
		out = append(out, g)
	}
	slices.SortFunc(out, func(a, b *refGroup) int {
		if a.time != b.time {
			return cmp.Compare(a.time, b.time)
		}
		return strings.Compare(a.hash, b.hash)
	})
	return out
}
