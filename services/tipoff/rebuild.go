package main

import (
	"context"
	"fmt"
	"io"

	"github.com/tipoff-nba/tipoff/services/internal/state"
)

var rebuildHelp = commandHelp{
	synopsis: "tipoff rebuild [--date D | --from-date A --to-date B] [--json] [flags]",
	about: `Rebuilds each date's completion state from its event log alone (dates/{date}/events) and
compares it with the live Firestore documents: the date's generation, status, requests,
replay origin and missing games, and each processor's status, generation, completion
event id, inputs, rows, games, missing games, input digest and carried_from. It prints
every difference, or that the date matches. Operational fields (lease, run owner,
attempt, gate failures, validation counts, anomalies, errors, timestamps, the date's
processors summary) are not events and are not compared. A date still running is
skipped, and says so. Without --date or a range, every date is checked.
Exit codes: 0 every checked date matches, 1 a difference was found (or a read failed),
2 bad command line.`,
	examples: []string{
		"tipoff rebuild --date 2026-02-03",
		"tipoff rebuild --from-date 2026-01-27 --to-date 2026-02-03 --json",
	},
}

// rebuildFlags are the flags of tipoff rebuild.
type rebuildFlags struct {
	target
	date, from, to string
	json           bool
}

func parseRebuildFlags(con console, args []string) (rebuildFlags, error) {
	var f rebuildFlags
	fs := newFlagSet("rebuild")
	addTargetFlags(fs, &f.target)
	fs.StringVar(&f.date, "date", "", "one game date to check, YYYY-MM-DD")
	fs.StringVar(&f.from, "from-date", "", "first game date of the range, YYYY-MM-DD "+
		"(default: the earliest)")
	fs.StringVar(&f.to, "to-date", "", "last game date of the range, YYYY-MM-DD (default: "+
		"the latest)")
	fs.BoolVar(&f.json, "json", false, "print a JSON array with one object per date: "+
		"game_date, generation, status, skipped, entries and differences")
	if err := parseFlags(con, fs, rebuildHelp, args); err != nil {
		return f, err
	}
	if err := checkTarget(f.target); err != nil {
		return f, err
	}
	for _, d := range []struct{ name, value string }{{"date", f.date}, {"from-date", f.from},
		{"to-date", f.to}} {
		if err := checkDate(d.name, d.value); err != nil {
			return f, err
		}
	}
	if f.date != "" && (f.from != "" || f.to != "") {
		return f, usagef("--date %s with a range: give either --date or --from-date/--to-date",
			f.date)
	}
	if f.from != "" && f.to != "" && f.from > f.to {
		return f, usagef("--from-date %s is after --to-date %s", f.from, f.to)
	}
	if f.date != "" {
		f.from, f.to = f.date, f.date
	}
	return f, nil
}

// rebuiltDate is one date's check.
type rebuiltDate struct {
	GameDate    string             `json:"game_date"`
	Generation  int64              `json:"generation"`
	Status      state.Status       `json:"status"`
	Skipped     string             `json:"skipped,omitempty"`
	Entries     int                `json:"entries"`
	Differences []state.Difference `json:"differences"`
}

// rebuildCommand is tipoff rebuild.
func rebuildCommand(ctx context.Context, con console, args []string) error {
	f, err := parseRebuildFlags(con, args)
	if err != nil {
		return err
	}
	ctx, b, done, err := open(ctx, f.target, false)
	if err != nil {
		return err
	}
	defer done()

	dates, err := b.store.DatesBetween(ctx, f.from, f.to)
	if err != nil {
		return err
	}
	if len(dates) == 0 {
		return fmt.Errorf("%w: %s", errRefused, describeNoDates(f))
	}
	checked := make([]rebuiltDate, 0, len(dates))
	differing := 0
	for _, d := range dates {
		r, err := rebuildDate(ctx, b, d)
		if err != nil {
			return err
		}
		if len(r.Differences) > 0 {
			differing++
		}
		checked = append(checked, r)
	}
	if f.json {
		err = writeJSON(con.out, checked)
	} else {
		renderRebuild(con.out, checked)
	}
	if err == nil && differing > 0 {
		err = fmt.Errorf("%d of %d dates differ from their event log", differing, len(dates))
	}
	return err
}

// rebuildDate projects one date's log and compares it with the live documents. A date
// that is not done is skipped: its log and documents are being written.
func rebuildDate(ctx context.Context, b *backends, date state.DateDoc) (rebuiltDate, error) {
	r := rebuiltDate{GameDate: date.GameDate, Generation: date.Generation, Status: date.Status,
		Differences: []state.Difference{}}
	if !date.Status.Done() {
		r.Skipped = fmt.Sprintf("still %s at %s", date.Status, formatGen(date.Generation))
		return r, nil
	}
	log, err := b.store.EventLog(ctx, date.GameDate)
	if err != nil {
		return r, err
	}
	procs, err := b.store.Processors(ctx, date.GameDate)
	if err != nil {
		return r, err
	}
	p := state.Project(date.GameDate, log, b.graph.Leaves())
	r.Entries = p.Entries
	r.Differences = append(r.Differences, state.Compare(p, date, procs)...)
	return r, nil
}

func renderRebuild(w io.Writer, checked []rebuiltDate) {
	for _, r := range checked {
		switch {
		case r.Skipped != "":
			fmt.Fprintf(w, "%s  skipped: %s; run again when it settles\n", r.GameDate, r.Skipped)
		case len(r.Differences) == 0:
			fmt.Fprintf(w, "%s  %s %s  matches its event log (%d entries)\n", r.GameDate,
				formatGen(r.Generation), r.Status, r.Entries)
		default:
			noun := "differences"
			if len(r.Differences) == 1 {
				noun = "difference"
			}
			fmt.Fprintf(w, "%s  %s %s  %d %s from its event log (%d entries):\n",
				r.GameDate, formatGen(r.Generation), r.Status, len(r.Differences), noun, r.Entries)
			for _, d := range r.Differences {
				fmt.Fprintf(w, "    %s\n", d)
			}
		}
	}
}

// describeNoDates says that the dates rebuild was asked for were never loaded.
func describeNoDates(f rebuildFlags) string {
	switch {
	case f.date != "":
		return f.date + " has never been loaded"
	case f.from == "" && f.to == "":
		return "no dates in project " + f.project
	}
	return "no date in " + describeRange(f.from, f.to) + " has been loaded"
}

// describeRange names a date range for a message; an empty bound is open.
func describeRange(from, to string) string {
	switch {
	case from == "" && to == "":
		return "Firestore"
	case from == to:
		return from
	case from == "":
		return "the range up to " + to
	case to == "":
		return "the range from " + from
	}
	return from + ".." + to
}
