package main

import (
	"fmt"
	"sort"

	"github.com/tipoff-nba/tipoff/bench/internal/report"
	"github.com/tipoff-nba/tipoff/bench/internal/workerlog"
)

// Target 2: the whole season end to end in at most 60 s on 2 cores.
const (
	seasonTargetS = 60
	groupSeason   = "2 season"
)

// addSeasonRows reports the season's wall clock against the work it contains.
func addSeasonRows(rep *report.Report, env *environment, seq sequentialResult,
	season seasonResult) {
	work := runWorkSeconds(seq.Log)
	row := report.Row{Group: groupSeason, Unit: "s", Value: report.F(season.Wall.Seconds()),
		Metric: fmt.Sprintf("season replay wall clock: %d games, %d dates, all loaded at once",
			env.data.Games, len(season.Dates)),
		TargetMax: report.F(seasonTargetS),
		BaselineNote: "Σ duration_ms of every run (parse/compute/save, logged on \"run " +
			"complete\") in the one-date-at-a-time replay of the same season, where no run " +
			"overlaps another: the work without coordination. Each value is truncated to whole ms."}
	if len(seq.Dates) == len(season.Dates) {
		row.Baseline = report.F(work)
	} else {
		row.BaselineNote += fmt.Sprintf(" Not shown: that replay covered %d of %d dates.",
			len(seq.Dates), len(season.Dates))
	}
	rep.Add(row)
	rep.Add(report.Row{Group: groupSeason, Unit: "s",
		Metric: "Σ run duration_ms in the season replay (runs overlap and contend)",
		Value:  report.F(runWorkSeconds(season.Log))})
	rep.Add(report.Row{Group: groupSeason, Unit: "s", Value: report.F(seq.Seconds),
		Metric: fmt.Sprintf("one-date-at-a-time replay wall clock (%d dates)", len(seq.Dates))})
	checkStatuses(rep, "season replay", season.Dates, season.Statuses)
	checkStatuses(rep, "one-date-at-a-time replay", seq.Dates, seq.Statuses)
}

// runWorkSeconds sums duration_ms over every "run complete" line, in seconds.
func runWorkSeconds(l workerlog.Log) float64 {
	var ms int64
	for _, e := range l.With(workerlog.MsgComplete) {
		if e.DurationMS != nil {
			ms += *e.DurationMS
		}
	}
	return float64(ms) / 1000
}

// checkStatuses records a problem for every date that did not complete.
func checkStatuses(rep *report.Report, replay string, dates []string, got map[string]string) {
	var bad []string
	for _, d := range dates {
		if got[d] != "complete" {
			bad = append(bad, d+"="+got[d])
		}
	}
	sort.Strings(bad)
	if len(bad) > 0 {
		rep.Problem("%s: %d dates did not complete, e.g. %s", replay, len(bad), bad[0])
	}
}

// seasonDetails is the raw material of target 2 for the JSON report.
func seasonDetails(env *environment, seq sequentialResult, season seasonResult) map[string]any {
	return map[string]any{
		"games":                      env.data.Games,
		"dates":                      len(env.data.Dates),
		"player_rows":                env.data.PlayerRows,
		"box_score_bytes":            env.data.Bytes,
		"wall_seconds":               season.Wall.Seconds(),
		"work_seconds_sequential":    runWorkSeconds(seq.Log),
		"work_seconds_season":        runWorkSeconds(season.Log),
		"work_by_service_sequential": workByService(seq.Log),
		"work_by_service_season":     workByService(season.Log),
		"warnings_season":            season.Log.Severities(),
		"warnings_sequential":        seq.Log.Severities(),
	}
}

// workByService sums duration_ms per service, in seconds.
func workByService(l workerlog.Log) map[string]float64 {
	out := map[string]float64{}
	for _, e := range l.With(workerlog.MsgComplete) {
		if e.DurationMS != nil {
			out[e.Service] += float64(*e.DurationMS) / 1000
		}
	}
	return out
}
