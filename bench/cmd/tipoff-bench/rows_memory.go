package main

import (
	"fmt"

	"github.com/tipoff-nba/tipoff/bench/internal/report"
	"github.com/tipoff-nba/tipoff/services/localstack"
)

// Target 4: a worker's steady memory at most 40 MB (MiB here, as /proc counts).
const (
	memoryTargetMiB = 40
	groupMemory     = "4 memory"
)

// addMemoryRows reports each worker's resident memory after the season against the same
// process idle, before any load.
func addMemoryRows(rep *report.Report, season seasonResult) {
	note := "the same worker process once serving, before any load request (idle)"
	worst := 0.0
	for _, name := range localstack.WorkerBinaries {
		after, idle := season.After[name], season.Idle[name]
		worst = max(worst, after.RSSMiB())
		rep.Add(report.Row{Group: groupMemory, Unit: "MiB", Value: report.F(after.RSSMiB()),
			Metric:    fmt.Sprintf("%s VmRSS after the season", name),
			TargetMax: report.F(memoryTargetMiB), Baseline: report.F(idle.RSSMiB()),
			BaselineNote: note})
		rep.Add(report.Row{Group: groupMemory, Unit: "MiB", Value: report.F(after.HWMMiB()),
			Metric:   fmt.Sprintf("%s VmHWM (peak resident) over the season", name),
			Baseline: report.F(idle.HWMMiB()), BaselineNote: note})
	}
	rep.Add(report.Row{Group: groupMemory, Unit: "MiB", Value: report.F(worst),
		Metric: "worst worker VmRSS after the season", TargetMax: report.F(memoryTargetMiB)})
}

// memoryDetails is the raw material of target 4 for the JSON report.
func memoryDetails(season seasonResult) map[string]any {
	return map[string]any{"idle": season.Idle, "after_season": season.After,
		"source": "/proc/<pid>/status VmRSS and VmHWM of each worker process"}
}
