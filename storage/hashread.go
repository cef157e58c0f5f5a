package storage

import (
	"crypto/sha256"
	"io"
)

// hashingReader reads a file in large chunks and computes its SHA-256 on
// another goroutine while the decoder consumes the same chunks, so that
// hashing costs no time on a machine with a spare core.
type hashingReader struct {
	r    io.Reader
	bufs [hashBuffers][]byte
	sent int // chunks sent to the hasher
	// inflight counts chunks sent and not yet hashed; a buffer is refilled
	// only once the chunk that used it before was hashed.
	inflight int
	work     chan []byte
	acks     chan struct{}
	sum      chan [sha256.Size]byte
	cur      []byte // unread part of the current chunk
	eof      bool
	err      error
	finished bool
}

const (
	hashBuffers = 4
	hashChunk   = 256 << 10
)

func newHashingReader(r io.Reader) *hashingReader {
	x := &hashingReader{
		r:    r,
		work: make(chan []byte, hashBuffers),
		acks: make(chan struct{}, hashBuffers),
		sum:  make(chan [sha256.Size]byte, 1),
	}
	go func() {
		h := sha256.New()
		for b := range x.work {
			h.Write(b)
			x.acks <- struct{}{}
		}
		var s [sha256.Size]byte
		h.Sum(s[:0])
		x.sum <- s
	}()
	return x
}

// Read implements io.Reader.
func (x *hashingReader) Read(p []byte) (int, error) {
	for len(x.cur) == 0 {
		if x.err != nil {
			return 0, x.err
		}
		if x.eof {
			return 0, io.EOF
		}
		for x.inflight >= hashBuffers {
			<-x.acks
			x.inflight--
		}
		i := x.sent % hashBuffers
		if x.bufs[i] == nil {
			x.bufs[i] = make([]byte, hashChunk)
		}
		n, err := x.r.Read(x.bufs[i])
		if n > 0 {
			x.cur = x.bufs[i][:n]
			x.work <- x.cur
			x.sent++
			x.inflight++
		}
		switch {
		case err == io.EOF:
			x.eof = true
		case err != nil:
			x.err = err
		}
	}
	n := copy(p, x.cur)
	x.cur = x.cur[n:]
	return n, nil
}

// finish stops the hasher and returns the SHA-256 of everything read, and
// the first read error other than io.EOF.
func (x *hashingReader) finish() ([sha256.Size]byte, error) {
	if !x.finished {
		x.finished = true
		close(x.work)
	}
	return <-x.sum, x.err
}
