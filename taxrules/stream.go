package taxrules

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
