package storage

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
)

// ErrNotRegular is returned (wrapped) when a companion file (<file>.log,
// <file>.lock) is a symbolic link, a folder or a device: nftharvest writes
// only regular files there, so a planted link cannot make it append the
// change log to another file.
var ErrNotRegular = errors.New("not a regular file (a symbolic link, a folder or a device); nftharvest does not write through it: remove it and try again")

// ErrNotWritable is returned (wrapped) when the user running nftharvest
// may not write the portfolio file (it belongs to another user), even
// though the folder would let a save replace it.
var ErrNotWritable = fmt.Errorf("you may not write this file (it belongs to another user or group); ask its owner: %w", fs.ErrPermission)

// fileOwner is the permission bits, user and group a save gives the files
// it creates: those of the portfolio file.
type fileOwner struct {
	perm     fs.FileMode
	uid, gid int
	known    bool // uid and gid were read from an existing file
}

// ownerOf returns the permissions and owner of the existing file st, or
// the defaults for a new file (0644, the current user) when st is nil.
func ownerOf(st fs.FileInfo) fileOwner {
	if st == nil {
		return fileOwner{perm: 0o644}
	}
	o := fileOwner{perm: st.Mode().Perm()}
	o.uid, o.gid, o.known = statOwner(st)
	return o
}

// openSidecar opens a companion file (the change log, the lock) without
// following a symbolic link and refuses anything but a regular file. A
// file it creates, or an existing one more open than the portfolio, is
// given the portfolio's permissions (never more), and its owner when a
// superuser saves another user's file.
func openSidecar(path string, flag int, o fileOwner) (*os.File, error) {
	if st, err := os.Lstat(path); err == nil && st.Mode()&fs.ModeSymlink != 0 {
		return nil, fmt.Errorf("%s: %w", path, ErrNotRegular)
	}
	f, err := os.OpenFile(path, flag|oNoFollow|oNonBlock, o.perm&0o666)
	if err != nil {
		if notRegular(path) {
			return nil, fmt.Errorf("%s: %w", path, ErrNotRegular)
		}
		return nil, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if !st.Mode().IsRegular() {
		f.Close()
		return nil, fmt.Errorf("%s: %w", path, ErrNotRegular)
	}
	if flag&(os.O_WRONLY|os.O_RDWR) == 0 {
		return f, nil
	}
	if extra := st.Mode().Perm() &^ o.perm; extra != 0 {
		f.Chmod(st.Mode().Perm() &^ extra) // best effort: it may not be ours
	}
	if err := keepOwner(f, st, o); err != nil {
		f.Close()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return f, nil
}

// notRegular tells whether path exists as something other than a regular
// file: why opening it failed (the error codes for a link opened with
// O_NOFOLLOW or a FIFO without a reader vary).
func notRegular(path string) bool {
	st, err := os.Lstat(path)
	return err == nil && !st.Mode().IsRegular()
}
