package storage

import (
	"crypto/sha256"
	"fmt"
	"io"
	"os"

	"nftharvest/portfolio"
)

// File is a loaded portfolio file and what is needed to save it safely.
type File struct {
	// Path is the file's path; empty for the embedded sample.
	Path string
	// Sample is true for the embedded sample portfolio.
	Sample    bool
	Portfolio *portfolio.Portfolio
	// sum is the SHA-256 of the file's content when it was loaded or last
	// saved; Save refuses to write when the file on disk differs.
	sum [sha256.Size]byte
	// unlock releases the lock held since LoadForUpdate (nil: none held).
	unlock func()
}

// Name returns the file's path, or SampleName for the embedded sample.
func (f *File) Name() string {
	if f.Sample || f.Path == "" {
		return SampleName
	}
	return f.Path
}

// SHA256 returns the hex SHA-256 of the file's content as loaded or last
// saved ("" for the sample): the value its last change-log line records.
func (f *File) SHA256() string {
	if f.Sample || f.Path == "" {
		return ""
	}
	return fmt.Sprintf("%x", f.sum)
}

// Load reads, parses and validates the file at path. Invalid content
// returns an *InvalidError listing every problem; other failures (a
// missing or unreadable file) return the wrapped os error. Only a regular
// file of at most MaxFileSize bytes is read (anything else is an
// *InvalidError); a leading UTF-8 byte order mark is ignored. The file is
// streamed: its text is never held in memory whole.
func Load(path string) (*File, error) {
	fh, size, err := openPortfolio(path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	lim := &sizeLimit{r: fh, left: maxFileSize}
	hr := newHashingReader(lim)
	p, err := parse(hr, size, path, func() (io.ReadCloser, error) {
		return os.Open(path)
	})
	sum, rerr := hr.finish()
	if lim.exceeded {
		return nil, tooLarge(path)
	}
	if rerr != nil {
		return nil, fmt.Errorf("load portfolio: %w", rerr)
	}
	if err != nil {
		return nil, err
	}
	return &File{Path: path, Portfolio: p, sum: sum}, nil
}

// Reload reads f.Path again.
func (f *File) Reload() (*File, error) { return Load(f.Path) }
