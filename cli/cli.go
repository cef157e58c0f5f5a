// Package cli implements the headless subcommands of nftharvest (report,
// simulate, sell, undo, export, suggest, validate, demo, init, help). It
// turns arguments into calls to storage and taxrules and presents their
// results as aligned tables or as the stable JSON documents described in
// docs/json.md. It computes no tax numbers itself and never imports ui.
package cli

import (
	"io"
	"slices"

	"nftharvest/portfolio"
)

// Env is what a command needs from its surroundings, read once by main so
// that commands stay deterministic under test.
type Env struct {
	// Today is the date commands use when no --as-of or --date is given.
	Today portfolio.Date
	// TodayFromVar is true when Today is $NFTHARVEST_TODAY (not the clock).
	TodayFromVar bool
	// PortfolioVar is the value of $NFTHARVEST_PORTFOLIO ("" when unset).
	PortfolioVar string
	// Terminal is standard input when it is a terminal, to ask for a
	// confirmation on (undo); nil otherwise, and then nothing is asked.
	Terminal io.Reader

	// beforeSave, when set (tests only), runs after a command has loaded
	// and prepared its change and just before it saves, so a test can
	// modify the file concurrently.
	beforeSave func(path string)
}

// command is one subcommand.
type command struct {
	name    string
	summary string
	usage   string // full help text shown by "CMD --help"
	run     func(c *ctx, args []string) error
}

// ctx carries the output streams and environment of one invocation.
type ctx struct {
	stdout io.Writer
	stderr io.Writer
	env    Env
	cmd    *command
}

// commands lists every subcommand in the order "help" shows them.
var commands []*command

func init() {
	commands = []*command{
		reportCmd, simulateCmd, sellCmd, undoCmd, exportCmd, suggestCmd,
		validateCmd, demoCmd, initCmd, helpCmd,
	}
}

func lookup(name string) *command {
	i := slices.IndexFunc(commands, func(c *command) bool { return c.name == name })
	if i < 0 {
		return nil
	}
	return commands[i]
}

// IsCommand reports whether arg names a subcommand handled by Run (the help
// flags -h and --help included). Anything else starts the TUI.
func IsCommand(arg string) bool {
	return arg == "-h" || arg == "--help" || lookup(arg) != nil
}

// Run executes the subcommand args[0] with the remaining arguments, writing
// results to stdout and errors (one line each, prefixed "nftharvest: ") to
// stderr. It returns the process exit status: 0 ok, 2 invalid input, 1 an
// unexpected failure.
func Run(args []string, stdout, stderr io.Writer, env Env) int {
	if len(args) == 0 {
		return PrintError(stderr, usageErrorf("no command given (see \"nftharvest help\")"))
	}
	name := args[0]
	if name == "-h" || name == "--help" {
		name = "help"
	}
	cmd := lookup(name)
	if cmd == nil {
		return PrintError(stderr, usageErrorf("unknown command %q (see \"nftharvest help\")", args[0]))
	}
	c := &ctx{stdout: stdout, stderr: stderr, env: env, cmd: cmd}
	if err := cmd.run(c, args[1:]); err != nil {
		if err == errHelpShown {
			return 0
		}
		return PrintError(stderr, err)
	}
	return 0
}
