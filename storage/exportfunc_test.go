package storage

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestWriteExportFuncStreams: an export written through WriteExportFunc
// (2 MB, in small writes) lands whole with the portfolio's permissions;
// the guards of WriteExport hold before fill runs; and a failing fill
// leaves out as it was, with no temporary file behind.
func TestWriteExportFuncStreams(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "p.json")
	if err := os.WriteFile(path, readTestdata(t, "full.json"), 0o600); err != nil {
		t.Fatal(err)
	}
	line := strings.Repeat("x", 99) + "\n"
	const lines = 20000 // 2 MB
	var want bytes.Buffer
	fill := func(w io.Writer) error {
		for range lines {
			if _, err := io.WriteString(w, line); err != nil {
				return err
			}
		}
		return nil
	}
	fill(&want)
	out := filepath.Join(dir, "big.csv")
	if err := WriteExportFunc(out, path, fill, false); err != nil {
		t.Fatal(err)
	}
	if got := readFile(t, out); !bytes.Equal(got, want.Bytes()) {
		t.Fatalf("export holds %d bytes, want %d", len(got), want.Len())
	}
	if st, _ := os.Stat(out); runtime.GOOS != "windows" && st.Mode().Perm() != 0o600 {
		t.Errorf("export of a 0600 portfolio is %v", st.Mode().Perm())
	}
	if err := WriteExportFunc(out, path, fill, false); !errors.Is(err, ErrExists) {
		t.Errorf("second export without replace: %v, want ErrExists", err)
	}

	called := false
	never := func(w io.Writer) error { called = true; return nil }
	for _, companion := range []string{path, path + ".bak", path + ".log", path + ".lock"} {
		if err := WriteExportFunc(companion, path, never, true); !errors.Is(err, ErrCompanion) {
			t.Errorf("WriteExportFunc(%s): %v, want ErrCompanion", companion, err)
		}
	}
	if called {
		t.Error("fill ran for a refused export")
	}

	boom := errors.New("boom")
	half := func(w io.Writer) error {
		io.WriteString(w, "partial\n")
		return boom
	}
	for _, replace := range []bool{false, true} {
		if err := WriteExportFunc(out, path, half, replace); !errors.Is(err, boom) && !errors.Is(err, ErrExists) {
			t.Errorf("failing fill (replace %v): %v, want it wrapped", replace, err)
		}
		if got := readFile(t, out); !bytes.Equal(got, want.Bytes()) {
			t.Errorf("failing fill (replace %v) changed the existing export", replace)
		}
	}
	fresh := filepath.Join(dir, "fresh.csv")
	if err := WriteExportFunc(fresh, path, half, false); !errors.Is(err, boom) {
		t.Errorf("failing fill of a new file: %v, want it wrapped", err)
	}
	if _, err := os.Lstat(fresh); err == nil {
		t.Error("a failing fill left the new export behind")
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp-") {
			t.Errorf("temporary file %s left behind", e.Name())
		}
	}
}
