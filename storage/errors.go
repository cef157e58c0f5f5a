// Package storage reads, validates and saves portfolio files (JSON format
// "nftharvest/portfolio", version 1, described in docs/format.md). It keeps
// facts; it never computes tax numbers. Saves are atomic, keep a backup,
// append to a change log and hold an OS lock; a save refuses to overwrite a
// file changed since it was loaded.
package storage

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strings"
)

// ErrChanged is returned (wrapped) by Save when the file on disk changed
// since it was loaded or last saved.
var ErrChanged = errors.New("file changed on disk since it was loaded; reload it and try again")

// ErrExists is returned (wrapped) by SaveAs when the target exists and
// overwrite was not requested.
var ErrExists = errors.New("file already exists")

// ErrSample is returned (wrapped) by Save on the embedded sample, which has
// no file; write it out with SaveAs first.
var ErrSample = errors.New("the sample portfolio has no file; save it with SaveAs (nftharvest init FILE)")

// ErrLocked is returned (wrapped) by Save and SaveAs when another process
// holds the file's lock for longer than LockTimeout.
var ErrLocked = errors.New("file is locked by another nftharvest process")

// ErrReadOnly is returned (wrapped) when the file to replace has no write
// permission: a file the user made read-only is never replaced, even by a
// user (such as root) whom the folder would let do it. It wraps
// fs.ErrPermission.
var ErrReadOnly = fmt.Errorf("the file is read-only; make it writable (chmod u+w) to save: %w", fs.ErrPermission)

// MaxProblems is how many problems Load and Parse list before summarising
// the rest as "... and N more problems".
const MaxProblems = 100

// Problem is one validation problem at a JSON path, e.g.
// Path "lots[12].acquired", Message `"2024-13-01" is not a date (YYYY-MM-DD)`.
// Malformed JSON gives a Problem with Line and Column (1-based; the column
// counts characters) instead of a path.
type Problem struct {
	Path    string
	Message string
	Line    int
	Column  int
}

// String formats the problem as "path: message", "line:column: message"
// for malformed JSON, or just the message when it has no place.
func (p Problem) String() string {
	switch {
	case p.Line > 0:
		return fmt.Sprintf("%d:%d: %s", p.Line, p.Column, p.Message)
	case p.Path == "":
		return p.Message
	}
	return p.Path + ": " + p.Message
}

// InvalidError reports every problem found in a file (malformed JSON gives
// one problem with line and column). Load and Parse keep the first
// MaxProblems problems and count the rest in More.
type InvalidError struct {
	File     string
	Problems []Problem
	// More is the number of further problems not listed in Problems.
	More int
}

// Error prints one problem per line, each prefixed with the file name:
// "portfolio.json: lots[3].cost: "-5" is negative" or, for malformed JSON,
// "portfolio.json:14:7: invalid character '}' ...".
func (e *InvalidError) Error() string {
	var b strings.Builder
	for i, p := range e.Problems {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.File)
		if p.Line > 0 {
			b.WriteByte(':')
		} else {
			b.WriteString(": ")
		}
		b.WriteString(p.String())
	}
	if e.More > 0 {
		fmt.Fprintf(&b, "\n%s: ... and %d more problems", e.File, e.More)
	}
	return b.String()
}

// collector gathers problems, up to limit (0: no limit), and remembers the
// places already reported so that a later check does not report the same
// value twice (a bad date is not also "missing").
type collector struct {
	problems []Problem
	places   []at // places[i] is where problems[i] is
	limit    int
	more     int
	bad      map[at]struct{}
}

// add reports msg at a unless a was already reported by fail.
func (c *collector) add(a at, msg string) {
	if c.reported(a) {
		return
	}
	if c.limit > 0 && len(c.problems) >= c.limit {
		c.more++
		return
	}
	c.problems = append(c.problems, Problem{Path: a.String(), Message: msg})
	c.places = append(c.places, a)
}

// mark makes later checks skip a without reporting anything.
func (c *collector) mark(a at) {
	if c.bad == nil {
		c.bad = make(map[at]struct{})
	}
	c.bad[a] = struct{}{}
}

// sorted returns the problems in file order: top-level members, the tax
// profile, rates, collections, lots, sales; by index within a section, and
// in the order found within one record.
func (c *collector) sorted() []Problem {
	idx := make([]int, len(c.problems))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(x, y int) int {
		a, b := c.places[x], c.places[y]
		if a.sec != b.sec {
			return cmp.Compare(a.sec, b.sec)
		}
		return cmp.Compare(a.idx, b.idx)
	})
	out := make([]Problem, len(idx))
	for i, j := range idx {
		out[i] = c.problems[j]
	}
	return out
}

// fork returns a collector for checks that run alongside c's: same
// limit, and it skips the places c has marked (which must not change
// until join).
func (c *collector) fork() *collector {
	return &collector{limit: c.limit, bad: c.bad}
}

// join appends the problems of a forked collector, as if they had been
// reported to c after its own.
func (c *collector) join(f *collector) {
	for i := range f.problems {
		if c.limit > 0 && len(c.problems) >= c.limit {
			c.more += len(f.problems) - i
			break
		}
		c.problems = append(c.problems, f.problems[i])
		c.places = append(c.places, f.places[i])
	}
	c.more += f.more
}

// fail reports msg at a and marks a so later checks skip it.
func (c *collector) fail(a at, msg string) {
	c.add(a, msg)
	c.mark(a)
}

// reported tells whether a was marked by fail.
func (c *collector) reported(a at) bool {
	if c.bad == nil {
		return false
	}
	_, ok := c.bad[a]
	return ok
}

// count is the number of problems found, listed or not.
func (c *collector) count() int { return len(c.problems) + c.more }
