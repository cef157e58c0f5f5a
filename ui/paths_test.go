package ui

import (
	"path/filepath"
	"testing"
)

// TestExportExpandsHome: "~/x.csv" typed in the export dialog is written
// under the home directory.
func TestExportExpandsHome(t *testing.T) {
	home := t.TempDir()
	saved := homeDir
	homeDir = func() (string, error) { return home, nil }
	defer func() { homeDir = saved }()
	h := newHarness(t, 80, 24, "", nil)
	h.keys("x")
	h.m.dialog.input.SetValue("~/tax/f.csv")
	h.keys("enter")
	want := filepath.Join(home, "tax", "f.csv")
	if _, ok := h.store.writes[want]; !ok {
		t.Errorf("export written to %v, want %s", h.store.writes, want)
	}
	for in, out := range map[string]string{"~": home, "~bob/x": "~bob/x", "a/~/b": "a/~/b", "./f.csv": "./f.csv"} {
		if got := expandHome(in); got != out {
			t.Errorf("expandHome(%q) = %q, want %q", in, got, out)
		}
	}
}
