// Command synth-season writes a synthetic whole-season NBA data directory (see package
// season), for example to run the pipeline on it by hand:
//
//	cd bench
//	go run ./cmd/synth-season --out /tmp/season \
//	    --log ../../shared/data/nba/leaguegamelog/2026/regular-season.json
//	../bin/tipoff run --data /tmp/season
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/tipoff-nba/tipoff/bench/internal/season"
)

func main() {
	logPath := flag.String("log", "", "the real league game log to take games, dates and team "+
		"totals from (required)")
	out := flag.String("out", "", "the data directory to write (required; created if missing)")
	flag.Parse()
	if *logPath == "" || *out == "" {
		fmt.Fprintln(os.Stderr, "synth-season: --log and --out are required")
		flag.Usage()
		os.Exit(2)
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		fmt.Fprintf(os.Stderr, "synth-season: %v\n", err)
		os.Exit(1)
	}
	s, err := season.Write(*out, *logPath)
	if err != nil {
		fmt.Fprintf(os.Stderr, "synth-season: %v\n", err)
		os.Exit(1)
	}
	fmt.Printf("%d games over %d dates (%s … %s), %d player rows, %d bytes in %s\n", s.Games,
		len(s.Dates), s.Dates[0], s.Dates[len(s.Dates)-1], s.PlayerRows, s.Bytes, s.Dir)
}
