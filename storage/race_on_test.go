//go:build race

package storage

// raceEnabled is true under the race detector, which slows the writer
// process of TestCrashDuringSave down several times.
const raceEnabled = true
