package ui

import (
	"reflect"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
)

// runFormCmd runs cmd as the program would, for the "a" form: batches and
// sequences are unwrapped (a sequence's type is not exported, hence
// reflection), and a command that does not return at once (a cursor
// blink's timer) is dropped.
func runFormCmd(h *harness, cmd tea.Cmd, depth int) {
	h.t.Helper()
	if cmd == nil || depth > 50 {
		return
	}
	done := make(chan tea.Msg, 1)
	go func() { done <- cmd() }()
	var msg tea.Msg
	select {
	case msg = <-done:
	case <-time.After(50 * time.Millisecond):
		return
	}
	if msg == nil {
		return
	}
	if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeOf(tea.Cmd(nil)) {
		for i := range v.Len() {
			runFormCmd(h, v.Index(i).Interface().(tea.Cmd), depth+1)
		}
		return
	}
	if _, ok := msg.(tea.QuitMsg); ok {
		h.quit = true
		return
	}
	_, next := h.m.Update(msg)
	runFormCmd(h, next, depth+1)
}

func formKeys(h *harness, keys ...string) {
	h.t.Helper()
	for _, k := range keys {
		var msg tea.KeyPressMsg
		if t, ok := strings.CutPrefix(k, "type:"); ok {
			for _, r := range t {
				_, cmd := h.m.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
				runFormCmd(h, cmd, 0)
			}
			continue
		}
		msg = keyMsg(k)
		_, cmd := h.m.Update(msg)
		runFormCmd(h, cmd, 0)
	}
}

// "a" opens a form; a lot typed in is checked and saved as a batch of its
// own, with the loader's rules: a cost typed wrong is refused in the form,
// and esc closes it without saving.
func TestAddFormAddsALot(t *testing.T) {
	h := newHarness(t, 120, 40, samplePath(t), nil)
	formKeys(h, "a")
	if h.m.add == nil || !strings.Contains(h.screen(), "Add a lot or a sale") {
		t.Fatalf("a did not open the form:\n%s", h.screen())
	}
	formKeys(h, "esc")
	if h.m.add != nil || len(h.store.saved) != 0 {
		t.Fatal("esc did not close the form without saving")
	}

	formKeys(h, "a", "enter") // a lot
	formKeys(h, "down", "enter", "type:777", "enter", "enter", "enter", "type:12,5", "enter")
	if len(h.store.saved) != 0 || h.m.add == nil || !strings.Contains(h.screen(), "a plain decimal such as 812.50") {
		t.Fatalf("a cost of 12,5 was not refused in the form:\n%s", h.screen())
	}
	formKeys(h, "backspace", "backspace", "type:.5", "enter", "enter")
	if len(h.store.saved) != 1 {
		t.Fatalf("the lot was not saved; status %q\n%s", h.m.status.text, h.screen())
	}
	p := h.store.saved[0]
	l := p.Lots[len(p.Lots)-1]
	if l.ID != "L-0049" || l.Collection != p.Collections[1].ID || l.TokenID != "777" || l.Cost.String() != "12.5" ||
		l.Acquired != today || l.Batch != "B-0003" {
		t.Errorf("saved lot %+v", l)
	}
	if !strings.Contains(h.m.status.text, "Added a lot as B-0003. u to undo.") {
		t.Errorf("status %q", h.m.status.text)
	}
}

// A sale of more than the lot holds is refused with the loader's message,
// and nothing is saved.
func TestAddFormRefusesAnOversale(t *testing.T) {
	h := newHarness(t, 120, 40, samplePath(t), nil)
	formKeys(h, "a", "down", "enter") // a sale of the lot under the cursor (L-0003, 1 open)
	formKeys(h, "enter", "backspace", "type:5", "enter", "enter", "type:100", "enter", "enter")
	if len(h.store.saved) != 0 || !strings.Contains(h.m.status.text, `Not added: lots[2].quantity: "1" is less than the 5 its sales take`) {
		t.Errorf("status %q, saved %d", h.m.status.text, len(h.store.saved))
	}
}
