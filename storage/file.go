package storage

import (
	"crypto/sha256"
	"fmt"
	"io"
	"os"
	"strings"

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
// missing or unreadable file) return the wrapped os error.
func Load(path string) (*File, error) {
	src, err := readString(path)
	if err != nil {
		return nil, fmt.Errorf("load portfolio: %w", err)
	}
	// Hash on the second core while the first one parses.
	sums := make(chan [sha256.Size]byte, 1)
	go func() { sums <- hashString(src) }()
	p, err := parse(src, path)
	sum := <-sums
	if err != nil {
		return nil, err
	}
	return &File{Path: path, Portfolio: p, sum: sum}, nil
}

// Reload reads f.Path again.
func (f *File) Reload() (*File, error) { return Load(f.Path) }

// readString reads a whole file into a string without an extra copy.
func readString(path string) (string, error) {
	fh, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer fh.Close()
	var b strings.Builder
	if st, err := fh.Stat(); err == nil && st.Size() > 0 && st.Size() < 1<<40 {
		b.Grow(int(st.Size()) + 1)
	}
	if _, err := io.Copy(&b, fh); err != nil {
		return "", err
	}
	return b.String(), nil
}

// hashString returns the SHA-256 of s.
func hashString(s string) [sha256.Size]byte {
	h := sha256.New()
	buf := make([]byte, 64<<10)
	for len(s) > 0 {
		n := copy(buf, s)
		h.Write(buf[:n])
		s = s[n:]
	}
	var sum [sha256.Size]byte
	h.Sum(sum[:0])
	return sum
}
