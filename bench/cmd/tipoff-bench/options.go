package main

import (
	"flag"
	"fmt"
	"os"
	"time"
)

// options are the command's flags.
type options struct {
	// binDir holds the worker binaries. Default $TIPOFF_BIN, else ../bin.
	binDir string
	// nbaData is the real NBA data directory; only its full-season game log is read.
	// Default $TIPOFF_NBA_DATA, else ../../shared/data/nba.
	nbaData string
	// out is the JSON report's path. Default out/latest.json.
	out string
	// workDir keeps the synthetic data, warehouses and worker logs. Default: a new temporary
	// directory, removed at the end unless keep is set.
	workDir string
	keep    bool
	// seqEvery picks the dates of the one-date-at-a-time replay: every seqEvery-th date of
	// the season from the first. Default 4 (41 of 164 dates); 1 replays every date.
	seqEvery int
	// warmup is how many of the first dates of that replay are left out of the hop
	// statistics (first connections, first runs). Default 2.
	warmup int
	// floorSamples is how many samples each floor measurement takes. Default 200.
	floorSamples int
	// timeout bounds the whole run. Default 9 minutes.
	timeout time.Duration
	// requireLogWrites makes a missing firestore_writes_total field in the worker logs a
	// failure (exit 1). Default true.
	requireLogWrites bool
}

func parseOptions(args []string) (options, error) {
	var o options
	fs := flag.NewFlagSet("tipoff-bench", flag.ContinueOnError)
	fs.StringVar(&o.binDir, "bin", envOr("TIPOFF_BIN", "../bin"), "directory of the worker binaries")
	fs.StringVar(&o.nbaData, "nba-data", envOr("TIPOFF_NBA_DATA", "../../shared/data/nba"),
		"real NBA data directory; its leaguegamelog/2026/regular-season.json is the template")
	fs.StringVar(&o.out, "out", "out/latest.json", "path of the JSON report")
	fs.StringVar(&o.workDir, "work", "", "working directory (default: a temporary one)")
	fs.BoolVar(&o.keep, "keep", false, "keep the working directory")
	fs.IntVar(&o.seqEvery, "seq-every", 4, "replay every n-th date one at a time (1: all)")
	fs.IntVar(&o.warmup, "warmup", 2, "first dates of that replay left out of hop statistics")
	fs.IntVar(&o.floorSamples, "floor-samples", 200, "samples per floor measurement")
	fs.DurationVar(&o.timeout, "timeout", 9*time.Minute, "bound on the whole run")
	fs.BoolVar(&o.requireLogWrites, "require-log-writes", true,
		"fail when worker logs lack firestore_writes_total")
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	if o.seqEvery < 1 || o.warmup < 0 || o.floorSamples < 1 {
		err := fmt.Errorf("tipoff-bench: -seq-every and -floor-samples must be at least 1, " +
			"-warmup at least 0")
		fmt.Fprintln(fs.Output(), err)
		return o, err
	}
	return o, nil
}

func envOr(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}
