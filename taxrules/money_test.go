package taxrules

import "testing"

func TestGroupThousands(t *testing.T) {
	for in, want := range map[string]string{
		"0.00": "0.00", "999.99": "999.99", "1000.00": "1,000.00", "-1234567.5": "-1,234,567.5",
		"+12345": "+12,345", "123456": "123,456",
	} {
		if got := GroupThousands(in); got != want {
			t.Errorf("GroupThousands(%q) = %q, want %q", in, got, want)
		}
	}
}
