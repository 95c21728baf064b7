package season

import (
	"encoding/json"
	"testing"
)

func TestPyFloatKeepsAFraction(t *testing.T) {
	for v, want := range map[float64]string{9: "9.0", -14: "-14.0", 0: "0.0", 0.455: "0.455"} {
		got, err := json.Marshal(pyFloat(v))
		if err != nil || string(got) != want {
			t.Errorf("pyFloat(%v) = %s, %v; want %s", v, got, err, want)
		}
	}
}

func TestClock(t *testing.T) {
	for s, want := range map[int]string{14400: "240:00", 2287: "38:07", 35: "0:35"} {
		if got := clock(s); got != want {
			t.Errorf("clock(%d) = %s, want %s", s, got, want)
		}
	}
}
