package storage

import (
	"errors"
	"io/fs"
	"os"
	"strconv"
)

// BackupGenerations is how many previous versions a save keeps:
// <file>.bak (the newest), <file>.bak.1 and <file>.bak.2 (the oldest).
const BackupGenerations = 3

// backupName is the name of backup generation n of the backup bak
// (0: bak itself, else bak.n).
func backupName(bak string, n int) string {
	if n == 0 {
		return bak
	}
	return bak + "." + strconv.Itoa(n)
}

// rotateBackups makes room for a new backup at bak: each generation is
// renamed to the next older one (bak.1 to bak.2, bak to bak.1), and the
// oldest is replaced. Renames are atomic, so every generation is always a
// complete file. A generation that does not exist is skipped.
func rotateBackups(bak string) error {
	for n := BackupGenerations - 1; n > 0; n-- {
		err := os.Rename(backupName(bak, n-1), backupName(bak, n))
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	return nil
}
