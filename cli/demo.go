package cli

import (
	"errors"
	"fmt"
	"os"
	"strconv"

	"nftharvest/portfolio"
	"nftharvest/storage"
	"nftharvest/synthetic"
)

var demoCmd = &command{
	name:    "demo",
	summary: "write a synthetic portfolio of N lots (deterministic)",
	usage: `Usage: nftharvest demo --lots N [--seed S] [--out FILE [--force]]

Generates a synthetic portfolio of N lots for benchmarks and tests: about
N/20 collections, N/10 sales, ETH floors, gains, losses and wash sales. The
same N and seed always give the same bytes.

  --lots N          number of lots (required)
  --seed S          random seed, an integer (default 1)
  --out FILE        write to FILE (atomically) instead of standard output;
                    an existing FILE is not overwritten without --force
  --force           allow --out to replace an existing file; it is replaced
                    as a save is (lock, previous content in FILE.bak, a line
                    in FILE.log)
`,
	run: runDemo,
}

func runDemo(c *ctx, args []string) error {
	f := c.newFlags()
	lotsS := f.String("lots", "", "")
	seedS := f.String("seed", "1", "")
	out := f.String("out", "", "")
	force := f.Bool("force", false, "")
	if err := f.parseNoArgs(args); err != nil {
		return err
	}
	if *lotsS == "" {
		return usageErrorf("demo: --lots N is required (see \"nftharvest demo --help\")")
	}
	n, err := parseCountFlag("lots", *lotsS)
	if err != nil {
		return err
	}
	seed, err := strconv.ParseInt(*seedS, 10, 64)
	if err != nil {
		return usageErrorf("--seed: %q is not a whole number", *seedS)
	}
	if *out != "" && !*force {
		if err := mustNotExist(*out, "--force"); err != nil {
			return err
		}
	}
	p := synthetic.Portfolio(n, seed)
	if *out != "" && *force {
		if _, err := os.Lstat(*out); err == nil {
			return demoReplace(c, *out, p, n, seed)
		}
	}
	data, err := storage.Encode(p)
	if err != nil {
		return fmt.Errorf("encoding the synthetic portfolio: %w", err)
	}
	if *out == "" {
		_, err := c.stdout.Write(data)
		return err
	}
	// Never replaces a file that appeared meanwhile.
	if err := storage.WriteNewFileAtomic(*out, data); err != nil {
		return fmt.Errorf("writing %s: %w", *out, err)
	}
	return say(c.stdout, "Wrote a synthetic portfolio of %d lots (seed %d) to %s.", n, seed, *out)
}

// demoReplace writes the synthetic portfolio p over the existing file out
// (--force) through the save path every change of a portfolio takes: the
// lock, the previous content kept as out.bak (older ones rotated), and a
// line in out.log. A read-only file is refused.
func demoReplace(c *ctx, out string, p *portfolio.Portfolio, n int, seed int64) error {
	change := fmt.Sprintf("demo --lots %d --seed %d --force: replaced the file with a synthetic portfolio", n, seed)
	_, err := storage.SaveAs(out, p, change, true)
	if err != nil && !errors.Is(err, storage.ErrSavedNotLogged) {
		return fmt.Errorf("writing %s: %w", out, err)
	}
	if werr := say(c.stdout, "Wrote a synthetic portfolio of %d lots (seed %d) to %s (previous content in %s.bak).", n, seed, out, out); werr != nil {
		return werr
	}
	return err
}
