package cli

import (
	"fmt"
	"os"
	"strconv"

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
  --force           allow --out to replace an existing file
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
	data, err := storage.Encode(synthetic.Portfolio(n, seed))
	if err != nil {
		return fmt.Errorf("encoding the synthetic portfolio: %w", err)
	}
	if *out == "" {
		_, err := c.stdout.Write(data)
		return err
	}
	write := storage.WriteNewFileAtomic // never replaces a file that appeared meanwhile
	kept := ""
	if *force {
		write = storage.WriteFileAtomic
		// --force may replace someone's portfolio: keep what was there,
		// unless the file is read-only and will not be replaced at all.
		if st, err := os.Stat(*out); err == nil && st.Mode().Perm()&0o222 == 0 {
			return fmt.Errorf("writing %s: %w", *out, storage.ErrReadOnly)
		}
		if old, err := os.ReadFile(*out); err == nil {
			if err := storage.WriteFileAtomic(*out+".bak", old); err != nil {
				return fmt.Errorf("keeping the previous %s: %w", *out, err)
			}
			kept = fmt.Sprintf(" (previous content in %s.bak)", *out)
		}
	}
	if err := write(*out, data); err != nil {
		return fmt.Errorf("writing %s: %w", *out, err)
	}
	return say(c.stdout, "Wrote a synthetic portfolio of %d lots (seed %d) to %s%s.", n, seed, *out, kept)
}
