package ui

import "fmt"

// stage is how far the data on the screen is built: the one place that
// says whether the app is loading, showing a first frame, waiting for its
// Collections and Realized tables, or ready.
type stage uint8

const (
	// stageLoading: no data yet, the loading screen. Keys wait (queued)
	// and are replayed when every table is there.
	stageLoading stage = iota
	// stageFirst: a first frame (firstframe.go), the largest losses of a
	// large portfolio, totals pending. Keys other than quit wait.
	stageFirst
	// stagePartial: every holding; the Collections and Realized tables
	// are being built (completeCmd). Keys work; those queued before wait
	// for the tables.
	stagePartial
	// stageReady: every table.
	stageReady
)

// String names the stage.
func (s stage) String() string {
	switch s {
	case stageLoading:
		return "loading"
	case stageFirst:
		return "first frame"
	case stagePartial:
		return "partial"
	case stageReady:
		return "ready"
	}
	return fmt.Sprintf("stage(%d)", int(s))
}

// waits reports whether keys wait for the data in stage s.
func (s stage) waits() bool { return s <= stageFirst }

// loadStage is the stage of the screen: loading until a dataset is shown,
// then the stage of that dataset.
func (m *Model) loadStage() stage {
	if m.data == nil {
		return stageLoading
	}
	return m.data.stage
}
