package cli

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"

	"nftharvest/portfolio"
	"nftharvest/storage"
)

// runIn runs a command in-process, as main does, with a terminal to
// answer on when answer is not nil.
func runIn(args []string, answer io.Reader) (code int, stdout, stderr string) {
	env := Env{Today: portfolio.MustDate(testToday), Terminal: answer}
	var out, errb bytes.Buffer
	code = Run(args, &out, &errb, env)
	return code, out.String(), errb.String()
}

// TestConcurrentSellsAllLand: eight sell commands on different lots of
// one file at the same time all land, each sale exactly once: each holds
// the file's lock from load to save instead of failing with "file changed
// on disk".
func TestConcurrentSellsAllLand(t *testing.T) {
	dir := sampleDir(t)
	path := filepath.Join(dir, DefaultFile)
	lots := []string{"L-0004", "L-0007", "L-0019", "L-0020", "L-0024", "L-0031", "L-0044", "L-0047"}
	var wg sync.WaitGroup
	for _, lot := range lots {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if code, _, stderr := runIn([]string{"sell", "--sell", lot + ":1@100", "--portfolio", path}, nil); code != 0 {
				t.Errorf("sell %s: exit %d, %s", lot, code, stderr)
			}
		}()
	}
	wg.Wait()
	f, err := storage.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	batches := map[string]bool{}
	for _, lot := range lots {
		n := 0
		for _, s := range f.Portfolio.Sales {
			if s.Lot == lot && s.Date == portfolio.MustDate(testToday) && s.Batch != "" {
				n++
				batches[s.Batch] = true
			}
		}
		if n != 1 {
			t.Errorf("%s was sold %d times, want once", lot, n)
		}
	}
	if len(batches) != len(lots) {
		t.Errorf("%d batches for %d sells", len(batches), len(lots))
	}
}

// TestPortfolioFlagEmptyOrRepeated: an empty --portfolio does not fall
// back to the default file, and a second one does not silently win.
func TestPortfolioFlagEmptyOrRepeated(t *testing.T) {
	dir := sampleDir(t)
	writeFile(t, filepath.Join(dir, "other.json"), storage.SampleJSON())
	for _, args := range [][]string{
		{"report", "--portfolio", ""},
		{"report", "--portfolio="},
		{"sell", "--sell", "L-0003", "--portfolio", ""},
		{"report", "--portfolio", "other.json", "--portfolio", DefaultFile},
		{"undo", "--yes", "--portfolio", DefaultFile, "--portfolio=other.json"},
	} {
		r := runEnv(t, dir, []string{PortfolioVar + "=" + DefaultFile}, args...)
		want := "empty"
		if strings.Count(strings.Join(args, " "), "--portfolio") > 1 {
			want = "more than once"
		}
		r.failsWith(t, strings.Join(args, " "), want)
	}
	if !bytes.Equal(readFile(t, filepath.Join(dir, DefaultFile)), storage.SampleJSON()) {
		t.Error("the portfolio changed")
	}
}

// TestExportNeverOntoCompanions: export --out refuses the companions of
// the portfolio that do not exist yet and the portfolio by another name
// (a link, ".."), even with --force; nothing is created or replaced.
func TestExportNeverOntoCompanions(t *testing.T) {
	dir := sampleDir(t)
	os.Mkdir(filepath.Join(dir, "sub"), 0o755)
	if err := os.Symlink(DefaultFile, filepath.Join(dir, "link.csv")); err != nil {
		t.Skip("no symbolic links:", err)
	}
	for _, out := range []string{DefaultFile + ".log", DefaultFile + ".bak", DefaultFile + ".bak.1", DefaultFile + ".lock", "sub/../" + DefaultFile, "link.csv"} {
		for _, force := range []bool{false, true} {
			args := []string{"export", "--out", out}
			if force {
				args = append(args, "--force")
			}
			r := run(t, dir, args...)
			if r.code != ExitInvalid || !strings.Contains(r.stderr, "is the portfolio file") {
				t.Errorf("%v: exit %d, %q", args, r.code, r.stderr)
			}
		}
	}
	if names, _ := filepath.Glob(filepath.Join(dir, DefaultFile+".*")); len(names) != 0 {
		t.Errorf("created %v", names)
	}
	if !bytes.Equal(readFile(t, filepath.Join(dir, DefaultFile)), storage.SampleJSON()) {
		t.Error("the portfolio changed")
	}
}

// TestUndoNeedsConfirmation: undo shows the batch and removes nothing
// without --yes when there is no terminal (exit 2) or the answer is not
// y; with a y, or --yes, it removes the batch and logs the removed sales
// in full.
func TestUndoNeedsConfirmation(t *testing.T) {
	dir := sampleDir(t)
	path := filepath.Join(dir, DefaultFile)
	run(t, dir, "sell", "--sell", "L-0029", "--sell", "L-0031:4@120", "--fees", "3").ok(t, "sell")
	sold := readFile(t, path)

	r := run(t, dir, "undo")
	if r.code != ExitInvalid || !strings.Contains(r.stderr, "--yes") || !strings.Contains(r.stderr, "no terminal") {
		t.Errorf("undo without --yes nor a terminal: exit %d, %q", r.code, r.stderr)
	}
	if !strings.HasPrefix(r.stdout, "Undo would remove batch B-0003 from portfolio.json:\n  S-0017 L-0029") || !strings.Contains(r.stdout, "S-0018 L-0031 4 @ 120.00 fees 3.00 on 2026-11-28") {
		t.Errorf("undo does not show what it would remove:\n%s", r.stdout)
	}
	code, _, stderr := runIn([]string{"undo", "--portfolio", path}, strings.NewReader("n\n"))
	if code != ExitInvalid || !strings.Contains(stderr, "[y/N]") || !strings.Contains(stderr, "not confirmed") {
		t.Errorf("undo answered n: exit %d, %q", code, stderr)
	}
	if !bytes.Equal(readFile(t, path), sold) {
		t.Fatal("an unconfirmed undo changed the file")
	}
	code, stdout, stderr := runIn([]string{"undo", "--portfolio", path}, strings.NewReader("y\n"))
	if code != 0 || !strings.Contains(stdout, "Removed batch B-0003") {
		t.Fatalf("undo answered y: exit %d, %q %q", code, stdout, stderr)
	}
	if bytes.Equal(readFile(t, path), sold) {
		t.Fatal("a confirmed undo left the file")
	}
	log := strings.TrimSuffix(string(readFile(t, path+".log")), "\n")
	last := log[strings.LastIndex(log, "\n")+1:]
	_, records, ok := strings.Cut(strings.Split(last, "\t")[1], " removed: ")
	var removed []map[string]string
	if !ok || json.Unmarshal([]byte(records), &removed) != nil || len(removed) != 2 ||
		removed[1]["id"] != "S-0018" || removed[1]["quantity"] != "4" || removed[1]["batch"] != "B-0003" {
		t.Errorf("the undo log line does not hold the removed sales in full: %q", last)
	}
}

