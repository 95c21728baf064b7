package main

import (
	"context"
	"errors"
	"fmt"
	"text/tabwriter"
	"time"

	"github.com/tipoff-nba/tipoff/services/internal/stall"
	"github.com/tipoff-nba/tipoff/services/internal/state"
)

var stallsHelp = commandHelp{
	synopsis: "tipoff stalls [--team-limit D] [--player-limit D] [--json] [flags]",
	about: `Reports the processors that wait too long: every upstream completed the date's
generation, yet the processor has not, for longer than its level allows (the team
summaries 30 minutes after the raw load, the player summary 20 minutes after the later
team summary). Run it on a schedule (Cloud Scheduler); it reads Firestore once and exits
1 when it found a stall, so the scheduler's alerting sees it.

A processor paused on purpose (tipoff pause) waits because someone chose it: its waits
are listed, marked paused, and do not count; the command pages only for the others.

--json prints an array (empty: []) of objects with game_date, generation, processor,
status, ready_since (RFC 3339, UTC), waited_s and limit_s (whole seconds) and paused.`,
	examples: []string{
		"tipoff stalls",
		"tipoff stalls --team-limit 10m --player-limit 5m --json",
	},
}

// errStalled makes the command exit 1 after printing its report.
var errStalled = errors.New("stalled processors found")

type stallsFlags struct {
	target
	limits stall.Limits
	json   bool
}

func parseStallsFlags(con console, args []string) (stallsFlags, error) {
	f := stallsFlags{limits: stall.Limits{FirstLevel: stall.DefaultTeamLimit,
		Higher: stall.DefaultPlayerLimit}}
	fs := newFlagSet("stalls")
	addTargetFlags(fs, &f.target)
	fs.DurationVar(&f.limits.FirstLevel, "team-limit", f.limits.FirstLevel,
		"how long the team summaries may wait after the raw load")
	fs.DurationVar(&f.limits.Higher, "player-limit", f.limits.Higher,
		"how long the player summary may wait after the later team summary")
	fs.BoolVar(&f.json, "json", false, "print a JSON array of the stalls (shape above)")
	if err := parseFlags(con, fs, stallsHelp, args); err != nil {
		return f, err
	}
	if f.limits.FirstLevel <= 0 || f.limits.Higher <= 0 {
		return f, usagef("--team-limit and --player-limit must be positive")
	}
	return f, checkTarget(f.target)
}

// stallsCommand is tipoff stalls.
func stallsCommand(ctx context.Context, con console, args []string) error {
	f, err := parseStallsFlags(con, args)
	if err != nil {
		return err
	}
	ctx, b, done, err := open(ctx, f.target, false)
	if err != nil {
		return err
	}
	defer done()
	found, err := findStalls(ctx, b, f.limits, time.Now().UTC())
	if err != nil {
		return err
	}
	paused, err := pausedControls(ctx, b)
	if err != nil {
		return err
	}
	unpaused := stall.MarkPaused(found, pausedSet(paused))
	if f.json {
		if err := writeJSON(con.out, found); err != nil {
			return err
		}
	} else if err := renderStalls(con, found, paused); err != nil {
		return err
	}
	if unpaused > 0 {
		return errStalled
	}
	return nil
}

func findStalls(ctx context.Context, b *backends, lim stall.Limits, now time.Time) (
	[]stall.Stall, error) {
	dates, err := b.store.DatesBetween(ctx, "", "")
	if err != nil {
		return nil, err
	}
	var open []state.DateDoc
	var names []string
	for _, d := range dates {
		if !d.Status.Done() {
			open, names = append(open, d), append(names, d.GameDate)
		}
	}
	procs, err := b.store.ProcessorsOf(ctx, names)
	if err != nil {
		return nil, err
	}
	found := []stall.Stall{} // an empty report is [] in --json, not null
	for _, d := range open {
		found = append(found, stall.Find(b.graph, d, procs[d.GameDate], lim, now)...)
	}
	return found, nil
}

// renderStalls writes the stalls, a paused processor's marked "(paused)", then a line per
// paused processor.
func renderStalls(con console, found []stall.Stall, paused []state.Control) error {
	if len(found) == 0 {
		fmt.Fprintln(con.errs, "no stalled processor")
		writePaused(con.errs, paused)
		return nil
	}
	tw := tabwriter.NewWriter(con.out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "DATE\tGEN\tPROCESSOR\tSTATUS\tREADY SINCE\tWAITED\tLIMIT")
	for _, s := range found {
		status := string(s.Status)
		if s.Paused {
			status += " (paused)"
		}
		fmt.Fprintf(tw, "%s\tg%d\t%s\t%s\t%s\t%s\t%s\n", s.GameDate, s.Generation, s.Processor,
			status, s.Since.Format(time.RFC3339), s.Waited.Round(time.Second), s.Limit)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(paused) > 0 {
		writePaused(con.out, paused)
		fmt.Fprintln(con.out, "a paused processor waits on purpose: its waits are not counted")
	}
	return nil
}
