package storage

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"nftharvest/portfolio"

	"github.com/shopspring/decimal"
)

// fixedNow makes change-log times predictable for the test.
func fixedNow(t *testing.T) {
	t.Helper()
	old := Now
	Now = func() time.Time { return time.Date(2026, 11, 28, 10, 30, 0, 0, time.FixedZone("X", 3600)) }
	t.Cleanup(func() { Now = old })
}

// writeFile puts text in a new file of a fresh folder and returns its path.
func writeFile(t *testing.T, text []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "portfolio.json")
	if err := os.WriteFile(path, text, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// folderNames lists a folder's entries.
func folderNames(t *testing.T, dir string) []string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range ents {
		names = append(names, e.Name())
	}
	return names
}

// TestRoundTrip loads a file, saves it, loads it again: the portfolios are
// equal and unknown members are kept.
func TestRoundTrip(t *testing.T) {
	fixedNow(t)
	path := writeFile(t, readTestdata(t, "full.json"))
	f, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Save(f.Portfolio, "no change"); err != nil {
		t.Fatal(err)
	}
	g, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	// The hand-written file and the saved one differ in layout, so compare
	// encodings, then decodings of the same bytes.
	if a, b := mustEncode(t, f.Portfolio), mustEncode(t, g.Portfolio); !bytes.Equal(a, b) {
		t.Fatalf("round trip changed the portfolio:\n%s", firstDiff(string(a), string(b)))
	}
	if err := g.Save(g.Portfolio, "again"); err != nil {
		t.Fatal(err)
	}
	h, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(g.Portfolio, h.Portfolio) {
		t.Error("load, save, load: portfolios differ")
	}
	if len(h.Portfolio.Extra) != 1 || h.Portfolio.Extra[0].Name != "notes" || len(h.Portfolio.Lots[1].Extra) != 1 {
		t.Errorf("unknown members lost: top %v, lots[1] %v", h.Portfolio.Extra, h.Portfolio.Lots[1].Extra)
	}
	if x := h.Portfolio.Collections[0].Floor.Extra; len(x) != 1 || x[0].Name != "source" || string(x[0].Value) != `"marketplace-api"` {
		t.Errorf("unknown member of a floor price lost: %+v", x)
	}
	if !bytes.Equal(readFile(t, path), mustEncode(t, h.Portfolio)) {
		t.Error("the saved file is not exactly Encode of the portfolio")
	}
}

// TestSaveBackupAndLog checks the .bak copy and the change log lines.
func TestSaveBackupAndLog(t *testing.T) {
	fixedNow(t)
	original := readTestdata(t, "full.json")
	path := writeFile(t, original)
	f, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := f.SHA256(), fmt.Sprintf("%x", sha256.Sum256(original)); got != want {
		t.Errorf("SHA256() = %s, want %s", got, want)
	}
	p := f.Portfolio.Clone()
	p.Lots[0].Note = "first change"
	if err := f.Save(p, "sell 1 lot\tB-0002\n(test)"); err != nil {
		t.Fatal(err)
	}
	if f.Portfolio != p {
		t.Error("after Save, f.Portfolio is not the saved portfolio")
	}
	if !bytes.Equal(readFile(t, path+".bak"), original) {
		t.Error(".bak does not hold the previous content")
	}
	first := readFile(t, path)
	q := p.Clone()
	q.Lots[0].Note = "second change"
	if err := f.Save(q, ""); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(readFile(t, path+".bak"), first) {
		t.Error(".bak does not hold the content before the second save")
	}
	second := readFile(t, path)
	log := string(readFile(t, path+".log"))
	want := fmt.Sprintf("2026-11-28T09:30:00Z\tsell 1 lot B-0002 (test)\tsha256=%x\n2026-11-28T09:30:00Z\tsave\tsha256=%x\n",
		sha256.Sum256(first), sha256.Sum256(second))
	if log != want {
		t.Errorf("log:\n%q\nwant\n%q", log, want)
	}
	if f.SHA256() != fmt.Sprintf("%x", sha256.Sum256(second)) {
		t.Error("SHA256() is not the last log line's hash")
	}
	if !bytes.Equal(readFile(t, path+".bak.1"), original) {
		t.Error(".bak.1 does not hold the content before the first save")
	}
	if names := folderNames(t, filepath.Dir(path)); !reflect.DeepEqual(names, []string{"portfolio.json", "portfolio.json.bak", "portfolio.json.bak.1", "portfolio.json.lock", "portfolio.json.log"}) {
		t.Errorf("folder holds %v", names)
	}
}

