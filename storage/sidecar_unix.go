//go:build linux || darwin || freebsd || openbsd || netbsd || dragonfly

package storage

import (
	"errors"
	"io/fs"
	"os"
	"syscall"
)

// oNoFollow makes opening a symbolic link fail; oNonBlock keeps opening a
// FIFO planted as a companion file from hanging.
const (
	oNoFollow = syscall.O_NOFOLLOW
	oNonBlock = syscall.O_NONBLOCK
)

// statOwner returns the user and group that own st.
func statOwner(st fs.FileInfo) (uid, gid int, ok bool) {
	s, ok := st.Sys().(*syscall.Stat_t)
	if !ok {
		return 0, 0, false
	}
	return int(s.Uid), int(s.Gid), true
}

// keepOwner gives f (whose current state is st) the owner o when a
// superuser saves another user's file, so that the file stays theirs; a
// failure then is an error. Other users keep the group when they can.
func keepOwner(f *os.File, st fs.FileInfo, o fileOwner) error {
	if !o.known {
		return nil
	}
	uid, gid, ok := statOwner(st)
	if !ok || (uid == o.uid && gid == o.gid) {
		return nil
	}
	if os.Geteuid() == 0 {
		return f.Chown(o.uid, o.gid)
	}
	if gid != o.gid {
		f.Chown(-1, o.gid) // best effort: only a member of the group may
	}
	return nil
}

// checkWritable refuses a save by a user who may not write path: the
// folder may let them replace it, but the file is not theirs to change.
func checkWritable(path string) error {
	err := syscall.Access(path, 2) // W_OK
	if errors.Is(err, syscall.EACCES) || errors.Is(err, syscall.EPERM) {
		return ErrNotWritable
	}
	return nil
}
