package cli

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"nftharvest/safetext"
)

// csvFile is a small CSV file read whole, with the place of every cell, for
// the spreadsheet-like inputs (prices, import csv). Problems are collected
// as "FILE:LINE:COLUMN: column "NAME": message" lines.
type csvFile struct {
	name   string
	header []string
	cols   map[string]int
	rows   []csvRow
	probs  []string
}

// csvRow is one data row and where its cells start.
type csvRow struct {
	cells []string
	line  int
	col   []int
}

// readCSV reads path; its header must be one of the layouts given (each a
// list of column names, required first; optional ones after "|"). It
// returns the file and the layout's index.
func readCSV(path string, layouts ...[]string) (*csvFile, int, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, 0, inputErrorf("%s: %v", safetext.String(path), errors.Unwrap(err))
	}
	defer fh.Close()
	return parseCSV(safetext.String(path), fh, layouts...)
}

func parseCSV(name string, r io.Reader, layouts ...[]string) (*csvFile, int, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	f := &csvFile{name: name, cols: map[string]int{}}
	header, err := cr.Read()
	if err == io.EOF {
		return nil, 0, inputErrorf("%s: the file is empty; expected a header line", name)
	}
	if err != nil {
		return nil, 0, &problemsError{lines: []string{csvError(name, err)}}
	}
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		if _, dup := f.cols[h]; dup {
			return nil, 0, inputErrorf("%s:1: column %q appears twice in the header", name, safetext.String(h))
		}
		f.cols[h] = i
		f.header = append(f.header, h)
	}
	which := -1
	for i, l := range layouts {
		if f.fits(l) {
			which = i
			break
		}
	}
	if which < 0 {
		var want []string
		for _, l := range layouts {
			want = append(want, strings.ReplaceAll(strings.Join(l, ", "), ", |, ", " [, "))
		}
		return nil, 0, inputErrorf("%s:1: the header %q is not one this command reads; expected %s (optional columns in brackets)",
			name, safetext.String(strings.Join(f.header, ",")), strings.Join(want, "; or "))
	}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			f.probs = append(f.probs, csvError(name, err))
			break
		}
		line, _ := cr.FieldPos(0)
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue
		}
		if len(rec) != len(header) {
			f.probs = append(f.probs, fmt.Sprintf("%s:%d:1: %d fields, but the header has %d", name, line, len(rec), len(header)))
			continue
		}
		row := csvRow{cells: rec, line: line, col: make([]int, len(rec))}
		for i := range rec {
			_, row.col[i] = cr.FieldPos(i)
		}
		f.rows = append(f.rows, row)
	}
	return f, which, nil
}

// fits reports whether the header has every required column of layout
// and no column outside it.
func (f *csvFile) fits(layout []string) bool {
	required := true
	for _, c := range layout {
		if c == "|" {
			required = false
			continue
		}
		if _, ok := f.cols[c]; !ok && required {
			return false
		}
	}
	for _, h := range f.header {
		if !slices.Contains(layout, h) {
			return false
		}
	}
	return true
}

// cell is the trimmed text of column name in row ("" when the file lacks it).
func (f *csvFile) cell(r *csvRow, name string) string {
	i, ok := f.cols[name]
	if !ok {
		return ""
	}
	return strings.TrimSpace(r.cells[i])
}

// has reports whether the file has column name.
func (f *csvFile) has(name string) bool { _, ok := f.cols[name]; return ok }

// fail notes a problem with column name of row r.
func (f *csvFile) fail(r *csvRow, name, format string, a ...any) {
	col := 1
	if i, ok := f.cols[name]; ok {
		col = r.col[i]
	}
	f.probs = append(f.probs, fmt.Sprintf("%s:%d:%d: column %q: %s", f.name, r.line, col, name, safetext.String(fmt.Sprintf(format, a...))))
}

// csvError places a syntax error of encoding/csv.
func csvError(name string, err error) string {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return fmt.Sprintf("%s:%d:%d: %v", name, pe.Line, pe.Column, pe.Err)
	}
	return fmt.Sprintf("%s: %v", name, err)
}
