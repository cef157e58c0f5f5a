package storage

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
)

// saveNote loads path, sets the first lot's note and saves it.
func saveNote(t *testing.T, f *File, note string) error {
	t.Helper()
	p := f.Portfolio.Clone()
	p.Lots[0].Note = note
	return f.Save(p, note)
}

// TestBackupGenerations: a save keeps the three previous versions, the
// newest in .bak, then .bak.1 and .bak.2; older ones are dropped.
func TestBackupGenerations(t *testing.T) {
	path := writeFile(t, readTestdata(t, "full.json"))
	f, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	var versions [][]byte
	for i := range 5 {
		versions = append(versions, readFile(t, path))
		if err := saveNote(t, f, fmt.Sprintf("save %d", i)); err != nil {
			t.Fatal(err)
		}
	}
	for n, want := range [][]byte{versions[4], versions[3], versions[2]} {
		if got := readFileOrNil(backupName(path+".bak", n)); !bytes.Equal(got, want) {
			t.Errorf("backup generation %d does not hold the version before save %d", n, 4-n)
		}
	}
	if _, err := os.Stat(path + ".bak.3"); err == nil {
		t.Error("a fourth backup generation was kept")
	}
}

// TestCompanionSymlinksRefused: a change log or lock file planted as a
// symbolic link to another file is never written through; the save fails
// with ErrNotRegular and leaves the portfolio and the victim alone.
func TestCompanionSymlinksRefused(t *testing.T) {
	for _, companion := range []string{".log", ".lock"} {
		t.Run(companion, func(t *testing.T) {
			path := writeFile(t, readTestdata(t, "full.json"))
			victim := filepath.Join(t.TempDir(), "victim")
			if err := os.WriteFile(victim, []byte("precious\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink(victim, path+companion); err != nil {
				t.Skip("no symbolic links here:", err)
			}
			before := readFile(t, path)
			f, err := Load(path)
			if err != nil {
				t.Fatal(err)
			}
			err = saveNote(t, f, "through a planted link")
			if !errors.Is(err, ErrNotRegular) {
				t.Errorf("save: %v, want ErrNotRegular", err)
			}
			if got := string(readFile(t, victim)); got != "precious\n" {
				t.Errorf("the link's target was written: %q", got)
			}
			if !bytes.Equal(readFile(t, path), before) {
				t.Error("the portfolio changed although the save failed")
			}
		})
	}
}

// TestLoadForUpdateTakesTurns: writers that load with LoadForUpdate and
// save hold the lock from load to save, so all their changes land (none
// fails with ErrChanged, none is lost); a waiting writer is told who
// holds the lock.
func TestLoadForUpdateTakesTurns(t *testing.T) {
	if !lockSupported {
		t.Skip("no OS lock on this platform")
	}
	path := writeFile(t, readTestdata(t, "full.json"))
	const writers = 6
	var wg sync.WaitGroup
	var mu sync.Mutex
	var holders []string
	errs := make(chan error, writers)
	for i := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			f, err := LoadForUpdate(path, func(h string) {
				mu.Lock()
				holders = append(holders, h)
				mu.Unlock()
			})
			if err != nil {
				errs <- err
				return
			}
			defer f.Close()
			time.Sleep(150 * time.Millisecond) // others queue up and are told
			p := f.Portfolio.Clone()
			p.Lots[0].Note += fmt.Sprintf("[w%d]", i)
			errs <- f.Save(p, fmt.Sprintf("writer %d", i))
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Errorf("writer: %v", err)
		}
	}
	f, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	for i := range writers {
		if n := strings.Count(f.Portfolio.Lots[0].Note, fmt.Sprintf("[w%d]", i)); n != 1 {
			t.Errorf("writer %d's change is there %d times", i, n)
		}
	}
	if len(holders) == 0 {
		t.Error("no waiting writer was told who holds the lock")
	}
	for _, h := range holders {
		if h != fmt.Sprintf("pid %d", os.Getpid()) {
			t.Errorf("a waiting writer was told %q, want the holder's pid", h)
		}
	}
}

