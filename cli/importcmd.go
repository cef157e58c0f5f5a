package cli

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"time"
	_ "time/tzdata" // --tz works on systems without a zone database

	"nftharvest/importer"
	"nftharvest/internal/gcpolicy"
	"nftharvest/safetext"
)

var importCmd = &command{
	name:    "import",
	summary: "import block-explorer CSV exports (etherscan) or a spreadsheet (csv)",
	usage: `Usage: nftharvest import etherscan --address 0x.. [--address 0x..] [--tz ZONE]
                         [--chain NAME] [--dry-run] [--portfolio FILE] FILE...
       nftharvest import csv [--dry-run] [--portfolio FILE] lots.csv [sales.csv]

import csv reads a spreadsheet whose headers are the format's field names
(lots: id, collection, quantity, acquired, cost [, token_id, fees, tx,
wallet, note, collectible]; sales: id, lot, quantity, date, proceeds [,
fees, tx]), checks it as the loader checks a file, creates the collections
it names that are missing, and adds the rows whose id is new, as one batch.

Reads the CSV exports of your addresses from Etherscan (or Polygonscan,
Basescan, Arbiscan: same layout): NFT transfers, transactions, internal
transactions and ERC-20 transfers, in any order; the kind of each file is
told from its header. Rows are grouped by transaction:
  NFT in, ETH/WETH/USDC/USDT/DAI out   a lot per token (cost in USD at the
                                       transaction's historical ETH price,
                                       gas as fees; a sweep is split by
                                       quantity to the cent)
  NFT out, value in                    a sale of the token's open lot
                                       (first in, first out)
  between your own addresses           the lot's wallet changes
  NFT in, nothing paid                 a zero-cost lot, listed for review
  NFT out, nothing received            not recorded, listed for review
  failed transactions                  ignored
Importing the same or overlapping files again adds nothing. One import is
one batch: "nftharvest undo" removes it whole. See docs/import.md.

  --address 0x..    one of your own addresses (repeat for each wallet)
  --tz ZONE         time zone of the transaction dates, e.g. America/New_York
                    (default the local zone): it decides the tax year of a
                    transaction near midnight
  --chain NAME      chain of new collections (default ethereum)
  --dry-run         show what would be added; change nothing
  --portfolio FILE  portfolio file (default $NFTHARVEST_PORTFOLIO, else
                    ./portfolio.json)
`,
	run: runImport,
}

// stringList is a repeatable string flag.
type stringList []string

func (s *stringList) String() string     { return strings.Join(*s, ",") }
func (s *stringList) Set(v string) error { *s = append(*s, v); return nil }

var addressPattern = regexp.MustCompile(`^0x[0-9a-fA-F]{40}$`)

