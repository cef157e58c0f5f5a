package ui

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"nftharvest/portfolio"
	"nftharvest/storage"

	"github.com/shopspring/decimal"
)

func basketLots(m *Model) []string {
	var ids []string
	for _, it := range m.basket.items {
		ids = append(ids, it.lot)
	}
	return ids
}

func TestBasketSurvivesSortAndFilter(t *testing.T) {
	h := newHarness(t, 120, 40, "", nil)
	h.gotoLot("L-0003")
	h.keys("space")
	h.gotoLot("L-0024")
	h.keys("space")
	if got := basketLots(h.m); !slices.Equal(got, []string{"L-0003", "L-0024"}) {
		t.Fatalf("basket = %v", got)
	}
	if !strings.Contains(h.screen(), "›●") {
		t.Error("the basket row under the cursor has no ● marker")
	}
	h.keys("s", "S", "l", "/")
	h.typeText("tess")
	h.keys("enter")
	if got := basketLots(h.m); !slices.Equal(got, []string{"L-0003", "L-0024"}) {
		t.Errorf("basket after sort and filter = %v", got)
	}
	if !strings.Contains(h.screen(), "basket 2") {
		t.Error("basket count not shown")
	}
	h.keys("esc")
	// space again removes the lot.
	h.gotoLot("L-0003")
	h.keys("space")
	if got := basketLots(h.m); !slices.Equal(got, []string{"L-0024"}) {
		t.Errorf("after removing L-0003: %v", got)
	}
	h.keys("C")
	if h.m.basket.len() != 0 || h.m.preview.res != nil {
		t.Error("C did not clear the basket and the preview")
	}
}

func TestPreviewIsTheEngineWhatIf(t *testing.T) {
	h := newHarness(t, 120, 40, "", nil)
	h.gotoLot("L-0003")
	h.keys("space")
	h.gotoLot("L-0024")
	h.keys("space")
	res := h.m.preview.res
	if res == nil || h.m.preview.stale != "" {
		t.Fatalf("no fresh preview: %q", h.m.preview.stale)
	}
	want, err := h.m.data.a.Simulate(h.m.basket.whatIf())
	if err != nil {
		t.Fatal(err)
	}
	if !res.TaxSaved.Equal(want.TaxSaved) || len(res.Sales) != 2 {
		t.Errorf("preview tax saved %s, engine %s", res.TaxSaved, want.TaxSaved)
	}
	s := h.screen()
	for _, want := range []string{
		"What-if: sell 2 lots on 2026-11-28",
		"TAX SAVED  " + amountText(res.TaxSaved),
		"W wash sale L-0024: 609.95 disallowed, moves",
		"L-0047",
		"Safe to rebuy from 2026-12-29",
		"Estimated tax       6,057.07 →     2,476.52",
		"Next 1k ST loss       270.00 →       270.00",
		"gain 5,272.12 at 28%; ordinary income up to 22%",
		"estimate: 2026 brackets + NIIT + state",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("preview lacks %q\n%s", want, s)
		}
	}
	// Below the table when narrow.
	h.send(tea80x24)
	if !h.m.lay.previewBelow || h.m.lay.previewRight {
		t.Error("80 columns: preview not below the table")
	}
	if !strings.Contains(h.screen(), "TAX SAVED  "+amountText(res.TaxSaved)) {
		t.Errorf("80 columns: tax saved not shown\n%s", h.screen())
	}
}

func TestSuggestFillsTheBasket(t *testing.T) {
	h := newHarness(t, 120, 40, "", nil)
	h.keys("H")
	sug := h.m.data.a.Suggest(nil)
	if len(sug.Picks) == 0 {
		t.Fatal("the engine suggests nothing for the sample")
	}
	var want []string
	for _, p := range sug.Picks {
		want = append(want, p.Lot)
	}
	if got := basketLots(h.m); !slices.Equal(got, want) {
		t.Errorf("basket = %v, want the suggestion %v", got, want)
	}
	if h.m.preview.res == nil {
		t.Error("no preview after H")
	}
	if !strings.Contains(h.m.status.text, "Best harvest: 4 lots") || !strings.Contains(h.m.status.text, "saves "+amountText(sug.TaxSaved)) {
		t.Errorf("status = %q", h.m.status.text)
	}
	// The preview of the basket is the suggestion's what-if.
	if !h.m.preview.res.TaxSaved.Equal(sug.TaxSaved) {
		t.Errorf("preview saves %s, suggestion %s", h.m.preview.res.TaxSaved, sug.TaxSaved)
	}
}

