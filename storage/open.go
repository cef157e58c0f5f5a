package storage

import (
	"bufio"
	"fmt"
	"io"
	"io/fs"
	"os"
	"syscall"
)

// MaxFileSize is the largest portfolio file Load reads (1 GiB; a file of a
// million lots takes about a third of it). A larger file, or one that grows
// past the limit while it is read, is refused with an *InvalidError.
const MaxFileSize = 1 << 30

// maxFileSize is MaxFileSize; tests lower it.
var maxFileSize int64 = MaxFileSize

// openPortfolio opens path for reading and returns the file and its size.
// Only a regular file (or a symbolic link to one) is a portfolio: a
// directory, a named pipe, a device or a socket is refused with an
// *InvalidError naming what it is. The file is opened without blocking, so
// a named pipe without a writer cannot hang the open.
func openPortfolio(path string) (*os.File, int64, error) {
	fh, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, 0, fmt.Errorf("load portfolio: %w", err)
	}
	st, err := fh.Stat()
	if err != nil {
		fh.Close()
		return nil, 0, fmt.Errorf("load portfolio: %w", err)
	}
	if !st.Mode().IsRegular() {
		fh.Close()
		return nil, 0, fileProblem(path, "is "+fileKind(st.Mode())+", not a regular file; a portfolio must be a regular file")
	}
	if st.Size() > maxFileSize {
		fh.Close()
		return nil, 0, tooLarge(path)
	}
	return fh, st.Size(), nil
}

// fileKind names the type of a file that is not regular.
func fileKind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "not a regular file (" + m.Type().String() + ")"
}

// fileProblem is an *InvalidError about the file as a whole.
func fileProblem(path, msg string) error {
	return &InvalidError{File: path, Problems: []Problem{{Message: msg}}}
}

// tooLarge is the error for a file over maxFileSize.
func tooLarge(path string) error {
	return fileProblem(path, fmt.Sprintf("the file is larger than %s, the limit for a portfolio file", sizeText(maxFileSize)))
}

// sizeText writes a byte count in the largest binary unit that divides it.
func sizeText(n int64) string {
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return fmt.Sprintf("%d GiB", n>>30)
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// sizeLimit reads at most max bytes from r; past them it fails with
// errTooLarge and remembers that it did.
type sizeLimit struct {
	r        io.Reader
	left     int64
	exceeded bool
}

var errTooLarge = fmt.Errorf("the file is larger than the limit for a portfolio file")

func (l *sizeLimit) Read(p []byte) (int, error) {
	if l.left < 0 {
		l.exceeded = true
		return 0, errTooLarge
	}
	if int64(len(p)) > l.left+1 {
		p = p[:l.left+1]
	}
	n, err := l.r.Read(p)
	l.left -= int64(n)
	if l.left < 0 {
		l.exceeded = true
		return 0, errTooLarge
	}
	return n, err
}

// utf8BOM is the byte order mark some editors write at the start of a
// UTF-8 file.
const utf8BOM = "\xef\xbb\xbf"

// skipBOM returns a reader of r without a leading UTF-8 byte order mark:
// the mark is accepted and ignored (a save writes the file without it).
func skipBOM(r io.Reader) io.Reader {
	br := bufio.NewReaderSize(r, 16) // larger reads bypass the buffer
	if head, _ := br.Peek(len(utf8BOM)); string(head) == utf8BOM {
		br.Discard(len(utf8BOM))
	}
	return br
}
