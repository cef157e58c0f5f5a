package ui

import (
	"fmt"

	"nftharvest/safetext"
)

// Every string that came from the file (names, ids, notes, addresses),
// the command line (the file name) or an error becomes display text
// through safe or safef before it is measured or styled: table cells in
// table.renderRow (and the widths of their columns), the details, the
// preview, dialogs, the status line, the header and the window title.
// Styles are applied after, so only the SGR sequences the app writes
// reach the terminal.

// safe makes untrusted text display text: control, bidi and invalid
// characters become visible escapes (safetext.String).
func safe(s string) string { return safetext.String(s) }

// safef formats one line of display text: the format is the app's own,
// and the result is made safe whole, so no argument can break the line
// or send an escape sequence.
func safef(format string, args ...any) string {
	return safetext.String(fmt.Sprintf(format, args...))
}

// safeLen is an upper bound of the cells safe(s) takes, as cheap as
// len(s) for text that needs no escape: the escapes are ASCII, and any
// other character takes at most as many cells as it has bytes.
func safeLen(s string) int { return len(safe(s)) }
