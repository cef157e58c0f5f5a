package taxrules

// Lot states one chunk at a time. A full report of a million lots writes
// every state once and keeps none: EachLotState builds them a chunk at a
// time on a second goroutine, into a few reused buffers, while the caller
// reads the chunk before. The states are the ones Analyze puts in
// Analysis.Lots (tests compare the two).

// stateChunk is how many lot states EachLotState builds at a time.
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
	e := a.eng
	n := len(e.lots)
	type chunk struct {
		states []LotState
		ones   []Portion
	}
	free := make(chan chunk, stateBuffers)
	for range stateBuffers {
		free <- chunk{make([]LotState, stateChunk), make([]Portion, stateChunk)}
	}
	ready := make(chan chunk, stateBuffers)
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		defer close(ready)
		for from := 0; from < n; from += stateChunk {
			var c chunk
			select {
			case c = <-free:
			case <-stop:
				return
			}
			to := min(n, from+stateChunk)
			c.states = c.states[:to-from]
			for i := from; i < to; i++ {
				k := i - from
				c.states[k] = LotState{}
				a.lotState(&c.states[k], int32(i), e.run.get(int32(i)), c.ones[k:k+1:k+1])
			}
			select {
			case ready <- c:
			case <-stop:
				return
			}
		}
	}()
	for c := range ready {
		for k := range c.states {
			if err := fn(&c.states[k]); err != nil {
				return err
			}
		}
		c.states = c.states[:cap(c.states)]
		free <- c
	}
	return nil
}
