package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"time"

	"nftharvest/portfolio"
	"nftharvest/storage"
)

// Environment variables read by the binary.
const (
	// TodayVar overrides today's date (YYYY-MM-DD), for scripts and tests.
	TodayVar = "NFTHARVEST_TODAY"
	// PortfolioVar names the default portfolio file.
	PortfolioVar = "NFTHARVEST_PORTFOLIO"
)

// DefaultFile is the portfolio file used when neither --portfolio nor
// $NFTHARVEST_PORTFOLIO names one.
const DefaultFile = "portfolio.json"

// NewEnv builds the Env from environment lookups and the clock, read once
// by main: Today is $NFTHARVEST_TODAY when set, else now's local date. A
// $NFTHARVEST_TODAY that is not a date, or not in the years 1900 to 9999
// (those of a tax year), is a usage error.
func NewEnv(getenv func(string) string, now time.Time) (Env, error) {
	env := Env{Today: portfolio.DateOf(now), PortfolioVar: getenv(PortfolioVar)}
	if s := getenv(TodayVar); s != "" {
		d, err := portfolio.ParseDate(s)
		if err != nil {
			return env, usageErrorf("$%s: %v", TodayVar, err)
		}
		if y := d.Year(); y < minTodayYear || y > maxTodayYear {
			return env, usageErrorf("$%s: %s is not in the years %d to %d", TodayVar, d, minTodayYear, maxTodayYear)
		}
		env.Today, env.TodayFromVar = d, true
	}
	return env, nil
}

// Years accepted in $NFTHARVEST_TODAY: those of a tax year.
const (
	minTodayYear = 1900
	maxTodayYear = 9999
)

// Clock returns the app's clock: the fixed $NFTHARVEST_TODAY when set,
// else the local date of now, read each time it is called.
func (e Env) Clock(now func() time.Time) func() portfolio.Date {
	if e.TodayFromVar {
		today := e.Today
		return func() portfolio.Date { return today }
	}
	return func() portfolio.Date { return portfolio.DateOf(now()) }
}

// CheckToday refuses a $NFTHARVEST_TODAY before the first acquisition in
// the portfolio file (a mistyped year, most likely): every lot would be in
// the future. A date from the clock is not checked.
func (e Env) CheckToday(file *storage.File) error {
	if !e.TodayFromVar || file == nil {
		return nil
	}
	first := -1
	for i := range file.Portfolio.Lots {
		if first < 0 || file.Portfolio.Lots[i].Acquired.Before(file.Portfolio.Lots[first].Acquired) {
			first = i
		}
	}
	if first < 0 || !e.Today.Before(file.Portfolio.Lots[first].Acquired) {
		return nil
	}
	l := &file.Portfolio.Lots[first]
	return usageErrorf("$%s: %s is before the first acquisition in %s (lots[%d] %q, acquired %s); unset it or give a later date",
		TodayVar, e.Today, file.Name(), first, l.ID, l.Acquired)
}

// TZWarning returns a warning when $TZ names a time zone this system does
// not know (Go then takes the local time as UTC without a word, so that
// "today" could be off by a day), else "". getenv reads the environment.
func TZWarning(getenv func(string) string) string {
	tz := getenv("TZ")
	name := strings.TrimPrefix(tz, ":")
	if name == "" || name == "UTC" {
		return "" // unset or empty: the system zone or UTC, as intended
	}
	var err error
	if strings.HasPrefix(name, "/") {
		var b []byte
		if b, err = os.ReadFile(name); err == nil {
			_, err = time.LoadLocationFromTZData(name, b)
		}
	} else {
		_, err = time.LoadLocation(name)
	}
	if err == nil {
		return ""
	}
	return fmt.Sprintf("$TZ %q is not a time zone this system knows; dates are taken in UTC", tz)
}

// defaultPortfolio is the file headless commands use without --portfolio.
func (e Env) defaultPortfolio() string {
	if e.PortfolioVar != "" {
		return e.PortfolioVar
	}
	return DefaultFile
}

// TUIPath reads the arguments of the interactive mode (no subcommand):
// "nftharvest [FILE]", "--portfolio FILE" or "--sample". It returns the
// file to open, or "" for the embedded sample: without a file argument,
// $NFTHARVEST_PORTFOLIO, else ./portfolio.json when it exists, else the
// sample.
func TUIPath(args []string, env Env) (string, error) {
	var path string
	sample, explicit := false, false
	for i := 0; i < len(args); i++ {
		a := args[i]
		name, value, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		switch {
		case a == "--sample" || a == "-sample":
			sample = true
		case strings.HasPrefix(a, "-") && name == "portfolio":
			if !hasValue {
				if i+1 >= len(args) {
					return "", usageErrorf("--portfolio needs a file name")
				}
				i++
				value = args[i]
			}
			if value == "" {
				return "", usageErrorf("--portfolio needs a file name")
			}
			if explicit {
				return "", usageErrorf("more than one portfolio file given")
			}
			path, explicit = value, true
		case a == "--":
			if i+1 < len(args) {
				if explicit || i+2 < len(args) {
					return "", usageErrorf("more than one portfolio file given")
				}
				path, explicit = args[i+1], true
			}
			i = len(args)
		case strings.HasPrefix(a, "-") && a != "-":
			return "", usageErrorf("unknown flag %s (see \"nftharvest help\")", a)
		default:
			if explicit {
				return "", usageErrorf("more than one portfolio file given")
			}
			if _, err := os.Stat(a); err != nil && looksLikeCommand(a) {
				return "", usageErrorf("unknown command %q (see \"nftharvest help\")", a)
			}
			path, explicit = a, true
		}
	}
	switch {
	case sample && explicit:
		return "", usageErrorf("--sample and a portfolio file exclude each other")
	case sample:
		return "", nil
	case explicit:
		return path, existing(path)
	case env.PortfolioVar != "":
		return env.PortfolioVar, existing(env.PortfolioVar)
	}
	if _, err := os.Stat(DefaultFile); err == nil {
		return DefaultFile, nil
	}
	return "", nil
}

// existing checks before the app starts that a named portfolio file is
// there, so a typo gets the same clear line and exit 2 as the commands.
func existing(path string) error {
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return inputErrorf("%s: no such file (create it with \"nftharvest init %s\")", path, path)
	}
	return nil
}

// looksLikeCommand reports whether a missing "file" argument is more likely
// a mistyped command: a bare word without a dot or a path separator.
func looksLikeCommand(a string) bool {
	return a != "" && !strings.ContainsAny(a, `./\`)
}

// mustNotExist fails with an exit-2 error when path exists, naming the flag
// that would allow overwriting it (none when flag is "").
func mustNotExist(path, flag string) error {
	if _, err := os.Lstat(path); err == nil {
		if flag != "" {
			return inputErrorf("%s already exists; not overwriting it (use %s to replace it)", path, flag)
		}
		return inputErrorf("%s already exists; not overwriting it", path)
	}
	return nil
}
