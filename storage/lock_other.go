//go:build !(linux || darwin || freebsd || openbsd || netbsd || dragonfly)

package storage

import (
	"fmt"
	"os"

	"github.com/gofrs/flock"
)

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
	if err := waitForLock(path, l.TryLock, func() string { return "another process" }, wait); err != nil {
		return nil, err
	}
	return func() { l.Unlock() }, nil
}

// ignorableSyncError tells whether a folder fsync error only means the
// file system does not support syncing folders (always, here: Windows
// cannot sync folders).
func ignorableSyncError(err error) bool { return true }
