package ui

import (
	"testing"

	"charm.land/bubbles/v2/help"
)

// TestNoKeyCollisions checks that in every context no two enabled
// bindings share a key.
func TestNoKeyCollisions(t *testing.T) {
	var contexts []keyContext
	for _, md := range []mode{modeLoading, modeBrowse, modeDetail, modeHelp} {
		for _, f := range []focus{focusTable, focusInput, focusDialog} {
			for tb := range tabCount {
				for _, basket := range []bool{false, true} {
					for _, filter := range []bool{false, true} {
						contexts = append(contexts, keyContext{mode: md, focus: f, tab: tb, basket: basket, filter: filter})
					}
				}
			}
		}
	}
	for _, c := range contexts {
		k := DefaultKeyMap()
		k.setContext(c)
		seen := map[string]string{}
		n := 0
		for _, b := range k.all() {
			if !b.Enabled() {
				continue
			}
			n++
			for _, key := range b.Keys() {
				if prev, dup := seen[key]; dup {
					t.Errorf("%+v: key %q bound to %q and %q", c, key, prev, b.Help().Desc)
				}
				seen[key] = b.Help().Desc
			}
		}
		if n == 0 {
			t.Errorf("%+v: no key enabled", c)
		}
		if !k.ForceQuit.Enabled() {
			t.Errorf("%+v: ctrl+c disabled", c)
		}
	}
}

// TestEveryBindingHasHelp keeps the help screen complete.
func TestEveryBindingHasHelp(t *testing.T) {
	k := DefaultKeyMap()
	for _, b := range k.all() {
		if b.Help().Key == "" || b.Help().Desc == "" || len(b.Keys()) == 0 {
			t.Errorf("binding %v lacks keys or help", b.Keys())
		}
	}
}

// TestBasketKeysOnlyWithABasket: editing and marking need lots.
func TestBasketKeysOnlyWithABasket(t *testing.T) {
	k := DefaultKeyMap()
	k.setContext(keyContext{mode: modeBrowse, tab: tabHoldings})
	if k.Mark.Enabled() || k.EditPrice.Enabled() || !k.Toggle.Enabled() {
		t.Error("empty basket: m/e enabled or space disabled")
	}
	k.setContext(keyContext{mode: modeBrowse, tab: tabCollections, basket: true})
	if k.Toggle.Enabled() || k.Mark.Enabled() {
		t.Error("collections tab: basket keys enabled")
	}
	k.setContext(keyContext{mode: modeBrowse, tab: tabHoldings, basket: true})
	if !k.Mark.Enabled() || !k.EditDate.Enabled() || !k.ClearBasket.Enabled() {
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
	if got != "enter esc ctrl+c " {
		t.Errorf("dialog help = %q", got)
	}
}
