package ui

import (
	"errors"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"github.com/shopspring/decimal"

	"nftharvest/portfolio"
	"nftharvest/storage"
)

// addForm is the "a" form: one lot or one sale typed in, checked as the
// loader checks a file, and saved as a batch of its own (u undoes it).
type addForm struct {
	form *huh.Form
	kind string // "lot" or "sale"
	// The lot's fields.
	collection, token, lotQty, acquired, cost, lotFees string
	// The sale's fields.
	lot, saleQty, date, proceeds, saleFees string
}

// addDoneMsg and addCancelMsg end the form.
type (
	addDoneMsg   struct{}
	addCancelMsg struct{}
)

// openAddForm opens the form, the sale's lot set to the lot under the
// cursor when there is one.
func (m *Model) openAddForm() tea.Cmd {
	if m.data.file.Sample {
		return m.setStatus("The sample is read-only: write it out with \"nftharvest init\" to add records.", true)
	}
	today := m.opts.Today.String()
	f := &addForm{kind: "lot", lotQty: "1", acquired: today, lotFees: "0", saleQty: "1", date: today, saleFees: "0"}
	if m.tab == tabHoldings {
		if r, ok := m.current().selected(); ok {
			st := m.data.hold.state(r)
			f.lot, f.saleQty = st.Lot.ID, st.OpenQuantity.String()
		}
	}
	var colls []huh.Option[string]
	for _, c := range m.data.p.Collections {
		label := c.ID
		if c.Name != "" && c.Name != c.ID {
			label = c.Name + " (" + c.ID + ")"
		}
		colls = append(colls, huh.NewOption(label, c.ID))
	}
	if len(colls) > 0 {
		f.collection = colls[0].Value
	}
	notAfter := func(s string) error {
		d, err := portfolio.ParseDate(strings.TrimSpace(s))
		if err != nil {
			return err
		}
		if d.After(m.opts.Today) {
			return fmt.Errorf("%s is after today", d)
		}
		return nil
	}
	amount := func(s string) error {
		if _, err := formDecimal(s); err != nil {
			return err
		}
		return nil
	}
	isSale := func() bool { return f.kind == "sale" }
	lotFields := []huh.Field{
		huh.NewInput().Title("Token id").Value(&f.token),
		huh.NewInput().Title("Quantity").Value(&f.lotQty).Validate(amount),
		huh.NewInput().Title("Acquired (YYYY-MM-DD)").Value(&f.acquired).Validate(notAfter),
		huh.NewInput().Title("Cost (whole lot, " + m.data.p.BaseCurrency + ")").Value(&f.cost).Validate(amount),
		huh.NewInput().Title("Fees (gas, marketplace)").Value(&f.lotFees).Validate(amount),
	}
	if len(colls) > 0 {
		lotFields = append([]huh.Field{huh.NewSelect[string]().Title("Collection").Options(colls...).Value(&f.collection)}, lotFields...)
	} else {
		lotFields = append([]huh.Field{huh.NewInput().Title("Collection id (new)").Value(&f.collection)}, lotFields...)
	}
	keys := huh.NewDefaultKeyMap()
	keys.Quit = key.NewBinding(key.WithKeys("esc", "ctrl+c"), key.WithHelp("esc", "cancel"))
	f.form = huh.NewForm(
		huh.NewGroup(huh.NewSelect[string]().Title("Add").
			Options(huh.NewOption("a lot (a purchase)", "lot"), huh.NewOption("a sale", "sale")).Value(&f.kind)),
		huh.NewGroup(lotFields...).WithHideFunc(isSale),
		huh.NewGroup(
			huh.NewInput().Title("Lot id").Value(&f.lot),
			huh.NewInput().Title("Quantity").Value(&f.saleQty).Validate(amount),
			huh.NewInput().Title("Date (YYYY-MM-DD)").Value(&f.date).Validate(notAfter),
			huh.NewInput().Title("Proceeds (gross, "+m.data.p.BaseCurrency+")").Value(&f.proceeds).Validate(amount),
			huh.NewInput().Title("Fees (gas, marketplace, royalty)").Value(&f.saleFees).Validate(amount),
		).WithHideFunc(func() bool { return !isSale() }),
	).WithKeyMap(keys).WithShowHelp(true).WithWidth(max(min(m.width-8, 60), 20)).WithHeight(max(min(m.height-8, 22), 8))
	f.form.SubmitCmd = func() tea.Msg { return addDoneMsg{} }
	f.form.CancelCmd = func() tea.Msg { return addCancelMsg{} }
	m.add = f
	return f.form.Init()
}

