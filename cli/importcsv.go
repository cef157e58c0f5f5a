package cli

import (
	"bufio"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"nftharvest/importer"
	"nftharvest/portfolio"
	"nftharvest/safetext"
	"nftharvest/storage"

	"github.com/shopspring/decimal"
)

// The spreadsheet layouts of "import csv": the format's field names,
// required ones first, optional ones after "|".
var (
	lotCSVColumns  = []string{"id", "collection", "quantity", "acquired", "cost", "|", "token_id", "fees", "tx", "wallet", "note", "collectible"}
	saleCSVColumns = []string{"id", "lot", "quantity", "date", "proceeds", "|", "fees", "tx"}
)

// csvPlace is the file row a new lot or sale came from.
type csvPlace struct {
	f *csvFile
	r *csvRow
}

// runImportCSV imports lots.csv [sales.csv] as one batch.
func runImportCSV(c *ctx, f *flags, files []string, dry bool) error {
	if len(files) == 0 || len(files) > 2 {
		return usageErrorf("import csv: give lots.csv and optionally sales.csv (got %d files)", len(files))
	}
	file, err := f.load()
	if err != nil {
		return err
	}
	lotsFile, _, err := readCSV(files[0], lotCSVColumns)
	if err != nil {
		return err
	}
	var salesFile *csvFile
	if len(files) == 2 {
		if salesFile, _, err = readCSV(files[1], saleCSVColumns); err != nil {
			return err
		}
	}
	p := file.Portfolio.Clone()
	pl := &importer.Plan{Batch: p.NextBatch(), Failed: -1}
	places := map[string]csvPlace{} // "lots[N]" or "sales[N]" -> row
	lotIDs := make(map[string]*portfolio.Lot, len(p.Lots))
	for i := range p.Lots {
		lotIDs[p.Lots[i].ID] = &p.Lots[i]
	}
	collIDs := make(map[string]bool, len(p.Collections))
	for _, col := range p.Collections {
		collIDs[col.ID] = true
	}
	newColl := map[string]int{}
	for i := range lotsFile.rows {
		r := &lotsFile.rows[i]
		l, ok := csvLot(lotsFile, r)
		if !ok {
			continue
		}
		l.Batch = pl.Batch
		if old, ok := lotIDs[l.ID]; ok {
			if !sameLot(old, &l) {
				lotsFile.fail(r, "id", "%q is already in the portfolio with other values; change the id, or edit the lot there", l.ID)
			}
			pl.Known++
			continue
		}
		if !collIDs[l.Collection] && l.Collection != "" {
			collIDs[l.Collection] = true
			newColl[l.Collection] = len(pl.Collections)
			pl.Collections = append(pl.Collections, portfolio.Collection{ID: l.Collection, Standard: "ERC-721", Batch: pl.Batch})
		}
		if j, ok := newColl[l.Collection]; ok && !l.Quantity.Equal(decimal.NewFromInt(1)) {
			pl.Collections[j].Standard = "ERC-1155" // editions
		}
		places[fmt.Sprintf("lots[%d]", len(p.Lots)+len(pl.Lots))] = csvPlace{lotsFile, r}
		pl.Lots = append(pl.Lots, l)
		lotIDs[l.ID] = &pl.Lots[len(pl.Lots)-1]
		pl.Cost, pl.LotFees = pl.Cost.Add(l.Cost), pl.LotFees.Add(l.Fees)
	}
	if salesFile != nil {
		saleIDs := make(map[string]*portfolio.Sale, len(p.Sales))
		for i := range p.Sales {
			saleIDs[p.Sales[i].ID] = &p.Sales[i]
		}
		for i := range salesFile.rows {
			r := &salesFile.rows[i]
			s, ok := csvSale(salesFile, r)
			if !ok {
				continue
			}
			s.Batch = pl.Batch
			if old, ok := saleIDs[s.ID]; ok {
				if !sameSale(old, &s) {
					salesFile.fail(r, "id", "%q is already in the portfolio with other values; change the id, or edit the sale there", s.ID)
				}
				pl.Known++
				continue
			}
			places[fmt.Sprintf("sales[%d]", len(p.Sales)+len(pl.Sales))] = csvPlace{salesFile, r}
			pl.Sales = append(pl.Sales, s)
			saleIDs[s.ID] = &pl.Sales[len(pl.Sales)-1]
			pl.Proceeds, pl.SaleFees = pl.Proceeds.Add(s.Proceeds), pl.SaleFees.Add(s.Fees)
		}
	}
	var probs []string
	probs = append(probs, lotsFile.probs...)
	if salesFile != nil {
		probs = append(probs, salesFile.probs...)
	}
	if len(probs) > 0 {
		return &problemsError{lines: probs}
	}
	pl.Apply(p)
	if err := checkPlaced(p, places); err != nil {
		return err
	}

	b := bufio.NewWriter(c.stdout)
	descr := []string{fmt.Sprintf("%s: lots, %d rows", lotsFile.name, len(lotsFile.rows))}
	if salesFile != nil {
		descr = append(descr, fmt.Sprintf("%s: sales, %d rows", salesFile.name, len(salesFile.rows)))
	}
	writePlan(b, descr, pl, file.Path, dry)
	if dry || !pl.Changes() {
		if dry {
			say(b, "Dry run: %s is unchanged.", file.Path)
		} else {
			say(b, "Nothing new to import: %s is unchanged.", file.Path)
		}
		return b.Flush()
	}
	if c.env.beforeSave != nil {
		c.env.beforeSave(file.Path)
	}
	saveErr := file.Save(p, fmt.Sprintf("import %s: %d lots, %d sales, %d collections from %s",
		pl.Batch, len(pl.Lots), len(pl.Sales), len(pl.Collections), safetext.String(strings.Join(files, ", "))))
	if saveErr != nil && file.Portfolio != p {
		return saveErr
	}
	undo := "nftharvest undo"
	if file.Path != c.env.defaultPortfolio() {
		undo += " --portfolio " + shellQuote(file.Path)
	}
	say(b, "Saved %s (previous version in %s.bak).", file.Path, file.Path)
	say(b, "To undo: %s", undo)
	if err := b.Flush(); err != nil {
		return err
	}
	return saveErr
}

