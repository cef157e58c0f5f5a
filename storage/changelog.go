package storage

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"strings"
	"time"

	"nftharvest/safetext"
)

// Now gives the time written in change-log lines; tests replace it.
var Now = time.Now

// appendLog appends one line to the change log at path:
// "<RFC 3339 UTC time>\t<change>\tsha256=<hex of the new file>\n".
// Tabs and line breaks in change become spaces and other control
// characters visible escapes (logText), so that every change is exactly
// one line; an empty change is logged as "save". The log is opened
// without following a symbolic link and created with the portfolio's
// permissions and owner o.
func appendLog(path, change string, sum [sha256.Size]byte, o fileOwner) error {
	line := Now().UTC().Format(time.RFC3339) + "\t" + logText(change) + "\tsha256=" + hex.EncodeToString(sum[:]) + "\n"
	f, err := openSidecar(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, o)
	if err != nil {
		return fmt.Errorf("change log: %w", err)
	}
	if _, err := f.WriteString(line); err != nil {
		f.Close()
		return fmt.Errorf("change log: %w", err)
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return fmt.Errorf("change log: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("change log: %w", err)
	}
	return nil
}

// unloggedChange describes a version of the file found without its own
// log line: the file was edited outside nftharvest, or a save was
// interrupted between replacing the file and logging it.
const unloggedChange = "(version found on disk without a log line: edited outside nftharvest, or a save was interrupted)"

// unloggedSaveChange describes a version found without its own log line
// whose backup is the last version logged: a save replaced the file and
// then could not log it (it failed, or was killed, after the rename).
const unloggedSaveChange = "(version found on disk without a log line: a save replaced the file but did not log it; the change before it is in the .bak)"

// logTail is the end of every log line: "sha256=" and 64 hex digits.
const logTail = len("sha256=") + 2*sha256.Size + 1

// lastLoggedSum returns the hash recorded by the log's last line, or ""
// when the log is missing, empty or does not end with a well-formed line.
func lastLoggedSum(path string) string {
	f, err := openSidecar(path, os.O_RDONLY, fileOwner{})
	if err != nil {
		return ""
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil || st.Size() < int64(logTail) {
		return ""
	}
	buf := make([]byte, logTail)
	if _, err := f.ReadAt(buf, st.Size()-int64(logTail)); err != nil {
		return ""
	}
	line := string(buf)
	if !strings.HasPrefix(line, "sha256=") || !strings.HasSuffix(line, "\n") {
		return ""
	}
	sum := line[len("sha256=") : len(line)-1]
	if _, err := hex.DecodeString(sum); err != nil {
		return ""
	}
	return sum
}

// logUnlogged appends a line for the current file content when the log
// exists but does not end with its hash, so that every version the file
// had since the log began is in the log. When the backup bak holds the
// last version logged, the file was written by a save that could not log
// it, and the line says so (the log is repaired from the .bak and the
// file). A file with no log yet starts one with the first save's own line.
func logUnlogged(path, bak string, sum [sha256.Size]byte, o fileOwner) error {
	if _, err := os.Lstat(path); err != nil {
		return nil
	}
	last := lastLoggedSum(path)
	if last == hex.EncodeToString(sum[:]) {
		return nil
	}
	change := unloggedChange
	if prior, err := os.ReadFile(bak); err == nil && last != "" {
		if b := sha256.Sum256(prior); hex.EncodeToString(b[:]) == last {
			change = unloggedSaveChange
		}
	}
	return appendLog(path, change, sum, o)
}

// logText makes a change description fit on one log line, safe to read
// in a terminal: tabs and line breaks become spaces (a tab separates the
// fields), then safetext.String shows every other control character as a
// visible escape (\x1b, \u202e).
func logText(change string) string {
	change = safetext.String(strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, strings.TrimSpace(change)))
	if change == "" {
		return "save"
	}
	return change
}
