package main

import (
	"context"
	"fmt"
	"slices"

	"github.com/tipoff-nba/tipoff/services/internal/state"
)

var statusHelp = commandHelp{
	synopsis: "tipoff status [--from-date A] [--to-date B] [--status S[,S]] [--json] [flags]",
	about: `Prints one row per game date from Firestore, oldest first: the date's generation and
status, each processor's status at that generation ("waiting" when it has not run it
yet), when the date last changed, and its last error (cut in the middle when long, so the
start says where and the end the cause; --json has it whole).
--from-date and --to-date bound the range, both inclusive; --status keeps the dates
whose own status is in the list. When no date matches it says so on stderr and exits 0.
A line under the table names each paused processor (tipoff pause), with the reason, who
paused it and since when; with --json these lines go to stderr.`,
	examples: []string{
		"tipoff status",
		"tipoff status --from-date 2026-02-01 --to-date 2026-02-07",
		"tipoff status --status failed,blocked,quarantined --json",
	},
}

// statusFlags are the flags of tipoff status.
type statusFlags struct {
	target
	from, to string
	// statuses keeps the dates whose status is one of them; empty keeps every date.
	statuses []state.Status
	json     bool
}

func parseStatusFlags(con console, args []string) (statusFlags, error) {
	var f statusFlags
	var statuses string
	fs := newFlagSet("status")
	addTargetFlags(fs, &f.target)
	fs.StringVar(&f.from, "from-date", "", "first game date to show, YYYY-MM-DD (default: "+
		"the earliest)")
	fs.StringVar(&f.to, "to-date", "", "last game date to show, YYYY-MM-DD (default: the latest)")
	fs.StringVar(&statuses, "status", "", "comma-separated date statuses to keep, from "+
		joinStatuses(state.Statuses())+" (default: all)")
	fs.BoolVar(&f.json, "json", false, "print a JSON array with every field of each date "+
		"and its processor documents")
	if err := parseFlags(con, fs, statusHelp, args); err != nil {
		return f, err
	}
	if err := checkTarget(f.target); err != nil {
		return f, err
	}
	if err := checkDate("from-date", f.from); err != nil {
		return f, err
	}
	if err := checkDate("to-date", f.to); err != nil {
		return f, err
	}
	if f.from != "" && f.to != "" && f.from > f.to {
		return f, usagef("--from-date %s is after --to-date %s", f.from, f.to)
	}
	var err error
	f.statuses, err = statusesFlag("status", statuses)
	return f, err
}

// statusCommand is tipoff status.
func statusCommand(ctx context.Context, con console, args []string) error {
	f, err := parseStatusFlags(con, args)
	if err != nil {
		return err
	}
	ctx, b, done, err := open(ctx, f.target, false)
	if err != nil {
		return err
	}
	defer done()

	rows, err := readStatusRows(ctx, b.store, f)
	if err != nil {
		return err
	}
	paused, err := pausedControls(ctx, b)
	if err != nil {
		return err
	}
	if len(rows) == 0 {
		fmt.Fprintln(con.errs, describeNoRows(f))
	}
	if f.json {
		// The JSON array stays one value; the switches go where the messages go.
		writePaused(con.errs, paused)
		return writeJSON(con.out, statusJSON(rows))
	}
	if len(rows) > 0 {
		if err := renderStatus(con.out, rows); err != nil {
			return err
		}
	}
	writePaused(con.out, paused)
	return nil
}

// readStatusRows reads the dates of the range, keeps those with a wanted status, and
// reads their processor documents in batches.
func readStatusRows(ctx context.Context, store *state.Store, f statusFlags) ([]statusRow,
	error) {
	dates, err := store.DatesBetween(ctx, f.from, f.to)
	if err != nil {
		return nil, err
	}
	// The status filter is applied here, not in the query: with the range it would need a
	// composite index, and a season is a few hundred documents.
	var kept []state.DateDoc
	for _, d := range dates {
		if len(f.statuses) == 0 || slices.Contains(f.statuses, d.Status) {
			kept = append(kept, d)
		}
	}
	names := make([]string, len(kept))
	for i, d := range kept {
		names[i] = d.GameDate
	}
	procs, err := store.ProcessorsOf(ctx, names)
	if err != nil {
		return nil, err
	}
	rows := make([]statusRow, len(kept))
	for i, d := range kept {
		rows[i] = statusRow{date: d, processors: procs[d.GameDate]}
	}
	return rows, nil
}

// describeNoRows says why status has no row: an empty project, or filters nothing matches.
func describeNoRows(f statusFlags) string {
	if f.from == "" && f.to == "" && len(f.statuses) == 0 {
		return "no dates in project " + f.project
	}
	return "no dates match"
}
