package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/tipoff-nba/tipoff/events"
)

var replayHelp = commandHelp{
	synopsis: "tipoff replay (--date D | --from-date A --to-date B) [--from P] " +
		"[--request-id ID] [flags]",
	about: `Replays game dates: publishes one load request per date, which opens a new generation
of the date, then waits until each date settles at that generation, woken by a Firestore
listener. With --from P the replay starts from processor P: P and every processor
downstream of it compute the new generation; the others carry their previous output
forward. Without --from every processor computes, and the raw loader reads the files
again.

Every date of one run gets the same request id (generated when --request-id is not
given, and printed first). The same command with --request-id ID resumes an interrupted
run: a date that already settled at the generation ID opened is skipped (and still
counts if it failed), a date still running is waited for, and the load request of any
other date is published again (a request id opens one generation per date, never two).
A request id is refused with a different --from than it was first used with, and for a
date where a newer generation has replaced the one it opened. Two runs started at once with
one request id and different --from may both pass that check: the first load request to
reach the raw loader opens the generation, and the other run exits 1 once the date settles,
naming the --from the generation was opened with.

--date, or every date of the range, must have been loaded before; a date never loaded
is refused (the range names those it leaves out) unless --new is given. This command
cannot see the data directory, so --new requests every calendar day of a range that was
never loaded, and a day without box scores then fails its raw load: prefer --new with
--date, and it warns when used with a range. At most
--concurrency dates are in flight at once. On a terminal a progress bar shows the run;
otherwise one line is printed per settled date. A summary follows. --wait bounds the
whole wait; --timeout bounds each read and publish.

Exit codes: 0 every date settled complete or partial; 1 a date failed, was quarantined,
blocked or superseded, a request was refused or its generation was opened with another
--from, --wait was reached or the run was interrupted (the message says how to resume);
2 bad command line.`,
	examples: []string{
		"tipoff replay --date 2026-02-03 --from player_game_summary",
		"tipoff replay --from-date 2026-01-27 --to-date 2026-02-03 --from team_offense " +
			"--concurrency 8",
		"tipoff replay --from-date 2026-01-27 --to-date 2026-02-03 --from team_offense " +
			"--request-id replay-20260204T060000-1a2b3c",
	},
}

// Defaults and bounds of tipoff replay's flags.
const (
	defaultReplayConcurrency = 4
	maxReplayConcurrency     = 64
	defaultReplayWait        = 30 * time.Minute
	defaultReplayReason      = "replay"
)

// replayFlags are the flags of tipoff replay.
type replayFlags struct {
	target
	date, fromDate, toDate string
	// from is the processor the replay starts from; "" means every processor computes.
	from      events.Processor
	requestID string
	// generated is true when requestID was made up by this run, not given.
	generated   bool
	reason      string
	concurrency int
	// wait bounds the wait for the dates to settle; --timeout bounds each read and publish.
	wait     time.Duration
	allowNew bool
}

func parseReplayFlags(con console, args []string) (replayFlags, error) {
	var f replayFlags
	var from string
	fs := newFlagSet("replay")
	addTargetFlags(fs, &f.target)
	fs.StringVar(&f.date, "date", "", "the game date to replay, YYYY-MM-DD")
	fs.StringVar(&f.fromDate, "from-date", "", "first game date of a range to replay, YYYY-MM-DD")
	fs.StringVar(&f.toDate, "to-date", "", "last game date of a range to replay, YYYY-MM-DD")
	fs.StringVar(&from, "from", "", "processor the replay starts from: "+
		joinProcessors(defaultGraph().Processors())+" (default: every processor computes)")
	fs.StringVar(&f.requestID, "request-id", "", "load request id of the run; give the id "+
		"an earlier run printed to resume it (default: a new id)")
	fs.StringVar(&f.reason, "reason", defaultReplayReason, "why the dates are replayed, "+
		"recorded in the load request")
	fs.IntVar(&f.concurrency, "concurrency", defaultReplayConcurrency, fmt.Sprintf("dates in "+
		"flight at once, 1 to %d", maxReplayConcurrency))
	fs.DurationVar(&f.wait, "wait", defaultReplayWait, "stop waiting after this long (exit 1, "+
		"with the command that resumes)")
	fs.BoolVar(&f.allowNew, "new", false, "also request a first load of the dates never "+
		"loaded; every calendar day of a range counts, and a day without box scores then "+
		"fails its raw load")
	if err := parseFlags(con, fs, replayHelp, args); err != nil {
		return f, err
	}
	if err := checkTarget(f.target); err != nil {
		return f, err
	}
	if err := checkReplayDates(&f); err != nil {
		return f, err
	}
	if from != "" {
		p, err := processorFlag("from", from)
		if err != nil {
			return f, err
		}
		f.from = p
	}
	return f, checkReplayRun(&f)
}

