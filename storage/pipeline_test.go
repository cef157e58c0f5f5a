package storage

import (
	"bytes"
	"fmt"
	"runtime/debug"
	"strings"
	"sync"
	"testing"

	"nftharvest/synthetic"
)

// bigFile is the text of a generated portfolio large enough for its
// records arrays to span many batches of the record pipeline.
func bigFile(t *testing.T, lots int) []byte {
	t.Helper()
	return mustEncode(t, synthetic.Portfolio(lots, 7))
}

// TestPipelineRoundTrip checks that a file of many batches (and a slice
// sized after sizingSample records) reads back to the same bytes.
func TestPipelineRoundTrip(t *testing.T) {
	text := bigFile(t, 6000)
	if len(text) < 20*batchBytes {
		t.Fatalf("test setup: %d bytes make too few batches", len(text))
	}
	p := mustParse(t, text)
	if len(p.Lots) != 6000 || len(p.Sales) != 600 {
		t.Fatalf("%d lots and %d sales, want 6000 and 600", len(p.Lots), len(p.Sales))
	}
	if got := mustEncode(t, p); !bytes.Equal(got, text) {
		t.Fatalf("round trip differs: %s", firstDiff(string(text), string(got)))
	}
}

// lotLine returns the whole line of lot id in text (without its comma).
func lotLine(t *testing.T, text []byte, id string) string {
	t.Helper()
	s := string(text)
	i := strings.Index(s, `{"id": "`+id+`"`)
	if i < 0 {
		t.Fatalf("test setup: lot %s not found", id)
	}
	j := strings.IndexByte(s[i:], '\n')
	return strings.TrimSuffix(s[i:i+j], ",")
}

// TestPipelineProblemsInOrder checks that problems in records far apart,
// in different batches, come with their own indexes, in file order, and
// that a record larger than a batch and elements that are not objects are
// read in place.
func TestPipelineProblemsInOrder(t *testing.T) {
	text := bigFile(t, 6000)
	edit := func(id, old, new string) {
		line := lotLine(t, text, id)
		if !strings.Contains(line, old) {
			t.Fatalf("test setup: %q not in %s", old, line)
		}
		text = bytes.Replace(text, []byte(line), []byte(strings.Replace(line, old, new, 1)), 1)
	}
	edit("L-0001", `"acquired": "`, `"acquired": "x`)
	edit("L-0700", `{"id"`, `{"cost": "1", "id"`)
	edit("L-2500", `"quantity": "1"`, `"memo": "`+strings.Repeat("n", 3*batchBytes)+`", "quantity": "0"`)
	text = bytes.Replace(text, []byte(lotLine(t, text, "L-4000")), []byte(`[1, 2]`), 1)
	edit("L-6000", `"cost": "`, `"cost": "-`)

	_, err := Parse(text, "big.json")
	inv := problemsOf(t, err)
	var got []string
	for _, p := range inv.Problems {
		got = append(got, p.String())
	}
	want := []string{
		`lots[0].acquired: "x`, // the rest of the value follows
		`lots[699].cost: duplicate member name`,
		`lots[2499].quantity: "0" must be greater than 0`,
		`lots[3999]: [1, 2] is not an object`,
		`lots[5999].cost: "-`,
	}
	if len(got) < len(want) {
		t.Fatalf("got\n%s\nwant lines starting\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for i, w := range want {
		if !strings.HasPrefix(got[i], w) {
			t.Errorf("problem %d: got %s, want it to start %s", i, got[i], w)
		}
	}
}

// TestPipelineSyntaxErrorStops checks that malformed JSON deep in a large
// array is the one problem reported, with its line and column, even with
// problems in the records before it.
func TestPipelineSyntaxErrorStops(t *testing.T) {
	text := bigFile(t, 6000)
	bad := lotLine(t, text, "L-0010")
	text = bytes.Replace(text, []byte(bad), []byte(strings.Replace(bad, `"quantity": "1"`, `"quantity": "0"`, 1)), 1)
	line := lotLine(t, text, "L-4321")
	text = bytes.Replace(text, []byte(line), []byte(strings.Replace(line, `"cost": `, `"cost" `, 1)), 1)
	want := fmt.Sprintf("big.json:%d:", bytes.Count(text[:bytes.Index(text, []byte(`"cost" `))], []byte("\n"))+1)

	_, err := Parse(text, "big.json")
	inv := problemsOf(t, err)
	if len(inv.Problems) != 1 || !strings.HasPrefix(err.Error(), want) || !strings.Contains(err.Error(), "invalid character") {
		t.Fatalf("got %d problems:\n%v\nwant one starting %s", len(inv.Problems), err, want)
	}
}

// TestGCHold checks that the collector target is put back after loads,
// also when several load at once (each holds it off for a moment:
// gcpolicy.Hold).
func TestGCHold(t *testing.T) {
	old := debug.SetGCPercent(137)
	defer debug.SetGCPercent(old)
	text := bigFile(t, 2000)
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for range 3 {
				if _, err := Parse(text, "p.json"); err != nil {
					t.Error(err)
				}
			}
		})
	}
	wg.Wait()
	if got := debug.SetGCPercent(137); got != 137 {
		t.Fatalf("GC target after concurrent loads: %d, want 137", got)
	}
}

