package report

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestAddDerivesVerdictAndRatio(t *testing.T) {
	var r Report
	r.Add(Row{Metric: "hop p50", Unit: "ms", Value: F(45), TargetMax: F(50), Baseline: F(30),
		BaselineNote: "floor"})
	r.Add(Row{Metric: "wall", Unit: "s", Value: F(70), TargetMax: F(60)})
	r.Add(Row{Metric: "writes", Unit: "writes", TargetMax: F(25)})
	r.Add(Row{Metric: "tx", Unit: "ms", Value: F(9)})
	want := []string{Met, Missed, Missing, Info}
	for i, row := range r.Rows {
		if row.Verdict != want[i] {
			t.Errorf("row %s verdict %s, want %s", row.Metric, row.Verdict, want[i])
		}
	}
	if r.Rows[0].Ratio == nil || *r.Rows[0].Ratio != 1.5 || r.Rows[1].Ratio != nil {
		t.Fatalf("ratios: %v %v", r.Rows[0].Ratio, r.Rows[1].Ratio)
	}
	var buf bytes.Buffer
	if err := r.PrintTable(&buf); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"45.0 ms", "≤ 50.0 ms", "30.0 ms [1]", "1.50×", "[1] floor",
		"n/a", "MISSING"} {
		if !strings.Contains(buf.String(), s) {
			t.Errorf("table lacks %q:\n%s", s, buf.String())
		}
	}
}

func TestWriteJSON(t *testing.T) {
	r := Report{Details: map[string]any{"k": 1}}
	r.Add(Row{Metric: "m", Unit: "ms", Value: F(1)})
	p := filepath.Join(t.TempDir(), "out", "latest.json")
	if err := r.WriteJSON(p); err != nil {
		t.Fatal(err)
	}
	body, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	var back Report
	if err := json.Unmarshal(body, &back); err != nil || len(back.Rows) != 1 {
		t.Fatalf("round trip: %v %+v", err, back)
	}
}
