package ui

import (
	"os"
	"path/filepath"
	"strings"
)

// homeDir is the user's home directory (a variable for tests).
var homeDir = os.UserHomeDir

// expandHome expands a leading "~" or "~/" of a path typed in a dialog to
// the home directory, as a shell would; "~user" and a path without "~"
// are returned as they are, as is the path when there is no home.
func expandHome(path string) string {
	if path != "~" && !strings.HasPrefix(path, "~/") && !strings.HasPrefix(path, "~"+string(filepath.Separator)) {
		return path
	}
	home, err := homeDir()
	if err != nil || home == "" {
		return path
	}
	return filepath.Join(home, path[1:])
}
