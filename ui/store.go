package ui

import (
	"errors"
	"io/fs"
	"os"

	"nftharvest/portfolio"
	"nftharvest/storage"
)

// Store is how the TUI reads and writes files. The default goes through
// the storage package; tests substitute a fake to exercise failures (a
// file changed on disk, a full disk, a read-only folder).
type Store interface {
	// Load reads the portfolio at path; "" is the embedded sample.
	Load(path string) (*storage.File, error)
	// Save writes p over f (atomic, backup, change log).
	Save(f *storage.File, p *portfolio.Portfolio, change string) error
	// SaveUndo saves an undo as Save does, but gives back the previous
	// file byte for byte when its backup holds exactly p.
	SaveUndo(f *storage.File, p *portfolio.Portfolio, change string) error
	// SaveAs writes p to a new path; without overwrite it fails with
	// storage.ErrExists when path exists.
	SaveAs(path string, p *portfolio.Portfolio, change string, overwrite bool) (*storage.File, error)
	// Exists reports whether path names an existing file.
	Exists(path string) bool
	// WriteExport writes an export made from the portfolio at
	// portfolioPath ("" for the sample) atomically over path, never onto
	// the portfolio or its companions (storage.WriteExport).
	WriteExport(path, portfolioPath string, data []byte) error
}

// DiskStore is the Store backed by the storage package.
type DiskStore struct{}

// Load implements Store.
func (DiskStore) Load(path string) (*storage.File, error) {
	if path == "" {
		return storage.LoadSample()
	}
	return storage.Load(path)
}

// Save implements Store.
func (DiskStore) Save(f *storage.File, p *portfolio.Portfolio, change string) error {
	return f.Save(p, change)
}

// SaveUndo implements Store.
func (DiskStore) SaveUndo(f *storage.File, p *portfolio.Portfolio, change string) error {
	return f.SaveRestoringBackup(p, change)
}

// SaveAs implements Store.
func (DiskStore) SaveAs(path string, p *portfolio.Portfolio, change string, overwrite bool) (*storage.File, error) {
	return storage.SaveAs(path, p, change, overwrite)
}

// Exists implements Store.
func (DiskStore) Exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil || !errors.Is(err, fs.ErrNotExist)
}

// WriteExport implements Store.
func (DiskStore) WriteExport(path, portfolioPath string, data []byte) error {
	return storage.WriteExport(path, portfolioPath, data, true)
}
