//go:build unix

package storage

import (
	"errors"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestLoadRefusesFIFO checks that a named pipe without a writer is refused
// at once (no hang) with a message naming it.
func TestLoadRefusesFIFO(t *testing.T) {
	path := filepath.Join(t.TempDir(), "pipe.json")
	if err := syscall.Mkfifo(path, 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := Load(path)
		done <- err
	}()
	select {
	case err := <-done:
		var inv *InvalidError
		if !errors.As(err, &inv) {
			t.Fatalf("Load(fifo) = %v, want an *InvalidError", err)
		}
		if want := path + ": is a named pipe (FIFO), not a regular file; a portfolio must be a regular file"; err.Error() != want {
			t.Errorf("got %q, want %q", err, want)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Load of a named pipe without a writer hangs")
	}
}
