package storage

import (
	"crypto/sha256"
	"path/filepath"
	"strings"
	"testing"
)

// TestLogLineIsSanitised checks that a change text holding hostile
// characters (a name copied into a description) reaches the .log only as
// visible escapes: the line has exactly its two tabs and one line feed.
func TestLogLineIsSanitised(t *testing.T) {
	fixedNow(t)
	path := filepath.Join(t.TempDir(), "x.log")
	change := "sell B-1: Cats\x1b]0;pwned\x07 \x1b[2J \u009b\u202e\tx\r\nL-0999 FAKE\x7f"
	if err := appendLog(path, change, sha256.Sum256([]byte("x")), ownerOf(nil)); err != nil {
		t.Fatal(err)
	}
	line := string(readFile(t, path))
	want := `sell B-1: Cats\x1b]0;pwned\x07 \x1b[2J \u009b\u202e x  L-0999 FAKE\x7f`
	if !strings.Contains(line, "\t"+want+"\t") {
		t.Errorf("log line %q does not hold %q", line, want)
	}
	if n := strings.Count(line, "\t"); n != 2 {
		t.Errorf("log line has %d tabs, want 2: %q", n, line)
	}
	for i, r := range strings.TrimSuffix(line, "\n") {
		if r != '\t' && (r < 0x20 || r >= 0x7f && r <= 0x9f || r == 0x202e) {
			t.Errorf("log line holds %U at %d: %q", r, i, line)
		}
	}
}
