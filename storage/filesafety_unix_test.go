//go:build linux || darwin || freebsd || openbsd || netbsd || dragonfly

package storage

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestCompanionFIFORefused: a FIFO planted as the change log neither
// hangs the save nor is written to.
func TestCompanionFIFORefused(t *testing.T) {
	path := writeFile(t, readTestdata(t, "full.json"))
	if err := syscall.Mkfifo(path+".log", 0o644); err != nil {
		t.Skip("mkfifo:", err)
	}
	f, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- saveNote(t, f, "fifo") }()
	select {
	case err := <-done:
		if !errors.Is(err, ErrNotRegular) {
			t.Errorf("save: %v, want ErrNotRegular", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the save hangs on a FIFO change log")
	}
}

// TestCreatedFilesGetPortfolioMode: the files a save creates (.log,
// .lock, .bak, the new file) get the permissions of a 0600 portfolio, and
// an existing change log more open than that is closed down.
func TestCreatedFilesGetPortfolioMode(t *testing.T) {
	old := syscall.Umask(0o022)
	defer syscall.Umask(old)
	path := writeFile(t, readTestdata(t, "full.json"))
	if err := os.Chmod(path, 0o600); err != nil {
		t.Fatal(err)
	}
	f, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := saveNote(t, f, "private"); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{path, path + ".bak", path + ".log", path + ".lock"} {
		if st, err := os.Stat(name); err != nil || st.Mode().Perm() != 0o600 {
			t.Errorf("%s: mode %v (%v), want 0600", filepath.Base(name), st.Mode().Perm(), err)
		}
	}
	if err := os.Chmod(path+".log", 0o644); err != nil {
		t.Fatal(err)
	}
	if err := saveNote(t, f, "again"); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(path + ".log"); st.Mode().Perm() != 0o600 {
		t.Errorf("an open change log stays %v next to a 0600 portfolio", st.Mode().Perm())
	}
}

// TestRootSaveKeepsOwner: when the superuser saves another user's file,
// the new file and its backup and log stay that user's.
func TestRootSaveKeepsOwner(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs to run as root")
	}
	const uid, gid = 65534, 65534 // nobody
	path := writeFile(t, readTestdata(t, "full.json"))
	if err := os.Chown(path, uid, gid); err != nil {
		t.Fatal(err)
	}
	f, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := saveNote(t, f, "by root"); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{path, path + ".bak", path + ".log", path + ".lock"} {
		st, err := os.Stat(name)
		if err != nil {
			t.Fatal(err)
		}
		if u, g, _ := statOwner(st); u != uid || g != gid {
			t.Errorf("%s is owned by %d:%d, want %d:%d", filepath.Base(name), u, g, uid, gid)
		}
	}
}