func TestEditPrice(t *testing.T) {
	h := newHarness(t, 120, 40, "", nil)
	h.gotoLot("L-0003")
	h.keys("e")
	if h.m.focus == focusInput {
		t.Fatal("e with an empty basket opened an input")
	}
	h.gotoLot("L-0005")
	h.keys("space")
	h.gotoLot("L-0003")
	h.keys("e")
	if h.m.focus == focusInput || !h.m.status.isErr {
		t.Fatal("e on a lot outside the basket opened an input")
	}
	h.gotoLot("L-0005")
	h.keys("space") // out again
	h.gotoLot("L-0003")
	h.keys("space", "e")
	if h.m.focus != focusInput || h.m.edit.kind != editPrice {
		t.Fatalf("e: focus %s", h.m.focus)
	}
	before := h.m.preview.res.TaxSaved
	h.typeText("12x")
	if h.m.edit.err == "" || !strings.Contains(h.m.preview.stale, `"12x" is not a valid amount`) {
		t.Errorf("invalid price: err %q stale %q", h.m.edit.err, h.m.preview.stale)
	}
	if !strings.Contains(h.screen(), "⚠ stale: sale price not applied") {
		t.Error("the preview does not say why it is stale")
	}
	h.keys("enter")
	if h.m.focus != focusInput {
		t.Error("enter accepted an invalid price")
	}
	if it, _ := h.m.basket.item("L-0003"); it.price != nil {
		t.Error("an invalid price reached the basket")
	}
	h.keys("backspace")
	if h.m.edit.err != "" || h.m.preview.stale != "" {
		t.Errorf("valid price 12 still stale: %q", h.m.preview.stale)
	}
	if h.m.preview.res.TaxSaved.Equal(before) {
		t.Error("the preview did not follow the typed price")
	}
	h.keys("enter")
	it, _ := h.m.basket.item("L-0003")
	if it.price == nil || !it.price.Equal(decimal.NewFromInt(12)) {
		t.Fatalf("price = %v", it.price)
	}
	if got := h.m.preview.res.Sales[0].Proceeds; !got.Equal(decimal.NewFromInt(12)) {
		t.Errorf("proceeds = %s, want 12", got)
	}
	// esc while editing restores the committed value.
	h.keys("e")
	h.typeText("00")
	h.keys("esc")
	if got := h.m.preview.res.Sales[0].Proceeds; !got.Equal(decimal.NewFromInt(12)) {
		t.Errorf("after esc proceeds = %s, want 12", got)
	}
	// Fees reduce proceeds.
	h.keys("f")
	h.typeText("2.50")
	h.keys("enter")
	if got := h.m.preview.res.Sales[0].Proceeds; !got.Equal(decimal.RequireFromString("9.50")) {
		t.Errorf("proceeds with fees = %s, want 9.50", got)
	}
}

