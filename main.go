// Command nftharvest is a terminal app for NFT tax-loss harvesting. With a
// subcommand (report, simulate, sell, undo, export, suggest, validate, demo,
// init, help) it runs headless; otherwise it opens the interactive app on
// a portfolio file or the embedded sample. Run "nftharvest help".
package main

import (
	"fmt"
	"os"
	"time"

	"nftharvest/cli"
	"nftharvest/internal/gcpolicy"
	"nftharvest/ui"

	"github.com/charmbracelet/x/term"
)

func main() {
	// The clock is read here: once for a command; the app gets a clock it
	// reads for each action. Everything below gets "today" injected.
	env, err := cli.NewEnv(os.Getenv, time.Now())
	if err != nil {
		os.Exit(cli.PrintError(os.Stderr, err))
	}
	if w := cli.TZWarning(os.Getenv); w != "" {
		fmt.Fprintf(os.Stderr, "nftharvest: warning: %s\n", w)
	}
	args := os.Args[1:]
	if len(args) > 0 && cli.IsCommand(args[0]) {
		if term.IsTerminal(os.Stdin.Fd()) {
			env.Terminal = os.Stdin // undo asks before removing sales
		}
		oneShotGC()
		os.Exit(cli.Run(args, os.Stdout, os.Stderr, env))
	}
	path, err := cli.TUIPath(args, env)
	if err != nil {
		os.Exit(cli.PrintError(os.Stderr, err))
	}
	opts := ui.Options{Path: path, Today: env.Today, Clock: env.Clock(time.Now), CheckFile: env.CheckToday,
		ExportJSON: cli.WriteExportJSON}
	if os.Getenv("GOGC") == "" {
		opts.LoadGCPercent = commandGCPercent // only while a portfolio loads
	}
	os.Exit(cli.PrintError(os.Stderr, ui.Run(opts)))
}

// commandGCPercent is the garbage collector target of the headless
// commands. They load a portfolio, keep almost all of it to the end and
// exit, so collections free little: at the default 100 the collection
// started when loading ends marks the whole portfolio again while the
// analysis runs (about 0.7 s of a 1M-lot "report --top 40" on two cores).
// Measured in docs/performance.md. The interactive app uses it only while
// it loads and analyses a portfolio. The policy is chosen here and applied
// through internal/gcpolicy, the one owner of the collector's target
// (storage holds the collector off for a moment while it sizes a large
// portfolio, through the same package).
const commandGCPercent = 400

// oneShotGC sets the collector target of a headless command, unless the
// user chose one with $GOGC.
func oneShotGC() {
	if os.Getenv("GOGC") == "" {
		gcpolicy.Set(commandGCPercent)
	}
}
