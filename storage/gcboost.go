package storage

import (
	"runtime/debug"
	"sync"
)

// loadGCPercent is the garbage collector target while a large file is
// decoded. Decoding allocates almost only what the portfolio keeps, so a
// higher target saves collections (a quarter of the time of a 100k-lot
// load on two cores) without raising the peak memory; it is measured in
// docs/performance.md.
const loadGCPercent = 400

// boostMinSize is the input size from which loading raises the target.
const boostMinSize = 1 << 20

var gcBoost struct {
	sync.Mutex
	users int
	old   int
	on    bool
}

// boostGC raises the garbage collector target for a large decode and
// returns the function that puts it back. Concurrent loads share one
// boost; a program that turned collection off or set a higher target is
// left alone.
func boostGC(size int64) (restore func()) {
	if size < boostMinSize {
		return func() {}
	}
	gcBoost.Lock()
	defer gcBoost.Unlock()
	if gcBoost.users == 0 {
		old := debug.SetGCPercent(loadGCPercent)
		gcBoost.old, gcBoost.on = old, true
		if old < 0 || old >= loadGCPercent {
			debug.SetGCPercent(old)
			gcBoost.on = false
		}
	}
	gcBoost.users++
	return func() {
		gcBoost.Lock()
		defer gcBoost.Unlock()
		gcBoost.users--
		if gcBoost.users == 0 && gcBoost.on {
			debug.SetGCPercent(gcBoost.old)
			gcBoost.on = false
		}
	}
}
