package storage

import (
	"fmt"
	"time"
)

// lockSupported tells whether saves take an OS lock: on every platform
// since the lock went through github.com/gofrs/flock off Unix (tests that
// still ask keep working).
const lockSupported = true

// LockTimeout is how long a save waits for another process's lock.
var LockTimeout = 10 * time.Second

// lockRetry is the pause between attempts to take a held lock.
const lockRetry = 20 * time.Millisecond

// lockNotice is how long a save waits for a held lock before it tells
// (a lock held only for a moment is not worth a message, and by then the
// holder has written its process id).
const lockNotice = 100 * time.Millisecond

// waitForLock calls try until it takes the lock (true), fails (an error),
// or LockTimeout passes (ErrLocked, naming the holder). wait, when not
// nil, is called once with holder() after lockNotice. The platform files
// (lock_unix.go, lock_other.go) give try and holder.
func waitForLock(path string, try func() (bool, error), holder func() string, wait func(holder string)) error {
	told := false
	for waited := time.Duration(0); ; waited += lockRetry {
		ok, err := try()
		if err != nil {
			return fmt.Errorf("lock %s: %w", path, err)
		}
		if ok {
			return nil
		}
		if waited >= LockTimeout {
			return fmt.Errorf("%s (held by %s for %v): %w", path, holder(), LockTimeout, ErrLocked)
		}
		if !told && waited >= lockNotice && wait != nil {
			told = true
			wait(holder())
		}
		time.Sleep(lockRetry)
	}
}