// formDecimal reads a plain non-negative decimal typed in the form.
func formDecimal(s string) (decimal.Decimal, error) {
	s = strings.TrimSpace(s)
	ok := s != ""
	dots := 0
	for _, r := range s {
		switch {
		case r == '.':
			dots++
		case r < '0' || r > '9':
			ok = false
		}
	}
	if !ok || dots > 1 || s == "." {
		return decimal.Zero, errors.New("a plain decimal such as 812.50")
	}
	return decimal.NewFromString(s)
}

// updateAddForm passes a message to the open form.
func (m *Model) updateAddForm(msg tea.Msg) tea.Cmd {
	switch msg.(type) {
	case addCancelMsg:
		m.add = nil
		return m.setStatus("Nothing added.", false)
	case addDoneMsg:
		f := m.add
		m.add = nil
		w, err := f.write(m.data.p)
		if err != nil {
			return m.setStatus("Not added: "+err.Error(), true)
		}
		return m.writeCmd(w, saveTarget{})
	}
	_, cmd := m.add.form.Update(msg)
	return cmd
}

// write builds the record and checks it as the loader would, against p.
func (f *addForm) write(p *portfolio.Portfolio) (pendingWrite, error) {
	trial := p.Clone()
	w := pendingWrite{kind: writeAdd}
	var where string
	if f.kind == "sale" {
		s := portfolio.Sale{ID: portfolio.NextID("S", func(yield func(string) bool) {
			for i := range p.Sales {
				if !yield(p.Sales[i].ID) {
					return
				}
			}
		}), Lot: strings.TrimSpace(f.lot)}
		s.Quantity, _ = formDecimal(f.saleQty)
		s.Proceeds, _ = formDecimal(f.proceeds)
		s.Fees, _ = formDecimal(f.saleFees)
		s.Date, _ = portfolio.ParseDate(strings.TrimSpace(f.date))
		trial.Sales = append(trial.Sales, s)
		where = fmt.Sprintf("sales[%d]", len(trial.Sales)-1)
		w.sale = &s
	} else {
		l := portfolio.Lot{ID: portfolio.NextID("L", func(yield func(string) bool) {
			for i := range p.Lots {
				if !yield(p.Lots[i].ID) {
					return
				}
			}
		}), Collection: strings.TrimSpace(f.collection), TokenID: strings.TrimSpace(f.token)}
		l.Quantity, _ = formDecimal(f.lotQty)
		l.Cost, _ = formDecimal(f.cost)
		l.Fees, _ = formDecimal(f.lotFees)
		l.Acquired, _ = portfolio.ParseDate(strings.TrimSpace(f.acquired))
		trial.Lots = append(trial.Lots, l)
		where = fmt.Sprintf("lots[%d]", len(trial.Lots)-1)
		w.lot = &l
	}
	if problems := storage.Validate(trial); len(problems) > 0 {
		msgs := make([]string, 0, len(problems))
		for _, pr := range problems {
			path := strings.TrimPrefix(strings.TrimPrefix(pr.Path, where), ".")
			if strings.HasPrefix(pr.Path, where) && path != "" {
				msgs = append(msgs, path+": "+pr.Message)
			} else {
				msgs = append(msgs, pr.String())
			}
		}
		return w, errors.New(strings.Join(msgs, "; "))
	}
	return w, nil
}

// addView is the open form, boxed.
func (m *Model) addView() string {
	title := m.styles.Title.Render("Add a lot or a sale") + "\n\n"
	return m.styles.Dialog.Render(title + m.add.form.View())
}