// TestConcurrentModification: two Files loaded from the same path; the
// second save fails with ErrChanged and the file keeps the first save.
func TestConcurrentModification(t *testing.T) {
	path := writeFile(t, readTestdata(t, "full.json"))
	a, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	pa := a.Portfolio.Clone()
	pa.Lots[0].Note = "written by a"
	if err := a.Save(pa, "a"); err != nil {
		t.Fatal(err)
	}
	saved := readFile(t, path)
	pb := b.Portfolio.Clone()
	pb.Lots[0].Note = "written by b"
	err = b.Save(pb, "b")
	if !errors.Is(err, ErrChanged) {
		t.Fatalf("second save: %v, want ErrChanged", err)
	}
	if !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "reload") {
		t.Errorf("error %q should name the file and say to reload", err)
	}
	if !bytes.Equal(readFile(t, path), saved) {
		t.Error("the failed save changed the file")
	}
	if log := string(readFile(t, path+".log")); strings.Count(log, "\n") != 1 || strings.Contains(log, "\tb\t") {
		t.Errorf("log after the refused save:\n%s", log)
	}
	// After a reload the second writer can save.
	b, err = b.Reload()
	if err != nil {
		t.Fatal(err)
	}
	if b.Portfolio.Lots[0].Note != "written by a" {
		t.Error("reload did not read a's change")
	}
	if err := b.Save(pb, "b after reload"); err != nil {
		t.Fatal(err)
	}
	// A file changed by another program (not nftharvest) is caught too.
	if err := os.WriteFile(path, append(readFile(t, path), ' '), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := b.Save(pb, "again"); !errors.Is(err, ErrChanged) {
		t.Errorf("save over an edited file: %v, want ErrChanged", err)
	}
	// And a file that was removed.
	os.Remove(path)
	if err := b.Save(pb, "again"); !errors.Is(err, ErrChanged) {
		t.Errorf("save over a removed file: %v, want ErrChanged", err)
	}
}

// TestSaveAs checks the first save of a new file and the overwrite rule.
func TestSaveAs(t *testing.T) {
	fixedNow(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "mine.json")
	f, err := SaveAs(path, Sample(), "init from the sample", false)
	if err != nil {
		t.Fatal(err)
	}
	if f.Path != path || f.Sample {
		t.Errorf("SaveAs file: %+v", f)
	}
	if !bytes.Equal(readFile(t, path), mustEncode(t, Sample())) {
		t.Error("SaveAs did not write Encode of the portfolio")
	}
	if _, err := os.Stat(path + ".bak"); !errors.Is(err, os.ErrNotExist) {
		t.Error("a new file should have no .bak")
	}
	before := readFile(t, path)
	if _, err := SaveAs(path, Sample(), "again", false); !errors.Is(err, ErrExists) {
		t.Fatalf("SaveAs over an existing file: %v, want ErrExists", err)
	}
	if !bytes.Equal(readFile(t, path), before) {
		t.Error("refused SaveAs changed the file")
	}
	p := Sample()
	p.Lots[0].Note = "overwritten"
	g, err := SaveAs(path, p, "overwrite", true)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(readFile(t, path+".bak"), before) {
		t.Error("overwrite did not keep the old file as .bak")
	}
	// The returned File saves normally.
	q := p.Clone()
	q.Lots[0].Note = "then saved"
	if err := g.Save(q, "save"); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(readFile(t, path+".log")), "\n"); n != 3 {
		t.Errorf("log has %d lines, want 3", n)
	}
}

