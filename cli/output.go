package cli

import (
	"fmt"
	"io"
	"unicode/utf8"

	"nftharvest/safetext"
)

// Every string that came from a file, an argument or the environment
// reaches the output of a command through safetext, at the point where it
// becomes display text: say for a line of text, table.add for a table
// cell, wrap for a note, PrintError for an error, commandLines for a
// command shown to copy. JSON output escapes the same characters
// (appendJSONString, escapeJSONControls). Tests feed every command the
// hostile fixtures of testdata/hostile and look for raw control bytes.

// say writes one line: format with args, made safe by safetext.String
// (a line break inside an argument shows as \x0a), then a line feed. It
// returns the write error (a bufio.Writer reports it at Flush instead).
func say(w io.Writer, format string, args ...any) error {
	_, err := io.WriteString(w, safetext.String(fmt.Sprintf(format, args...))+"\n")
	return err
}

// ask writes a question as say does, without the line feed: the answer
// is typed after it.
func ask(w io.Writer, format string, args ...any) error {
	_, err := io.WriteString(w, safetext.String(fmt.Sprintf(format, args...)))
	return err
}

// escapeJSONControls replaces, in encoded JSON, every raw character that
// safetext.IsControl reports (C0 controls never appear raw in JSON; DEL,
// C1 controls, bidi controls and line separators may) with its \uNNNN
// escape: the same string to a JSON reader, harmless on a terminal. Such
// characters can only occur inside strings, so the document stays valid.
func escapeJSONControls(b []byte) []byte {
	start := indexJSONControl(b)
	if start < 0 {
		return b
	}
	out := make([]byte, 0, len(b)+16)
	out = append(out, b[:start]...)
	for i := start; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if size > 0 && (r >= utf8.RuneSelf || r == 0x7f) && safetext.IsControl(r) && !(r == utf8.RuneError && size == 1) {
			out = appendUnicodeEscape(out, r)
		} else {
			out = append(out, b[i:i+size]...)
		}
		i += size
	}
	return out
}

// indexJSONControl is the index of the first character escapeJSONControls
// replaces, or -1.
func indexJSONControl(b []byte) int {
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			if c == 0x7f {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if safetext.IsControl(r) {
			return i
		}
		i += size
	}
	return -1
}

// appendUnicodeEscape appends r (at most U+FFFF) as \uNNNN.
func appendUnicodeEscape(b []byte, r rune) []byte {
	const hex = "0123456789abcdef"
	return append(b, '\\', 'u', hex[r>>12&0xf], hex[r>>8&0xf], hex[r>>4&0xf], hex[r&0xf])
}
