package money

import (
	"math"
	"math/bits"
	"strconv"

	"github.com/shopspring/decimal"
)

// Fixed is an exact decimal C x 10^E held in an int64: the compact form of
// an amount or a quantity, for work over a million lots that must not
// allocate a big number per value. Operations report ok = false when a
// result would not fit (|C| is kept within MaxInt64/4, so sums of two
// never overflow); callers then fall back to decimal.Decimal.
type Fixed struct {
	C int64
	E int32
}

// fixedMax bounds a Fixed's coefficient.
const fixedMax = math.MaxInt64 / 4

// FixedOf returns d as a Fixed, ok = false when its coefficient does not
// fit.
func FixedOf(d decimal.Decimal) (Fixed, bool) {
	c, e, ok := Small(d)
	if !ok || Abs64(c) > fixedMax {
		return Fixed{}, false
	}
	return Fixed{c, e}, true
}

// Decimal returns f as a decimal.Decimal of the same value and exponent.
func (f Fixed) Decimal() decimal.Decimal { return decimal.New(f.C, f.E) }

// Sign is -1, 0 or 1.
func (f Fixed) Sign() int {
	switch {
	case f.C < 0:
		return -1
	case f.C > 0:
		return 1
	}
	return 0
}

// scale returns f with exponent e <= f.E.
func (f Fixed) scale(e int32) (Fixed, bool) {
	by := f.E - e
	if by > MaxPow10 || Abs64(f.C) > fixedMax/pow10[by] {
		return Fixed{}, false
	}
	return Fixed{f.C * pow10[by], e}, true
}

// align returns a and b at their smaller exponent.
func alignFixed(a, b Fixed) (Fixed, Fixed, bool) {
	e := min(a.E, b.E)
	a, ok1 := a.scale(e)
	b, ok2 := b.scale(e)
	return a, b, ok1 && ok2
}

// AddFixed is a + b.
func AddFixed(a, b Fixed) (Fixed, bool) {
	a, b, ok := alignFixed(a, b)
	if !ok || Abs64(a.C+b.C) > fixedMax {
		return Fixed{}, false
	}
	return Fixed{a.C + b.C, a.E}, true
}

// SubFixed is a - b.
func SubFixed(a, b Fixed) (Fixed, bool) { return AddFixed(a, Fixed{-b.C, b.E}) }

// MulFixed is a x b.
func MulFixed(a, b Fixed) (Fixed, bool) {
	hi, lo := bits.Mul64(uint64(Abs64(a.C)), uint64(Abs64(b.C)))
	if hi != 0 || lo > fixedMax {
		return Fixed{}, false
	}
	c := int64(lo)
	if (a.C < 0) != (b.C < 0) {
		c = -c
	}
	return Fixed{c, a.E + b.E}, true
}

// RoundCents is f rounded to the cent, half away from zero, as Cents; f
// itself when it has no more than two decimals.
func (f Fixed) RoundCents() Fixed {
	if f.E >= -2 {
		return f
	}
	by := -2 - f.E
	if by > MaxPow10 {
		return Fixed{0, -2} // |f| < 10^18 x 10^-21: under half a cent
	}
	p := pow10[by]
	q, r := f.C/p, Abs64(f.C%p)
	if r >= p-r { // 2r >= p, without overflow
		if f.C < 0 {
			q--
		} else {
			q++
		}
	}
	return Fixed{q, -2}
}

// Cents returns f rounded to the cent (RoundCents) as a whole number of
// cents; ok is false when that does not fit a Fixed.
func (f Fixed) Cents() (c int64, ok bool) {
	r, ok := f.RoundCents().scale(-2)
	return r.C, ok
}

// AppendFixed2 appends f as AppendFixed2 appends f.Decimal(): rounded to
// the cent, two decimals, no separators.
func (f Fixed) AppendFixed2(b []byte) []byte {
	c, ok := f.Cents()
	if !ok {
		return AppendFixed2(b, f.Decimal())
	}
	if c < 0 {
		b = append(b, '-')
		c = -c
	}
	b = strconv.AppendInt(b, c/100, 10)
	return append(b, '.', byte('0'+c%100/10), byte('0'+c%10))
}

// AppendQuantity appends f as AppendQuantity appends f.Decimal().
func (f Fixed) AppendQuantity(b []byte) []byte {
	if f.E > 0 || f.E < -MaxPow10 {
		return AppendQuantity(b, f.Decimal())
	}
	// A Fixed coefficient has at most 18 digits: the integer path of
	// AppendQuantity, without building the decimal.
	return appendSmallQuantity(b, f.C, int(f.E))
}

// AddFixed adds f to the sum, exactly as Add(f.Decimal()) does.
func (s *Sum) AddFixed(f Fixed) {
	if Abs64(f.C) >= pow10[17] || !s.addSmall(f.C, f.E) { // NumDigits() > 17
		s.rest = s.rest.Add(f.Decimal())
	}
}
