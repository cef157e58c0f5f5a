package taxrules

import "sync"

// Lot states one chunk at a time. A full report of a million lots writes
// every state once and keeps none: EachLotState, EachLot and EachLotChunk
// build the lots' states or figures a chunk at a time on two goroutines,
// into a few reused buffers, while the caller reads the chunks before, in
// lot order. The states are the ones Analyze puts in Analysis.Lots (tests
// compare the two).

// stateChunk is how many lots are built at a time.
const stateChunk = 2048

// chunkWorkers is how many goroutines build and work on chunks.
const chunkWorkers = 2

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
	return eachLotBuffer(a, func(b *lotBuffer[struct{}]) {
		for k := range b.figs {
			li := int32(b.from + k)
			b.full[k] = LotState{}
			a.lotState(&b.full[k], li, a.eng.run.get(li), b.ones[k:k+1:k+1])
		}
	}, func(b *lotBuffer[struct{}]) error {
		for k := range b.figs {
			if err := fn(&b.full[k]); err != nil {
				return err
			}
		}
		return nil
	})
}

// EachLotChunk is EachLot for per-lot work that can run in parallel (a
// report rendering its lots): the figures are built a chunk at a time on
// two goroutines, and each chunk is handed to work on the goroutine that
// built it, then to done on the caller's goroutine in the order of
// Portfolio.Lots. done's error stops the walk and is returned. out is the
// caller's per-chunk result, reused for later chunks (as are figs); with
// the states built (no LazyLots) every figure carries its state in Full.
func EachLotChunk[T any](a *Analysis, work func(figs []LotFigures, out *T), done func(figs []LotFigures, out *T) error) error {
	return eachLotBuffer(a, func(b *lotBuffer[T]) {
		a.fillFigures(b.figs, b.full, b.ones, b.from)
		work(b.figs, &b.out)
	}, func(b *lotBuffer[T]) error { return done(b.figs, &b.out) })
}

// lotBuffer is one chunk of lots in flight: the lots from, from+1, ...,
// from+len(figs)-1, with room for their figures, states and single
// portions, and the caller's result for the chunk.
type lotBuffer[T any] struct {
	from  int
	figs  []LotFigures
	full  []LotState
	ones  []Portion
	out   T
	ready chan struct{}
}

// eachLotBuffer walks every lot a chunk at a time: fill runs on one of
// two goroutines per chunk, done on the caller's goroutine in lot order,
// stopping at its first error (which it returns). Buffers are reused.
func eachLotBuffer[T any](a *Analysis, fill func(b *lotBuffer[T]), done func(b *lotBuffer[T]) error) error {
	n := len(a.eng.lots)
	size := min(n, stateChunk) // a small portfolio needs no 2,048-lot buffers
	const buffers = chunkWorkers + 2
	free := make(chan *lotBuffer[T], buffers)
	for range buffers {
		free <- &lotBuffer[T]{figs: make([]LotFigures, size), full: make([]LotState, size), ones: make([]Portion, size)}
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
				fill(b)
				close(b.ready)
			}
		})
	}
	var err error
	for b := range order {
		<-b.ready
		if err = done(b); err != nil {
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

// fillFigures fills figs with the figures of the lots from from on
// (fillFigure).
func (a *Analysis) fillFigures(figs []LotFigures, full []LotState, ones []Portion, from int) {
	for k := range figs {
		a.fillFigure(&figs[k], &full[k], ones[k:k+1:k+1], int32(from+k))
	}
}
