package importer

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"nftharvest/money"
	"nftharvest/portfolio"

	"github.com/shopspring/decimal"
)

// Options are the choices of one import.
type Options struct {
	// Own are the user's own addresses (any case).
	Own []string
	// Loc is the time zone whose calendar dates the transactions get
	// (UTC when nil).
	Loc *time.Location
	// Chain is the chain of the collections an import creates
	// ("ethereum" when empty).
	Chain string
}

// Plan is what an import adds to a portfolio, and what a person must look
// at. Apply makes the change; a dry run only shows it.
type Plan struct {
	Batch       string
	Collections []portfolio.Collection
	Lots        []portfolio.Lot
	Sales       []portfolio.Sale
	Moves       []Move
	Review      []Review
	// Known counts the NFT transfers already recorded by an earlier import.
	Known int
	// Failed counts the failed transactions ignored.
	Failed int
	// Totals of the new records, in the base currency.
	Cost, LotFees, Proceeds, SaleFees decimal.Decimal
}

// Move is a lot that went from one of the user's wallets to another: it
// keeps its basis and date; its wallet changes.
type Move struct {
	Lot      string
	From, To string
	Date     portfolio.Date
	Hash     string
	// Existing is true for a lot recorded before this import.
	Existing bool
}

// Review is a transaction the import did not record as it is, or recorded
// with a guess, and what to do about it.
type Review struct {
	Date portfolio.Date
	Hash string
	What string
	Do   string
}

// Changes reports whether applying the plan would change the portfolio.
func (pl *Plan) Changes() bool {
	if len(pl.Lots) > 0 || len(pl.Sales) > 0 || len(pl.Collections) > 0 {
		return true
	}
	return slices.ContainsFunc(pl.Moves, func(m Move) bool { return m.Existing })
}

// Apply adds the plan's collections, lots and sales to p and moves its
// existing lots to their new wallets. When p has no records of a kind, it
// takes the plan's slice instead of a copy (a million lots are 200 MB):
// p and the plan then share those records.
func (pl *Plan) Apply(p *portfolio.Portfolio) {
	p.Collections = appendOrTake(p.Collections, pl.Collections)
	p.Lots = appendOrTake(p.Lots, pl.Lots)
	p.Sales = appendOrTake(p.Sales, pl.Sales)
	for _, m := range pl.Moves {
		if !m.Existing {
			continue
		}
		for i := range p.Lots {
			if p.Lots[i].ID == m.Lot {
				p.Lots[i].Wallet = m.To
			}
		}
	}
}

// appendOrTake is append(to, from...), or from itself (its capacity
// clipped, so that appending to one never writes into the other) when to
// is empty.
func appendOrTake[T any](to, from []T) []T {
	if len(to) == 0 && from != nil {
		return slices.Clip(from)
	}
	return append(to, from...)
}

// openLot is a lot with units left to sell, in first-in-first-out order.
type openLot struct {
	id       string
	open     decimal.Decimal
	whole    decimal.Decimal
	acquired portfolio.Date
	wallet   string
	newIdx   int      // index in Plan.Lots, -1 for a lot recorded before
	next     *openLot // the token's next lot, FIFO
}

// tokenKey is a token of a contract.
type tokenKey struct{ contract, token string }

// txKey is a token moved by a transaction (tx lower-cased).
type txKey struct{ tx, contract, token string }

// chain is the open lots of one token, first in first out.
type chain struct{ head, tail *openLot }

