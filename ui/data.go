package ui

import (
	"fmt"
	"sync"

	"nftharvest/portfolio"
	"nftharvest/storage"
	"nftharvest/taxrules"
)

// dataset is everything the screens show for one analysis of one file.
// It is built off the UI loop (in a command) and never changed after.
type dataset struct {
	file *storage.File
	p    *portfolio.Portfolio
	a    *taxrules.Analysis
	sum  taxrules.Summary
	tot  taxrules.Totals
	hold *holdings
	coll *collections
	real *realized
	// stage says what is built: stageFirst, a first frame (hold has the
	// largest losses only, and of tot only OpenLots is known);
	// stagePartial, coll and real empty until completeCmd builds them;
	// or stageReady.
	stage stage
	// collSums are the Collections tab's totals of a partial dataset,
	// summed while its holdings were built (completeCmd lays them out).
	collSums []taxrules.CollectionTotals
	// stale are the prices in use older than portfolio.MaxPriceAge days
	// as of the analysis date; the header warns about them.
	stale []portfolio.StalePrice
}

// buildDataset analyses p (the portfolio of f) as of today and prepares
// the tables: all of them, or (full false, for the first screen) the
// holdings only, the others left empty (stagePartial).
func buildDataset(f *storage.File, p *portfolio.Portfolio, today portfolio.Date, full bool) (*dataset, error) {
	a, err := taxrules.AnalyzeWith(p, today, taxrules.Options{LazyLots: true})
	if err != nil {
		return nil, fmt.Errorf("analysing %s: %w", displayName(f), err)
	}
	return datasetOf(f, p, a, full, portfolio.StalePrices(p, today, portfolio.MaxPriceAge)), nil
}

// datasetOf builds the dataset of analysis a of p, read from f, whose
// stale prices as of a.AsOf are stale; full as for buildDataset. Every
// lot's state is read once (EachLotState) and kept by no table: the
// holdings keep integer keys, and the totals and the collections' sums
// are added in the same pass (kept for completeCmd in a partial dataset).
func datasetOf(f *storage.File, p *portfolio.Portfolio, a *taxrules.Analysis, full bool, stale []portfolio.StalePrice) *dataset {
	d := &dataset{file: f, p: p, a: a, sum: a.Summary(a.TaxYear), stage: stageReady, stale: stale}
	tot := taxrules.NewTotalsSums()
	colls := a.NewCollectionSums()
	var wg sync.WaitGroup
	if full {
		wg.Go(func() { d.real = newRealized(a) })
	}
	d.hold = newHoldings(a, func(st *taxrules.LotState) {
		tot.Add(st)
		colls.Add(st)
	})
	d.tot = tot.Totals()
	if full {
		d.coll = collectionsOf(colls.Totals())
	} else {
		d.coll, d.real, d.stage = &collections{}, &realized{}, stagePartial
		d.collSums = colls.Totals()
	}
	wg.Wait()
	d.hold.markStale(d.stale, a.Index)
	return d
}

// displayName is the file name shown to the user, made safe.
func displayName(f *storage.File) string {
	if f == nil || f.Sample || f.Path == "" {
		return "sample portfolio"
	}
	return safe(f.Path)
}
