package main

import (
	"fmt"
	"sort"

	"github.com/tipoff-nba/tipoff/bench/internal/report"
	"github.com/tipoff-nba/tipoff/bench/internal/stats"
)

// Target 3: at most 25 Firestore document writes per date for the four processors on a
// clean run, the event log included.
const (
	writesTarget = 25
	groupWrites  = "3 writes"
	// logWritesField is the worker log field the runtime is to carry (see docs/BENCHMARKS.md).
	logWritesField = "firestore_writes_total"
)

// processors are the services whose logs must carry the write count.
var processors = []string{"raw_boxscores", "team_offense", "team_defense", "player_game_summary"}

// addWriteRows reports the season's committed writes per date, counted on the wire and, when
// the runtime logs it, by the workers themselves.
func addWriteRows(rep *report.Report, o options, season seasonResult) {
	b := breakDown(season.Writes, seasonProject)
	perDate := make([]int, 0, len(season.Dates))
	for _, d := range season.Dates {
		perDate = append(perDate, b.PerDate[d])
	}
	sort.Ints(perDate)
	dates := float64(len(season.Dates))
	note := "a run with no coordination keeps no state in Firestore: 0 writes"
	worst := float64(perDate[len(perDate)-1])
	rep.Add(report.Row{Group: groupWrites, Unit: "writes", Value: report.F(worst),
		Metric:    "Firestore writes per date, worst date (counted on the wire)",
		TargetMax: report.F(writesTarget), Baseline: report.F(0), BaselineNote: note})
	rep.Add(report.Row{Group: groupWrites, Unit: "writes", Value: report.F(float64(b.Total) / dates),
		Metric:    "Firestore writes per date, mean (counted on the wire)",
		TargetMax: report.F(writesTarget), Baseline: report.F(0), BaselineNote: note})
	rep.Add(report.Row{Group: groupWrites, Unit: "writes", Value: report.F(float64(b.Outside)),
		Metric: "Firestore writes outside dates/ (dead letters, controls, ...)"})

	total, _, ok := logWrites(season.Log, processors)
	row := report.Row{Group: groupWrites, Unit: "writes", TargetMax: report.F(writesTarget),
		Metric:   "Firestore writes per date, mean (workers' own " + logWritesField + ")",
		Baseline: report.F(0), BaselineNote: note}
	if ok {
		row.Value = report.F(float64(total) / dates)
		if total != int64(b.Total) {
			row.Note = fmt.Sprintf("workers count %d, the wire %d", total, b.Total)
		}
	} else {
		row.Note = "the worker logs carry no " + logWritesField
		if o.requireLogWrites {
			rep.Problem("worker logs lack %s: the runtime does not count its Firestore writes "+
				"yet (see docs/BENCHMARKS.md for the change); the wire count above stands in",
				logWritesField)
		}
	}
	rep.Add(row)
	direct, proxied := stats.Summarize(season.DirectTx).P50, stats.Summarize(season.ProxyTx).P50
	rep.Add(report.Row{Group: groupWrites, Unit: "ms", Value: report.F(proxied),
		Metric:   "emulator transaction p50 through the counting proxy (season replay's path)",
		Baseline: report.F(direct), BaselineNote: "the same transaction straight to the " +
			"emulator, measured just before"})
	for _, err := range season.WriteErrs {
		rep.Problem("write count may be short: %v", err)
	}
}

// writeDetails is the raw material of target 3 for the JSON report.
func writeDetails(season seasonResult) map[string]any {
	b := breakDown(season.Writes, seasonProject)
	total, perService, ok := logWrites(season.Log, processors)
	byKindPerDate := map[string]float64{}
	for k, n := range b.ByKind {
		byKindPerDate[k] = float64(n) / float64(len(season.Dates))
	}
	return map[string]any{
		"wire":                  b,
		"wire_write_calls":      season.WriteCalls,
		"wire_by_kind_per_date": byKindPerDate,
		"log_field":             logWritesField,
		"log_field_present":     ok,
		"log_total":             total,
		"log_by_service":        perService,
	}
}