func runImport(c *ctx, args []string) error {
	f := c.newFlags()
	f.portfolioFlags(false)
	var addrs stringList
	f.Var(&addrs, "address", "")
	tz := f.String("tz", "", "")
	chain := f.String("chain", "ethereum", "")
	dry := f.Bool("dry-run", false, "")
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return usageErrorf("import: say what to import: \"import etherscan FILE...\" (see \"nftharvest import --help\")")
	}
	switch pos[0] {
	case "etherscan":
	case "csv":
		if len(addrs) > 0 || *tz != "" || *chain != "ethereum" {
			return usageErrorf("import csv: --address, --tz and --chain are for \"import etherscan\"")
		}
		return runImportCSV(c, f, pos[1:], *dry)
	default:
		return usageErrorf("import: %q is not a kind of import (etherscan, csv)", safetext.String(pos[0]))
	}
	files := pos[1:]
	if len(files) == 0 {
		return usageErrorf("import etherscan: no file given (the CSV exports of your addresses)")
	}
	if len(addrs) == 0 {
		return usageErrorf("import etherscan: --address is required: your own address (repeat it for each wallet)")
	}
	for _, a := range addrs {
		if !addressPattern.MatchString(a) {
			return usageErrorf("--address: %q is not an address (0x and 40 hexadecimal digits)", safetext.String(a))
		}
	}
	loc := time.Local
	if *tz != "" {
		if loc, err = time.LoadLocation(*tz); err != nil {
			return usageErrorf("--tz: %q is not a time zone (such as America/New_York or UTC)", safetext.String(*tz))
		}
	}
	if strings.TrimSpace(*chain) == "" || safetext.String(*chain) != *chain {
		return usageErrorf("--chain: %q is not a chain name", safetext.String(*chain))
	}

	file, err := f.load()
	if err != nil {
		return err
	}
	// Reading and planning keep nearly all they allocate until the plan
	// is made, so a collection meanwhile would mark a gigabyte at a
	// million rows to free little: the collector waits until the rows
	// are dropped (below).
	release := sync.OnceFunc(gcpolicy.Hold())
	defer release()
	d, err := readExports(files)
	if err != nil {
		return err
	}
	pl := importer.Build(file.Portfolio, d, importer.Options{Own: addrs, Loc: loc, Chain: *chain})

	b := bufio.NewWriter(c.stdout)
	writeImportPlan(b, d, pl, file.Path, *dry)
	if *dry || !pl.Changes() {
		if !*dry {
			say(b, "Nothing new to import: %s is unchanged.", file.Path)
		} else {
			say(b, "Dry run: %s is unchanged.", file.Path)
		}
		return b.Flush()
	}
	change := describeImport(d, pl)
	// The rows are not needed any more, nor the text of the exports they
	// point into (the plan holds copies of what it keeps): at a million
	// rows that is a gigabyte, which a collection now lets the encoding
	// of the new file reuse instead of asking the system for more.
	d = nil
	release()
	runtime.GC()
	p := file.Portfolio.Clone()
	pl.Apply(p)
	if c.env.beforeSave != nil {
		c.env.beforeSave(file.Path)
	}
	saveErr := file.Save(p, change)
	if saveErr != nil && file.Portfolio != p {
		return saveErr // nothing was saved
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

// readExports reads every file, several at a time, and collects the
// problems of all of them, in the order of the files.
//
// The files whose rows go to the same slice (the rows of transactions and
// of internal transactions are both Txs) are read one after the other
// into one Data, its rows sized once for all of them: merging a file read
// apart would copy its rows (150 MB at a million). The kinds of rows
// (NFT transfers, transactions, token transfers) are read at once.
func readExports(files []string) (*importer.Data, error) {
	type result struct {
		lines []string
		err   error
	}
	results := make([]result, len(files))
	sizes := make([]int64, len(files))
	// Batches of files, each in the order given; a file whose kind is not
	// known (Read will say why) is a batch of its own.
	var batches [][]int
	batchOf := map[string]int{}
	for i, name := range files {
		rows := ""
		// Only a regular file is looked at twice (not a pipe).
		if st, err := os.Stat(name); err == nil && st.Mode().IsRegular() {
			if fh, err := os.Open(name); err == nil {
				sizes[i] = st.Size()
				if kind, ok := importer.KindOf(fh); ok {
					rows = kind.Rows()
				}
				fh.Close()
			}
		}
		if b, ok := batchOf[rows]; ok && rows != "" {
			batches[b] = append(batches[b], i)
			continue
		}
		batchOf[rows] = len(batches)
		batches = append(batches, []int{i})
	}
	data := make([]importer.Data, len(batches))
	sem := make(chan struct{}, max(1, runtime.GOMAXPROCS(0)))
	var wg sync.WaitGroup
	for b, batch := range batches {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			for j, i := range batch {
				var more int64
				for _, k := range batch[j+1:] {
					more += sizes[k]
				}
				results[i].lines, results[i].err = readExport(&data[b], files[i], more)
			}
		}()
	}
	wg.Wait()
	var lines []string
	for i := range results {
		if results[i].err != nil {
			return nil, results[i].err
		}
		lines = append(lines, results[i].lines...)
	}
	if len(lines) > 0 {
		return nil, &problemsError{lines: lines}
	}
	// Every file was read: each batch's Files are its files, in order.
	d := &importer.Data{}
	kinds := make([]importer.FileKind, len(files))
	for b, batch := range batches {
		for j, i := range batch {
			kinds[i] = data[b].Files[j]
		}
		d.Merge(&data[b])
	}
	d.Files = kinds
	return d, nil
}

// readExport reads one file into d; a refused file gives its problems,
// one a line.
func readExport(d *importer.Data, name string, more int64) ([]string, error) {
	fh, err := os.Open(name)
	if err != nil {
		return nil, inputErrorf("%s: %v", safetext.String(name), errors.Unwrap(err))
	}
	defer fh.Close()
	err = d.ReadSized(safetext.String(name), fh, more)
	var probs *importer.Problems
	if errors.As(err, &probs) {
		return strings.Split(probs.Error(), "\n"), nil
	} else if err != nil {
		return nil, fmt.Errorf("reading %s: %w", safetext.String(name), err)
	}
	return nil, nil
}

// problemsError is invalid input with one problem a line; it maps to exit
// status 2 and PrintError prints each line.
type problemsError struct{ lines []string }

func (e *problemsError) Error() string { return strings.Join(e.lines, "\n") }

// Lines returns the problems, one a line.
func (e *problemsError) Lines() []string { return e.lines }

// describeImport is the change-log line of an import.
func describeImport(d *importer.Data, pl *importer.Plan) string {
	names := make([]string, len(d.Files))
	for i, f := range d.Files {
		names[i] = f.Name
	}
	return fmt.Sprintf("import %s: %d lots, %d sales, %d collections, %d wallet moves from %s",
		pl.Batch, len(pl.Lots), len(pl.Sales), len(pl.Collections), len(pl.Moves), safetext.String(strings.Join(names, ", ")))
}