// checkReplayDates accepts either --date or both --from-date and --to-date.
func checkReplayDates(f *replayFlags) error {
	for _, d := range []struct{ name, value string }{{"date", f.date},
		{"from-date", f.fromDate}, {"to-date", f.toDate}} {
		if err := checkDate(d.name, d.value); err != nil {
			return err
		}
	}
	switch {
	case f.date != "" && (f.fromDate != "" || f.toDate != ""):
		return usagef("--date %s with a range: give either --date or --from-date and "+
			"--to-date", f.date)
	case f.date == "" && f.fromDate == "" && f.toDate == "":
		return usagef("--date or --from-date and --to-date is required")
	case f.date == "" && (f.fromDate == "" || f.toDate == ""):
		return usagef("a range needs both --from-date and --to-date (got --from-date %q, "+
			"--to-date %q)", f.fromDate, f.toDate)
	case f.fromDate > f.toDate:
		return usagef("--from-date %s is after --to-date %s", f.fromDate, f.toDate)
	}
	return nil
}

// checkReplayRun validates the request id, reason, concurrency and wait, and makes up a
// request id when none was given.
func checkReplayRun(f *replayFlags) error {
	if f.concurrency < 1 || f.concurrency > maxReplayConcurrency {
		return usagef("--concurrency %d: must be 1 to %d", f.concurrency, maxReplayConcurrency)
	}
	if f.wait <= 0 {
		return usagef("--wait %s: must be positive", f.wait)
	}
	if strings.TrimSpace(f.reason) == "" {
		return usagef("--reason %q: must not be empty", f.reason)
	}
	if f.requestID == "" {
		f.requestID, f.generated = newReplayRequestID(time.Now()), true
	}
	err := events.LoadRequest{GameDate: "2026-01-01", RequestID: f.requestID,
		Reason: f.reason}.Validate("")
	var field *events.FieldError
	if errors.As(err, &field) {
		return usagef("--request-id %q: %s", f.requestID, field.Reason)
	}
	return err
}

// newReplayRequestID makes up a request id that says when the run started and is unique
// to it.
func newReplayRequestID(at time.Time) string {
	b := make([]byte, 3)
	_, _ = rand.Read(b)
	return "replay-" + at.UTC().Format("20060102T150405") + "-" + hex.EncodeToString(b)
}

// resumeCommand is the command that resumes this run.
func (f replayFlags) resumeCommand() string {
	parts := []string{"tipoff replay"}
	if f.date != "" {
		parts = append(parts, "--date "+f.date)
	} else {
		parts = append(parts, "--from-date "+f.fromDate, "--to-date "+f.toDate)
	}
	if f.from != "" {
		parts = append(parts, "--from "+string(f.from))
	}
	if f.allowNew {
		parts = append(parts, "--new")
	}
	if f.concurrency != defaultReplayConcurrency {
		parts = append(parts, fmt.Sprintf("--concurrency %d", f.concurrency))
	}
	if f.reason != defaultReplayReason {
		parts = append(parts, "--reason "+shellQuote(f.reason))
	}
	return strings.Join(append(parts, "--request-id "+f.requestID), " ")
}

// replayCommand is tipoff replay.
func replayCommand(ctx context.Context, con console, args []string) error {
	f, err := parseReplayFlags(con, args)
	if err != nil {
		return err
	}
	b, err := connect(ctx, f.target, true)
	if err != nil {
		return err
	}
	defer b.Close()

	plan, err := planReplay(ctx, con, b, f)
	if err != nil {
		return err
	}
	fmt.Fprintf(con.out, "request id %s; to resume or retry: %s\n", f.requestID,
		f.resumeCommand())
	return runReplay(ctx, con, b, f, plan)
}

// shellQuote quotes s for a POSIX shell, so a printed command can be pasted as it is.
func shellQuote(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"+
		"0123456789-_.:/,=") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