// TestSaveSample checks that the sample cannot be saved in place.
func TestSaveSample(t *testing.T) {
	f, err := LoadSample()
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Save(f.Portfolio, "x"); !errors.Is(err, ErrSample) {
		t.Errorf("Save on the sample: %v, want ErrSample", err)
	}
}

// TestSaveInvalid checks that an invalid portfolio is never written.
func TestSaveInvalid(t *testing.T) {
	path := writeFile(t, readTestdata(t, "full.json"))
	before := readFile(t, path)
	f, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	p := f.Portfolio.Clone()
	p.Sales = append(p.Sales, portfolio.Sale{ID: "S-0003", Lot: "L-0404", Quantity: dec("1"), Date: portfolio.MustDate("2026-05-05")})
	err = f.Save(p, "bad")
	inv := problemsOf(t, err)
	if inv.File != path || len(inv.Problems) != 1 || inv.Problems[0].String() != `sales[2].lot: "L-0404" is not a lot id in this file` {
		t.Errorf("problems: %v", err)
	}
	if !bytes.Equal(readFile(t, path), before) {
		t.Error("an invalid save changed the file")
	}
	if names := folderNames(t, filepath.Dir(path)); !reflect.DeepEqual(names, []string{"portfolio.json"}) {
		t.Errorf("an invalid save left %v", names)
	}
	if f.Portfolio == p {
		t.Error("a failed save replaced f.Portfolio")
	}
}

// TestSaveFailuresLeaveFileUntouched injects a failure at each step of a
// save: the file keeps its content, no temporary file is left, and a later
// save works.
func TestSaveFailuresLeaveFileUntouched(t *testing.T) {
	for _, step := range []string{"locked", "backup", "written"} {
		t.Run(step, func(t *testing.T) {
			path := writeFile(t, readTestdata(t, "full.json"))
			before := readFile(t, path)
			f, err := Load(path)
			if err != nil {
				t.Fatal(err)
			}
			injected := errors.New("injected failure")
			testHook = func(s string) error {
				if s == step {
					return injected
				}
				return nil
			}
			defer func() { testHook = nil }()
			p := f.Portfolio.Clone()
			p.Lots[0].Note = "never written"
			if err := f.Save(p, "x"); !errors.Is(err, injected) {
				t.Fatalf("Save: %v, want the injected failure", err)
			}
			testHook = nil
			if !bytes.Equal(readFile(t, path), before) {
				t.Error("the file changed")
			}
			for _, n := range folderNames(t, filepath.Dir(path)) {
				if strings.Contains(n, ".tmp-") {
					t.Errorf("temporary file %s left behind", n)
				}
				if n == "portfolio.json.log" {
					t.Error("a failed save wrote a log line")
				}
			}
			if err := f.Save(p, "retry"); err != nil {
				t.Errorf("save after a failure: %v", err)
			}
		})
	}
}

// TestSaveReadOnlyFolder checks a save into a folder that refuses new
// files (the temporary file cannot be created).
func TestSaveReadOnlyFolder(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("running as root: folder permissions do not apply (TestSaveFailuresLeaveFileUntouched covers failed writes)")
	}
	path := writeFile(t, readTestdata(t, "full.json"))
	dir := filepath.Dir(path)
	f, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := touchLock(path); err != nil {
		t.Fatal(err)
	}
	before := readFile(t, path)
	if err := os.Chmod(dir, 0o500); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(dir, 0o700) })
	p := f.Portfolio.Clone()
	p.Lots[0].Note = "never written"
	if err := f.Save(p, "x"); err == nil {
		t.Fatal("save into a read-only folder succeeded")
	}
	if !bytes.Equal(readFile(t, path), before) {
		t.Error("the file changed")
	}
}

