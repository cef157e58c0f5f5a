package ui

import (
	"os"
	"os/signal"
	"syscall"
)

// onQuitSignals calls quit when the process gets SIGHUP (the terminal
// closed) or SIGTERM, until stop is called. While it listens, these
// signals no longer kill the process, so Run can let a running save
// finish after the program ended (a second signal does not cut it short).
func onQuitSignals(quit func()) (stop func()) {
	ch := make(chan os.Signal, 4)
	done := make(chan struct{})
	signal.Notify(ch, syscall.SIGHUP, syscall.SIGTERM)
	go func() {
		for {
			select {
			case <-ch:
				quit()
			case <-done:
				return
			}
		}
	}()
	return func() {
		signal.Stop(ch)
		close(done)
	}
}
