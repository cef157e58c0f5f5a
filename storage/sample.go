package storage

import (
	_ "embed"
	"io"
	"strings"

	"nftharvest/portfolio"
)

// sampleJSON is the embedded sample portfolio (storage/sample.json).
//
//go:embed sample.json
var sampleJSON string

// SampleName is the name the embedded sample is reported under in errors.
const SampleName = "sample.json (embedded)"

// SampleJSON returns the bytes of the embedded sample portfolio (a fresh
// copy the caller may change).
func SampleJSON() []byte { return []byte(sampleJSON) }

// LoadSample returns the embedded sample portfolio (Path "", Sample true).
func LoadSample() (*File, error) {
	p, err := parse(strings.NewReader(sampleJSON), int64(len(sampleJSON)), SampleName, func() (io.ReadCloser, error) {
		return io.NopCloser(strings.NewReader(sampleJSON)), nil
	})
	if err != nil {
		return nil, err
	}
	return &File{Sample: true, Portfolio: p}, nil
}

// Sample returns the embedded sample portfolio itself; it panics if the
// embedded file is invalid (a test keeps it valid).
func Sample() *portfolio.Portfolio {
	f, err := LoadSample()
	if err != nil {
		panic(err)
	}
	return f.Portfolio
}
