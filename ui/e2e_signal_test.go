//go:build linux

package ui

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// waitLong polls the pane for up to d until it contains every string.
func (e *e2e) waitLong(d time.Duration, what ...string) string {
	e.t.Helper()
	deadline := time.Now().Add(d)
	for {
		pane := e.capture()
		ok := true
		for _, w := range what {
			ok = ok && strings.Contains(pane, w)
		}
		if ok {
			return pane
		}
		if time.Now().After(deadline) {
			e.t.Fatalf("pane never showed %q:\n%s", what, pane)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// appPID is the process id of the app running in the pane (the child of
// the pane's shell).
func (e *e2e) appPID() int {
	e.t.Helper()
	out, err := exec.Command("tmux", "-L", e.socket, "display-message", "-p", "-t", "tui", "#{pane_pid}").Output()
	if err != nil {
		e.t.Fatal(err)
	}
	shell := strings.TrimSpace(string(out))
	data, err := os.ReadFile(filepath.Join("/proc", shell, "task", shell, "children"))
	if err != nil {
		e.t.Skip("cannot find the app's process:", err)
	}
	pid, err := strconv.Atoi(strings.Fields(string(data))[0])
	if err != nil {
		e.t.Fatal(err)
	}
	return pid
}

// TestSignalDuringSaveFinishesIt runs the real binary on a portfolio big
// enough that a save takes a while, records a sale and sends SIGTERM (and
// SIGHUP) while the save runs: the save completes, no temporary file is
// left, the change log has the sale, and the app says what happened.
func TestSignalDuringSaveFinishesIt(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("finds the app's process through /proc")
	}
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGHUP} {
		t.Run(sig.String(), func(t *testing.T) {
			e := newE2E(t)
			e.run("demo", "--lots", "100000", "--out", e.file(), "--force")
			e.start(120, 30)
			e.waitLong(90*time.Second, " lots", "Est. tax", "q quit")
			e.keys("Space", "m")
			e.waitFor("Record these sales?")
			pid := e.appPID()
			e.keys("Enter")
			time.Sleep(100 * time.Millisecond)
			if err := syscall.Kill(pid, sig); err != nil {
				t.Fatal(err)
			}
			pane := e.waitLong(60*time.Second, "[exit status")
			temps, _ := filepath.Glob(filepath.Join(e.dir, ".*tmp-*"))
			log, _ := os.ReadFile(e.file() + ".log")
			logged := strings.Contains(string(log), "\tsell B-")
			waited := strings.Contains(pane, "closed while saving")
			if !waited && logged && len(temps) == 0 && strings.Contains(pane, "[exit status 0]") {
				t.Skip("the save finished before the signal arrived")
			}
			if !waited || !strings.Contains(pane, "the save completed") || !strings.Contains(pane, "[exit status 0]") {
				t.Errorf("after %v during a save, the app did not wait for it and say so:\n%s", sig, pane)
			}
			if len(temps) > 0 {
				t.Errorf("temporary files left: %v", temps)
			}
			if !logged {
				t.Errorf("the sale is not in the change log:\n%s", log)
			}
		})
	}
}
