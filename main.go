// Command nftharvest is a terminal app for NFT tax-loss harvesting. With a
// subcommand (report, simulate, sell, undo, export, suggest, validate, demo,
// init, help) it runs headless; otherwise it opens the interactive app on
// a portfolio file or the embedded sample. Run "nftharvest help".
package main

import (
	"os"
	"time"

	"nftharvest/cli"
	"nftharvest/ui"
)

func main() {
	// The clock is read once, here; everything below gets "today" injected.
	env, err := cli.NewEnv(os.Getenv, time.Now())
	if err != nil {
		os.Exit(cli.PrintError(os.Stderr, err))
	}
	args := os.Args[1:]
	if len(args) > 0 && cli.IsCommand(args[0]) {
		os.Exit(cli.Run(args, os.Stdout, os.Stderr, env))
	}
	path, err := cli.TUIPath(args, env)
	if err != nil {
		os.Exit(cli.PrintError(os.Stderr, err))
	}
	os.Exit(cli.PrintError(os.Stderr, ui.Run(ui.Options{Path: path, Today: env.Today})))
}
