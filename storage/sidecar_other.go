//go:build !(linux || darwin || freebsd || openbsd || netbsd || dragonfly)

package storage

import (
	"io/fs"
	"os"
)

// oNoFollow and oNonBlock do not exist here; openSidecar still refuses
// anything but a regular file after opening it.
const (
	oNoFollow = 0
	oNonBlock = 0
)

// statOwner reports no owner on this platform.
func statOwner(st fs.FileInfo) (uid, gid int, ok bool) { return 0, 0, false }

// keepOwner does nothing on this platform.
func keepOwner(f *os.File, st fs.FileInfo, o fileOwner) error { return nil }

// checkWritable relies on the read-only bit on this platform.
func checkWritable(path string) error { return nil }
