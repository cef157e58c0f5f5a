//go:build linux || darwin || freebsd || openbsd || netbsd || dragonfly

package storage

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"syscall"
)

// lockFile takes an exclusive flock on the sidecar file path (created if
// needed, with the portfolio's permissions o, and never removed: removing
// it would let two writers lock two different files). The portfolio itself
// cannot carry the lock because a save renames a new file over it. The
// holder writes its process id into the file; wait, when not nil, is
// called once with the holder's description ("pid 1234") when the lock
// has been held by someone else for lockNotice. The lock is released by unlock or when the
// process dies.
func lockFile(path string, o fileOwner, wait func(holder string)) (unlock func(), err error) {
	f, err := openSidecar(path, os.O_RDWR|os.O_CREATE, o)
	if err != nil {
		return nil, fmt.Errorf("lock: %w", err)
	}
	fd := int(f.Fd())
	try := func() (bool, error) {
		for {
			err := syscall.Flock(fd, syscall.LOCK_EX|syscall.LOCK_NB)
			switch {
			case err == nil:
				return true, nil
			case errors.Is(err, syscall.EINTR):
				continue
			case errors.Is(err, syscall.EWOULDBLOCK):
				return false, nil
			}
			return false, err
		}
	}
	if err := waitForLock(path, try, func() string { return lockHolder(f) }, wait); err != nil {
		f.Close()
		return nil, err
	}
	// Best effort: the id only helps the message of a waiting process.
	if f.Truncate(0) == nil {
		f.WriteAt([]byte("pid "+strconv.Itoa(os.Getpid())+"\n"), 0)
	}
	return func() {
		syscall.Flock(fd, syscall.LOCK_UN)
		f.Close()
	}, nil
}

// lockHolder describes the process holding the lock from the id it wrote
// into the lock file: "pid 1234", or "another process" when the file
// holds nothing usable (only digits are taken from it).
func lockHolder(f *os.File) string {
	buf := make([]byte, 32)
	n, _ := f.ReadAt(buf, 0)
	s := string(buf[:n])
	if len(s) > 4 && s[:4] == "pid " {
		end := 4
		for end < len(s) && s[end] >= '0' && s[end] <= '9' {
			end++
		}
		if end > 4 {
			return "pid " + s[4:end]
		}
	}
	return "another process"
}

// ignorableSyncError tells whether a folder fsync error only means the
// file system does not support syncing folders.
func ignorableSyncError(err error) bool {
	return errors.Is(err, syscall.EINVAL) || errors.Is(err, syscall.ENOTSUP)
}
