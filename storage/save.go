package storage

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"nftharvest/portfolio"
)

// Save validates p and writes it to f.Path: it takes an OS lock, checks the
// file is unchanged since load (else ErrChanged), copies the current file to
// <file>.bak, writes atomically and appends one line describing change to
// <file>.log. On success f.Portfolio is p. A sample File cannot be saved;
// use SaveAs (ErrSample). On an error the file is left as it was, with one
// exception: when the new file is already in place but the change log
// line or the folder sync failed, f is updated (f.Portfolio is p) and the
// error says "the new file is in place, but ...".
func (f *File) Save(p *portfolio.Portfolio, change string) error {
	return f.save(p, change, false)
}

// SaveRestoringBackup saves p as Save does, except that when the backup
// (<file>.bak) holds exactly p it writes the backup's bytes back instead
// of a fresh encoding. Undo uses it, so undoing the last change gives back
// the previous file byte for byte, hand formatting included.
func (f *File) SaveRestoringBackup(p *portfolio.Portfolio, change string) error {
	return f.save(p, change, true)
}

func (f *File) save(p *portfolio.Portfolio, change string, preferBackup bool) error {
	if f.Sample || f.Path == "" {
		return fmt.Errorf("save: %w", ErrSample)
	}
	sum, err := save(f.Path, p, change, mustMatch, f.sum, preferBackup, f.unlock != nil)
	if err != nil && !errors.Is(err, ErrSavedNotLogged) {
		return err
	}
	f.Portfolio, f.sum = p, sum
	return err
}

// SaveAs writes p to a new path as Save does and returns the File for it.
// It fails with ErrExists when path exists and overwrite is false; with
// overwrite, an existing file is first copied to <path>.bak. As with
// Save, a File is returned together with an error when only the change
// log line or the folder sync failed.
func SaveAs(path string, p *portfolio.Portfolio, change string, overwrite bool) (*File, error) {
	mode := mustNotExist
	if overwrite {
		mode = anyState
	}
	sum, err := save(path, p, change, mode, [sha256.Size]byte{}, false, false)
	if err != nil && !errors.Is(err, ErrSavedNotLogged) {
		return nil, err
	}
	return &File{Path: path, Portfolio: p, sum: sum}, err
}

// saveMode says what save expects to find at the path.
type saveMode int

const (
	mustMatch    saveMode = iota // the file exists with the SHA-256 it had when loaded
	mustNotExist                 // nothing is there yet
	anyState                     // anything, replaced
)

// ErrSavedNotLogged marks (wrapped) an error that happened after the new
// file was in place (the change log could not be written, or the folder
// not synced): the save took effect and the File is updated, so the change
// must not be made again. The next save logs the version as found on disk
// without a log line (see logUnlogged), which repairs the log.
var ErrSavedNotLogged = errors.New("the new file is in place, but")

// testHook, when set by tests, runs at each step of a save ("locked",
// "backup", "written": before the rename); an error aborts the save there.
var testHook func(step string) error

func hook(step string) error {
	if testHook == nil {
		return nil
	}
	return testHook(step)
}