func TestEditDate(t *testing.T) {
	h := newHarness(t, 120, 40, "", nil)
	h.gotoLot("L-0027") // short term, long term on 2026-11-30
	h.keys("space")
	if h.m.preview.res.Sales[0].Term.String() != "short" {
		t.Fatalf("L-0027 sold today: %s", h.m.preview.res.Sales[0].Term)
	}
	h.keys("d")
	h.typeText("2026-02-30")
	if h.m.edit.err == "" || h.m.preview.stale == "" {
		t.Error("an impossible date was accepted")
	}
	h.keys("enter")
	if h.m.basket.date != 0 {
		t.Error("an invalid date reached the basket")
	}
	for range 10 {
		h.keys("backspace")
	}
	h.typeText("2026-12-01")
	h.keys("enter")
	if h.m.basket.date != portfolio.MustDate("2026-12-01") {
		t.Fatalf("date = %s", h.m.basket.date)
	}
	if got := h.m.preview.res.Sales[0].Term.String(); got != "long" {
		t.Errorf("sold 2026-12-01 the term is %s, want long", got)
	}
	if !strings.Contains(h.screen(), "sell 1 lot on 2026-12-01") {
		t.Error("the preview does not show the edited date")
	}
	// A future date previews, but is not recorded (as "nftharvest sell").
	h.keys("m")
	if h.m.dialog != nil || len(h.store.saved) != 0 || !strings.Contains(h.m.status.text, "is after today") {
		t.Errorf("m with a future sale date: dialog %v, saved %d, status %q", h.m.dialog != nil, len(h.store.saved), h.m.status.text)
	}
	// A date the engine refuses (before the lot was bought) leaves the
	// preview stale with the engine's reason.
	h.keys("d")
	for range 10 {
		h.keys("backspace")
	}
	h.typeText("2025-01-01")
	h.keys("enter")
	if h.m.preview.stale == "" || !h.m.status.isErr {
		t.Errorf("a sale before the purchase: stale %q status %q", h.m.preview.stale, h.m.status.text)
	}
	h.keys("m")
	if h.m.dialog != nil {
		t.Error("m opened the confirm dialog on a stale preview")
	}
}

// recordSetup loads a copy of the sample from disk (so it can be saved)
// and puts L-0003 and L-0024 in the basket.
func recordSetup(t *testing.T) *harness {
	t.Helper()
	h := newHarness(t, 120, 40, samplePath(t), nil)
	h.gotoLot("L-0003")
	h.keys("space")
	h.gotoLot("L-0024")
	h.keys("space")
	return h
}

func TestRecordConfirm(t *testing.T) {
	h := recordSetup(t)
	saved := h.m.preview.res.TaxSaved
	h.keys("m")
	if h.m.dialog == nil || h.m.dialog.kind != dlgRecord {
		t.Fatal("m did not open the confirm dialog")
	}
	s := h.screen()
	for _, want := range []string{"Record these sales?", "L-0003 Lunar Lynx Society #4417", "L-0024 Tessellate Editions #14 ×8",
		"W: 609.95 disallowed", "TAX SAVED " + amountText(saved), "enter record"} {
		if !strings.Contains(s, want) {
			t.Errorf("dialog lacks %q\n%s", want, s)
		}
	}
	h.keys("enter")
	if h.m.dialog != nil {
		t.Fatalf("dialog still open: %q", h.m.dialog.err)
	}
	if len(h.store.saved) != 1 {
		t.Fatalf("%d saves", len(h.store.saved))
	}
	p := h.store.saved[0]
	batch, sales := p.LastBatch()
	if batch != "B-0003" || len(sales) != 2 || sales[0].Lot != "L-0003" || sales[1].Lot != "L-0024" {
		t.Errorf("saved batch %s %v", batch, sales)
	}
	if !strings.HasPrefix(h.store.changes[0], "sell B-0003: S-0017 L-0003, S-0018 L-0024") {
		t.Errorf("change = %q", h.store.changes[0])
	}
	if h.m.basket.len() != 0 {
		t.Error("basket not emptied")
	}
	if h.m.status.text != "Recorded B-0003 (2 sales). u to undo." {
		t.Errorf("status = %q", h.m.status.text)
	}
	if n := h.m.data.real.Len(); n != 16 {
		t.Errorf("realized sales = %d, want 16", n)
	}
	if _, open := h.m.data.hold.rowOf("L-0003"); open {
		t.Error("L-0003 still open after the sale")
	}
	// The summary follows: this year's long-term realized now includes the losses.
	if !strings.Contains(h.screen(), "Realized 2026") {
		t.Error("summary missing")
	}
}

