package safetext

// CSVField makes a text cell of a CSV export safe to open in a
// spreadsheet: String, then, when the text starts with '=', '+', '-', '@',
// a tab or a carriage return (a formula to a spreadsheet), a single quote
// before it, as the OWASP guidance on CSV injection advises. Use it for
// text that came from a file (ids, names, notes), not for the numbers
// nftharvest computed (a negative amount keeps its minus sign).
func CSVField(s string) string {
	s = String(s)
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}
