//go:build unix

package cli

import (
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestNonRegularPortfolio checks that a named pipe or a folder as the
// portfolio is refused at once with exit 2 (never a hang).
func TestNonRegularPortfolio(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "f")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	start := time.Now()
	run(t, dir, "validate", fifo).failsWith(t, "validate a FIFO", fifo+": is a named pipe (FIFO), not a regular file")
	run(t, dir, "report", "--portfolio", fifo).failsWith(t, "report on a FIFO", "is a named pipe (FIFO)")
	run(t, dir, "validate", dir).failsWith(t, "validate a folder", dir+": is a directory, not a regular file")
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("took %v", d)
	}
}
