package cli

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"nftharvest/storage"
)

// The end-to-end tests build the real binary once and run it on temporary
// copies of the test data, checking stdout, stderr, the exit status and the
// file afterwards.

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// binary is the path of the nftharvest binary built by TestMain.
var binary string

// testToday is the "today" of every end-to-end run.
const testToday = "2026-11-28"

func TestMain(m *testing.M) {
	flag.Parse()
	dir, err := os.MkdirTemp("", "nftharvest-cli-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binary = filepath.Join(dir, "nftharvest")
	build := exec.Command("go", "build", "-o", binary, "nftharvest")
	if out, err := build.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "building nftharvest: %v\n%s", err, out)
		os.RemoveAll(dir)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// result is what one run of the binary produced.
type result struct {
	stdout, stderr string
	code           int
}

// run runs the binary in dir with NFTHARVEST_TODAY set and no
// NFTHARVEST_PORTFOLIO from the caller's environment.
func run(t *testing.T, dir string, args ...string) result {
	t.Helper()
	return runEnv(t, dir, nil, args...)
}

func runEnv(t *testing.T, dir string, extra []string, args ...string) result {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Dir = dir
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "NFTHARVEST_") {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	cmd.Env = append(cmd.Env, TodayVar+"="+testToday)
	cmd.Env = append(cmd.Env, extra...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if err != nil {
		ee, ok := err.(*exec.ExitError)
		if !ok {
			t.Fatalf("running %q: %v", args, err)
		}
		code = ee.ExitCode()
	}
	return result{stdout: out.String(), stderr: errb.String(), code: code}
}

// ok fails the test unless r succeeded with nothing on stderr.
func (r result) ok(t *testing.T, what string) result {
	t.Helper()
	if r.code != 0 || r.stderr != "" {
		t.Fatalf("%s: exit %d, stderr:\n%s", what, r.code, r.stderr)
	}
	return r
}

// failsWith checks an invalid-input failure: exit 2, nothing on stdout and
// exactly one line on stderr, prefixed and containing want.
func (r result) failsWith(t *testing.T, what, want string) {
	t.Helper()
	if r.code != ExitInvalid {
		t.Errorf("%s: exit %d, want 2 (stderr %q)", what, r.code, r.stderr)
	}
	if r.stdout != "" {
		t.Errorf("%s: unexpected stdout %q", what, r.stdout)
	}
	if strings.Count(r.stderr, "\n") != 1 || !strings.HasPrefix(r.stderr, "nftharvest: ") {
		t.Errorf("%s: stderr is not one prefixed line: %q", what, r.stderr)
	}
	if !strings.Contains(r.stderr, want) {
		t.Errorf("%s: stderr %q does not contain %q", what, r.stderr, want)
	}
}

// sampleDir returns a temporary folder holding the sample as portfolio.json.
func sampleDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, DefaultFile), storage.SampleJSON())
	return dir
}

// fixtureDir returns a temporary folder holding a copy of the named files
// of ../testdata (e.g. "valid/small.json"), each under its base name.
func fixtureDir(t *testing.T, names ...string) string {
	t.Helper()
	dir := t.TempDir()
	for _, n := range names {
		writeFile(t, filepath.Join(dir, filepath.Base(n)), readFile(t, filepath.Join("..", "testdata", n)))
	}
	return dir
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func exists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}

// golden compares got with testdata/golden/name, or rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		writeFile(t, path, []byte(got))
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("reading golden file (run go test ./cli -update to create it): %v", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s (run go test ./cli -update to accept):\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

// checkWidth fails when a table line is wider than 80 columns.
func checkWidth(t *testing.T, what, out string) {
	t.Helper()
	for _, line := range strings.Split(out, "\n") {
		if n := len([]rune(line)); n > Width {
			t.Errorf("%s: line of %d columns: %q", what, n, line)
		}
	}
}