// save is Save and SaveAs: validate, encode, lock (unless the caller
// holds the lock: locked), check what is on disk, back it up, replace it
// atomically, log. It returns the new file's SHA-256.
func save(path string, p *portfolio.Portfolio, change string, mode saveMode, want [sha256.Size]byte, preferBackup, locked bool) ([sha256.Size]byte, error) {
	var none [sha256.Size]byte
	if p == nil {
		return none, fmt.Errorf("save %s: no portfolio", path)
	}
	// Encode while the checks run: both only read p, and a large
	// portfolio takes about as long to check as to encode. The encoding of
	// an invalid portfolio is dropped.
	var data []byte
	var err error
	encoded := make(chan struct{})
	go func() {
		defer close(encoded)
		data, err = Encode(p)
	}()
	c := &collector{limit: MaxProblems}
	check(p, c)
	<-encoded
	if c.count() > 0 {
		return none, &InvalidError{File: path, Problems: c.sorted(), More: c.more}
	}
	if err != nil {
		return none, fmt.Errorf("save %s: %w", path, err)
	}
	target := resolve(path)
	o, err := targetOwner(target)
	if err != nil {
		return none, fmt.Errorf("save %s: %w", path, err)
	}

	if !locked {
		unlock, err := lockFile(target+".lock", o, nil)
		if err != nil {
			return none, fmt.Errorf("save %s: %w", path, err)
		}
		defer unlock()
	}
	if err := hook("locked"); err != nil {
		return none, fmt.Errorf("save %s: %w", path, err)
	}
	removeStaleTemps(target)

	old, err := os.ReadFile(target)
	exists := err == nil
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return none, fmt.Errorf("save %s: %w", path, err)
	}
	switch mode {
	case mustMatch:
		if !exists {
			return none, fmt.Errorf("save %s: the file is gone: %w", path, ErrChanged)
		}
		if sha256.Sum256(old) != want {
			return none, fmt.Errorf("save %s: %w", path, ErrChanged)
		}
	case mustNotExist:
		if exists {
			return none, fmt.Errorf("save %s: %w", path, ErrExists)
		}
	}

	if preferBackup {
		data = backupIfSame(target+".bak", data)
	}
	if exists {
		// Read again under the lock: the file may have appeared meanwhile.
		if o, err = targetOwner(target); err != nil {
			return none, fmt.Errorf("save %s: %w", path, err)
		}
		if err := logUnlogged(target+".log", target+".bak", sha256.Sum256(old), o); err != nil {
			return none, fmt.Errorf("save %s: %w", path, err)
		}
		if err := rotateBackups(target + ".bak"); err != nil {
			return none, fmt.Errorf("save %s: backup: %w", path, err)
		}
		if _, err := writeAtomic(target+".bak", bytesOf(old), o, nil); err != nil {
			return none, fmt.Errorf("save %s: backup: %w", path, err)
		}
	}
	if err := hook("backup"); err != nil {
		return none, fmt.Errorf("save %s: %w", path, err)
	}
	// The file's SHA-256 is computed while it is written (both only read
	// data; a large file takes a noticeable time for each).
	summed := make(chan [sha256.Size]byte, 1)
	go func() { summed <- sha256.Sum256(data) }()
	renamed, err := writeAtomic(target, bytesOf(data), o, func() error { return hook("written") })
	sum := <-summed
	if err != nil {
		if renamed {
			return sum, fmt.Errorf("save %s: %w: %w", path, ErrSavedNotLogged, err)
		}
		return none, fmt.Errorf("save %s: %w", path, err)
	}
	if err := appendLog(target+".log", change, sum, o); err != nil {
		return sum, fmt.Errorf("save %s: %w: %w", path, ErrSavedNotLogged, err)
	}
	return sum, nil
}

// targetOwner returns the permissions and owner the files of a save get:
// those of the portfolio file at target, or the defaults when there is
// none yet. It refuses a file that is not a regular file, a read-only
// one, and one the user may not write.
func targetOwner(target string) (fileOwner, error) {
	st, err := os.Stat(target)
	if errors.Is(err, fs.ErrNotExist) {
		return ownerOf(nil), nil
	}
	if err != nil {
		return fileOwner{}, err
	}
	if !st.Mode().IsRegular() {
		return fileOwner{}, fileProblem(target, "is "+fileKind(st.Mode())+", not a regular file; a portfolio must be a regular file")
	}
	if st.Mode().Perm()&0o222 == 0 {
		return fileOwner{}, ErrReadOnly
	}
	if err := checkWritable(target); err != nil {
		return fileOwner{}, err
	}
	return ownerOf(st), nil
}

// backupIfSame returns the bytes of the backup at bak when they decode to
// exactly the portfolio encoded as data, else data.
func backupIfSame(bak string, data []byte) []byte {
	prior, err := os.ReadFile(bak)
	if err != nil {
		return data
	}
	q, err := Parse(prior, bak)
	if err != nil {
		return data
	}
	if enc, err := Encode(q); err != nil || !bytes.Equal(enc, data) {
		return data
	}
	return prior
}

// resolve follows symbolic links so that a linked portfolio is replaced
// where it really lives, not turned into a regular file.
func resolve(path string) string {
	if r, err := filepath.EvalSymlinks(path); err == nil {
		return r
	}
	return path
}

// WriteFileAtomic writes data to path atomically (temp file, fsync, rename,
// fsync of the folder). An existing file keeps its permissions and owner;
// a new one gets 0644 less the umask.
func WriteFileAtomic(path string, data []byte) error {
	return writeFileAtomic(path, bytesOf(data), nil)
}

