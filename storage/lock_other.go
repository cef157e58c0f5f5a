//go:build !(linux || darwin || freebsd || openbsd || netbsd || dragonfly)

package storage

import "time"

// LockTimeout is how long a save waits for another process's lock. On
// this platform saves take no OS lock; the unchanged-since-load check
// still guards against overwriting another writer's change.
var LockTimeout = 10 * time.Second

// lockSupported tells whether saves take an OS lock on this platform.
const lockSupported = false

// lockFile takes no lock on this platform.
func lockFile(path string, o fileOwner, wait func(holder string)) (unlock func(), err error) {
	return func() {}, nil
}

// ignorableSyncError tells whether a folder fsync error only means the
// file system does not support syncing folders (always, here: Windows
// cannot sync folders).
func ignorableSyncError(err error) bool { return true }
