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
	sample, scale := runWorkSeconds(seq.Log), workScale(env, seq.Dates)
	rep.Add(report.Row{Group: groupSeason, Unit: "s", Value: report.F(season.Wall.Seconds()),
		Metric: fmt.Sprintf("season replay wall clock: %d games, %d dates, all loaded at once",
			env.data.Games, len(season.Dates)),
		TargetMax: report.F(seasonTargetS), Baseline: report.F(sample * scale),
		BaselineNote: fmt.Sprintf("the work without coordination: Σ duration_ms of the runs "+
			"(parse/compute/save, on \"run complete\") of the one-date-at-a-time replay, where "+
			"no run overlaps another, × %.2f (season games / its games) to cover the season; "+
			"each duration_ms is truncated to whole ms", scale)})
	rep.Add(report.Row{Group: groupSeason, Unit: "s", Value: report.F(sample),
		Metric: fmt.Sprintf("Σ run duration_ms, one-date-at-a-time replay (%d dates, as measured)",
			len(seq.Dates))})
	rep.Add(report.Row{Group: groupSeason, Unit: "s",
		Metric: "Σ run duration_ms in the season replay (runs overlap and contend)",
		Value:  report.F(runWorkSeconds(season.Log))})
	rep.Add(report.Row{Group: groupSeason, Unit: "s", Value: report.F(seq.Seconds),
		Metric: fmt.Sprintf("one-date-at-a-time replay wall clock (%d dates)", len(seq.Dates))})
	before := len(rep.Problems)
	checkStatuses(rep, "season replay", season.Dates, season.Statuses)
	checkStatuses(rep, "one-date-at-a-time replay", seq.Dates, seq.Statuses)
	for _, d := range seq.Stuck {
		rep.Problem("one-date-at-a-time replay: %s was not done within %s; see the worker log",
			d, dateTimeout)
	}
	// The worker logs explain a date that did not complete: keep them.
	env.keep = env.keep || len(rep.Problems) > before
}

// workScale is the season's games over the games of dates.
func workScale(env *environment, dates []string) float64 {
	games := 0
	for _, d := range dates {
		games += env.data.GamesOn[d]
	}
	if games == 0 {
		return 0
	}
	return float64(env.data.Games) / float64(games)
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
		"sequential_dates":           seq.Dates,
		"work_scale":                 workScale(env, seq.Dates),
		"work_seconds_sequential":    runWorkSeconds(seq.Log),
		"work_seconds_season":        runWorkSeconds(season.Log),
		"work_by_service_sequential": workByService(seq.Log),
		"work_by_service_season":     workByService(season.Log),
		"runs_sequential":            len(seq.Log.With(workerlog.MsgComplete)),
		"runs_season":                len(season.Log.With(workerlog.MsgComplete)),
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