func TestRecordCancel(t *testing.T) {
	h := recordSetup(t)
	h.keys("m", "esc")
	if h.m.dialog != nil || h.m.focus != focusTable {
		t.Error("esc did not close the dialog")
	}
	if len(h.store.saved) != 0 || h.m.basket.len() != 2 {
		t.Errorf("cancel saved %d, basket %d", len(h.store.saved), h.m.basket.len())
	}
}

func TestSaveErrorKeepsEverything(t *testing.T) {
	for _, err := range []error{
		fmt.Errorf("save portfolio.json: %w", storage.ErrChanged),
		errDiskFull,
		fmt.Errorf("save portfolio.json: open portfolio.json.tmp: read-only file system"),
	} {
		h := recordSetup(t)
		h.store.saveErr = err
		sales := len(h.m.data.p.Sales)
		h.keys("m", "enter")
		if h.m.dialog == nil {
			t.Fatalf("%v: dialog closed", err)
		}
		if !strings.Contains(h.m.dialog.err, err.Error()) || h.m.dialog.busy != "" {
			t.Errorf("dialog err = %q busy %q", h.m.dialog.err, h.m.dialog.busy)
		}
		if !strings.Contains(h.screen(), "Not saved:") {
			t.Error("the error is not on screen")
		}
		if h.m.basket.len() != 2 || len(h.m.data.p.Sales) != sales {
			t.Error("a failed save changed the basket or the data")
		}
		// Fixed: enter again saves.
		h.store.saveErr = nil
		h.keys("enter")
		if h.m.dialog != nil || len(h.store.saved) != 1 || h.m.basket.len() != 0 {
			t.Errorf("retry: dialog %v saves %d basket %d", h.m.dialog != nil, len(h.store.saved), h.m.basket.len())
		}
	}
}

func TestUndo(t *testing.T) {
	h := newHarness(t, 120, 40, samplePath(t), nil)
	h.keys("u")
	if h.m.dialog == nil || h.m.dialog.kind != dlgUndo {
		t.Fatal("u did not ask")
	}
	if s := h.screen(); !strings.Contains(s, "Undo B-0002?") || !strings.Contains(s, "S-0015") || !strings.Contains(s, "S-0016") ||
		!strings.Contains(s, "B-0002 came with the file") {
		t.Errorf("undo dialog:\n%s", s)
	}
	// A batch that came with the file asks twice.
	h.keys("enter")
	if h.m.dialog == nil || h.m.dialog.kind != dlgUndoFileBatch || len(h.store.saved) != 0 {
		t.Fatal("one enter undid a batch that came with the file")
	}
	if s := h.screen(); !strings.Contains(s, "Really undo B-0002?") {
		t.Errorf("second confirmation:\n%s", s)
	}
	h.keys("enter")
	if len(h.store.saved) != 1 {
		t.Fatal("undo not saved")
	}
	if b, _ := h.store.saved[0].LastBatch(); b != "B-0001" {
		t.Errorf("last batch after undo = %s", b)
	}
	if h.m.status.text != "Undid B-0002 (2 sales removed)." {
		t.Errorf("status %q", h.m.status.text)
	}
	if n := h.m.data.real.Len(); n != 12 {
		t.Errorf("realized sales after undo = %d, want 12", n)
	}
	// Record, then undo it.
	h.gotoLot("L-0005")
	h.keys("space", "m", "enter", "u", "enter")
	if b, _ := h.m.data.p.LastBatch(); b != "B-0001" {
		t.Errorf("after record+undo the last batch is %s", b)
	}
}

