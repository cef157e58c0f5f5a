// Package storage reads, validates and saves portfolio files (JSON format
// "nftharvest/portfolio", version 1). It keeps facts; it never computes tax
// numbers. Saves are atomic, keep a backup, append to a change log and hold
// an OS lock; a save refuses to overwrite a file changed since it was loaded.
package storage

// TEMPORARY stubs so that other packages compile while storage is written.
// The storage implementation replaces this file.

import (
	"errors"
	"fmt"
	"strings"

	"nftharvest/portfolio"
)

// ErrChanged is returned (wrapped) by Save when the file on disk changed
// since it was loaded or last saved.
var ErrChanged = errors.New("file changed on disk since it was loaded; reload it and try again")

// ErrExists is returned (wrapped) by SaveAs when the target exists and
// overwrite was not requested.
var ErrExists = errors.New("file already exists")

// Problem is one validation problem at a JSON path, e.g.
// Path "lots[12].acquired", Message `"2024-13-01" is not a date (YYYY-MM-DD)`.
type Problem struct {
	Path    string
	Message string
}

func (p Problem) String() string { return p.Path + ": " + p.Message }

// InvalidError reports every problem found in a file (malformed JSON gives
// one problem with line and column).
type InvalidError struct {
	File     string
	Problems []Problem
}

func (e *InvalidError) Error() string {
	var b strings.Builder
	for i, p := range e.Problems {
		if i > 0 {
			b.WriteByte('\n')
		}
		fmt.Fprintf(&b, "%s: %s", e.File, p)
	}
	return b.String()
}

// File is a loaded portfolio file and what is needed to save it safely.
type File struct {
	// Path is the file's path; empty for the embedded sample.
	Path string
	// Sample is true for the embedded sample portfolio.
	Sample    bool
	Portfolio *portfolio.Portfolio
}

// Load reads, parses and validates the file at path. Invalid content
// returns an *InvalidError listing every problem.
func Load(path string) (*File, error) { return nil, errors.New("storage: not implemented") }

// LoadSample returns the embedded sample portfolio (Path "", Sample true).
func LoadSample() (*File, error) { return nil, errors.New("storage: not implemented") }

// SampleJSON returns the bytes of the embedded sample portfolio.
func SampleJSON() []byte { return nil }

// Parse decodes and validates data; name is used in error messages.
func Parse(data []byte, name string) (*portfolio.Portfolio, error) {
	return nil, errors.New("storage: not implemented")
}

// Validate returns every problem in p (nil when valid).
func Validate(p *portfolio.Portfolio) []Problem { return nil }

// Encode returns the JSON encoding of p, unknown fields kept.
func Encode(p *portfolio.Portfolio) ([]byte, error) { return nil, errors.New("storage: not implemented") }

// Save validates p and writes it to f.Path: it takes an OS lock, checks the
// file is unchanged since load (else ErrChanged), copies the current file to
// <file>.bak, writes atomically and appends one line describing change to
// <file>.log. On success f.Portfolio is p. A sample File cannot be saved;
// use SaveAs.
func (f *File) Save(p *portfolio.Portfolio, change string) error {
	return errors.New("storage: not implemented")
}

// SaveAs writes p to a new path as Save does and returns the File for it.
// It fails with ErrExists when path exists and overwrite is false.
func SaveAs(path string, p *portfolio.Portfolio, change string, overwrite bool) (*File, error) {
	return nil, errors.New("storage: not implemented")
}

// Reload reads f.Path again.
func (f *File) Reload() (*File, error) { return Load(f.Path) }

// WriteFileAtomic writes data to path atomically (temp file, fsync, rename,
// fsync of the folder), for exports.
func WriteFileAtomic(path string, data []byte) error { return errors.New("storage: not implemented") }
