package ui

import "nftharvest/internal/gcpolicy"

// The memory of a build after the first frame. Building the tables of a
// large portfolio reads every lot's state once: the states are built a
// chunk at a time and dropped, and the tables keep integers. Under the
// raised GC target of loading, the garbage of a million states piled up
// (1.5 GiB resident at 1M lots). buildLimit collects the load's garbage
// first, then bounds the heap while the tables are built.

// The limit: what is live before the build, plus what the tables keep
// (tableBytesPerLot for each lot: the 72-byte row, the tie rank, the
// sort buffer and the sorted and filtered orders, the ranks' scratch),
// plus room for garbage, buildGarbage of the live heap (at
// least minBuildGarbage bytes). Less room means more collections of a
// heap of 600 MB at 1M lots, each about 0.3 s of CPU.
const (
	tableBytesPerLot = 128
	buildGarbage     = 0.15
	minBuildGarbage  = 64 << 20
)

// buildLimit collects garbage, sets a soft memory limit for building the
// tables of lots lots (see above) and returns the function that lifts it.
// A memory limit the user set ($GOMEMLIMIT) is kept, and nothing is
// collected.
func buildLimit(lots int) (restore func()) {
	return gcpolicy.LimitLive(int64(lots)*tableBytesPerLot, buildGarbage, minBuildGarbage)
}

// After the build: the app keeps what it holds for the whole session, and
// the garbage of filters, frames and dialogs comes slowly.
// At the default target (100) the heap of a million lots would grow by
// another 600 MB before its next collection. sessionGC lowers the target
// so that the heap grows by about sessionGarbage bytes between
// collections (between 10 and 100 percent of the live heap: a small
// portfolio keeps the default). A target, not a limit: a reload that
// holds two portfolios for a moment grows in proportion, and never has
// the collector run without end.
const sessionGarbage = 64 << 20

func sessionGC() {
	live := max(gcpolicy.LiveHeap(), 1)
	gcpolicy.Set(int(min(100, max(10, 100*sessionGarbage/live))))
}
