package storage

import (
	"runtime/debug"
	"sync"
)

// Loading holds the garbage collector off for a moment (growTo). A program
// that also sets the collector's target while portfolios load must set it
// with SetGCPercent, which knows about the holds: debug.SetGCPercent during
// a hold would report the hold's -1 as the previous target, and putting
// that back would leave the collector off.

// gcHolds counts the holds in progress, and gcHeld is the target to put
// back when the last one ends.
var (
	gcMu    sync.Mutex
	gcHolds int
	gcHeld  int
)

// gcHold turns the garbage collector off (waiting for a collection in
// progress to finish) and returns what turns it back on with the target
// it had. Holds may overlap; the last release restores the target.
func gcHold() (release func()) {
	gcMu.Lock()
	if gcHolds == 0 {
		gcHeld = debug.SetGCPercent(-1)
	}
	gcHolds++
	gcMu.Unlock()
	return func() {
		gcMu.Lock()
		if gcHolds--; gcHolds == 0 {
			debug.SetGCPercent(gcHeld)
		}
		gcMu.Unlock()
	}
}

// SetGCPercent is debug.SetGCPercent for a program that loads portfolios:
// it sets the collector's target and returns the previous one. During a
// load's brief hold it sets the target the hold will restore, and returns
// the one the hold saved.
func SetGCPercent(percent int) (previous int) {
	gcMu.Lock()
	defer gcMu.Unlock()
	if gcHolds > 0 {
		previous, gcHeld = gcHeld, percent
		return previous
	}
	return debug.SetGCPercent(percent)
}
