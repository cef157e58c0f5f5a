package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

	"nftharvest/portfolio"
	"nftharvest/storage"
	"nftharvest/taxrules"
)

// load reads the portfolio named by --portfolio (or the default file), or
// the embedded sample with --sample. With forUpdate it holds the file's
// lock from now until the caller closes the File, so that concurrent
// commands changing the file take turns; while another process holds the
// lock it says so on standard error and waits (storage.LockTimeout).
func (f *flags) load() (*storage.File, error) {
	file, err := f.loadFile()
	if err != nil {
		return nil, err
	}
	if f.c.cmd.name != "validate" && f.c.cmd.name != "undo" { // the others work as of today
		if err := f.c.env.CheckToday(file); err != nil {
			file.Close() // the lock, with forUpdate
			return nil, err
		}
	}
	return file, nil
}

// loadFile reads the file load names.
func (f *flags) loadFile() (*storage.File, error) {
	if f.sample {
		file, err := storage.LoadSample()
		if err != nil {
			return nil, fmt.Errorf("loading the sample portfolio: %w", err)
		}
		return file, nil
	}
	path := f.path()
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		if f.portfolio == "" {
			return nil, inputErrorf("%s: no such file (create it with \"nftharvest init %s\", or name one with --portfolio FILE)", path, path)
		}
		return nil, inputErrorf("%s: no such file", path)
	}
	if f.forUpdate {
		return storage.LoadForUpdate(path, func(holder string) {
			say(f.c.stderr, "nftharvest: waiting for the lock on %s held by %s (up to %v)", path, holder, storage.LockTimeout)
		})
	}
	return storage.Load(path)
}

// analyze runs the engine on p as of asOf.
func analyze(p *portfolio.Portfolio, asOf portfolio.Date) (*taxrules.Analysis, error) {
	return analyzeWith(p, asOf, taxrules.Options{})
}

// analyzeWith runs the engine on p as of asOf with options.
func analyzeWith(p *portfolio.Portfolio, asOf portfolio.Date, opt taxrules.Options) (*taxrules.Analysis, error) {
	a, err := taxrules.AnalyzeWith(p, asOf, opt)
	if err != nil {
		return nil, fmt.Errorf("analysing the portfolio: %w", err)
	}
	return a, nil
}

// asOfPortfolio is the portfolio a command analyses: with an explicit
// --as-of (flag not empty), the portfolio as it stood on that day; without
// one, all of it, as simulate, sell, export and the app see it.
func asOfPortfolio(p *portfolio.Portfolio, flag string, asOf portfolio.Date) *portfolio.Portfolio {
	if flag == "" {
		return p
	}
	return p.AsOf(asOf)
}
