package storage

import (
	"fmt"
	"os"
)

// LoadForUpdate takes the file's lock, then loads the file as Load does.
// The File keeps the lock until Close, and its saves use it, so a command
// that reads, changes and saves the file holds the lock from load to save:
// concurrent commands take turns instead of failing with ErrChanged. It
// waits up to LockTimeout for another process's lock; wait, when not nil,
// is called once, with the holder's description ("pid 1234"), when it
// has to wait. A read-only file, or one the user may not write, is
// refused at once.
func LoadForUpdate(path string, wait func(holder string)) (*File, error) {
	target := resolve(path)
	if _, err := os.Stat(target); err != nil {
		return nil, fmt.Errorf("load portfolio: %w", err) // no lock file next to nothing
	}
	o, err := targetOwner(target)
	if err != nil {
		return nil, fmt.Errorf("load portfolio %s: %w", path, err)
	}
	unlock, err := lockFile(target+".lock", o, wait)
	if err != nil {
		return nil, fmt.Errorf("load portfolio %s: %w", path, err)
	}
	f, err := Load(path)
	if err != nil {
		unlock()
		return nil, err
	}
	f.unlock = unlock
	return f, nil
}

// Close releases the lock taken by LoadForUpdate; it does nothing for a
// File from Load. The File can still be read, and saved with the usual
// lock, afterwards.
func (f *File) Close() {
	if f.unlock != nil {
		f.unlock()
		f.unlock = nil
	}
}
