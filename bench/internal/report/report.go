// Package report holds a benchmark run's results and writes them as a table and as JSON.
package report

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// Verdicts of a row.
const (
	// Met: the value is within its target.
	Met = "met"
	// Missed: the value is outside its target.
	Missed = "MISSED"
	// Info: the row has no target; it explains another.
	Info = "info"
	// Missing: the value could not be measured; the run fails.
	Missing = "MISSING"
)

// Row is one measured value with its target and baseline.
type Row struct {
	// Group names the product target the row belongs to (hop, season, writes, memory).
	Group  string `json:"group"`
	Metric string `json:"metric"`
	Unit   string `json:"unit"`
	// Value is nil when it could not be measured.
	Value *float64 `json:"value"`
	// TargetMax is the largest value that meets the target; nil for an info row.
	TargetMax *float64 `json:"target_max,omitempty"`
	// Baseline is the same quantity for the same work in one process with no
	// coordination, or the floor it stands on; BaselineNote says which.
	Baseline     *float64 `json:"baseline,omitempty"`
	BaselineNote string   `json:"baseline_note,omitempty"`
	// Ratio is Value / Baseline when both exist and Baseline is not zero.
	Ratio   *float64 `json:"ratio,omitempty"`
	Verdict string   `json:"verdict"`
	Note    string   `json:"note,omitempty"`
}

// Report is a whole run.
type Report struct {
	MeasuredAt time.Time `json:"measured_at"`
	// Seconds is the run's own wall-clock time.
	Seconds float64 `json:"seconds"`
	Machine Machine `json:"machine"`
	Rows    []Row   `json:"rows"`
	// Details holds the raw material: distributions, breakdowns, per-worker numbers.
	Details map[string]any `json:"details"`
	// Problems are the reasons the run is not a clean measurement (the command exits 1).
	Problems []string `json:"problems"`
}

// Add appends a row: the ratio and verdict are derived from value, target and baseline.
func (r *Report) Add(row Row) {
	if row.Value != nil && row.Baseline != nil && *row.Baseline != 0 {
		ratio := *row.Value / *row.Baseline
		row.Ratio = &ratio
	}
	switch {
	case row.Value == nil:
		row.Verdict = Missing
	case row.TargetMax == nil:
		row.Verdict = Info
	case *row.Value <= *row.TargetMax:
		row.Verdict = Met
	default:
		row.Verdict = Missed
	}
	r.Rows = append(r.Rows, row)
}

// Problem records why the run is not a clean measurement.
func (r *Report) Problem(format string, args ...any) {
	r.Problems = append(r.Problems, fmt.Sprintf(format, args...))
}

// WriteJSON writes the report to path, creating its folder.
func (r *Report) WriteJSON(path string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	body, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return fmt.Errorf("report: encode: %w", err)
	}
	if err := os.WriteFile(path, append(body, '\n'), 0o644); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	return nil
}

// F returns a pointer to v, for optional row fields.
func F(v float64) *float64 { return &v }
