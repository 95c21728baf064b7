package main

import (
	"context"
	"fmt"

	"github.com/tipoff-nba/tipoff/services/internal/state"
)

var eventsHelp = commandHelp{
	synopsis: "tipoff events --date D [--json] [flags]",
	about: `Prints a game date's story from Firestore: its event log in the order the entries were
first written (every event published, and every event consumed with the consumer's
decision and delivery count), then the date's data-quality findings, then the dead
letters recorded for the date. An entry with a reason (why a delivery was a duplicate,
stale, settled, wait or failed) has it whole on a "reason:" line under its row.`,
	examples: []string{
		"tipoff events --date 2026-02-03",
		"tipoff events --date 2025-10-21 --json",
	},
}

// eventsFlags are the flags of tipoff events.
type eventsFlags struct {
	target
	date string
	json bool
}

func parseEventsFlags(con console, args []string) (eventsFlags, error) {
	var f eventsFlags
	fs := newFlagSet("events")
	addTargetFlags(fs, &f.target)
	fs.StringVar(&f.date, "date", "", "game date, YYYY-MM-DD (required)")
	fs.BoolVar(&f.json, "json", false, "print one JSON object with every field of the "+
		"event log entries, findings and dead letters")
	if err := parseFlags(con, fs, eventsHelp, args); err != nil {
		return f, err
	}
	if err := checkTarget(f.target); err != nil {
		return f, err
	}
	if err := requireFlag("date", f.date); err != nil {
		return f, err
	}
	return f, checkDate("date", f.date)
}

// dateStory is everything tipoff events shows for one date.
type dateStory struct {
	gameDate    string
	loaded      bool
	log         []state.EventLogEntry
	findings    []state.QualityDoc
	deadLetters []state.DeadLetter
}

// eventsCommand is tipoff events.
func eventsCommand(ctx context.Context, con console, args []string) error {
	f, err := parseEventsFlags(con, args)
	if err != nil {
		return err
	}
	ctx, b, done, err := open(ctx, f.target, false)
	if err != nil {
		return err
	}
	defer done()

	story, err := readStory(ctx, b.store, f.date)
	if err != nil {
		return err
	}
	if !story.loaded {
		fmt.Fprintf(con.errs, "%s has never been loaded (no dates/%s document)\n", f.date, f.date)
	}
	if f.json {
		return writeJSON(con.out, story.json())
	}
	return renderStory(con.out, story)
}

func readStory(ctx context.Context, store *state.Store, gameDate string) (dateStory, error) {
	s := dateStory{gameDate: gameDate}
	var err error
	if _, s.loaded, err = store.Date(ctx, gameDate); err != nil {
		return s, err
	}
	if s.log, err = store.EventLog(ctx, gameDate); err != nil {
		return s, err
	}
	if s.findings, err = store.Findings(ctx, gameDate); err != nil {
		return s, err
	}
	s.deadLetters, err = store.DeadLettersOn(ctx, gameDate)
	return s, err
}