// TestLoadForUpdateRefusesMissingFile: no lock file is created next to a
// portfolio that does not exist.
func TestLoadForUpdateRefusesMissingFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "missing.json")
	if _, err := LoadForUpdate(path, nil); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("LoadForUpdate: %v, want ErrNotExist", err)
	}
	if _, err := os.Stat(path + ".lock"); err == nil {
		t.Error("a lock file was created for a missing portfolio")
	}
}

// TestExportNeverOntoPortfolio: WriteExport refuses the portfolio and its
// companions, existing or not, by any name (relative, "..", a link), and
// writes elsewhere with the portfolio's permissions.
func TestExportNeverOntoPortfolio(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "p.json")
	if err := os.WriteFile(path, readTestdata(t, "full.json"), 0o600); err != nil {
		t.Fatal(err)
	}
	before := readFile(t, path)
	sub := filepath.Join(dir, "sub")
	os.Mkdir(sub, 0o755)
	link := filepath.Join(dir, "link.csv")
	linkedLog := filepath.Join(dir, "log-link.csv")
	if err := os.Symlink(path, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	os.Symlink(path+".log", linkedLog) // dangling: the log does not exist yet
	hard := filepath.Join(dir, "hard.csv")
	if err := os.Link(path, hard); err != nil {
		t.Fatal(err)
	}
	for _, out := range []string{
		path, path + ".bak", path + ".bak.2", path + ".bak.7", path + ".log", path + ".lock",
		filepath.Join(sub, "..", "p.json"), link, linkedLog, hard,
	} {
		for _, replace := range []bool{false, true} {
			err := WriteExport(out, path, []byte("csv\n"), replace)
			if !errors.Is(err, ErrCompanion) {
				t.Errorf("WriteExport(%s, replace %v): %v, want ErrCompanion", out, replace, err)
			}
		}
	}
	if !bytes.Equal(readFile(t, path), before) {
		t.Fatal("the portfolio was replaced by an export")
	}
	for _, name := range []string{".bak", ".log", ".lock"} {
		if _, err := os.Lstat(path + name); err == nil {
			t.Errorf("%s was created", name)
		}
	}
	wd, _ := os.Getwd()
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	err := WriteExport("p.json.log", "./sub/../p.json", []byte("x"), true)
	os.Chdir(wd)
	if !errors.Is(err, ErrCompanion) {
		t.Errorf("relative names: %v, want ErrCompanion", err)
	}
	out := filepath.Join(dir, "8949.csv")
	if err := WriteExport(out, path, []byte("csv\n"), false); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(out); runtime.GOOS != "windows" && st.Mode().Perm() != 0o600 {
		t.Errorf("export of a 0600 portfolio is %v", st.Mode().Perm())
	}
	if err := WriteExport(out, path, []byte("csv\n"), false); !errors.Is(err, ErrExists) {
		t.Errorf("second export without replace: %v, want ErrExists", err)
	}
}

// TestSalesJSON: the removed sales of an undo are written as the file
// writes them, and read back to the same records.
func TestSalesJSON(t *testing.T) {
	f, err := Load(filepath.Join("testdata", "full.json"))
	if err != nil {
		t.Fatal(err)
	}
	got, err := SalesJSON(f.Portfolio.Sales)
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(mustEncode(t, f.Portfolio)), "\n") {
		line = strings.TrimSuffix(strings.TrimSpace(line), ",")
		if strings.HasPrefix(line, `{"id": "S-`) && !strings.Contains(got, line) {
			t.Errorf("sale line %s is not in %s", line, got)
		}
	}
	if strings.ContainsAny(got, "\n\t") || !strings.HasPrefix(got, "[{") {
		t.Errorf("not one JSON array on one line: %q", got)
	}
}
