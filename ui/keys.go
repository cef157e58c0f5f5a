package ui

import (
	"slices"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// Every key of the TUI is declared once, in keyTable: its keys, its help
// and the scopes where it works. The KeyMap, the help lists (short and
// full) and the collision test are derived from the table; adding a key
// adds a keyID, a table entry and its handler.

// keyID names one binding. The order is the order of the full help.
type keyID int

const (
	keyUp keyID = iota
	keyDown
	keyPageUp
	keyPageDown
	keyTop
	keyBottom
	keyNextTab
	keyPrevTab
	keyTab1
	keyTab2
	keyTab3
	keyOpen
	keyBack
	keySort
	keyReverse
	keySortMenu
	keySortPick
	keyFilter
	keyClearFilter
	keyLosses
	keyTerm
	keyToggle
	keySuggest
	keyAddShown
	keyClearBasket
	keyEditPrice
	keyEditDate
	keyEditFees
	keyEditQty
	keyMark
	keyUndo
	keyExport
	keyAdd
	keyReload
	keyExportFormat
	keyExportYear
	keyApply
	keyConfirm
	keyCancel
	keyHelp
	keyQuit
	keyForceQuit
	keyCount
)

// scope is a set of places where a binding works. A keyContext is in one
// or more scopes (keyContext.scopes); a binding is enabled when its scope
// and the context's share a bit.
type scope uint16

const (
	inLoading  scope = 1 << iota // the loading screen
	inDialog                     // a dialog has the keyboard
	inInput                      // the filter or an edit field has the keyboard
	inHelp                       // the help screen
	inDetail                     // a lot's detail
	inBrowse                     // browsing a table, any tab
	inHoldings                   // browsing the Holdings tab
	inBasket                     // browsing the Holdings tab with lots in the basket
	inFilter                     // browsing with a filter on
	inExport                     // the export dialog
	inSortMenu                   // the sort menu (o)
	anywhere   = inLoading | inDialog | inInput | inHelp | inDetail | inBrowse | inHoldings | inBasket | inFilter | inExport | inSortMenu
)

// Full help columns.
const (
	helpMove = iota
	helpTabs
	helpSortFilter
	helpBasket
	helpProgram
)

// keyDef declares one binding.
type keyDef struct {
	keys      []string
	key, desc string // as the help shows them
	in        scope
	column    int // full help column
	short     int // place in the one-line help, from 1; 0 = not there
	// shortIn narrows where the one-line help shows it (0: wherever it
	// works): m works on an empty basket, to say why it does nothing.
	shortIn scope
}

// keyTable is every binding, indexed by keyID.
var keyTable = [keyCount]keyDef{
	keyUp:       {keys: []string{"up", "k"}, key: "↑/k", desc: "up", in: inBrowse | inDetail | inDialog | inHelp, column: helpMove},
	keyDown:     {keys: []string{"down", "j"}, key: "↓/j", desc: "down", in: inBrowse | inDetail | inDialog | inHelp, column: helpMove},
	keyPageUp:   {keys: []string{"pgup", "ctrl+b"}, key: "pgup/ctrl+b", desc: "page up", in: inBrowse | inDetail | inDialog | inHelp, column: helpMove},
	keyPageDown: {keys: []string{"pgdown", "ctrl+f"}, key: "pgdn/ctrl+f", desc: "page down", in: inBrowse | inDetail | inDialog | inHelp, column: helpMove},
	keyTop:      {keys: []string{"home", "g"}, key: "g/home", desc: "first", in: inBrowse | inDetail | inDialog | inHelp, column: helpMove},
	keyBottom:   {keys: []string{"end", "G"}, key: "G/end", desc: "last", in: inBrowse | inDetail | inDialog | inHelp, column: helpMove},

	keyNextTab: {keys: []string{"tab"}, key: "tab", desc: "next tab", in: inBrowse, column: helpTabs, short: 10},
	keyPrevTab: {keys: []string{"shift+tab"}, key: "shift+tab", desc: "previous tab", in: inBrowse, column: helpTabs},
	keyTab1:    {keys: []string{"1"}, key: "1", desc: "holdings", in: inBrowse, column: helpTabs},
	keyTab2:    {keys: []string{"2"}, key: "2", desc: "collections", in: inBrowse, column: helpTabs},
	keyTab3:    {keys: []string{"3"}, key: "3", desc: "realized", in: inBrowse, column: helpTabs},
	keyOpen:    {keys: []string{"enter"}, key: "enter", desc: "details", in: inBrowse, column: helpTabs, short: 4},
	keyBack:    {keys: []string{"esc"}, key: "esc", desc: "back", in: inHelp | inDetail, column: helpTabs, short: 11},

	keySort:        {keys: []string{"s"}, key: "s", desc: "sort column", in: inBrowse, column: helpSortFilter, short: 7},
	keyReverse:     {keys: []string{"S"}, key: "S", desc: "reverse sort", in: inBrowse, column: helpSortFilter},
	keySortMenu:    {keys: []string{"o"}, key: "o", desc: "sort by…", in: inBrowse, column: helpSortFilter},
	keySortPick:    {keys: sortPickKeys, key: "1-9 0 a-d", desc: "sort by that column", in: inSortMenu, column: helpSortFilter},
	keyFilter:      {keys: []string{"/"}, key: "/", desc: "filter", in: inBrowse, column: helpSortFilter, short: 8},
	keyClearFilter: {keys: []string{"esc"}, key: "esc", desc: "clear filters", in: inFilter, column: helpSortFilter},
	keyLosses:      {keys: []string{"l"}, key: "l", desc: "losses only", in: inBrowse, column: helpSortFilter, short: 9},
	keyTerm:        {keys: []string{"t"}, key: "t", desc: "all/short/long", in: inBrowse, column: helpSortFilter},

	keyToggle:      {keys: []string{"space"}, key: "space", desc: "basket ±", in: inHoldings, column: helpBasket, short: 5},
	keySuggest:     {keys: []string{"H"}, key: "H", desc: "suggest harvest", in: inHoldings, column: helpBasket},
	keyAddShown:    {keys: []string{"A"}, key: "A", desc: "add all shown", in: inHoldings, column: helpBasket},
	keyClearBasket: {keys: []string{"C"}, key: "C", desc: "clear basket", in: inBasket, column: helpBasket},
	keyEditPrice:   {keys: []string{"e"}, key: "e", desc: "sale price", in: inHoldings, column: helpBasket},
	keyEditDate:    {keys: []string{"d"}, key: "d", desc: "sale date", in: inHoldings, column: helpBasket},
	keyEditFees:    {keys: []string{"f"}, key: "f", desc: "selling fees", in: inHoldings, column: helpBasket},
	keyEditQty:     {keys: []string{"n"}, key: "n", desc: "units to sell", in: inHoldings, column: helpBasket},

	keyMark:         {keys: []string{"m"}, key: "m", desc: "mark sold", in: inHoldings, column: helpProgram, short: 6, shortIn: inBasket},
	keyUndo:         {keys: []string{"u"}, key: "u", desc: "undo last sale", in: inBrowse, column: helpProgram},
	keyExport:       {keys: []string{"x"}, key: "x", desc: "export", in: inBrowse, column: helpProgram},
	keyAdd:          {keys: []string{"a"}, key: "a", desc: "add lot/sale", in: inBrowse, column: helpProgram},
	keyReload:       {keys: []string{"r"}, key: "r", desc: "reload", in: inBrowse, column: helpProgram},
	keyExportFormat: {keys: []string{"tab"}, key: "tab", desc: "next format", in: inExport, column: helpProgram},
	keyExportYear:   {keys: []string{"ctrl+y"}, key: "ctrl+y", desc: "next tax year", in: inExport, column: helpProgram},
	keyApply:        {keys: []string{"enter"}, key: "enter", desc: "apply", in: inInput, column: helpProgram, short: 2},
	keyConfirm:      {keys: []string{"enter"}, key: "enter", desc: "confirm", in: inDialog, column: helpProgram, short: 1},
	keyCancel:       {keys: []string{"esc"}, key: "esc", desc: "cancel", in: inDialog | inInput, column: helpProgram, short: 3},
	keyHelp:         {keys: []string{"?"}, key: "?", desc: "help", in: inHelp | inDetail | inBrowse | inDialog, column: helpProgram, short: 12},
	keyQuit:         {keys: []string{"q"}, key: "q", desc: "quit", in: inLoading | inHelp | inDetail | inBrowse, column: helpProgram, short: 13},
	keyForceQuit:    {keys: []string{"ctrl+c"}, key: "ctrl+c", desc: "quit", in: anywhere, column: helpProgram},
}

// sortPickKeys pick a column in the sort menu, in the columns' order.
var sortPickKeys = []string{"1", "2", "3", "4", "5", "6", "7", "8", "9", "0", "a", "b", "c", "d"}

// KeyMap is every binding of keyTable, enabled for one context
// (setContext) so that help shows only what works now and no two enabled
// bindings share a key. It implements bubbles/help.KeyMap.
type KeyMap struct {
	b [keyCount]key.Binding
	s scope // the scopes of the context
}

// DefaultKeyMap returns the bindings of keyTable.
func DefaultKeyMap() KeyMap {
	var k KeyMap
	for id, d := range keyTable {
		k.b[id] = key.NewBinding(key.WithKeys(d.keys...), key.WithHelp(d.key, d.desc))
	}
	return k
}

// is reports whether msg presses binding id (and id is enabled).
func (k *KeyMap) is(msg tea.KeyPressMsg, id keyID) bool { return key.Matches(msg, k.b[id]) }

// keyContext is what the keyboard drives right now.
type keyContext struct {
	loading bool // the loading screen (stageLoading)
	mode    mode
	focus   focus
	tab     tab
	basket  bool // the basket has lots
	filter  bool // a filter is active
	export  bool // the dialog is the export dialog
	sort    bool // the dialog is the sort menu
}

// scopes returns the scopes c is in. Loading comes first, then a dialog,
// then an input, then the mode.
func (c keyContext) scopes() scope {
	switch {
	case c.loading:
		return inLoading
	case c.focus == focusDialog && c.export:
		return inDialog | inExport
	case c.focus == focusDialog && c.sort:
		return inDialog | inSortMenu
	case c.focus == focusDialog:
		return inDialog
	case c.focus == focusInput:
		return inInput
	case c.mode == modeHelp:
		return inHelp
	case c.mode == modeDetail:
		return inDetail
	}
	s := inBrowse
	if c.filter {
		s |= inFilter
	}
	if c.tab == tabHoldings {
		s |= inHoldings
		if c.basket {
			s |= inBasket
		}
	}
	return s
}

// setContext enables exactly the bindings that work in c.
func (k *KeyMap) setContext(c keyContext) {
	s := c.scopes()
	k.s = s
	for id := range k.b {
		k.b[id].SetEnabled(keyTable[id].in&s != 0)
	}
}

// ShortHelp is the one-line help of the current context: the enabled
// bindings with a short place, in that order.
func (k KeyMap) ShortHelp() []key.Binding {
	var ids []keyID
	for id, d := range keyTable {
		if d.short > 0 && k.b[id].Enabled() && (d.shortIn == 0 || d.shortIn&k.s != 0) {
			ids = append(ids, keyID(id))
		}
	}
	slices.SortFunc(ids, func(a, b keyID) int { return keyTable[a].short - keyTable[b].short })
	out := make([]key.Binding, len(ids))
	for i, id := range ids {
		out[i] = k.b[id]
	}
	return out
}

// FullHelp is every enabled binding, in columns, in table order.
func (k KeyMap) FullHelp() [][]key.Binding {
	var cols [helpProgram + 1][]key.Binding
	for id, d := range keyTable {
		if k.b[id].Enabled() {
			cols[d.column] = append(cols[d.column], k.b[id])
		}
	}
	var out [][]key.Binding
	for _, c := range cols {
		if len(c) > 0 {
			out = append(out, c)
		}
	}
	return out
}
