package taxrules

import "sync"

// Lot states one chunk at a time. A full report of a million lots writes
// every state once and keeps none: EachLotState (and EachLot, for the
// compact form) builds them a chunk at a time on a second goroutine, into
// a few reused buffers, while the caller reads the chunk before. The
// states are the ones Analyze puts in Analysis.Lots (tests compare the
// two).

// stateChunk is how many lot states are built at a time.
const stateChunk = 2048

// stateBuffers is how many chunks are in flight: one being read, one
// being built, one ready.
const stateBuffers = 3

// EachLotState calls fn with the state of every lot, in the order of
// Portfolio.Lots, and stops at the first error fn returns. The states are
// those of Analysis.Lots, which it reads when they are built; on an
// analysis made with Options.LazyLots they are built as they are read,
// and st is valid only during the call (the memory is reused).
func (a *Analysis) EachLotState(fn func(st *LotState) error) error {
	if a.Lots != nil {
		for i := range a.Lots {
			if err := fn(&a.Lots[i]); err != nil {
				return err
			}
		}
		return nil
	}
	type slot struct {
		st  LotState
		one [1]Portion
	}
	e := a.eng
	return eachChunked(len(e.lots), func(s *slot, li int32) {
		s.st = LotState{}
		a.lotState(&s.st, li, e.run.get(li), s.one[:])
	}, func(s *slot) error { return fn(&s.st) })
}

// eachChunked builds element i of [0, n) with build, stateChunk at a time
// on a second goroutine into stateBuffers reused chunks, and calls visit
// with each in order, stopping at the first error.
func eachChunked[T any](n int, build func(s *T, i int32), visit func(s *T) error) error {
	free := make(chan []T, stateBuffers)
	for range stateBuffers {
		free <- make([]T, stateChunk)
	}
	ready := make(chan []T, stateBuffers)
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		defer close(ready)
		for from := 0; from < n; from += stateChunk {
			var c []T
			select {
			case c = <-free:
			case <-stop:
				return
			}
			c = c[:min(n, from+stateChunk)-from]
			for k := range c {
				build(&c[k], int32(from+k))
			}
			select {
			case ready <- c:
			case <-stop:
				return
			}
		}
	}()
	for c := range ready {
		for k := range c {
			if err := visit(&c[k]); err != nil {
				return err
			}
		}
		free <- c[:cap(c)]
	}
	return nil
}

// lotBuffer is one chunk of lot figures in flight in EachLotChunk, with
// room for the full states of lots that do not fit the compact form, and
// the caller's result for the chunk.
type lotBuffer[T any] struct {
	figs  []LotFigures
	full  []LotState
	ones  []Portion
	out   T
	from  int // the first lot's index
	ready chan struct{}
}

// chunkWorkers is how many goroutines build and work on chunks in
// EachLotChunk.
const chunkWorkers = 2

// EachLotChunk is EachLot for per-lot work that can run in parallel (a
// report rendering its lots): the figures are built a chunk at a time on
// two goroutines, and each chunk is handed to work on the goroutine that
// built it, then to done on the caller's goroutine in the order of
// Portfolio.Lots. done's error stops the walk and is returned. out is the
// caller's per-chunk result, reused for later chunks (as are figs); with
// the states built (no LazyLots) every figure carries its state in Full.
func EachLotChunk[T any](a *Analysis, work func(figs []LotFigures, out *T), done func(figs []LotFigures, out *T) error) error {
	n := len(a.eng.lots)
	const buffers = chunkWorkers + 2
	free := make(chan *lotBuffer[T], buffers)
	for range buffers {
		free <- &lotBuffer[T]{figs: make([]LotFigures, stateChunk), full: make([]LotState, stateChunk),
			ones: make([]Portion, stateChunk)}
	}
	jobs := make(chan *lotBuffer[T], buffers)
	order := make(chan *lotBuffer[T], buffers)
	stop := make(chan struct{})
	go func() { // hands out the chunks in order
		defer close(jobs)
		defer close(order)
		for from := 0; from < n; from += stateChunk {
			var b *lotBuffer[T]
			select {
			case b = <-free:
			case <-stop:
				return
			}
			b.figs = b.figs[:min(n, from+stateChunk)-from]
			b.from, b.ready = from, make(chan struct{})
			jobs <- b
			order <- b
		}
	}()
	var wg sync.WaitGroup
	for range chunkWorkers {
		wg.Go(func() {
			for b := range jobs {
				a.fillFigures(b.figs, b.full, b.ones, b.from)
				work(b.figs, &b.out)
				close(b.ready)
			}
		})
	}
	var err error
	for b := range order {
		<-b.ready
		if err = done(b.figs, &b.out); err != nil {
			break
		}
		b.figs = b.figs[:cap(b.figs)]
		free <- b
	}
	close(stop)
	for range order { // let the feeder finish
	}
	wg.Wait()
	return err
}

// fillFigures fills figs with the figures of the lots from from on: from
// the built states, or compact, or (when they do not fit) with a full state
// in full.
func (a *Analysis) fillFigures(figs []LotFigures, full []LotState, ones []Portion, from int) {
	for k := range figs {
		li := int32(from + k)
		f := &figs[k]
		if a.Lots != nil {
			*f = LotFigures{Full: &a.Lots[li]}
			continue
		}
		*f = LotFigures{}
		if !a.lotFigures(f, li) {
			full[k] = LotState{}
			a.lotState(&full[k], li, a.eng.run.get(li), ones[k:k+1:k+1])
			*f = LotFigures{Full: &full[k]}
		}
	}
}