// touchLock makes sure the lock file exists before the folder becomes
// read-only, so that the failure tested is the write itself.
func touchLock(path string) error {
	unlock, err := lockFile(path+".lock", ownerOf(nil), nil)
	if err != nil {
		return err
	}
	unlock()
	return nil
}

// TestSaveWaitsForLock holds the lock the way another process would and
// checks that a save gives up with ErrLocked, leaving the file alone.
func TestSaveWaitsForLock(t *testing.T) {
	path := writeFile(t, readTestdata(t, "full.json"))
	before := readFile(t, path)
	f, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	unlock, err := lockFile(path+".lock", ownerOf(nil), nil)
	if err != nil {
		t.Fatal(err)
	}
	old := LockTimeout
	LockTimeout = 100 * time.Millisecond
	defer func() { LockTimeout = old }()
	p := f.Portfolio.Clone()
	p.Lots[0].Note = "blocked"
	err = f.Save(p, "x")
	unlock()
	if lockSupported && !errors.Is(err, ErrLocked) {
		t.Fatalf("save while locked: %v, want ErrLocked", err)
	}
	if lockSupported && !bytes.Equal(readFile(t, path), before) {
		t.Error("the file changed while locked")
	}
	if !lockSupported {
		t.Skip("no OS lock on this platform")
	}
	if err := f.Save(p, "x"); err != nil {
		t.Errorf("save after the lock was released: %v", err)
	}
}

// TestSaveKeepsModeAndSymlink checks that a save keeps the file's
// permissions and writes through a symbolic link.
func TestSaveKeepsModeAndSymlink(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real.json")
	if err := os.WriteFile(real, readTestdata(t, "full.json"), 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.json")
	if err := os.Symlink(real, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	f, err := Load(link)
	if err != nil {
		t.Fatal(err)
	}
	p := f.Portfolio.Clone()
	p.Lots[0].Note = "through the link"
	if err := f.Save(p, "x"); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Error("the link was replaced by a file")
	}
	st, err := os.Stat(real)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600 kept", st.Mode().Perm())
	}
	if !strings.Contains(string(readFile(t, real)), "through the link") {
		t.Error("the linked file was not updated")
	}
}

// TestWriteFileAtomic checks the export writer.
func TestWriteFileAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.csv")
	if err := WriteFileAtomic(path, []byte("a,b\n")); err != nil {
		t.Fatal(err)
	}
	if err := WriteFileAtomic(path, []byte("c,d\n")); err != nil {
		t.Fatal(err)
	}
	if got := string(readFile(t, path)); got != "c,d\n" {
		t.Errorf("content %q", got)
	}
	if names := folderNames(t, dir); !reflect.DeepEqual(names, []string{"out.csv"}) {
		t.Errorf("folder holds %v", names)
	}
	if err := WriteFileAtomic(filepath.Join(dir, "missing", "x.csv"), nil); err == nil {
		t.Error("write into a missing folder succeeded")
	}
}

// TestLogLineFormat checks the change-log line format on its own.
func TestLogLineFormat(t *testing.T) {
	fixedNow(t)
	path := filepath.Join(t.TempDir(), "x.log")
	if err := appendLog(path, "  undo B-0002\r\n", sha256.Sum256([]byte("x")), ownerOf(nil)); err != nil {
		t.Fatal(err)
	}
	line := string(readFile(t, path))
	if !regexp.MustCompile("^2026-11-28T09:30:00Z\tundo B-0002\tsha256=[0-9a-f]{64}\n$").MatchString(line) {
		t.Errorf("log line %q", line)
	}
}

