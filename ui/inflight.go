package ui

import (
	"fmt"
	"io"
	"sync"
)

// inflight counts the saves and exports running in the background, so
// that when the program ends (a key, SIGTERM, SIGHUP) Run waits for them
// to finish instead of abandoning one half-way, and says how it ended.
type inflight struct {
	wg      sync.WaitGroup
	mu      sync.Mutex
	running int
	last    error // the outcome of the last write that finished
}

// begin marks a write as started.
func (w *inflight) begin() {
	w.mu.Lock()
	w.running++
	w.mu.Unlock()
	w.wg.Add(1)
}

// end marks a write as finished with err (nil: it completed).
func (w *inflight) end(err error) {
	w.mu.Lock()
	w.running--
	w.last = err
	w.mu.Unlock()
	w.wg.Done()
}

// active is the number of writes running.
func (w *inflight) active() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.running
}

// finish runs when the program has ended. With no write running it does
// nothing. Otherwise it says on stderr that it waits, waits until the
// writes finish (each save removes its temporary file, completed or not),
// says the save completed, or returns the error of the one that failed.
func (w *inflight) finish(stderr io.Writer, file string) error {
	if w.active() == 0 {
		return nil
	}
	fmt.Fprintf(stderr, "nftharvest: the app was closed while saving %s; waiting for the save to finish...\n", file)
	w.wg.Wait()
	w.mu.Lock()
	err := w.last
	w.mu.Unlock()
	if err != nil {
		return fmt.Errorf("the app was closed while saving %s, and the save did not complete: %w", file, err)
	}
	fmt.Fprintf(stderr, "nftharvest: the save completed; %s is saved.\n", file)
	return nil
}
