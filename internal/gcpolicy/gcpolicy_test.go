package gcpolicy

import (
	"math"
	"runtime/debug"
	"sync"
	"testing"
)

// target reads the collector's target without changing it.
func target() int {
	p := debug.SetGCPercent(100)
	debug.SetGCPercent(p)
	return p
}

// Holds, raises and sets that overlap put back what they found.
func TestOverlapping(t *testing.T) {
	old := debug.SetGCPercent(137)
	defer debug.SetGCPercent(old)

	release := Hold()
	inner := Hold()
	if got := target(); got != -1 {
		t.Errorf("during a hold: %d, want -1 (off)", got)
	}
	inner()
	if got := target(); got != -1 {
		t.Errorf("while a hold remains: %d, want -1", got)
	}
	release()
	if got := target(); got != 137 {
		t.Errorf("after the holds: %d, want 137", got)
	}

	// A raise during a hold is the target the hold puts back, and its
	// restore the one from before.
	release = Hold()
	restore := Raise(400)
	release()
	if got := target(); got != 400 {
		t.Errorf("after a hold during a raise: %d, want 400", got)
	}
	second := Raise(400)
	restore()
	if got := target(); got != 400 {
		t.Errorf("while a raise remains: %d, want 400", got)
	}
	second()
	if got := target(); got != 137 {
		t.Errorf("after the raises: %d, want 137", got)
	}

	// Set during a hold.
	release = Hold()
	if prev := Set(250); prev != 137 {
		t.Errorf("Set during a hold returned %d, want the held 137", prev)
	}
	release()
	if got := target(); got != 250 {
		t.Errorf("after a hold during which 250 was set: %d", got)
	}
	Set(137)
	if r := Raise(0); target() != 137 {
		t.Error("Raise(0) changed the target")
	} else {
		r()
	}
}

// Concurrent holds and raises end where they started.
func TestConcurrent(t *testing.T) {
	old := debug.SetGCPercent(123)
	defer debug.SetGCPercent(old)
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			for range 200 {
				if i%2 == 0 {
					Hold()()
				} else {
					Raise(400)()
				}
			}
		})
	}
	wg.Wait()
	if got := target(); got != 123 {
		t.Fatalf("after concurrent holds and raises: %d, want 123", got)
	}
}

// Limit bounds the memory above what the process holds and puts back the
// previous bound; a bound already set (by $GOMEMLIMIT) is kept.
func TestLimit(t *testing.T) {
	old := debug.SetMemoryLimit(math.MaxInt64)
	defer debug.SetMemoryLimit(old)
	held := int64(heldBytes())
	restore := Limit(0.25)
	got := debug.SetMemoryLimit(-1)
	if got < held+64<<20 || got > 2*held+64<<20 {
		t.Errorf("limit %d while %d bytes are held, want held + max(25%%, 64 MiB)", got, held)
	}
	restore()
	if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
		t.Errorf("after restore: limit %d, want none", got)
	}
	debug.SetMemoryLimit(1 << 40)
	restore = Limit(0.25)
	if got := debug.SetMemoryLimit(-1); got != 1<<40 {
		t.Errorf("a chosen limit became %d", got)
	}
	restore()
	if got := debug.SetMemoryLimit(-1); got != 1<<40 {
		t.Errorf("a chosen limit became %d after restore", got)
	}
}

func TestLimitLive(t *testing.T) {
	old := debug.SetMemoryLimit(math.MaxInt64)
	defer debug.SetMemoryLimit(old)
	const extra, floor = 100 << 20, 64 << 20
	restore := LimitLive(extra, 0.15, floor)
	live := LiveHeap()
	got := debug.SetMemoryLimit(-1)
	if got < live+extra+floor || got > int64(heldBytes())+extra+floor+live {
		t.Errorf("limit %d with %d bytes live, want live + runtime + %d + max(15%%, %d)", got, live, extra, floor)
	}
	restore()
	if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
		t.Errorf("after restore: limit %d, want none", got)
	}
	debug.SetMemoryLimit(1 << 40)
	restore = LimitLive(extra, 0.15, floor)
	if got := debug.SetMemoryLimit(-1); got != 1<<40 {
		t.Errorf("a chosen limit became %d", got)
	}
	restore()
}