// TestLogRecordsUnloggedVersions checks that a version of the file that no
// save logged (edited by hand) gets its own line before the next change.
func TestLogRecordsUnloggedVersions(t *testing.T) {
	fixedNow(t)
	path := filepath.Join(t.TempDir(), "p.json")
	f, err := SaveAs(path, Sample(), "init", false)
	if err != nil {
		t.Fatal(err)
	}
	edited := append(readFile(t, path), '\n')
	if err := os.WriteFile(path, edited, 0o644); err != nil {
		t.Fatal(err)
	}
	if f, err = f.Reload(); err != nil {
		t.Fatal(err)
	}
	if err := f.Save(f.Portfolio, "after a hand edit"); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(string(readFile(t, path+".log")), "\n"), "\n")
	if len(lines) != 3 {
		t.Fatalf("log:\n%s", strings.Join(lines, "\n"))
	}
	want := fmt.Sprintf("2026-11-28T09:30:00Z\t(version found on disk without a log line: edited outside nftharvest, or a save was interrupted)\tsha256=%x", sha256.Sum256(edited))
	if lines[1] != want || !strings.Contains(lines[0], "\tinit\t") || !strings.Contains(lines[2], "\tafter a hand edit\t") {
		t.Errorf("log:\n%s\nwant line 2:\n%s", strings.Join(lines, "\n"), want)
	}
}

// TestSaveLogFailure checks the one error after which the file has
// changed: the change log cannot be written once the new file is in place.
// The File follows the file, so the next save works.
func TestSaveLogFailure(t *testing.T) {
	path := writeFile(t, readTestdata(t, "full.json"))
	f, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	testHook = func(step string) error {
		if step == "written" {
			return os.Mkdir(path+".log", 0o755) // the log line cannot be appended
		}
		return nil
	}
	defer func() { testHook = nil }()
	p := f.Portfolio.Clone()
	p.Lots[0].Note = "saved without a log line"
	err = f.Save(p, "x")
	testHook = nil
	if !errors.Is(err, ErrSavedNotLogged) || !strings.Contains(err.Error(), "the new file is in place, but") {
		t.Fatalf("Save: %v, want the after-rename error", err)
	}
	if f.Portfolio != p || !bytes.Equal(readFile(t, path), mustEncode(t, p)) {
		t.Fatal("the file or the File does not hold the saved portfolio")
	}
	os.Remove(path + ".log")
	q := p.Clone()
	q.Lots[0].Note = "next"
	if err := f.Save(q, "next"); err != nil {
		t.Errorf("the save after a log failure: %v", err)
	}
}

// TestLogRepairsAnUnloggedSave: the next save finds the version a save
// could not log, and, since its backup is the last version logged, logs
// it as a save that replaced the file without logging it (not as a hand
// edit).
func TestLogRepairsAnUnloggedSave(t *testing.T) {
	path := filepath.Join(t.TempDir(), "p.json")
	f, err := SaveAs(path, Sample(), "init", false)
	if err != nil {
		t.Fatal(err)
	}
	// The log line cannot be appended: a folder stands in for the log
	// from just before the rename until the save has failed.
	testHook = func(step string) error {
		if step == "written" {
			if err := os.Rename(path+".log", path+".log.aside"); err != nil {
				return err
			}
			return os.Mkdir(path+".log", 0o755)
		}
		return nil
	}
	p := f.Portfolio.Clone()
	p.Lots[0].Note = "saved, not logged"
	err = f.Save(p, "lost line")
	testHook = nil
	if !errors.Is(err, ErrSavedNotLogged) {
		t.Fatalf("save: %v, want ErrSavedNotLogged", err)
	}
	if err := os.Remove(path + ".log"); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(path+".log.aside", path+".log"); err != nil {
		t.Fatal(err)
	}
	unlogged := readFile(t, path)
	q := p.Clone()
	q.Lots[0].Note = "next"
	if err := f.Save(q, "next"); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(string(readFile(t, path+".log")), "\n"), "\n")
	want := fmt.Sprintf("\t%s\tsha256=%x", unloggedSaveChange, sha256.Sum256(unlogged))
	if len(lines) != 3 || !strings.HasSuffix(lines[1], want) {
		t.Errorf("log:\n%s\nwant line 2 ending %q", strings.Join(lines, "\n"), want)
	}
}

