//go:build linux || darwin || freebsd || openbsd || netbsd || dragonfly

package cli

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"nftharvest/storage"
)

// TestSellByNonWriterRefused: a user who may not write the portfolio
// cannot replace it, even from a folder everyone may write to.
func TestSellByNonWriterRefused(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root to run the binary as another user")
	}
	dir, err := os.MkdirTemp("", "nftharvest-nonwriter-")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(dir)
	os.Chmod(dir, 0o777)
	bin := filepath.Join(dir, "nftharvest")
	writeFile(t, bin, readFile(t, binary))
	os.Chmod(bin, 0o755)
	path := filepath.Join(dir, DefaultFile)
	writeFile(t, path, storage.SampleJSON()) // root's, 0644
	cmd := exec.Command(bin, "sell", "--sell", "L-0003")
	cmd.Dir = dir
	cmd.Env = []string{TodayVar + "=" + testToday}
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	out, err := cmd.CombinedOutput()
	if err == nil || !strings.Contains(string(out), "may not write") {
		t.Errorf("sell by another user: %v, %s", err, out)
	}
	if !bytes.Equal(readFile(t, path), storage.SampleJSON()) {
		t.Error("another user replaced root's portfolio")
	}
	if st, _ := os.Stat(path); fmt.Sprint(st.Sys().(*syscall.Stat_t).Uid) != "0" {
		t.Error("the portfolio changed owner")
	}
}
