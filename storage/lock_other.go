//go:build !(linux || darwin || freebsd || openbsd || netbsd || dragonfly)

package storage

import (
	"fmt"
	"os"
	"time"

	"github.com/gofrs/flock"
)

// LockTimeout is how long a save waits for another process's lock.
var LockTimeout = 10 * time.Second

// lockSupported tells whether saves take an OS lock on this platform.
const lockSupported = true

// lockRetry is the pause between attempts to take a held lock.
const lockRetry = 20 * time.Millisecond

// lockNotice is how long a save waits for a held lock before it tells.
const lockNotice = 100 * time.Millisecond

// lockFile takes an exclusive lock on the sidecar file path through
// github.com/gofrs/flock (LockFileEx on Windows), with the same contract
// as the Unix version: created if needed with the portfolio's mode o,
// never removed, wait called once after lockNotice, ErrLocked after
// LockTimeout. (Windows locks the file's bytes, so the holder's process id
// is not written into it: the message says "another process".)
func lockFile(path string, o fileOwner, wait func(holder string)) (unlock func(), err error) {
	f, err := openSidecar(path, os.O_RDWR|os.O_CREATE, o)
	if err != nil {
		return nil, fmt.Errorf("lock: %w", err)
	}
	f.Close() // the sidecar exists and is a regular file; flock opens it itself
	l := flock.New(path)
	told := false
	for waited := time.Duration(0); ; waited += lockRetry {
		ok, err := l.TryLock()
		if err != nil {
			return nil, fmt.Errorf("lock %s: %w", path, err)
		}
		if ok {
			break
		}
		if waited >= LockTimeout {
			return nil, fmt.Errorf("%s (held by another process for %v): %w", path, LockTimeout, ErrLocked)
		}
		if !told && waited >= lockNotice && wait != nil {
			told = true
			wait("another process")
		}
		time.Sleep(lockRetry)
	}
	return func() { l.Unlock() }, nil
}

// ignorableSyncError tells whether a folder fsync error only means the
// file system does not support syncing folders (always, here: Windows
// cannot sync folders).
func ignorableSyncError(err error) bool { return true }
