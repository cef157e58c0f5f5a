package cli

import (
	"strings"
	"unicode"
)

// shown makes a string read from an imported file safe to print: control
// characters (terminal escapes, line breaks) and bidi overrides are
// dropped. Every such string reaches the screen through this one function,
// to be swapped for the shared sanitiser of issue 12 when it lands.
func shown(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r) || r == '\u2028' || r == '\u2029' {
			return -1
		}
		return r
	}, s)
}
