package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"

	"nftharvest/storage"
	"nftharvest/taxrules"
)

// Exit statuses of the binary.
const (
	ExitOK      = 0 // success
	ExitFailure = 1 // an unexpected failure (I/O, a bug, a concurrent change)
	ExitInvalid = 2 // invalid input: usage, flag values, file content, requests
	// ExitRecorded: the change was saved (the new file is in place) but a
	// step after that failed, such as appending the change log line. The
	// command must not be run again: it would record the change twice.
	ExitRecorded = 3
)

// recordedAdvice ends the message of an ExitRecorded failure.
const recordedAdvice = "the change IS recorded; do not run the command again (the next save repairs the change log)"

// errHelpShown is returned by a command that printed its --help text.
var errHelpShown = errors.New("help shown")

// UsageError is a mistake in the command line: an unknown command or flag,
// a missing argument or a bad flag value. It maps to exit status 2.
type UsageError struct{ Msg string }

func (e *UsageError) Error() string { return e.Msg }

func usageErrorf(format string, a ...any) error {
	return &UsageError{Msg: fmt.Sprintf(format, a...)}
}

// InputError is invalid input that is not a command-line mistake, such as
// "nothing to undo" or a file that already exists. It maps to exit status 2.
type InputError struct{ Err error }

func (e *InputError) Error() string { return e.Err.Error() }
func (e *InputError) Unwrap() error { return e.Err }

func inputErrorf(format string, a ...any) error {
	return &InputError{Err: fmt.Errorf(format, a...)}
}

// ExitCode maps an error to the process exit status: 0 for nil, 3 for a
// save that took effect although a later step failed
// (storage.ErrSavedNotLogged), 2 for invalid input (usage errors,
// *storage.InvalidError, *taxrules.RequestError, a missing file, a file
// that must not be overwritten, an export onto the portfolio), 1 for
// anything else.
func ExitCode(err error) int {
	if err == nil {
		return ExitOK
	}
	if errors.Is(err, storage.ErrSavedNotLogged) {
		return ExitRecorded
	}
	var (
		usage   *UsageError
		input   *InputError
		invalid *storage.InvalidError
		request *taxrules.RequestError
	)
	switch {
	case errors.As(err, &usage), errors.As(err, &input), errors.As(err, &invalid),
		errors.As(err, &request), errors.Is(err, fs.ErrNotExist), errors.Is(err, storage.ErrExists),
		errors.Is(err, storage.ErrCompanion):
		return ExitInvalid
	}
	return ExitFailure
}

// PrintError writes err to w, one line per problem, each prefixed
// "nftharvest: " and made safe by say (a member name or a file name with
// an escape sequence shows it escaped), and returns its exit status (0 and
// nothing written for nil).
func PrintError(w io.Writer, err error) int {
	if err == nil {
		return ExitOK
	}
	var invalid *storage.InvalidError
	if errors.As(err, &invalid) && len(invalid.Problems) > 0 {
		// storage formats one problem a line (file:line:col for malformed
		// JSON, "... and N more problems" past the cap); keep its lines.
		for _, line := range strings.Split(strings.TrimRight(invalid.Error(), "\n"), "\n") {
			say(w, "nftharvest: %s", line)
		}
		return ExitInvalid
	}
	msg := oneLine(err.Error())
	if errors.Is(err, storage.ErrSavedNotLogged) {
		msg += "; " + recordedAdvice
	}
	say(w, "nftharvest: %s", msg)
	return ExitCode(err)
}

// oneLine keeps a message on one line so every error is exactly one line.
func oneLine(s string) string {
	s = strings.TrimRight(s, "\n")
	return strings.ReplaceAll(s, "\n", "; ")
}
