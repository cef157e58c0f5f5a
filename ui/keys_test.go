package ui

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"charm.land/bubbles/v2/help"
)

// keyContexts is every context the keyboard can be in.
func keyContexts() []keyContext {
	var contexts []keyContext
	for _, loading := range []bool{false, true} {
		for _, md := range []mode{modeBrowse, modeDetail, modeHelp} {
			for _, f := range []focus{focusTable, focusInput, focusDialog} {
				for tb := range tabCount {
					for _, basket := range []bool{false, true} {
						for _, filter := range []bool{false, true} {
							contexts = append(contexts, keyContext{loading: loading, mode: md, focus: f, tab: tb, basket: basket, filter: filter},
								keyContext{loading: loading, mode: md, focus: f, tab: tb, basket: basket, filter: filter, export: true},
								keyContext{loading: loading, mode: md, focus: f, tab: tb, basket: basket, filter: filter, sort: true})
						}
					}
				}
			}
		}
	}
	return contexts
}

// collisions returns, for context c, the keys two enabled bindings of the
// key table share, and the bindings enabled.
func collisions(c keyContext) (dups []string, on []keyID) {
	k := DefaultKeyMap()
	k.setContext(c)
	seen := map[string]keyID{}
	for id := range keyCount {
		if !k.enabled(id) {
			continue
		}
		on = append(on, id)
		for _, key := range keyTable[id].keys {
			if prev, dup := seen[key]; dup {
				dups = append(dups, fmt.Sprintf("%q: %q and %q", key, keyTable[prev].desc, keyTable[id].desc))
			}
			seen[key] = id
		}
	}
	return dups, on
}

// TestNoKeyCollisions checks that in every context no two enabled
// bindings of the key table share a key, that ctrl+c always works and that
// every binding works somewhere.
func TestNoKeyCollisions(t *testing.T) {
	var reached scope
	used := make([]bool, keyCount)
	for _, c := range keyContexts() {
		reached |= c.scopes()
		dups, on := collisions(c)
		for _, d := range dups {
			t.Errorf("%+v: key %s", c, d)
		}
		if len(on) == 0 {
			t.Errorf("%+v: no key enabled", c)
		}
		if !slices.Contains(on, keyForceQuit) {
			t.Errorf("%+v: ctrl+c disabled", c)
		}
		for _, id := range on {
			used[id] = true
		}
	}
	if reached != anywhere {
		t.Errorf("the contexts reach scopes %b, not every scope %b", reached, anywhere)
	}
	for id, ok := range used {
		if !ok {
			t.Errorf("binding %q works in no context", keyTable[id].desc)
		}
	}
}

// TestKeyCollisionsAreFound: the check finds two bindings of one scope
// sharing a key, and one of a narrower scope (the basket's) sharing a key
// with a browse binding.
func TestKeyCollisionsAreFound(t *testing.T) {
	saved := keyTable
	defer func() { keyTable = saved }()
	keyTable[keyTerm].keys = []string{"s"}     // Sort's key
	keyTable[keyEditFees].keys = []string{"x"} // Export's key
	dups, _ := collisions(keyContext{mode: modeBrowse, tab: tabCollections})
	if len(dups) != 1 || !strings.Contains(dups[0], "sort column") {
		t.Errorf("browse: %q", dups)
	}
	dups, _ = collisions(keyContext{mode: modeBrowse, tab: tabHoldings, basket: true})
	if len(dups) != 2 || !strings.Contains(dups[1], "selling fees") {
		t.Errorf("basket: %q", dups)
	}
}

// TestEveryBindingHasHelp keeps the help screen complete.
func TestEveryBindingHasHelp(t *testing.T) {
	for id, d := range keyTable {
		if d.key == "" || d.desc == "" || len(d.keys) == 0 || d.in == 0 {
			t.Errorf("binding %d lacks keys, help or a scope: %+v", id, d)
		}
	}
}

// TestBasketKeysOnlyWithABasket: editing and marking work on the Holdings
// tab (saying why when the basket is empty); clearing needs lots.
func TestBasketKeysOnlyWithABasket(t *testing.T) {
	k := DefaultKeyMap()
	k.setContext(keyContext{mode: modeBrowse, tab: tabHoldings})
	if !k.enabled(keyMark) || !k.enabled(keyEditPrice) || !k.enabled(keyToggle) || k.enabled(keyClearBasket) {
		t.Error("empty basket: m/e (which say why) or space disabled, or C enabled")
	}
	k.setContext(keyContext{mode: modeBrowse, tab: tabCollections, basket: true})
	if k.enabled(keyToggle) || k.enabled(keyMark) {
		t.Error("collections tab: basket keys enabled")
	}
	k.setContext(keyContext{mode: modeBrowse, tab: tabHoldings, basket: true})
	if !k.enabled(keyMark) || !k.enabled(keyEditDate) || !k.enabled(keyClearBasket) {
		t.Error("basket keys disabled with a basket")
	}
}

// TestHelpFollowsTheMode: the help shows what works now.
func TestHelpFollowsTheMode(t *testing.T) {
	var _ help.KeyMap = KeyMap{}
	k := DefaultKeyMap()
	k.setContext(keyContext{mode: modeDetail})
	for _, b := range k.ShortHelp() {
		if b.Help().Desc == "sort column" {
			t.Error("detail help offers sorting")
		}
	}
	k.setContext(keyContext{mode: modeBrowse, focus: focusDialog})
	got := ""
	for _, g := range k.FullHelp() {
		for _, b := range g {
			got += b.Help().Key + " "
		}
	}
	if got != "↑/k ↓/j pgup/ctrl+b pgdn/ctrl+f g/home G/end enter esc ? ctrl+c " {
		t.Errorf("dialog help = %q", got)
	}
}

// enabled reports whether binding id works in the current context.
func (k *KeyMap) enabled(id keyID) bool { return k.b[id].Enabled() }