func TestSampleSavesToANewFile(t *testing.T) {
	h := newHarness(t, 120, 40, "", nil)
	h.gotoLot("L-0003")
	h.keys("space", "m", "enter")
	d := h.m.dialog
	if d == nil || d.kind != dlgSaveAs || d.value() != "./portfolio.json" {
		t.Fatalf("sample: no save-as dialog with ./portfolio.json: %+v", d)
	}
	h.store.exists["./portfolio.json"] = true
	h.keys("enter")
	if h.m.dialog == nil || h.m.dialog.kind != dlgOverwrite {
		t.Fatal("an existing file was not protected")
	}
	if len(h.store.saved) != 0 {
		t.Fatal("saved over an existing file without asking")
	}
	h.keys("esc") // back to the name
	if h.m.dialog == nil || h.m.dialog.kind != dlgSaveAs {
		t.Fatal("esc on overwrite did not go back to the file name")
	}
	for range len("portfolio.json") {
		h.keys("backspace")
	}
	h.typeText("mine.json")
	h.keys("enter")
	if h.m.dialog != nil || len(h.store.saved) != 1 {
		t.Fatalf("save as: dialog %v saves %d", h.m.dialog, len(h.store.saved))
	}
	if h.m.data.file.Sample || h.m.data.file.Path != "./mine.json" {
		t.Errorf("now editing %+v", h.m.data.file)
	}
	if !strings.Contains(h.m.status.text, "Saved to ./mine.json.") {
		t.Errorf("status %q", h.m.status.text)
	}
	// Overwrite when confirmed.
	h2 := newHarness(t, 120, 40, "", nil)
	h2.store.exists["./portfolio.json"] = true
	h2.keys("space", "m", "enter", "enter", "enter")
	if len(h2.store.saved) != 1 || h2.m.data.file.Path != "./portfolio.json" {
		t.Errorf("overwrite: saves %d path %q", len(h2.store.saved), h2.m.data.file.Path)
	}
}

func TestExport(t *testing.T) {
	h := newHarness(t, 120, 40, "", nil)
	h.keys("x")
	if h.m.dialog == nil || h.m.dialog.value() != "./form8949-2026.csv" {
		t.Fatal("x: no export dialog with the default name")
	}
	h.keys("enter")
	data := string(h.store.writes["./form8949-2026.csv"])
	if !strings.Contains(data, "S-0006") || strings.Count(data, "\n") < 15 {
		t.Errorf("export:\n%s", data)
	}
	if !strings.HasPrefix(h.m.status.text, "Exported 14 Form 8949 rows (2026, form8949)") {
		t.Errorf("status %q", h.m.status.text)
	}
	// An existing file needs a second confirmation.
	h.keys("x", "enter")
	if h.m.dialog == nil || h.m.dialog.kind != dlgExportOverwrite {
		t.Fatal("export overwrote without asking")
	}
	h.keys("esc", "esc")
	if h.m.dialog != nil {
		t.Error("esc esc did not close the export dialogs")
	}
	h.store.writeErr = errDiskFull
	h.keys("x", "enter", "enter")
	if h.m.dialog == nil || !strings.Contains(h.m.dialog.err, "no space left") {
		t.Error("an export error is not shown in the dialog")
	}
}

// A basket dated in another year than the profile's says so in the
// preview: its before and after are that year's figures.
func TestPreviewWarnsOfAnotherTaxYear(t *testing.T) {
	h := newHarness(t, 120, 40, "", nil)
	h.gotoLot("L-0003")
	h.keys("space")
	if strings.Contains(h.screen(), "not in the profile's tax year") {
		t.Fatal("warning for a sale in the profile's year")
	}
	h.keys("d")
	for range 10 {
		h.keys("backspace")
	}
	h.typeText("2027-01-04")
	h.keys("enter")
	if sc := h.screen(); !strings.Contains(sc, "⚠ the sales are dated in 2027, not in the") || !strings.Contains(sc, "profile's tax year 2026") {
		t.Errorf("no warning for a 2027 sale:\n%s", h.screen())
	}
}

// H's whole lots are "all open units", not edits: the basket reports no
// edited lot after it.
func TestSuggestionIsNotAnEdit(t *testing.T) {
	h := newHarness(t, 120, 40, "", nil)
	h.keys("H")
	if len(h.m.basket.items) == 0 {
		t.Fatal("H filled nothing")
	}
	if got := h.m.basket.editedText(); got != "" {
		t.Errorf("after H the basket says %q", got)
	}
}