// planner holds the state of one import while its transactions are
// replayed in time order.
type planner struct {
	pl      *Plan
	opt     Options
	own     *ownSet
	wallets map[string]string // own addresses, lower-cased, as their own strings
	collOf  map[string]string // contract -> collection id
	collIDs map[string]bool
	// The last collection found, by its contract.
	lastContract, lastColl string
	// lotKeys and sold are what the portfolio recorded before the import:
	// a key holds a transaction's hash, and all the rows of a transaction
	// are in one group, so what this import adds is checked within the
	// group (buy, sell) and never needs a map entry.
	lotKeys map[txKey]bool
	sold    map[txKey]decimal.Decimal // units recorded as sold
	open    map[tokenKey]int32        // index in chains
	sent    map[tokenKey]bool         // the tokens the user sends in the rows
	chains  []chain
	slab    []openLot // where new open lots are allocated, a block at a time
	nextLot int
	nextSal int
	// Reused for each transaction.
	soldHere        []soldNow
	taken           []taken
	cost, lotFees   money.Sum
	proceeds, sFees money.Sum
}

// soldNow is what one transaction sold of a token so far.
type soldNow struct {
	k   tokenKey
	qty decimal.Decimal
}

// Build plans the import of d into p: it groups the rows by transaction,
// replays the transactions in time order and returns what to add. p is
// not changed.
func Build(p *portfolio.Portfolio, d *Data, opt Options) *Plan {
	if opt.Loc == nil {
		opt.Loc = time.UTC
	}
	if opt.Chain == "" {
		opt.Chain = "ethereum"
	}
	pr := &planner{pl: &Plan{Batch: p.NextBatch()}, opt: opt, own: &ownSet{},
		collOf: map[string]string{}, collIDs: map[string]bool{}, lotKeys: map[txKey]bool{},
		sold: map[txKey]decimal.Decimal{}}
	pr.wallets = map[string]string{}
	for _, a := range opt.Own {
		w := strings.ToLower(strings.TrimSpace(a))
		pr.own.add(w)
		pr.wallets[w] = w
	}
	// While the rows are grouped: room for a lot per token received and a
	// sale per token sent (the usual count; a sale of several lots takes
	// more), and the tokens the user sends. Only a sale or a move (a
	// token sent) looks for a token's open lots, so a lot of a token
	// never sent needs none.
	nIn, nOut := 0, 0
	counted := make(chan struct{})
	go func() {
		defer close(counted)
		pr.sent = map[tokenKey]bool{}
		for i := range d.Transfers {
			t := &d.Transfers[i]
			from, to := pr.own.has(t.From), pr.own.has(t.To)
			switch {
			case to && !from:
				nIn++
			case from && !to:
				nOut++
			}
			if from {
				pr.sent[tokenKey{t.Contract, t.TokenID}] = true
			}
		}
	}()
	gs := groups(d)
	<-counted
	pr.open = make(map[tokenKey]int32, len(pr.sent)+len(p.Lots))
	pr.index(p)
	pr.pl.Lots = make([]portfolio.Lot, 0, nIn)
	pr.pl.Sales = make([]portfolio.Sale, 0, nOut)
	pr.replay(gs)
	pr.pl.Cost, pr.pl.LotFees = pr.cost.Value(), pr.lotFees.Value()
	pr.pl.Proceeds, pr.pl.SaleFees = pr.proceeds.Value(), pr.sFees.Value()
	return pr.pl
}

