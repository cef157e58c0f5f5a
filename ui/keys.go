package ui

import "charm.land/bubbles/v2/key"

// KeyMap is every key binding of the TUI. Bindings are enabled by context
// (see setContext) so that help shows only what works now and no two
// enabled bindings share a key.
type KeyMap struct {
	// Moving.
	Up, Down, PageUp, PageDown, Top, Bottom key.Binding
	// Tabs.
	NextTab, PrevTab, Tab1, Tab2, Tab3 key.Binding
	// Sorting and filtering.
	Sort, Reverse, Filter, ClearFilter, Losses, Term key.Binding
	// Lot detail.
	Open, Back key.Binding
	// What-if basket (Holdings tab).
	Toggle, Suggest, ClearBasket, EditPrice, EditDate, EditFees key.Binding
	// Recording.
	Mark, Undo, Export, Add key.Binding
	// Text input and dialogs.
	Apply, Cancel, Confirm key.Binding
	// Program.
	Reload, Help, Quit, ForceQuit key.Binding
}

// DefaultKeyMap returns the default bindings.
func DefaultKeyMap() KeyMap {
	b := func(keys []string, k, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, desc))
	}
	return KeyMap{
		Up:       b([]string{"up", "k"}, "↑/k", "up"),
		Down:     b([]string{"down", "j"}, "↓/j", "down"),
		PageUp:   b([]string{"pgup", "ctrl+b"}, "pgup", "page up"),
		PageDown: b([]string{"pgdown", "ctrl+f"}, "pgdn", "page down"),
		Top:      b([]string{"home", "g"}, "g/home", "first"),
		Bottom:   b([]string{"end", "G"}, "G/end", "last"),

		NextTab: b([]string{"tab"}, "tab", "next tab"),
		PrevTab: b([]string{"shift+tab"}, "shift+tab", "previous tab"),
		Tab1:    b([]string{"1"}, "1", "holdings"),
		Tab2:    b([]string{"2"}, "2", "collections"),
		Tab3:    b([]string{"3"}, "3", "realized"),

		Sort:        b([]string{"s"}, "s", "sort column"),
		Reverse:     b([]string{"S"}, "S", "reverse sort"),
		Filter:      b([]string{"/"}, "/", "filter"),
		ClearFilter: b([]string{"esc"}, "esc", "clear filters"),
		Losses:      b([]string{"l"}, "l", "losses only"),
		Term:        b([]string{"t"}, "t", "all/short/long"),

		Open: b([]string{"enter"}, "enter", "details"),
		Back: b([]string{"esc"}, "esc", "back"),

		Toggle:      b([]string{"space"}, "space", "basket ±"),
		Suggest:     b([]string{"H"}, "H", "suggest harvest"),
		ClearBasket: b([]string{"C"}, "C", "clear basket"),
		EditPrice:   b([]string{"e"}, "e", "sale price"),
		EditDate:    b([]string{"d"}, "d", "sale date"),
		EditFees:    b([]string{"f"}, "f", "selling fees"),

		Mark:   b([]string{"m"}, "m", "mark sold"),
		Undo:   b([]string{"u"}, "u", "undo last sale"),
		Export: b([]string{"x"}, "x", "export 8949"),
		Add:    b([]string{"a"}, "a", "add lot/sale"),

		Apply:   b([]string{"enter"}, "enter", "apply"),
		Cancel:  b([]string{"esc"}, "esc", "cancel"),
		Confirm: b([]string{"enter"}, "enter", "confirm"),

		Reload:    b([]string{"r"}, "r", "reload"),
		Help:      b([]string{"?"}, "?", "help"),
		Quit:      b([]string{"q"}, "q", "quit"),
		ForceQuit: b([]string{"ctrl+c"}, "ctrl+c", "quit"),
	}
}

// keyContext is what the keyboard drives right now.
type keyContext struct {
	mode   mode
	focus  focus
	tab    tab
	basket bool // the basket has lots
	filter bool // a filter is active
}

