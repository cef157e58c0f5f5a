// Package safetext is the one gate untrusted text passes before it is
// measured or shown: collection names, token ids and notes come from the
// chain and from marketplaces, file names from the command line, and any
// of them may hold escape sequences that retitle the window, clear the
// screen or write the clipboard, line breaks that fake rows, or bidi
// controls that reorder what is shown. String turns every such character
// into a visible escape; the terminal table of nftharvest, its messages,
// the app, the change log and CSV exports all use it. The package imports
// nothing of the project.
package safetext

import (
	"strings"
	"unicode/utf8"

	"github.com/mattn/go-runewidth"
)

// IsControl reports whether r is shown escaped by String: a C0 control
// (U+0000-U+001F: NUL, tab, line feed, carriage return, ESC, BEL, ...),
// DEL (U+007F), a C1 control (U+0080-U+009F, such as U+009B, the 8-bit
// CSI), a bidi control (U+061C, U+200E, U+200F, U+202A-U+202E,
// U+2066-U+2069) or a line or paragraph separator (U+2028, U+2029).
func IsControl(r rune) bool {
	switch {
	case r < 0x20, r >= 0x7f && r <= 0x9f:
		return true
	case r < 0x61c:
		return false
	}
	switch r {
	case 0x061c, 0x200e, 0x200f, 0x2028, 0x2029,
		0x202a, 0x202b, 0x202c, 0x202d, 0x202e,
		0x2066, 0x2067, 0x2068, 0x2069:
		return true
	}
	return false
}

// String returns s made safe to show: every character IsControl reports
// becomes a visible escape, C0 controls and DEL as \xNN (ESC is \x1b, a
// line feed \x0a) and the others as \uNNNN (\u009b, \u202e), and every
// byte that is not part of valid UTF-8 becomes \xNN. Everything else,
// backslashes included, is kept. The result is valid UTF-8 that holds no
// control character, and String(String(s)) == String(s). Text that needs
// no escape (the usual case) is returned as is, without a copy.
func String(s string) string {
	i := firstUnsafe(s)
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	b.WriteString(s[:i])
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == 0x7f {
				writeByteEscape(&b, c)
			} else {
				b.WriteByte(c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			writeByteEscape(&b, c)
		case IsControl(r):
			writeRuneEscape(&b, r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// Safe reports whether s needs no escape: String(s) == s.
func Safe(s string) bool { return firstUnsafe(s) == len(s) }

// Width is the number of terminal cells String(s) takes.
func Width(s string) int {
	s = String(s)
	if isASCII(s) {
		return len(s)
	}
	return runewidth.StringWidth(s)
}

// firstUnsafe returns the index of the first byte of s that String
// changes, or len(s).
func firstUnsafe(s string) int {
	if i := indexUnsafe(s, true); i >= 0 {
		return i
	}
	return len(s)
}

// indexUnsafe returns the byte index of the first control character of s
// (IsControl), and with badUTF8 of the first byte of invalid UTF-8 too, or
// -1 when there is none.
func indexUnsafe(s string, badUTF8 bool) int {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == 0x7f {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if badUTF8 && r == utf8.RuneError && size == 1 || IsControl(r) {
			return i
		}
		i += size
	}
	return -1
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

const hexDigits = "0123456789abcdef"

func writeByteEscape(b *strings.Builder, c byte) {
	b.WriteString(`\x`)
	b.WriteByte(hexDigits[c>>4])
	b.WriteByte(hexDigits[c&0xf])
}

func writeRuneEscape(b *strings.Builder, r rune) {
	b.WriteString(`\u`)
	for shift := 12; shift >= 0; shift -= 4 {
		b.WriteByte(hexDigits[r>>shift&0xf])
	}
}

// IndexControl returns the byte index of the first character of s that
// IsControl reports, or -1 when there is none. Bytes of invalid UTF-8 are
// not controls (String still escapes them).
func IndexControl(s string) int { return indexUnsafe(s, false) }
