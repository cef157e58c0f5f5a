// Package gcpolicy is the one owner of the garbage collector's target in
// nftharvest. Loading holds the collector off for a moment (Hold); the
// program raises the target while a portfolio loads (Raise) or for a
// whole headless command (Set). Every change goes through here, so that
// holds, raises and sets that overlap always put back what they found.
package gcpolicy

import (
	"math"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

var (
	mu sync.Mutex
	// holds counts the holds in progress; held is the target to put back
	// when the last ends (the target "underneath" the holds).
	holds int
	held  int
	// raises counts the raises in progress; raised is the target to put
	// back when the last ends.
	raises int
	raised int
)

// set sets the target underneath any holds and returns the previous one.
func set(percent int) int {
	if holds > 0 {
		prev := held
		held = percent
		return prev
	}
	return debug.SetGCPercent(percent)
}

// Hold turns the collector off (waiting for a collection in progress to
// finish) and returns what turns it back on with the target it had. Holds
// may overlap; the last release restores the target.
func Hold() (release func()) {
	mu.Lock()
	if holds == 0 {
		held = debug.SetGCPercent(-1)
	}
	holds++
	mu.Unlock()
	return func() {
		mu.Lock()
		if holds--; holds == 0 {
			debug.SetGCPercent(held)
		}
		mu.Unlock()
	}
}

// Raise sets the target to percent while some work runs, when percent is
// above zero, and returns what puts the previous target back. Raises may
// overlap (a reload while a load runs); the last restore puts back the
// target from before the first.
func Raise(percent int) (restore func()) {
	if percent <= 0 {
		return func() {}
	}
	mu.Lock()
	if raises == 0 {
		raised = set(percent)
	}
	raises++
	mu.Unlock()
	return func() {
		mu.Lock()
		if raises--; raises == 0 {
			set(raised)
		}
		mu.Unlock()
	}
}

// Set sets the target for the rest of the process and returns the
// previous one; during a hold it sets the target the hold puts back.
func Set(percent int) (previous int) {
	mu.Lock()
	defer mu.Unlock()
	return set(percent)
}

// Limit bounds the memory the process may grow to while some work runs
// that makes much short-lived garbage and keeps little (a million lot
// states written out and dropped): what it holds now plus headroom times
// that, at least 64 MiB more. Under a high target (Set) the collector
// would otherwise let the garbage pile up to several times the portfolio;
// with the bound it collects when the bound is near. It returns what puts
// the previous bound back. A bound the user chose ($GOMEMLIMIT) is kept.
func Limit(headroom float64) (restore func()) {
	mu.Lock()
	defer mu.Unlock()
	prev := debug.SetMemoryLimit(-1)
	if prev != math.MaxInt64 {
		return func() {}
	}
	inUse := int64(heldBytes())
	debug.SetMemoryLimit(inUse + max(int64(float64(inUse)*headroom), 64<<20))
	return func() {
		mu.Lock()
		defer mu.Unlock()
		debug.SetMemoryLimit(prev)
	}
}

// LimitLive collects garbage, then bounds the memory the process may grow
// to while work that will keep extra bytes runs: what is live now, plus
// the runtime's own memory (stacks, metadata), plus extra, plus headroom
// times the live heap (at least floor bytes) for garbage. It returns what
// puts the previous bound back. A bound the user chose ($GOMEMLIMIT) is
// kept, and then nothing is collected.
func LimitLive(extra int64, headroom float64, floor int64) (restore func()) {
	mu.Lock()
	defer mu.Unlock()
	prev := debug.SetMemoryLimit(-1)
	if prev != math.MaxInt64 {
		return func() {}
	}
	runtime.GC()
	s := []metrics.Sample{
		{Name: "/gc/heap/live:bytes"},
		{Name: "/memory/classes/total:bytes"},
		{Name: "/memory/classes/heap/objects:bytes"},
		{Name: "/memory/classes/heap/free:bytes"},
		{Name: "/memory/classes/heap/released:bytes"},
	}
	metrics.Read(s)
	v := func(i int) int64 { return int64(s[i].Value.Uint64()) }
	live := v(0)
	// The limit counts every byte the runtime holds, not only heap
	// objects: add what is neither objects nor free spans as it is now.
	other := v(1) - v(2) - v(3) - v(4)
	debug.SetMemoryLimit(live + other + extra + max(int64(float64(live)*headroom), floor))
	return func() {
		mu.Lock()
		defer mu.Unlock()
		debug.SetMemoryLimit(prev)
	}
}

// LiveHeap is the heap marked live by the last collection, in bytes.
func LiveHeap() int64 {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	return int64(s[0].Value.Uint64())
}

// heldBytes is the memory the Go runtime holds from the system (mapped
// and not released), what a memory limit bounds.
func heldBytes() uint64 {
	s := []metrics.Sample{{Name: "/memory/classes/total:bytes"}, {Name: "/memory/classes/heap/released:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64() - s[1].Value.Uint64()
}
