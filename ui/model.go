// Package ui is the nftharvest terminal UI (Bubble Tea v2): browse holdings
// sorted and filtered, read how each lot's basis came about, build a basket
// of lots to sell with a live tax preview, record the sale and undo it.
//
// One root model (Model) is the only tea.Model; tables, the preview, the
// lot detail and dialogs are plain values it owns. Update does no I/O:
// loading, saving and exporting are commands whose results arrive as
// messages.
package ui

import (
	"errors"
	"fmt"
	"io"
	"os"

	"nftharvest/portfolio"
	"nftharvest/storage"
	"nftharvest/taxrules"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/spinner"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
)

// Options configure the TUI.
type Options struct {
	// Path is the portfolio file; "" opens the embedded sample.
	Path string
	// Today is the date when Clock is nil (tests, a fixed
	// NFTHARVEST_TODAY); one of the two is required.
	Today portfolio.Date
	// Clock, when set, returns today's date; the app reads it for each
	// action (the binary passes the local date, or NFTHARVEST_TODAY).
	Clock func() portfolio.Date
	// CheckFile, when set, is called on a loaded file before it is shown;
	// an error ends the app like a load error (the binary refuses a
	// NFTHARVEST_TODAY before the file's first acquisition).
	CheckFile func(*storage.File) error
	// Store reads and writes files; nil means DiskStore.
	Store Store
	// Dark is the background assumed until the terminal answers the
	// background colour query (nil: dark).
	Dark *bool
	// LoadGCPercent, when above zero, is the garbage collector target
	// while a portfolio is read and analysed (the previous target is
	// restored then): that work keeps almost all it allocates, so a
	// collection frees little and only delays the first screen. 0 leaves
	// the collector alone.
	LoadGCPercent int
	// ExportJSON, when set, writes the JSON export of a year (the binary
	// passes the command line's writer); the export dialog then offers
	// json too.
	ExportJSON func(w io.Writer, a *taxrules.Analysis, year int) error
	// Stderr receives what Run says after the program ended (a save that
	// was still running when the app was closed); nil means os.Stderr.
	Stderr io.Writer
}

// mode is what the screen shows.
type mode int

const (
	modeBrowse mode = iota
	modeDetail
	modeHelp
)

// String names the mode.
func (m mode) String() string {
	switch m {
	case modeBrowse:
		return "browse"
	case modeDetail:
		return "detail"
	case modeHelp:
		return "help"
	}
	return fmt.Sprintf("mode(%d)", int(m))
}

// focus is what receives the keyboard.
type focus int

const (
	focusTable focus = iota
	focusInput       // the filter or an edit of the basket
	focusDialog
)

// String names the focus.
func (f focus) String() string {
	switch f {
	case focusTable:
		return "table"
	case focusInput:
		return "input"
	case focusDialog:
		return "dialog"
	}
	return fmt.Sprintf("focus(%d)", int(f))
}

// tab is one of the three tables.
type tab int

const (
	tabHoldings tab = iota
	tabCollections
	tabRealized
	tabCount
)

// String is the tab's title.
func (t tab) String() string {
	switch t {
	case tabHoldings:
		return "Holdings"
	case tabCollections:
		return "Collections"
	case tabRealized:
		return "Realized"
	}
	return fmt.Sprintf("tab(%d)", int(t))
}

// termFilter is the t filter: all lots, short term or long term only.
type termFilter int

const (
	termAll termFilter = iota
	termShort
	termLong
)

// String describes the term filter.
func (t termFilter) String() string {
	switch t {
	case termShort:
		return "short term"
	case termLong:
		return "long term"
	}
	return "all terms"
}

// filters are the active row filters, shared by the tabs.
type filters struct {
	text   string // lower case
	losses bool
	term   termFilter
	// collection is a collection id (enter on the Collections tab): its
	// lots exactly; collName is its name for the header.
	collection, collName string
}

func (f filters) active() bool {
	return f.text != "" || f.losses || f.term != termAll || f.collection != ""
}

