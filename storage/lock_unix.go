//go:build linux || darwin || freebsd || openbsd || netbsd || dragonfly

package storage

import (
	"errors"
	"fmt"
	"os"
	"syscall"
	"time"
)

// LockTimeout is how long a save waits for another process's lock.
var LockTimeout = 10 * time.Second

// lockSupported tells whether saves take an OS lock on this platform.
const lockSupported = true

// lockRetry is the pause between attempts to take a held lock.
const lockRetry = 20 * time.Millisecond

// lockFile takes an exclusive flock on the sidecar file path (created if
// needed and never removed: removing it would let two writers lock two
// different files). The portfolio itself cannot carry the lock because a
// save renames a new file over it. The lock is released by unlock or when
// the process dies.
func lockFile(path string) (unlock func(), err error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("lock: %w", err)
	}
	fd := int(f.Fd())
	for waited := time.Duration(0); ; waited += lockRetry {
		err = syscall.Flock(fd, syscall.LOCK_EX|syscall.LOCK_NB)
		if err == nil {
			break
		}
		if errors.Is(err, syscall.EINTR) {
			continue
		}
		if !errors.Is(err, syscall.EWOULDBLOCK) {
			f.Close()
			return nil, fmt.Errorf("lock %s: %w", path, err)
		}
		if waited >= LockTimeout {
			f.Close()
			return nil, fmt.Errorf("%s: %w", path, ErrLocked)
		}
		time.Sleep(lockRetry)
	}
	return func() {
		syscall.Flock(fd, syscall.LOCK_UN)
		f.Close()
	}, nil
}

// ignorableSyncError tells whether a folder fsync error only means the
// file system does not support syncing folders.
func ignorableSyncError(err error) bool {
	return errors.Is(err, syscall.EINVAL) || errors.Is(err, syscall.ENOTSUP)
}
