package storage

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// ErrCompanion is returned (wrapped) when an export would be written onto
// the portfolio file or one of its companions (<file>.bak, <file>.bak.N,
// <file>.log, <file>.lock), directly or through a link, a relative path
// or "..": an export must never replace the records it was made from.
var ErrCompanion = errors.New("is the portfolio file or one of its companions (.bak, .log, .lock); choose another name")

// WriteExport writes data, an export made from the portfolio at
// portfolioPath ("" for the embedded sample), to out atomically. It
// refuses out when it is the portfolio or one of its companions
// (ErrCompanion), whether they exist yet or not. Without replace an
// existing out is never overwritten (ErrExists). The new file gets the
// portfolio's permissions (an export of a 0600 portfolio is 0600); a
// replaced one keeps its own, never more open than the portfolio's.
func WriteExport(out, portfolioPath string, data []byte, replace bool) error {
	return WriteExportFunc(out, portfolioPath, bytesOf(data), replace)
}

// WriteExportFunc is WriteExport with the content written by fill straight
// into the temporary file, so that a large export is streamed, not held in
// memory. Every guard of WriteExport holds, and they are checked before
// fill runs. When fill fails, out is left as it was (or absent) and its
// error is returned, wrapped.
func WriteExportFunc(out, portfolioPath string, fill func(w io.Writer) error, replace bool) error {
	limit := ownerOf(nil)
	if portfolioPath != "" {
		if err := CheckNotCompanion(out, portfolioPath); err != nil {
			return err
		}
		if st, err := os.Stat(portfolioPath); err == nil {
			limit = ownerOf(st)
		}
	}
	if !replace {
		return writeNewFileAtomic(out, fill, limit)
	}
	return writeFileAtomic(out, fill, &limit)
}

// CheckNotCompanion fails with ErrCompanion when out names the portfolio
// file at portfolioPath or one of its companion files: by name once
// links, "." and ".." are resolved (so a companion that does not exist
// yet counts too), or as the same file (a hard link).
func CheckNotCompanion(out, portfolioPath string) error {
	o := canonicalPath(out)
	target := canonicalPath(portfolioPath)
	names := []string{target, target + ".log", target + ".lock"}
	for n := range BackupGenerations {
		names = append(names, backupName(target+".bak", n))
	}
	ost, oerr := os.Stat(out)
	for _, name := range names {
		same := o == name || isBackupName(o, target+".bak")
		if !same && oerr == nil { // a hard link has a name of its own
			if st, err := os.Stat(name); err == nil && os.SameFile(ost, st) {
				same = true
			}
		}
		if same {
			return fmt.Errorf("%s %w (%s)", out, ErrCompanion, portfolioPath)
		}
	}
	return nil
}

// isBackupName tells whether name is bak or any generation bak.N.
func isBackupName(name, bak string) bool {
	if name == bak {
		return true
	}
	rest, ok := strings.CutPrefix(name, bak+".")
	if !ok {
		return false
	}
	_, err := strconv.Atoi(rest)
	return err == nil
}

// canonicalPath is path made absolute with every symbolic link resolved,
// as far as it exists: the folder of a file not created yet is resolved,
// and a link to a missing file is followed by hand.
func canonicalPath(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return filepath.Clean(path)
	}
	for range 40 { // as many links as the kernel follows
		if r, err := filepath.EvalSymlinks(abs); err == nil {
			return r
		}
		st, err := os.Lstat(abs)
		if err != nil || st.Mode()&os.ModeSymlink == 0 {
			break // missing: resolve its folder
		}
		dest, err := os.Readlink(abs)
		if err != nil {
			break
		}
		if !filepath.IsAbs(dest) {
			dest = filepath.Join(filepath.Dir(abs), dest)
		}
		abs = filepath.Clean(dest)
	}
	dir, base := filepath.Split(abs)
	if r, err := filepath.EvalSymlinks(dir); err == nil {
		return filepath.Join(r, base)
	}
	return abs
}