// Undo saves with SaveRestoringBackup: when the backup holds exactly the
// portfolio being saved, the hand-formatted previous file comes back byte
// for byte; otherwise the fresh encoding is written.
func TestSaveRestoringBackup(t *testing.T) {
	fixedNow(t)
	original := readTestdata(t, "full.json")
	path := writeFile(t, original)
	f, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	before := f.Portfolio
	changed := before.Clone()
	changed.RecordSales([]portfolio.Sale{{Lot: before.Lots[0].ID, Quantity: before.Lots[0].Quantity, Date: before.Lots[0].Acquired, Proceeds: before.Lots[0].Cost}})
	if err := f.Save(changed, "sell"); err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(readFile(t, path), original) {
		t.Fatal("the sell was not written")
	}
	if err := f.SaveRestoringBackup(before, "undo"); err != nil {
		t.Fatal(err)
	}
	if got := readFile(t, path); !bytes.Equal(got, original) {
		t.Errorf("undo did not restore the original bytes:\n%s", firstDiff(string(original), string(got)))
	}

	// The backup now holds the sold version, not what is saved next: the
	// fresh encoding is written.
	other := before.Clone()
	other.TaxProfile.StateRate = decimal.RequireFromString("0.01")
	if err := f.SaveRestoringBackup(other, "edit"); err != nil {
		t.Fatal(err)
	}
	if got := readFile(t, path); !bytes.Equal(got, mustEncode(t, other)) {
		t.Error("with a backup of another portfolio, the fresh encoding must be written")
	}
}

// WriteNewFileAtomic creates a file but never replaces one, and leaves no
// temporary file behind either way.
func TestWriteNewFileAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "form8949-2026.csv")
	if err := WriteNewFileAtomic(path, []byte("first")); err != nil {
		t.Fatal(err)
	}
	err := WriteNewFileAtomic(path, []byte("second"))
	if !errors.Is(err, ErrExists) {
		t.Fatalf("second write: err = %v, want ErrExists", err)
	}
	if got := readFile(t, path); string(got) != "first" {
		t.Errorf("file = %q, want the first content", got)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("folder holds %d entries, want only the file", len(entries))
	}
}

// A file the user made read-only is never replaced, even by root (whom
// the folder would let rename over it): Save, SaveAs with overwrite and
// WriteFileAtomic all refuse with ErrReadOnly and leave it untouched.
func TestReadOnlyFileIsNeverReplaced(t *testing.T) {
	fixedNow(t)
	original := readTestdata(t, "full.json")
	path := writeFile(t, original)
	f, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o444); err != nil {
		t.Fatal(err)
	}
	p := f.Portfolio.Clone()
	p.TaxProfile.StateRate = decimal.RequireFromString("0.01")
	if err := f.Save(p, "edit"); !errors.Is(err, ErrReadOnly) || !errors.Is(err, fs.ErrPermission) {
		t.Errorf("Save: err = %v, want ErrReadOnly", err)
	}
	if _, err := SaveAs(path, p, "edit", true); !errors.Is(err, ErrReadOnly) {
		t.Errorf("SaveAs overwrite: err = %v, want ErrReadOnly", err)
	}
	if err := WriteFileAtomic(path, []byte("x")); !errors.Is(err, ErrReadOnly) {
		t.Errorf("WriteFileAtomic: err = %v, want ErrReadOnly", err)
	}
	if got := readFile(t, path); !bytes.Equal(got, original) {
		t.Error("a read-only file was changed")
	}
	if _, err := os.Stat(path + ".bak"); err == nil {
		t.Error("a refused save wrote a backup")
	}
}
