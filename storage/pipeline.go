package storage

import (
	"slices"

	"nftharvest/internal/gcpolicy"
)

// The records arrays (collections, lots, sales) are read by two
// goroutines: the token decoder's syntax check of each record runs on one,
// picking its members out, converting them and reporting problems on the
// other. Each side is about half of the decoding, so on two cores a large
// file loads in little more than half the time.
//
// The sides share nothing while they run. The token reader touches only
// d.dec, d.size and the stop state (d.stop, d.fatal, d.fatalOff); the
// record decoder touches the portfolio, the collector, the string arena,
// the shared decimals and the scratch buffers, and never looks at the stop
// state (absent, not missing). Records are decoded in file order, so the
// result and the problems are those of one goroutine reading them in turn.

// recordBatch is a run of consecutive raw records, copied out of the token
// decoder (whose buffer is reused at the next read).
type recordBatch struct {
	text []byte
	ends []int // where each record ends in text
	// sizeHint, when above zero, is the estimated length of the whole
	// array: the decoder sizes its slice with it before this batch.
	sizeHint int
}

const (
	batchBytes   = 64 << 10 // a batch holds records up to this many bytes (or one larger record)
	batchesInUse = 4        // batches in flight: bounds the memory of the pipeline
)

// eachRecord reads the elements of the array just opened, up to its
// closing bracket, and calls decode with the raw text of each, in order,
// on another goroutine; it returns once all are decoded. grow, if not nil,
// is called (on that goroutine) with the estimated length of the array
// once sizingSample records were read.
func (d *decoder) eachRecord(grow func(n int), decode func(raw []byte)) {
	free := make(chan *recordBatch, batchesInUse)
	full := make(chan *recordBatch, batchesInUse)
	// Batches are made as needed, up to batchesInUse. The first grows as
	// it fills, so a small array takes one small batch; an array that
	// needs more gets them at full size.
	made := 0
	nextBatch := func() *recordBatch {
		if made < batchesInUse {
			select {
			case b := <-free:
				return b
			default:
			}
			made++
			if made == 1 {
				return &recordBatch{}
			}
			return &recordBatch{text: make([]byte, 0, batchBytes)}
		}
		return <-free
	}
	decoded := make(chan struct{})
	var crash any // a panic of the decoding goroutine, raised again below
	go func() {
		defer close(decoded)
		defer func() {
			if crash = recover(); crash != nil {
				for b := range full { // let the reader finish
					free <- b
				}
			}
		}()
		for b := range full {
			if b.sizeHint > 0 {
				grow(b.sizeHint)
			}
			from := 0
			for _, end := range b.ends {
				decode(b.text[from:end:end])
				from = end
			}
			b.text, b.ends, b.sizeHint = b.text[:0], b.ends[:0], 0
			free <- b
		}
	}()

	start := d.dec.InputOffset()
	b := nextBatch()
	n := 0
	for d.more() {
		raw := d.raw()
		if raw == nil {
			break
		}
		if len(b.ends) > 0 && len(b.text)+len(raw) > batchBytes {
			full <- b
			b = nextBatch()
		}
		b.text = append(b.text, raw...)
		b.ends = append(b.ends, len(b.text))
		if n++; n == sizingSample && grow != nil {
			b.sizeHint = d.sizeAfter(n, start)
		}
	}
	full <- b
	close(full)
	<-decoded
	if crash != nil {
		panic(crash)
	}
}

// growTo gives s room for n elements in all (no change when n <= len(s)).
//
// The new room is written at once, with the garbage collector held off
// meanwhile (gcpolicy.Hold). Otherwise a collection started by this allocation
// scans the new array while it is untouched: reading a fresh page makes
// the kernel map its shared zero page, and the first record written there
// must replace that mapping, which flushes the TLB of every core running
// the process (an interrupt to the other core per page). Measured with
// perf on a 100k-lot `validate`, that was a fifth of the CPU time, and the
// wall time went from 0.29 to 0.20 s without it (docs/performance.md).
func growTo[T any](s []T, n int) []T {
	if n <= len(s) {
		return s
	}
	defer gcpolicy.Hold()()
	s = slices.Grow(s, n-len(s))
	clear(s[len(s):cap(s)])
	return s
}
