package storage

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"strings"
	"time"
)

// Now gives the time written in change-log lines; tests replace it.
var Now = time.Now

// appendLog appends one line to the change log at path:
// "<RFC 3339 UTC time>\t<change>\tsha256=<hex of the new file>\n".
// Tabs and line breaks in change become spaces so that every change is
// exactly one line; an empty change is logged as "save".
func appendLog(path, change string, sum [sha256.Size]byte) error {
	line := Now().UTC().Format(time.RFC3339) + "\t" + logText(change) + "\tsha256=" + hex.EncodeToString(sum[:]) + "\n"
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
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

// logText makes a change description fit on one log line.
func logText(change string) string {
	change = strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, strings.TrimSpace(change))
	if change == "" {
		return "save"
	}
	return change
}
