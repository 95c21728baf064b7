package main

import (
	"context"
	"fmt"

	"github.com/tipoff-nba/tipoff/services/internal/state"
)

var deadLettersHelp = commandHelp{
	synopsis: "tipoff deadletters [--date D] [--json] [flags]\n" +
		"       tipoff deadletters redrive --id ID [--topic T] [--force] [flags]",
	about: `Lists the dead letters in Firestore, oldest first: messages a worker could not use,
kept with their payload, attributes and reason. --date keeps those recorded for one game
date (a message whose date could not be read has none; list without --date to see it).
"tipoff deadletters redrive --help" describes sending one again.`,
	examples: []string{
		"tipoff deadletters",
		"tipoff deadletters --date 2026-02-02 --json",
	},
}

// deadLettersFlags are the flags of tipoff deadletters.
type deadLettersFlags struct {
	target
	date string
	json bool
}

func parseDeadLettersFlags(con console, args []string) (deadLettersFlags, error) {
	var f deadLettersFlags
	fs := newFlagSet("deadletters")
	addTargetFlags(fs, &f.target)
	fs.StringVar(&f.date, "date", "", "game date, YYYY-MM-DD (default: every date)")
	fs.BoolVar(&f.json, "json", false, "print a JSON array with every field of each dead "+
		"letter and its id")
	if err := parseFlags(con, fs, deadLettersHelp, args); err != nil {
		return f, err
	}
	if err := checkTarget(f.target); err != nil {
		return f, err
	}
	return f, checkDate("date", f.date)
}

// deadLettersCommand is tipoff deadletters, and tipoff deadletters redrive.
func deadLettersCommand(ctx context.Context, con console, args []string) error {
	if len(args) > 0 && args[0] == "redrive" {
		return redriveCommand(ctx, con, args[1:])
	}
	f, err := parseDeadLettersFlags(con, args)
	if err != nil {
		return err
	}
	ctx, b, done, err := open(ctx, f.target, false)
	if err != nil {
		return err
	}
	defer done()

	var dls []state.DeadLetter
	if f.date == "" {
		dls, err = b.store.DeadLetters(ctx)
	} else {
		dls, err = b.store.DeadLettersOn(ctx, f.date)
	}
	if err != nil {
		return err
	}
	if len(dls) == 0 {
		fmt.Fprintln(con.errs, "no dead letters")
	}
	if f.json {
		return writeJSON(con.out, deadLettersJSON(dls))
	}
	if len(dls) == 0 {
		return nil
	}
	return renderDeadLetters(con.out, dls)
}
