package cli

import (
	"fmt"
	"strings"
)

var helpCmd = &command{
	name:    "help",
	summary: "this overview, or \"help CMD\" for one command",
	usage:   "Usage: nftharvest help [COMMAND]\n",
	run:     runHelp,
}

// overview is the text of "nftharvest help".
func overview() string {
	var b strings.Builder
	b.WriteString(`nftharvest: NFT tax-loss harvesting in the terminal.

Usage:
  nftharvest [FILE | --portfolio FILE | --sample]   open the interactive app
  nftharvest COMMAND [flags]                        run one command

Commands:
`)
	for _, c := range commands {
		fmt.Fprintf(&b, "  %-9s %s\n", c.name, c.summary)
	}
	b.WriteString(`
"nftharvest COMMAND --help" describes a command and its flags.

The portfolio file is --portfolio FILE, else $NFTHARVEST_PORTFOLIO, else
./portfolio.json; without any, the app opens the embedded sample. Dates are
YYYY-MM-DD; "today" is $NFTHARVEST_TODAY when set. Amounts are decimals in
the base currency (812.50). Exit status: 0 ok, 2 invalid input (the file is
left untouched), 1 any other failure, 3 the change was saved but its change
log line was not (do not run the command again).

All tax numbers are estimates, not tax advice.
`)
	return b.String()
}

func runHelp(c *ctx, args []string) error {
	switch {
	case len(args) == 0:
		_, err := fmt.Fprint(c.stdout, overview())
		return err
	case len(args) == 1 && (args[0] == "-h" || args[0] == "--help"):
		_, err := fmt.Fprint(c.stdout, c.cmd.usage)
		return err
	case len(args) == 1:
		cmd := lookup(args[0])
		if cmd == nil {
			return usageErrorf("help: unknown command %q (see \"nftharvest help\")", args[0])
		}
		_, err := fmt.Fprint(c.stdout, cmd.usage)
		return err
	}
	return usageErrorf("help: one command at a time")
}