// Model is the root model of the TUI.
type Model struct {
	opts  Options
	store Store
	// formats are the export formats the dialog offers (formatsOf).
	formats []exportFormat
	// add is the open "a" form, nil when none.
	add *addForm

	// clock gives today's date; today is its value at the last action,
	// the date sales default to. reanalysing is the date an analysis is
	// being made for (0: none).
	clock       func() portfolio.Date
	today       portfolio.Date
	reanalysing portfolio.Date

	keys    KeyMap
	styles  Styles
	help    help.Model
	spinner spinner.Model

	width, height int
	mode          mode
	helpFrom      mode // where ? returns to
	// helpCtx is the screen ? was opened from, whose keys the help
	// lists; helpOffset its first line shown, helpPage the lines shown
	// and helpMaxOff the last first line (both at the last view).
	helpCtx                          keyContext
	helpOffset, helpPage, helpMaxOff int
	focus                            focus
	tab                              tab
	lay                              layout

	data   *dataset
	tables [tabCount]*table
	filter filters

	input textinput.Model // the filter or basket edit being typed
	edit  edit            // what the input edits

	basket  basket
	preview preview
	dialog  *dialog

	detail detail

	status   status
	statusID int

	// sessionBatches are the batches recorded in this session; undoing
	// any other asks twice.
	sessionBatches map[string]bool

	summaryCache summaryCache

	// err is a load error: the program quits and Run returns it.
	err error

	// noTimers turns the spinner and the status fade off (model tests run
	// commands synchronously).
	noTimers bool
	// firstLoad, when set by Run, delivers the result of the load Run
	// started before the program; Init uses it instead of a new load.
	firstLoad tea.Cmd
	// queued are the keys pressed while the stage waits (loading, a
	// first frame), replayed when every table is there.
	queued []tea.KeyPressMsg
	// writes are the saves and exports running; Run waits for them.
	writes *inflight
}

// New returns the model for opts. The portfolio is loaded by the command
// Init returns.
func New(opts Options) *Model {
	if opts.Store == nil {
		opts.Store = DiskStore{}
	}
	dark := true
	if opts.Dark != nil {
		dark = *opts.Dark
	}
	m := &Model{
		formats: formatsOf(opts),
		opts:    opts,
		store:   opts.Store,
		clock:   clockOf(opts),
		keys:    DefaultKeyMap(),
		styles:  NewStyles(dark),
		help:    help.New(),
		spinner: spinner.New(spinner.WithSpinner(spinner.Dot)),
		mode:    modeBrowse,
		writes:  &inflight{},

		sessionBatches: map[string]bool{},
		width:          80,
		height:         24,
	}
	m.help.Styles = m.styles.help
	m.today = m.clock()
	m.basket = newBasket()
	m.syncKeys()
	return m
}

// Run starts the TUI and blocks until the user quits. A file that cannot
// be loaded ends the program at once and its error is returned as is (a
// *storage.InvalidError for invalid content).
func Run(opts Options) error {
	if opts.Today.IsZero() && opts.Clock == nil {
		return errors.New("ui: Options.Today or Options.Clock is required")
	}
	m := New(opts)
	// Start reading the file now, while the terminal is being set up;
	// Init's load command then waits for this result.
	// A panic while loading is raised again in Init's command, where Bubble
	// Tea catches it and puts the terminal back.
	early := make(chan tea.Msg, 1)
	load := m.loadCmd(false)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				early <- loadPanic{r}
			}
		}()
		early <- load()
	}()
	m.firstLoad = func() tea.Msg {
		msg := <-early
		if p, ok := msg.(loadPanic); ok {
			panic(p.value)
		}
		return msg
	}
	prog := tea.NewProgram(m)
	// SIGTERM and a hang-up (the terminal closed) quit the program like
	// q, instead of killing a save half-way; a save still running then
	// finishes before Run returns, and Run says so.
	stopSignals := onQuitSignals(func() { prog.Send(tea.QuitMsg{}) })
	final, err := prog.Run()
	stderr := opts.Stderr
	if stderr == nil {
		stderr = os.Stderr
	}
	werr := m.writes.finish(stderr, m.fileLabel())
	stopSignals()
	if werr != nil {
		return werr
	}
	if fm, ok := final.(*Model); ok && fm.err != nil {
		return fm.err
	}
	if err != nil {
		return fmt.Errorf("ui: %w", err)
	}
	return nil
}

// loadPanic carries a panic of the early load to Init's command.
type loadPanic struct{ value any }

// Init starts loading the portfolio, asks for the background colour and
// starts the spinner.
func (m *Model) Init() tea.Cmd {
	load := m.firstLoad
	if load == nil {
		load = m.loadCmd(false)
	}
	return tea.Batch(load, tea.RequestBackgroundColor, m.spinTick())
}

// spinTick starts the spinner.
func (m *Model) spinTick() tea.Cmd {
	if m.noTimers {
		return nil
	}
	return m.spinner.Tick
}

// fileLabel is the name of the open file for messages and the window
// title, made safe.
func (m *Model) fileLabel() string {
	if m.data != nil {
		return displayName(m.data.file)
	}
	if m.opts.Path == "" {
		return "sample portfolio"
	}
	return safe(m.opts.Path)
}

// syncKeys enables the bindings of the current context.
func (m *Model) syncKeys() {
	m.keys.setContext(keyContext{
		loading: m.loadStage() == stageLoading,
		mode:    m.mode,
		focus:   m.focus,
		tab:     m.tab,
		basket:  m.basket.len() > 0,
		filter:  m.filter.active(),
		export:  m.dialog != nil && m.dialog.kind == dlgExport,
		sort:    m.dialog != nil && m.dialog.kind == dlgSort,
	})
}

// current is the table of the current tab (nil while loading).
func (m *Model) current() *table { return m.tables[m.tab] }