// problemPath splits a storage problem path "lots[3].cost" into the
// record ("lots[3]") and the member ("cost").
var problemPath = regexp.MustCompile(`^((?:lots|sales)\[\d+\])(?:\.([a-z_]+))?`)

// checkPlaced validates p as the loader does; a problem of a record that
// came from a file row is reported at that row and column, with the
// loader's message.
func checkPlaced(p *portfolio.Portfolio, places map[string]csvPlace) error {
	problems := storage.Validate(p)
	if len(problems) == 0 {
		return nil
	}
	var lines []string
	for _, pr := range problems {
		m := problemPath.FindStringSubmatch(pr.Path)
		if m == nil {
			lines = append(lines, safetext.String(pr.String()))
			continue
		}
		pl, ok := places[m[1]]
		if !ok {
			lines = append(lines, safetext.String(pr.String()))
			continue
		}
		col := m[2]
		if !pl.f.has(col) {
			col = "id"
		}
		n := len(pl.f.probs)
		pl.f.fail(pl.r, col, "%s", pr.Message)
		lines = append(lines, pl.f.probs[n:]...)
	}
	return &problemsError{lines: lines}
}

// csvDecimal reads a decimal cell as the format writes it; "" is zero when
// optional.
func csvDecimal(f *csvFile, r *csvRow, col string, optional bool) (decimal.Decimal, bool) {
	s := f.cell(r, col)
	if s == "" && optional {
		return decimal.Zero, true
	}
	if s == "" {
		f.fail(r, col, "is empty")
		return decimal.Zero, false
	}
	if !plainDecimal(s) {
		f.fail(r, col, "%s is not a decimal number", strconv.Quote(s))
		return decimal.Zero, false
	}
	d, err := decimal.NewFromString(s)
	if err != nil {
		f.fail(r, col, "%s is not a decimal number", strconv.Quote(s))
		return decimal.Zero, false
	}
	return d, true
}

// csvDate reads a date cell.
func csvDate(f *csvFile, r *csvRow, col string) (portfolio.Date, bool) {
	s := f.cell(r, col)
	d, err := portfolio.ParseDate(s)
	if err != nil {
		f.fail(r, col, "%s is not a date (YYYY-MM-DD)", strconv.Quote(s))
		return 0, false
	}
	return d, true
}

// csvLot reads one row of a lots file.
func csvLot(f *csvFile, r *csvRow) (portfolio.Lot, bool) {
	l := portfolio.Lot{ID: f.cell(r, "id"), Collection: f.cell(r, "collection"), TokenID: f.cell(r, "token_id"),
		Tx: f.cell(r, "tx"), Wallet: f.cell(r, "wallet"), Note: f.cell(r, "note")}
	ok := true
	var good bool
	if l.Quantity, good = csvDecimal(f, r, "quantity", false); !good {
		ok = false
	}
	if l.Acquired, good = csvDate(f, r, "acquired"); !good {
		ok = false
	}
	if l.Cost, good = csvDecimal(f, r, "cost", false); !good {
		ok = false
	}
	if l.Fees, good = csvDecimal(f, r, "fees", true); !good {
		ok = false
	}
	switch s := strings.ToLower(f.cell(r, "collectible")); s {
	case "":
	case "true", "false":
		v := s == "true"
		l.Collectible = &v
	default:
		f.fail(r, "collectible", "%s is not true or false", strconv.Quote(s))
		ok = false
	}
	return l, ok
}

// csvSale reads one row of a sales file.
func csvSale(f *csvFile, r *csvRow) (portfolio.Sale, bool) {
	s := portfolio.Sale{ID: f.cell(r, "id"), Lot: f.cell(r, "lot"), Tx: f.cell(r, "tx")}
	ok := true
	var good bool
	if s.Quantity, good = csvDecimal(f, r, "quantity", false); !good {
		ok = false
	}
	if s.Date, good = csvDate(f, r, "date"); !good {
		ok = false
	}
	if s.Proceeds, good = csvDecimal(f, r, "proceeds", false); !good {
		ok = false
	}
	if s.Fees, good = csvDecimal(f, r, "fees", true); !good {
		ok = false
	}
	return s, ok
}

func sameLot(a, b *portfolio.Lot) bool {
	return a.Collection == b.Collection && a.TokenID == b.TokenID && a.Quantity.Equal(b.Quantity) &&
		a.Acquired == b.Acquired && a.Cost.Equal(b.Cost) && a.Fees.Equal(b.Fees)
}

func sameSale(a, b *portfolio.Sale) bool {
	return a.Lot == b.Lot && a.Quantity.Equal(b.Quantity) && a.Date == b.Date &&
		a.Proceeds.Equal(b.Proceeds) && a.Fees.Equal(b.Fees)
}
