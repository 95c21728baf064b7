// Command tipoff-bench measures Tipoff against its product targets, each side by side with
// a baseline measured in the same run, and prints a table (stdout) and writes it as JSON.
//
//	make bench      # builds the workers, then runs this with TIPOFF_BIN and TIPOFF_NBA_DATA
//
// It writes a synthetic whole season (package season) from the real game log, starts one
// Firestore emulator, and runs two local stacks of the four worker processes:
//
//  1. one date at a time, on an idle stack: the latency floor (pstest publish→receive, one
//     emulator transaction, a direct call), then every hop (completion → dependent's claim)
//     and every run's uncontended work;
//  2. the whole season loaded at once, as `tipoff run` does, with the workers' Firestore
//     calls through a counting proxy: wall clock, committed writes per date, and each
//     worker's memory before and after.
//
// docs/BENCHMARKS.md explains each measurement. The exit status is 1 when the run is not a
// clean measurement (a date did not complete, too few hops, a missing log field), 2 on bad
// flags.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/tipoff-nba/tipoff/bench/internal/report"
)

func main() { os.Exit(run(os.Args[1:])) }

func run(args []string) int {
	o, err := parseOptions(args)
	if err != nil {
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	ctx, cancel := context.WithTimeout(ctx, o.timeout)
	defer cancel()
	started := time.Now()

	progress("writing the synthetic season and starting the Firestore emulator")
	env, err := setUp(ctx, o)
	if err != nil {
		return fail(err)
	}
	defer env.tearDown()
	progress("%d games over %d dates in %s", env.data.Games, len(env.data.Dates), env.data.Dir)

	progress("stage 1: floor, then one date at a time")
	seq, err := runSequential(ctx, env, o)
	if err != nil {
		return env.fail(fmt.Errorf("stage 1: %w", err))
	}
	progress("stage 1 done: %d hops in %.1f s", len(seq.Hops), seq.Seconds)
	progress("stage 2: the whole season at once")
	season, err := runSeason(ctx, env, o)
	if err != nil {
		return env.fail(fmt.Errorf("stage 2: %w", err))
	}

	rep := buildReport(o, env, seq, season)
	rep.Seconds = time.Since(started).Seconds()
	if err := rep.PrintTable(os.Stdout); err != nil {
		return fail(err)
	}
	if err := rep.WriteJSON(o.out); err != nil {
		return fail(err)
	}
	fmt.Printf("\nmeasured %s on %d CPUs (%s) in %.0f s; JSON in %s\n",
		rep.MeasuredAt.Format(time.RFC3339), rep.Machine.CPUs, rep.Machine.CPUModel,
		rep.Seconds, o.out)
	if len(rep.Problems) > 0 {
		fmt.Fprintf(os.Stderr, "tipoff-bench: %d problem(s); see PROBLEM lines above\n",
			len(rep.Problems))
		if env.keep {
			fmt.Fprintf(os.Stderr, "tipoff-bench: worker logs kept in %s\n", env.workDir)
		}
		return 1
	}
	return 0
}

// buildReport turns both stages into rows and details.
func buildReport(o options, env *environment, seq sequentialResult,
	season seasonResult) *report.Report {
	build := ""
	if len(season.Log.Entries) > 0 {
		build = season.Log.Entries[0].Build
	}
	rep := &report.Report{MeasuredAt: time.Now().UTC(), Machine: report.ThisMachine(build)}
	addHopRows(rep, seq, season)
	addSeasonRows(rep, env, seq, season)
	addWriteRows(rep, o, season)
	addMemoryRows(rep, season)
	rep.Details = map[string]any{
		"hop":    hopDetails(seq, season),
		"season": seasonDetails(env, seq, season),
		"writes": writeDetails(season),
		"memory": memoryDetails(season),
	}
	return rep
}

func progress(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "tipoff-bench: "+format+"\n", args...)
}

func fail(err error) int {
	fmt.Fprintf(os.Stderr, "tipoff-bench: %v\n", err)
	return 1
}

// fail reports err and keeps the work directory, whose worker logs explain it.
func (env *environment) fail(err error) int {
	env.keep = true
	fmt.Fprintf(os.Stderr, "tipoff-bench: %v\ntipoff-bench: worker logs kept in %s\n", err,
		env.workDir)
	return 1
}
