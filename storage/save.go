package storage

import (
	"errors"

	"nftharvest/portfolio"
)

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

// WriteFileAtomic writes data to path atomically (temp file, fsync, rename,
// fsync of the folder), for exports.
func WriteFileAtomic(path string, data []byte) error { return errors.New("storage: not implemented") }
