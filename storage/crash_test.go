package storage

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"nftharvest/synthetic"
)

// crashWriterEnv switches the test binary into the writer process of
// TestCrashDuringSave: it names the file to save over and over.
const crashWriterEnv = "NFTHARVEST_STORAGE_CRASH_WRITER"

// TestCrashWriter is the writer process of TestCrashDuringSave. It does
// nothing in a normal run.
func TestCrashWriter(t *testing.T) {
	path := os.Getenv(crashWriterEnv)
	if path == "" {
		t.Skip("only runs as the writer process of TestCrashDuringSave")
	}
	f, err := Load(path)
	if err != nil {
		fmt.Println("load:", err)
		os.Exit(3)
	}
	fmt.Println("ready")
	for i := 0; ; i++ {
		p := f.Portfolio.Clone()
		p.Lots[i%len(p.Lots)].Note = fmt.Sprintf("save %d by pid %d", i, os.Getpid())
		if err := f.Save(p, fmt.Sprintf("crash test save %d", i)); err != nil {
			fmt.Println("save:", err)
			os.Exit(4)
		}
	}
}

// TestCrashDuringSave kills a writer process (SIGKILL) at random moments
// while it saves, many times, and checks after each kill that the file is
// the old or the new version, complete and valid, never a torn one; that
// the backup is valid; and that the change log ends with the file's hash
// (or with the backup's, when the kill came between the rename and the log
// line).
func TestCrashDuringSave(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("SIGKILL is a unix test")
	}
	iterations := 50
	if testing.Short() || raceEnabled {
		iterations = 15
	}
	path := filepath.Join(t.TempDir(), "portfolio.json")
	// Big enough (about 600 KB) that a save takes a few milliseconds.
	f, err := SaveAs(path, synthetic.Portfolio(2000, 3), "initial", false)
	if err != nil {
		t.Fatal(err)
	}
	// Kill at random moments within about three saves, however fast this
	// machine (or the race detector) makes a save.
	window := time.Hour
	for range 3 {
		start := time.Now()
		if err := f.Save(f.Portfolio, "timing"); err != nil {
			t.Fatal(err)
		}
		window = min(window, 3*time.Since(start))
	}
	initial := sha256.Sum256(readFile(t, path))
	rng := rand.New(rand.NewPCG(1, 2))
	saves, midSave := 0, 0
	for it := range iterations {
		cmd := exec.Command(os.Args[0], "-test.run=^TestCrashWriter$", "-test.count=1")
		cmd.Env = append(os.Environ(), crashWriterEnv+"="+path)
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		line, _ := bufio.NewReader(out).ReadString('\n')
		if strings.TrimSpace(line) != "ready" {
			cmd.Process.Kill()
			cmd.Wait()
			t.Fatalf("iteration %d: writer said %q", it, line)
		}
		time.Sleep(time.Duration(rng.Int64N(int64(window))))
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()

		data := readFile(t, path)
		p, err := Parse(data, path)
		if err != nil {
			t.Fatalf("iteration %d: the file is not valid after a kill: %v", it, err)
		}
		if !bytes.Equal(mustEncode(t, p), data) {
			t.Fatalf("iteration %d: the file is not a complete file written by Encode", it)
		}
		if bak, err := os.ReadFile(path + ".bak"); err == nil {
			if _, err := Parse(bak, path+".bak"); err != nil {
				t.Fatalf("iteration %d: the backup is not valid: %v", it, err)
			}
		}
		last := lastLogHash(t, path+".log")
		cur := fmt.Sprintf("%x", sha256.Sum256(data))
		bak := fmt.Sprintf("%x", sha256.Sum256(readFileOrNil(path+".bak")))
		if last != cur && last != bak {
			t.Fatalf("iteration %d: the log ends with %s, neither the file's hash %s nor the backup's %s", it, last, cur, bak)
		}
		if cur == bak || last != cur || tempLeft(t, path) {
			midSave++ // killed after the backup, before the log line, or while writing
		}
		saves = strings.Count(string(readFile(t, path+".log")), "\n")
	}
	if sha256.Sum256(readFile(t, path)) == initial || saves < iterations/3 {
		t.Fatalf("the writers saved too little (%d log lines) for the test to mean anything", saves)
	}
	// A save after all the kills cleans up temporary files they left.
	f, err = Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Save(f.Portfolio, "after the crashes"); err != nil {
		t.Fatal(err)
	}
	for _, n := range folderNames(t, filepath.Dir(path)) {
		if strings.Contains(n, ".tmp-") {
			t.Errorf("temporary file %s left after a save", n)
		}
	}
	t.Logf("%d kills within %v of the writer starting, %d of them visibly in the middle of a save; %d log lines", iterations, window, midSave, saves)
}

// lastLogHash returns the hash of the change log's last line, checking
// that every line is complete and well formed.
func lastLogHash(t *testing.T, path string) string {
	t.Helper()
	text := string(readFile(t, path))
	if !strings.HasSuffix(text, "\n") {
		t.Fatalf("the log ends with a partial line: %q", text[max(0, len(text)-80):])
	}
	lines := strings.Split(strings.TrimSuffix(text, "\n"), "\n")
	var hash string
	for _, l := range lines {
		parts := strings.Split(l, "\t")
		if len(parts) != 3 || !strings.HasPrefix(parts[2], "sha256=") || len(parts[2]) != len("sha256=")+64 {
			t.Fatalf("malformed log line %q", l)
		}
		if _, err := time.Parse(time.RFC3339, parts[0]); err != nil {
			t.Fatalf("log line time: %v", err)
		}
		hash = strings.TrimPrefix(parts[2], "sha256=")
	}
	return hash
}

func readFileOrNil(path string) []byte {
	b, _ := os.ReadFile(path)
	return b
}

// tempLeft tells whether a killed save left a temporary file.
func tempLeft(t *testing.T, path string) bool {
	for _, n := range folderNames(t, filepath.Dir(path)) {
		if strings.Contains(n, ".tmp-") {
			return true
		}
	}
	return false
}