// index notes what p already records: collections by contract, imported
// lots and sales by transaction, and the open lots.
func (pr *planner) index(p *portfolio.Portfolio) {
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
	byToken := map[tokenKey][]*openLot{}
	var order []tokenKey // tokens in the order of their first lot in p
	for i := range p.Lots {
		l := &p.Lots[i]
		k := contract[l.Collection]
		if k == "" {
			continue
		}
		if l.Tx != "" {
			pr.lotKeys[key(l.Tx, k, l.TokenID)] = true
		}
		tk := tokenKey{k, l.TokenID}
		if _, ok := byToken[tk]; !ok {
			order = append(order, tk)
		}
		byToken[tk] = append(byToken[tk], &openLot{id: l.ID, open: ix.OpenQuantity(l.ID), whole: l.Quantity,
			acquired: l.Acquired, wallet: strings.ToLower(l.Wallet), newIdx: -1})
	}
	for _, s := range p.Sales {
		if s.Tx == "" {
			continue
		}
		l, ok := ix.Lot(s.Lot)
		if !ok || contract[l.Collection] == "" {
			continue
		}
		k := key(s.Tx, contract[l.Collection], l.TokenID)
		pr.sold[k] = pr.sold[k].Add(s.Quantity)
	}
	for _, tk := range order {
		lots := byToken[tk]
		slices.SortStableFunc(lots, func(a, b *openLot) int {
			return cmp.Or(cmp.Compare(a.acquired, b.acquired), portfolio.CompareIDs(a.id, b.id))
		})
		for _, l := range lots {
			pr.addOpen(tk, l)
		}
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

// addOpen puts l last in its token's chain.
func (pr *planner) addOpen(k tokenKey, l *openLot) {
	ci, ok := pr.open[k]
	if !ok {
		pr.open[k] = int32(len(pr.chains))
		pr.chains = append(pr.chains, chain{head: l, tail: l})
		return
	}
	c := &pr.chains[ci]
	c.tail.next = l
	c.tail = l
}

// lotsOf returns the first of the open lots of a token (nil when none);
// the others follow by next.
func (pr *planner) lotsOf(k tokenKey) *openLot {
	if ci, ok := pr.open[k]; ok {
		return pr.chains[ci].head
	}
	return nil
}

// newOpen returns a new open lot from the slab.
func (pr *planner) newOpen() *openLot {
	if len(pr.slab) == cap(pr.slab) {
		pr.slab = make([]openLot, 0, 4096)
	}
	pr.slab = pr.slab[:len(pr.slab)+1]
	return &pr.slab[len(pr.slab)-1]
}

func key(tx, contract, token string) txKey {
	return txKey{strings.ToLower(tx), contract, token}
}

// numbered is PREFIX-NNNN, as portfolio.NextID numbers ids.
func numbered(prefix string, n int) string {
	var digits [20]byte
	d := strconv.AppendInt(digits[:0], int64(n), 10)
	var buf [32]byte
	b := append(append(buf[:0], prefix...), '-')
	for range 4 - len(d) {
		b = append(b, '0')
	}
	return string(append(b, d...))
}

func idNumber(id string) int {
	_, n, _ := strings.Cut(id, "-")
	v, _ := strconv.Atoi(n)
	return v
}

// units is the NFT movement of one token in one transaction.
type units struct {
	contract, token string
	name, standard  string
	from, to        string
	qty             decimal.Decimal
	sent            bool // the token is sent somewhere in the rows (ins only)
}

// prepared is what the replay of a transaction needs that does not
// depend on the transactions before it: worked out ahead, on another core.
type prepared struct {
	failed           bool
	ins, outs, moves []units // nil when no NFT moved
	date             portfolio.Date
	m                flows
}

// replayChunk is how many transactions are prepared at a time.
const replayChunk = 1024

// replayBatch is a chunk of transactions and what was prepared for them.
type replayBatch struct {
	gs    []*group
	prep  []prepared
	units []units // where prep's slices are
}

// replay replays the transactions in order. A second goroutine prepares
// them (classify, value, date) a chunk ahead of the replay, which keeps
// the state: open lots, ids, the plan.
func (pr *planner) replay(gs []*group) {
	const ahead = 4
	free := make(chan *replayBatch, ahead)
	ready := make(chan *replayBatch, ahead)
	for range ahead {
		free <- &replayBatch{prep: make([]prepared, replayChunk), units: make([]units, 0, 2*replayChunk)}
	}
	go func() {
		defer close(ready)
		var ins, outs, moves []units
		for start := 0; start < len(gs); start += replayChunk {
			b := <-free
			b.gs = gs[start:min(start+replayChunk, len(gs))]
			b.units = b.units[:0]
			for i, g := range b.gs {
				p := &b.prep[i]
				*p = prepared{failed: g.failed()}
				if p.failed {
					continue
				}
				ins, outs, moves = pr.own.classify(g, ins[:0], outs[:0], moves[:0])
				if len(ins)+len(outs)+len(moves) == 0 {
					continue
				}
				at := len(b.units)
				b.units = append(append(append(b.units, ins...), outs...), moves...)
				all := b.units[at:len(b.units):len(b.units)]
				p.ins, p.outs, p.moves = all[:len(ins):len(ins)], all[len(ins):len(ins)+len(outs):len(ins)+len(outs)], all[len(ins)+len(outs):]
				p.date = portfolio.DateOf(time.Unix(g.time, 0).In(pr.opt.Loc))
				p.m = pr.own.value(g)
				// What the replay will keep, made here: the plan's own
				// copies of the hash and of the tokens received, whether a
				// token received is ever sent, the amounts in cents.
				g.hash = strings.Clone(g.hash)
				for j := range p.ins {
					u := &p.ins[j]
					u.sent = pr.sent[tokenKey{u.contract, u.token}]
					u.token = strings.Clone(u.token)
				}
				p.m.settle(len(p.ins) > 0 && len(p.outs) == 0, len(p.outs) > 0 && len(p.ins) == 0)
			}
			ready <- b
		}
	}()
	for b := range ready {
		for i, g := range b.gs {
			pr.transaction(g, &b.prep[i])
		}
		free <- b
	}
}

// transaction replays one transaction.
func (pr *planner) transaction(g *group, p *prepared) {
	if p.failed {
		pr.pl.Failed++
		return
	}
	ins, outs, moves := p.ins, p.outs, p.moves
	if len(ins)+len(outs)+len(moves) == 0 {
		return
	}
	// What the plan keeps of the rows is copied (the hash and the tokens
	// received were, when prepared; names where they are used), so that
	// the rows, and the text of the exports their strings point into, can
	// be dropped once the plan is built.
	date, m := p.date, p.m
	if m.noPrice {
		pr.review(date, g.hash, "ETH moved, but no row of this transaction gives its historical ETH price; nothing recorded",
			"add the transactions export (it has the price) and import again, or enter the lots by hand")
		return
	}
	switch {
	case len(ins) > 0 && len(outs) > 0:
		pr.review(date, g.hash, fmt.Sprintf("NFTs both received (%d) and sent (%d) in one transaction (a swap?); nothing recorded", len(ins), len(outs)),
			"enter the lots and sales by hand (nftharvest add lot, add sale)")
	case len(ins) > 0:
		pr.buy(g, date, ins, m)
	case len(outs) > 0:
		pr.sell(g, date, outs, m)
	}
	for i := range moves {
		pr.move(g, date, &moves[i])
	}
}

// ownSet is the user's addresses, lower-cased. The one to three wallets
// of most imports are compared in turn, quicker than a map lookup.
type ownSet struct {
	list []string
	m    map[string]bool // when there are many
}

func (o *ownSet) add(a string) {
	if o.has(a) {
		return
	}
	o.list = append(o.list, a)
	if len(o.list) > 8 {
		o.m = map[string]bool{}
		for _, a := range o.list {
			o.m[a] = true
		}
	}
}

func (o *ownSet) has(a string) bool {
	if o.m != nil {
		return o.m[a]
	}
	for _, w := range o.list {
		if w == a {
			return true
		}
	}
	return false
}

// classify sums the NFT transfers of g per token: received from others,
// sent to others, moved between the user's own wallets, appended to the
// slices given.
func (o *ownSet) classify(g *group, ins, outs, moves []units) ([]units, []units, []units) {
	add := func(list []units, t *Transfer) []units {
		for i := range list {
			u := &list[i]
			if u.contract == t.Contract && u.token == t.TokenID && u.from == t.From && u.to == t.To {
				u.qty = u.qty.Add(t.Quantity)
				return list
			}
		}
		return append(list, units{contract: t.Contract, token: t.TokenID, name: t.TokenName, standard: t.Standard,
			from: t.From, to: t.To, qty: t.Quantity})
	}
	for _, t := range g.transfers {
		from, to := o.has(t.From), o.has(t.To)
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

// flows is what the user paid or received in one transaction, in USD.
type flows struct {
	net     decimal.Decimal // received minus paid
	gas     decimal.Decimal // paid by the user
	other   []string        // other ERC-20 tokens the user sent or received
	noPrice bool
	// small: net and gas are netC and gasC cents (exponent -2), made
	// decimals only where a record keeps them.
	small      bool
	netC, gasC int64
	// settled: paid, received and fee made (settle).
	settled                bool
	paidD, receivedD, feeD decimal.Decimal
}

// settle makes ahead the decimals a purchase (paid, fee) or a sale
// (received, fee) takes.
func (m *flows) settle(buy, sell bool) {
	if m.noPrice || !buy && !sell {
		return
	}
	if buy {
		m.paidD = m.paid()
	} else {
		m.receivedD = m.received()
	}
	m.feeD = m.fee()
	m.settled = true
}

// zeroCents is 0.00, shared (decimals are never changed in place).
var zeroCents = decimal.New(0, -2)

func cents(c int64) decimal.Decimal {
	if c == 0 {
		return zeroCents
	}
	return decimal.New(c, -2)
}

// paid is what the user paid, zero when they received:
// decimal.Max(net.Neg(), decimal.Zero), to the exponent.
func (m *flows) paid() decimal.Decimal {
	if m.settled {
		return m.paidD
	}
	if !m.small {
		return decimal.Max(m.net.Neg(), decimal.Zero)
	}
	if m.netC <= 0 {
		return cents(-m.netC)
	}
	return decimal.Zero
}

// received is what the user received, zero when they paid:
// decimal.Max(net, decimal.Zero), to the exponent.
func (m *flows) received() decimal.Decimal {
	if m.settled {
		return m.receivedD
	}
	if !m.small {
		return decimal.Max(m.net, decimal.Zero)
	}
	if m.netC >= 0 {
		return cents(m.netC)
	}
	return decimal.Zero
}

// fee is the gas the user paid.
func (m *flows) fee() decimal.Decimal {
	if m.settled {
		return m.feeD
	}
	if !m.small {
		return m.gas
	}
	return cents(m.gasC)
}

var stablecoins = map[string]bool{"USDC": true, "USDT": true, "DAI": true}

// value sums the ETH, WETH and stablecoins that moved to and from the
// user's addresses in g, at the transaction's historical ETH price.
func (own *ownSet) value(g *group) flows {
	if m, ok := own.valueSmall(g); ok {
		return m
	}
	var eth, usd, gas, price decimal.Decimal
	var m flows
	for _, x := range g.txs {
		if own.has(x.From) {
			if !x.Out.IsZero() {
				eth = eth.Sub(x.Out)
			}
			if !x.Internal && x.Fee.GreaterThan(gas) {
				gas = x.Fee
			}
		}
		if own.has(x.To) && !x.In.IsZero() {
			eth = eth.Add(x.In)
		}
		if price.IsZero() && x.Price.IsPositive() {
			price = x.Price
		}
	}
	for _, k := range g.tokens {
		sign := 0
		if own.has(k.From) {
			sign--
		}
		if own.has(k.To) {
			sign++
		}
		if sign == 0 {
			continue
		}
		v := k.Value
		switch {
		case k.Symbol == "WETH" || k.Symbol == "ETH":
		case stablecoins[k.Symbol]:
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

// valueSmall is value for the usual transaction, ETH only (no ERC-20 rows),
// in 64-bit integers: the same net and gas, cents at exponent -2, as the
// decimal arithmetic (Round(2) rounds half away from zero and always
// gives exponent -2). It reports false, to be done with decimals, when a
// transaction has token rows or an amount does not fit.
func (own *ownSet) valueSmall(g *group) (flows, bool) {
	if len(g.tokens) > 0 {
		return flows{}, false
	}
	var eth, gas, price money.Fixed
	for _, x := range g.txs {
		ok := true
		if own.has(x.From) {
			if !x.Out.IsZero() {
				if eth, ok = addFixed(eth, x.Out, -1); !ok {
					return flows{}, false
				}
			}
			if !x.Internal && x.Fee.Sign() > 0 {
				fee, ok := money.FixedOf(x.Fee)
				if !ok {
					return flows{}, false
				}
				if more, ok := money.SubFixed(fee, gas); !ok {
					return flows{}, false
				} else if more.Sign() > 0 {
					gas = fee
				}
			}
		}
		if own.has(x.To) && !x.In.IsZero() {
			if eth, ok = addFixed(eth, x.In, 1); !ok {
				return flows{}, false
			}
		}
		if price.C == 0 && x.Price.IsPositive() {
			if price, ok = money.FixedOf(x.Price); !ok {
				return flows{}, false
			}
		}
	}
	if (eth.C != 0 || gas.C != 0) && price.C == 0 {
		return flows{noPrice: true}, true
	}
	net, ok1 := centsOf(eth, price)
	fee, ok2 := centsOf(gas, price)
	if !ok1 || !ok2 {
		return flows{}, false
	}
	return flows{small: true, netC: net, gasC: fee}, true
}

// addFixed returns f + sign×d (money.Fixed arithmetic).
func addFixed(f money.Fixed, d decimal.Decimal, sign int64) (money.Fixed, bool) {
	o, ok := money.FixedOf(d)
	if !ok {
		return f, false
	}
	o.C *= sign
	return money.AddFixed(f, o)
}

// centsOf returns f × p in cents, rounded half away from zero.
func centsOf(f, p money.Fixed) (int64, bool) {
	v, ok := money.MulFixed(f, p)
	if !ok {
		return 0, false
	}
	return v.Cents()
}

// buy records a lot per token received: a purchase or a paid mint when
// something was paid, else a zero-cost lot to review.
func (pr *planner) buy(g *group, date portfolio.Date, ins []units, m flows) {
	paid := m.paid()
	costs, fees := paid, m.fee()
	var costsN, feesN []decimal.Decimal
	if len(ins) > 1 {
		qty := make([]decimal.Decimal, len(ins))
		for i := range ins {
			qty[i] = ins[i].qty
		}
		costsN, feesN = split(paid, qty), split(m.fee(), qty)
	}
	note := ""
	if paid.IsZero() {
		note = "review: received without payment (airdrop or free mint), recorded at zero cost"
	}
	added := 0
	for i := range ins {
		u := &ins[i]
		// A lot of this transaction, contract and token is recorded when
		// the portfolio has it or an earlier token of ins was the same.
		if (len(pr.lotKeys) > 0 && pr.lotKeys[key(g.hash, u.contract, u.token)]) ||
			slices.ContainsFunc(ins[:i], func(o units) bool { return o.contract == u.contract && o.token == u.token }) {
			pr.pl.Known++
			continue
		}
		if costsN != nil {
			costs, fees = costsN[i], feesN[i]
		}
		id := numbered("L", pr.nextLot)
		pr.nextLot++
		lot := portfolio.Lot{ID: id, Collection: pr.collection(u), TokenID: u.token, Quantity: u.qty,
			Acquired: date, Cost: costs, Fees: fees, Tx: g.hash, Wallet: pr.wallet(u.to), Note: note, Batch: pr.pl.Batch}
		pr.pl.Lots = append(pr.pl.Lots, lot)
		pr.cost.Add(lot.Cost)
		pr.lotFees.Add(lot.Fees)
		if u.sent {
			tk := tokenKey{u.contract, u.token}
			o := pr.newOpen()
			*o = openLot{id: id, open: u.qty, whole: u.qty, acquired: date, wallet: u.to, newIdx: len(pr.pl.Lots) - 1}
			pr.addOpen(tk, o)
		}
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

// soldBefore is what is recorded as sold of a token by this transaction:
// by the portfolio, or by the transaction's earlier rows.
func (pr *planner) soldBefore(hash string, k tokenKey) decimal.Decimal {
	for i := range pr.soldHere {
		if pr.soldHere[i].k == k {
			return pr.soldHere[i].qty
		}
	}
	if len(pr.sold) == 0 {
		return decimal.Decimal{}
	}
	return pr.sold[key(hash, k.contract, k.token)]
}

// sell records the sale of each token sent when value came back, from
// the token's open lots first in, first out.
func (pr *planner) sell(g *group, date portfolio.Date, outs []units, m flows) {
	received := m.received()
	if received.IsZero() {
		for _, u := range outs {
			pr.review(date, g.hash, fmt.Sprintf("%s #%s ×%s sent to %s with nothing received (a gift, a burn, or a wallet not declared with --address); not recorded",
				u.name, u.token, u.qty, u.to), "if it is your wallet, import again with --address "+u.to+"; a gift or a burn is not a sale: enter it by hand if it matters for your taxes")
		}
		return
	}
	proceeds, fees := []decimal.Decimal{received}, []decimal.Decimal{m.fee()}
	if len(outs) > 1 {
		qty := make([]decimal.Decimal, len(outs))
		for i := range outs {
			qty[i] = outs[i].qty
		}
		proceeds, fees = split(received, qty), split(m.fee(), qty)
	}
	pr.soldHere = pr.soldHere[:0]
	for i := range outs {
		u := &outs[i]
		tk := tokenKey{u.contract, u.token}
		before := pr.soldBefore(g.hash, tk)
		want := u.qty.Sub(before)
		if !want.IsPositive() {
			pr.pl.Known++
			continue
		}
		lots := pr.take(tk, want, date, u.from)
		if lots == nil {
			pr.review(date, g.hash, fmt.Sprintf("%s #%s ×%s sold for %s USD, but no open lot holds it; not recorded", u.name, u.token, want, proceeds[i].StringFixed(2)),
				"add the purchase (import its export, or nftharvest add lot), then import again")
			continue
		}
		pr.setSold(tk, before.Add(want))
		ps, fs := proceeds[i:i+1], fees[i:i+1]
		if len(lots) > 1 {
			shares := make([]decimal.Decimal, len(lots))
			for j, t := range lots {
				shares[j] = t.qty
			}
			ps, fs = split(proceeds[i], shares), split(fees[i], shares)
		}
		for j, t := range lots {
			s := portfolio.Sale{ID: numbered("S", pr.nextSal), Lot: t.lot.id, Quantity: t.qty, Date: date,
				Proceeds: ps[j], Fees: fs[j], Tx: g.hash, Batch: pr.pl.Batch}
			pr.nextSal++
			pr.pl.Sales = append(pr.pl.Sales, s)
			pr.proceeds.Add(s.Proceeds)
			pr.sFees.Add(s.Fees)
		}
	}
}

// setSold notes what this transaction has sold of a token, so far.
func (pr *planner) setSold(k tokenKey, qty decimal.Decimal) {
	for i := range pr.soldHere {
		if pr.soldHere[i].k == k {
			pr.soldHere[i].qty = qty
			return
		}
	}
	pr.soldHere = append(pr.soldHere, soldNow{k, qty})
}

// taken is part of an open lot taken by a sale or a move.
type taken struct {
	lot *openLot
	qty decimal.Decimal
}

// take takes qty units of a token from its open lots acquired by date,
// first in first out, preferring the lots in wallet when it is set. It
// returns nil, and takes nothing, when they hold less than qty. The slice
// is reused by the next call.
func (pr *planner) take(k tokenKey, qty decimal.Decimal, date portfolio.Date, wallet string) []taken {
	first := pr.lotsOf(k)
	out := pr.taken[:0]
	left := qty
	pick := func(match func(*openLot) bool) {
		for l := first; l != nil; l = l.next {
			if !left.IsPositive() {
				return
			}
			if !l.open.IsPositive() || l.acquired > date || !match(l) || slices.ContainsFunc(out, func(t taken) bool { return t.lot == l }) {
				continue
			}
			n := decimal.Min(l.open, left)
			out = append(out, taken{lot: l, qty: n})
			left = left.Sub(n)
		}
	}
	if wallet != "" {
		pick(func(l *openLot) bool { return l.wallet == wallet })
	}
	pick(func(*openLot) bool { return true })
	pr.taken = out
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
func (pr *planner) move(g *group, date portfolio.Date, u *units) {
	first := pr.lotsOf(tokenKey{u.contract, u.token})
	left := u.qty
	for l := first; l != nil; l = l.next {
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
		mv := Move{Lot: l.id, From: pr.wallet(u.from), To: pr.wallet(u.to), Date: date, Hash: g.hash, Existing: l.newIdx < 0}
		if l.newIdx >= 0 {
			pr.pl.Lots[l.newIdx].Wallet = mv.To
		}
		pr.pl.Moves = append(pr.pl.Moves, mv)
	}
	if left.Equal(u.qty) {
		// Nothing held in the sending wallet: already moved by an earlier
		// import (the lot is in the receiving wallet), or never recorded.
		for l := first; l != nil; l = l.next {
			if l.wallet == u.to {
				pr.pl.Known++
				return
			}
		}
		pr.review(date, g.hash, fmt.Sprintf("%s #%s ×%s moved from %s to %s, but no open lot holds it in %s", u.name, u.token, u.qty, u.from, u.to, u.from),
			"add the purchase (import its export, or nftharvest add lot), then import again")
	}
}

// wallet returns one of the user's addresses as a string of its own (the
// rows' strings point into the text of the exports).
func (pr *planner) wallet(addr string) string {
	if w, ok := pr.wallets[addr]; ok {
		return w
	}
	return strings.Clone(addr)
}

// collection returns the id of the collection of a contract, creating it.
func (pr *planner) collection(u *units) string {
	if u.contract == pr.lastContract && pr.lastColl != "" {
		return pr.lastColl // the lots of a transaction or of a run of them
	}
	if id, ok := pr.collOf[u.contract]; ok {
		pr.lastContract, pr.lastColl = u.contract, id
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
	pr.pl.Collections = append(pr.pl.Collections, portfolio.Collection{ID: id, Name: strings.Clone(u.name), Chain: pr.opt.Chain,
		Contract: strings.Clone(u.contract), Standard: strings.Clone(u.standard), Batch: pr.pl.Batch})
	return id
}

// slug makes a collection id from a name: lower-case letters and digits
// joined by single dashes.
func slug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
		if b.Len() >= 40 {
			break
		}
	}
	return b.String()
}

func (pr *planner) review(date portfolio.Date, hash, what, do string) {
	pr.pl.Review = append(pr.pl.Review, Review{Date: date, Hash: hash, What: what, Do: do})
}

// split divides total by quantity to the cent: each share is rounded down
// and the last takes the remainder, so the shares add up to total.
func split(total decimal.Decimal, qty []decimal.Decimal) []decimal.Decimal {
	out := make([]decimal.Decimal, len(qty))
	if len(qty) == 1 {
		out[0] = total
		return out
	}
	sum := decimal.Zero
	for _, q := range qty {
		sum = sum.Add(q)
	}
	acc := decimal.Zero
	for i := range len(qty) - 1 {
		out[i] = total.Mul(qty[i]).Div(sum).Truncate(2)
		acc = acc.Add(out[i])
	}
	out[len(qty)-1] = total.Sub(acc)
	return out
}