// TestDemoForceGoesThroughSave: demo --force over an existing portfolio
// takes the save path: the previous content in .bak and a line in .log.
func TestDemoForceGoesThroughSave(t *testing.T) {
	dir := sampleDir(t)
	run(t, dir, "demo", "--lots", "20", "--out", DefaultFile, "--force").ok(t, "demo --force")
	if !bytes.Equal(readFile(t, filepath.Join(dir, DefaultFile+".bak")), storage.SampleJSON()) {
		t.Error("the replaced portfolio is not in .bak")
	}
	if log := string(readFile(t, filepath.Join(dir, DefaultFile+".log"))); !strings.Contains(log, "demo --lots 20 --seed 1 --force") {
		t.Errorf("no change-log line for demo --force: %q", log)
	}
}

// TestSellRefusesLinkedLog: a change log planted as a link to another
// file makes sell fail without writing the link's target or the
// portfolio.
func TestSellRefusesLinkedLog(t *testing.T) {
	dir := sampleDir(t)
	victim := filepath.Join(dir, "victim.txt")
	writeFile(t, victim, []byte("precious\n"))
	if err := os.Symlink(victim, filepath.Join(dir, DefaultFile+".log")); err != nil {
		t.Skip("no symbolic links:", err)
	}
	r := run(t, dir, "sell", "--sell", "L-0003")
	if r.code != ExitFailure || !strings.Contains(r.stderr, "not a regular file") {
		t.Errorf("sell with a linked log: exit %d, %q", r.code, r.stderr)
	}
	if string(readFile(t, victim)) != "precious\n" || !bytes.Equal(readFile(t, filepath.Join(dir, DefaultFile)), storage.SampleJSON()) {
		t.Error("the link's target or the portfolio changed")
	}
}

// TestSellKeepsPrivateFilesPrivate: the files a sell creates next to a
// 0600 portfolio are 0600 too.
func TestSellKeepsPrivateFilesPrivate(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("unix permissions")
	}
	dir := sampleDir(t)
	path := filepath.Join(dir, DefaultFile)
	os.Chmod(path, 0o600)
	run(t, dir, "sell", "--sell", "L-0003").ok(t, "sell")
	run(t, dir, "export", "--out", "8949.csv").ok(t, "export")
	for _, name := range []string{path, path + ".bak", path + ".log", path + ".lock", filepath.Join(dir, "8949.csv")} {
		if st, err := os.Stat(name); err != nil || st.Mode().Perm() != 0o600 {
			t.Errorf("%s: %v (%v), want 0600", filepath.Base(name), st.Mode().Perm(), err)
		}
	}
}

// TestSellSavedButNotLogged: when the new file is in place but its
// change-log line cannot be written, sell says the sale is recorded and
// must not be run again, with its own exit status 3; the next save logs
// the unlogged version. The log is made immutable (chattr +i), which
// stops even root from appending to it.
func TestSellSavedButNotLogged(t *testing.T) {
	chattr, err := exec.LookPath("chattr")
	if err != nil || os.Geteuid() != 0 {
		t.Skip("needs chattr and root")
	}
	dir := sampleDir(t)
	path := filepath.Join(dir, DefaultFile)
	run(t, dir, "sell", "--sell", "L-0003").ok(t, "first sell") // starts the log
	if out, err := exec.Command(chattr, "+i", path+".log").CombinedOutput(); err != nil {
		t.Skipf("chattr +i: %v %s", err, out)
	}
	t.Cleanup(func() { exec.Command(chattr, "-i", path+".log").Run() })
	r := run(t, dir, "sell", "--sell", "L-0005")
	if r.code != ExitRecorded || !strings.Contains(r.stderr, "the change IS recorded; do not run the command again") ||
		!strings.Contains(r.stdout, "Recorded batch B-0004") {
		t.Errorf("sell with an unwritable log: exit %d\nstdout %s\nstderr %s", r.code, r.stdout, r.stderr)
	}
	f, err := storage.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := f.Portfolio.LastBatch(); b != "B-0004" {
		t.Errorf("the sale is not in the file: last batch %s", b)
	}
	exec.Command(chattr, "-i", path+".log").Run()
	run(t, dir, "sell", "--sell", "L-0008").ok(t, "the next sell")
	if log := string(readFile(t, path+".log")); !strings.Contains(log, "version found on disk without a log line") {
		t.Errorf("the next save did not log the unlogged version:\n%s", log)
	}
}