// all returns pointers to every binding, for enabling and for tests.
func (k *KeyMap) all() []*key.Binding {
	return []*key.Binding{
		&k.Up, &k.Down, &k.PageUp, &k.PageDown, &k.Top, &k.Bottom,
		&k.NextTab, &k.PrevTab, &k.Tab1, &k.Tab2, &k.Tab3,
		&k.Sort, &k.Reverse, &k.Filter, &k.ClearFilter, &k.Losses, &k.Term,
		&k.Open, &k.Back,
		&k.Toggle, &k.Suggest, &k.ClearBasket, &k.EditPrice, &k.EditDate, &k.EditFees,
		&k.Mark, &k.Undo, &k.Export, &k.Add,
		&k.Apply, &k.Cancel, &k.Confirm,
		&k.Reload, &k.Help, &k.Quit, &k.ForceQuit,
	}
}

// setContext enables exactly the bindings that work in c.
func (k *KeyMap) setContext(c keyContext) {
	for _, b := range k.all() {
		b.SetEnabled(false)
	}
	on := func(bs ...*key.Binding) {
		for _, b := range bs {
			b.SetEnabled(true)
		}
	}
	on(&k.ForceQuit)
	switch {
	case c.mode == modeLoading:
		on(&k.Quit)
	case c.focus == focusDialog:
		on(&k.Confirm, &k.Cancel)
	case c.focus == focusInput:
		on(&k.Apply, &k.Cancel)
	case c.mode == modeHelp:
		on(&k.Back, &k.Help, &k.Quit)
	case c.mode == modeDetail:
		on(&k.Up, &k.Down, &k.PageUp, &k.PageDown, &k.Top, &k.Bottom, &k.Back, &k.Help, &k.Quit)
	default: // browse
		on(&k.Up, &k.Down, &k.PageUp, &k.PageDown, &k.Top, &k.Bottom,
			&k.NextTab, &k.PrevTab, &k.Tab1, &k.Tab2, &k.Tab3,
			&k.Sort, &k.Reverse, &k.Filter, &k.Losses, &k.Term,
			&k.Open, &k.Undo, &k.Export, &k.Add, &k.Reload, &k.Help, &k.Quit)
		if c.filter {
			on(&k.ClearFilter)
		}
		if c.tab == tabHoldings {
			on(&k.Toggle, &k.Suggest)
			if c.basket {
				on(&k.ClearBasket, &k.EditPrice, &k.EditDate, &k.EditFees, &k.Mark)
			}
		}
	}
}

// ShortHelp is the one-line help of the current context (KeyMap
// implements bubbles/help.KeyMap; setContext decides what is enabled).
func (k KeyMap) ShortHelp() []key.Binding {
	return enabled(k.Confirm, k.Apply, k.Cancel, k.Open, k.Toggle, k.Mark, k.Sort, k.Filter,
		k.Losses, k.NextTab, k.Back, k.Help, k.Quit)
}

// FullHelp is every enabled binding, grouped in columns.
func (k KeyMap) FullHelp() [][]key.Binding {
	groups := [][]key.Binding{
		enabled(k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom),
		enabled(k.NextTab, k.PrevTab, k.Tab1, k.Tab2, k.Tab3, k.Open, k.Back),
		enabled(k.Sort, k.Reverse, k.Filter, k.ClearFilter, k.Losses, k.Term),
		enabled(k.Toggle, k.Suggest, k.ClearBasket, k.EditPrice, k.EditDate, k.EditFees),
		enabled(k.Mark, k.Undo, k.Export, k.Reload, k.Apply, k.Confirm, k.Cancel, k.Help, k.Quit, k.ForceQuit),
	}
	out := groups[:0]
	for _, g := range groups {
		if len(g) > 0 {
			out = append(out, g)
		}
	}
	return out
}

func enabled(bs ...key.Binding) []key.Binding {
	out := make([]key.Binding, 0, len(bs))
	for _, b := range bs {
		if b.Enabled() {
			out = append(out, b)
		}
	}
	return out
}