// TestProblemCapAcrossLotsAndSales checks that the lots and sales checks,
// which run at once when lot ids increase, list the first MaxProblems
// problems in file order and count the rest, as one pass does when they
// do not.
func TestProblemCapAcrossLotsAndSales(t *testing.T) {
	for _, sorted := range []bool{true, false} {
		p := synthetic.Portfolio(2000, 3)
		for i := range 60 {
			p.Lots[i].Cost = dec("-1")
		}
		for i := range p.Sales {
			p.Sales[i].Fees = dec("-2")
		}
		if !sorted {
			p.Lots[1000], p.Lots[1001] = p.Lots[1001], p.Lots[1000]
		}
		_, err := Parse(mustEncode(t, p), "p.json")
		inv := problemsOf(t, err)
		if len(inv.Problems) != MaxProblems || inv.More != 60+len(p.Sales)-MaxProblems {
			t.Fatalf("sorted=%v: %d problems listed and %d more, want %d and %d",
				sorted, len(inv.Problems), inv.More, MaxProblems, 60+len(p.Sales)-MaxProblems)
		}
		if got, want := inv.Problems[59].String(), `lots[59].cost: "-1" is negative`; got != want {
			t.Errorf("sorted=%v: problem 59 is %s, want %s", sorted, got, want)
		}
		if got, want := inv.Problems[60].String(), `sales[0].fees: "-2" is negative`; got != want {
			t.Errorf("sorted=%v: problem 60 is %s, want %s", sorted, got, want)
		}
		if got, want := inv.Problems[MaxProblems-1].String(), `sales[39].fees: "-2" is negative`; got != want {
			t.Errorf("sorted=%v: last problem is %s, want %s", sorted, got, want)
		}
	}
}

// TestPipelineDecoderPanic checks that a panic while decoding a record is
// raised again on the reading goroutine (where a caller such as Bubble
// Tea can catch it) once the reader has finished, instead of killing the
// process from a goroutine of its own or leaving the reader blocked.
func TestPipelineDecoderPanic(t *testing.T) {
	var b strings.Builder
	b.WriteString("[")
	for i := range 5000 { // many more batches than are in flight
		if i > 0 {
			b.WriteString(",\n")
		}
		fmt.Fprintf(&b, `{"id": "L-%05d", "note": "%s"}`, i, strings.Repeat("x", 80))
	}
	b.WriteString("]")
	d := newDecoder(strings.NewReader(b.String()), int64(b.Len()), &collector{})
	if !d.open('[', at{sec: secLots, idx: -1}) {
		t.Fatal("test setup: no array")
	}
	decoded := 0
	got := func() (r any) {
		defer func() { r = recover() }()
		d.eachRecord(nil, func([]byte) {
			if decoded++; decoded == 10 {
				panic("boom")
			}
		})
		return nil
	}()
	if got != "boom" {
		t.Fatalf("recovered %v, want the decoder's panic", got)
	}
	if decoded != 10 {
		t.Errorf("%d records decoded, want the decoder to stop at its panic (10)", decoded)
	}
}
