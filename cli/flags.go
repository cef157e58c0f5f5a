package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"nftharvest/portfolio"
	"nftharvest/storage"

	"github.com/shopspring/decimal"
)

// flags wraps a flag.FlagSet so that every command reports mistakes the
// same way (one line, exit 2) and accepts flags before and after its
// positional arguments. Flag values are kept as text and checked after
// parsing, so each message can name the flag and the offending value.
type flags struct {
	*flag.FlagSet
	c *ctx

	portfolio string
	sample    bool
	// forUpdate makes load take the file's lock and keep it until the
	// File is closed: for commands that change the file.
	forUpdate bool
	format    string
	formats   []string
}

func (c *ctx) newFlags() *flags {
	fs := flag.NewFlagSet(c.cmd.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return &flags{FlagSet: fs, c: c}
}

// portfolioFlags adds --portfolio FILE and, when sampleOK, --sample. An
// empty file name, or a second --portfolio, is a usage error: neither may
// silently pick another file than the one meant.
func (f *flags) portfolioFlags(sampleOK bool) {
	given := false
	f.Func("portfolio", "", func(s string) error {
		switch {
		case s == "":
			return errors.New("needs a file name, not an empty one")
		case given:
			return errors.New("given more than once; name one portfolio file")
		}
		f.portfolio, given = s, true
		return nil
	})
	if sampleOK {
		f.BoolVar(&f.sample, "sample", false, "")
	}
}

// formatFlag adds --format with the allowed values, the first the default.
func (f *flags) formatFlag(allowed ...string) {
	f.formats = allowed
	f.StringVar(&f.format, "format", allowed[0], "")
}

// parse parses args, allowing positional arguments between flags, and
// returns the positional arguments. -h/--help prints the command's help to
// stdout and returns errHelpShown.
func (f *flags) parse(args []string) ([]string, error) {
	var pos []string
	for {
		err := f.Parse(args)
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(f.c.stdout, f.c.cmd.usage)
			return nil, errHelpShown
		}
		if err != nil {
			return nil, usageErrorf("%s: %s (see \"nftharvest %s --help\")", f.c.cmd.name, dashes(err.Error()), f.c.cmd.name)
		}
		rest := f.Args()
		if len(rest) == 0 {
			break
		}
		// flag stops at the first positional argument or after "--".
		consumed := len(args) - len(rest)
		if consumed > 0 && args[consumed-1] == "--" {
			pos = append(pos, rest...)
			break
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
	if f.formats != nil && !contains(f.formats, f.format) {
		return nil, usageErrorf("--format: %q is not one of %s", f.format, strings.Join(f.formats, ", "))
	}
	if f.sample && f.portfolio != "" {
		return nil, usageErrorf("--sample and --portfolio exclude each other")
	}
	return pos, nil
}

// dashes rewrites the flag package's "-name" spelling to "--name".
func dashes(msg string) string {
	return strings.NewReplacer(": -", ": --", "flag -", "flag --").Replace(msg)
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// parseNoArgs is parse for a command that takes no positional arguments:
// it fails when there are some.
func (f *flags) parseNoArgs(args []string) error {
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usageErrorf("%s: unexpected argument %q (see \"nftharvest %s --help\")", f.c.cmd.name, pos[0], f.c.cmd.name)
	}
	return nil
}

// path returns the portfolio file to use: --portfolio, else the default.
func (f *flags) path() string {
	if f.portfolio != "" {
		return f.portfolio
	}
	return f.c.env.defaultPortfolio()
}

// parseDateFlag reads a strict YYYY-MM-DD flag value; "" gives def.
func parseDateFlag(name, s string, def portfolio.Date) (portfolio.Date, error) {
	if s == "" {
		return def, nil
	}
	d, err := portfolio.ParseDate(s)
	if err != nil {
		return 0, usageErrorf("--%s: %v", name, err)
	}
	return d, nil
}

// parseYearFlag reads a calendar year; "" gives def.
func parseYearFlag(name, s string, def int) (int, error) {
	if s == "" {
		return def, nil
	}
	y, err := strconv.Atoi(s)
	if err != nil || y < 1 || y > 9999 || len(s) != 4 {
		return 0, usageErrorf("--%s: %q is not a year (YYYY)", name, s)
	}
	return y, nil
}

// parseCountFlag reads a positive whole number; "" gives 0.
func parseCountFlag(name, s string) (int, error) {
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		return 0, usageErrorf("--%s: %q is not a positive whole number", name, s)
	}
	return n, nil
}

// parseAmount reads a decimal written in plain digits, such as "812.50",
// within the limits of the portfolio file (at most 18 decimal places and
// 40 digits). what names the kind of value in the error ("an amount").
func parseAmount(s, what string) (decimal.Decimal, error) {
	if !plainDecimal(s) {
		return decimal.Zero, fmt.Errorf("%q is not %s (write plain digits such as 0.5 or 812.50)", s, what)
	}
	d, err := decimal.NewFromString(s)
	if err != nil {
		return decimal.Zero, fmt.Errorf("%q is not %s", s, what)
	}
	if p := storage.DecimalProblem(d); p != "" {
		return decimal.Zero, fmt.Errorf("%q %s", s, p)
	}
	return d, nil
}

// plainDecimal accepts what the portfolio file accepts as a decimal,
// without the exponent: an optional minus sign, digits, and optionally a
// decimal point followed by digits. Not accepted: ".5", "5.", exponents,
// thousands separators, spaces, "+", "NaN".
func plainDecimal(s string) bool {
	s = strings.TrimPrefix(s, "-")
	intPart, frac, dot := strings.Cut(s, ".")
	return allDigits(intPart) && (!dot || allDigits(frac))
}

// allDigits tells whether s is one or more ASCII digits.
func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// parseMoney reads an amount of money: a plain decimal in whole cents, as
// a sale's price and fees are (fractions of a cent would make the rounded
// columns of a sale not add up).
func parseMoney(s, what string) (decimal.Decimal, error) {
	d, err := parseAmount(s, what)
	if err != nil {
		return d, err
	}
	if !d.Equal(d.Round(2)) {
		return decimal.Zero, fmt.Errorf("%q has fractions of a cent; give the amount in whole cents", s)
	}
	return d, nil
}

// parseAmountFlag reads a non-negative money flag; "" gives zero.
func parseAmountFlag(name, s string) (decimal.Decimal, error) {
	if s == "" {
		return decimal.Zero, nil
	}
	d, err := parseMoney(s, "an amount")
	if err != nil {
		return decimal.Zero, usageErrorf("--%s: %v", name, err)
	}
	if d.IsNegative() {
		return decimal.Zero, usageErrorf("--%s: %q must not be negative", name, s)
	}
	return d, nil
}