// writeFileAtomic is WriteFileAtomic; limit, when not nil, caps the
// permissions of the file (an export of a 0600 portfolio is 0600 too).
func writeFileAtomic(path string, fill filler, limit *fileOwner) error {
	target := resolve(path)
	o, err := targetOwner(target)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if limit != nil {
		o.perm &= limit.perm
	}
	if _, err := writeAtomic(target, fill, o, nil); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// writeAtomic writes what fill writes to a temporary file in path's folder, syncs it,
// renames it over path and syncs the folder, so that path always holds
// either its old or its new content. beforeRename, if set, runs between
// the write and the rename (tests use it to inject failures). The new
// file gets the permissions and owner o. renamed
// reports whether path now holds data, even when err is not nil (the
// folder sync failed).
func writeAtomic(path string, fill filler, o fileOwner, beforeRename func() error) (renamed bool, err error) {
	dir, name, err := writeTemp(path, fill, o)
	if err != nil {
		return false, err
	}
	if beforeRename != nil {
		if err := beforeRename(); err != nil {
			os.Remove(name)
			return false, err
		}
	}
	if err := os.Rename(name, path); err != nil {
		os.Remove(name)
		return false, err
	}
	if err := syncDir(dir); err != nil {
		return true, fmt.Errorf("replaced, but syncing the folder failed: %w", err)
	}
	return true, nil
}

// WriteNewFileAtomic writes data to path as WriteFileAtomic does, but only
// when nothing is there: the finished temporary file is hard-linked into
// place, and a link never replaces an existing file, so a file that
// appears meanwhile is not overwritten. That case returns an error
// wrapping ErrExists. For init and exports without --force.
func WriteNewFileAtomic(path string, data []byte) error {
	return writeNewFileAtomic(path, bytesOf(data), ownerOf(nil))
}

// writeNewFileAtomic is WriteNewFileAtomic giving the file permissions o
// and its content from fill.
func writeNewFileAtomic(path string, fill filler, o fileOwner) error {
	o.known = false // a new file belongs to whoever writes it
	dir, name, err := writeTemp(path, fill, o)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	err = os.Link(name, path)
	os.Remove(name)
	switch {
	case errors.Is(err, fs.ErrExist):
		return fmt.Errorf("write %s: %w", path, ErrExists)
	case err != nil:
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := syncDir(dir); err != nil {
		return fmt.Errorf("write %s: written, but syncing the folder failed: %w", path, err)
	}
	return nil
}

// filler writes a file's content to w; a file written through the safe
// save path is filled by one, so that a large export streams into its
// temporary file instead of being built in memory first.
type filler func(w io.Writer) error

// bytesOf is the filler that writes data.
func bytesOf(data []byte) filler {
	return func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	}
}

// writeTemp writes what fill writes to a new temporary file in path's
// folder, with the permissions and owner o, and syncs it; it returns the
// folder and the file's name. When fill fails the temporary file is
// removed.
func writeTemp(path string, fill filler, o fileOwner) (dir, name string, err error) {
	perm := o.perm
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := createTemp(dir, "."+base+".tmp-", perm)
	if err != nil {
		return "", "", err
	}
	name = tmp.Name()
	fail := func(err error) (string, string, error) {
		tmp.Close()
		os.Remove(name)
		return "", "", err
	}
	bw := bufio.NewWriterSize(tmp, 64<<10)
	if err := fill(bw); err != nil {
		return fail(err)
	}
	if err := bw.Flush(); err != nil {
		return fail(err)
	}
	if err := tmp.Chmod(perm); err != nil {
		return fail(err)
	}
	if st, err := tmp.Stat(); err != nil {
		return fail(err)
	} else if err := keepOwner(tmp, st, o); err != nil {
		return fail(fmt.Errorf("keeping the owner of %s: %w", path, err))
	}
	if err := tmp.Sync(); err != nil {
		return fail(err)
	}
	if err := tmp.Close(); err != nil {
		return fail(err)
	}
	return dir, name, nil
}

// removeStaleTemps removes temporary files that a save killed half-way
// left next to path (the lock is held, so no save is writing them now).
func removeStaleTemps(path string) {
	dir, base := filepath.Split(path)
	for _, pattern := range []string{"." + base + ".tmp-*", "." + base + ".bak.tmp-*"} {
		names, _ := filepath.Glob(filepath.Join(dir, globEscape(pattern)))
		for _, n := range names {
			os.Remove(n)
		}
	}
}

// globEscape escapes the glob characters of a file name, keeping the
// final "*".
func globEscape(pattern string) string {
	var b strings.Builder
	for i, r := range pattern {
		if i < len(pattern)-1 && strings.ContainsRune(`*?[\`, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// createTemp creates a new file dir/prefix<random> with perm (less the
// umask), failing rather than reusing an existing name.
func createTemp(dir, prefix string, perm fs.FileMode) (*os.File, error) {
	for range 100 {
		name := filepath.Join(dir, prefix+randomSuffix())
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, perm)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		return f, err
	}
	return nil, fmt.Errorf("cannot create a temporary file in %s", dir)
}

// syncDir flushes a folder's entries (the rename) to disk.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !ignorableSyncError(err) {
		return err
	}
	return nil
}

// randomSuffix names temporary files.
func randomSuffix() string { return strconv.FormatUint(rand.Uint64(), 36) }
