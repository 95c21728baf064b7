package main

import (
	"context"
	"fmt"
	"time"

	"github.com/tipoff-nba/tipoff/events"
	"github.com/tipoff-nba/tipoff/services/internal/state"
)

var unblockHelp = commandHelp{
	synopsis: "tipoff unblock --date D --processor P [flags]",
	about: `Clears a blocked or failed processor of a date at the date's current generation (its
status becomes waiting and its failed-check count restarts), then wakes it: it publishes
again the completions of the processors it needs, rebuilt from their Firestore documents
with the same event ids, or for the raw loader the load request that opened the
generation. Other subscribers of those topics receive the copies too and record them as
duplicates. An upstream that has not completed the generation is left alone: its own
completion will wake the processor. A processor that is not blocked or failed at the
current generation is refused (exit 1).`,
	examples: []string{
		"tipoff unblock --date 2026-02-03 --processor player_game_summary",
		"tipoff unblock --date 2026-02-03 --processor team-offense",
	},
}

// unblockFlags are the flags of tipoff unblock.
type unblockFlags struct {
	target
	date      string
	processor events.Processor
}

func parseUnblockFlags(con console, args []string) (unblockFlags, error) {
	var f unblockFlags
	var processor string
	fs := newFlagSet("unblock")
	addTargetFlags(fs, &f.target)
	fs.StringVar(&f.date, "date", "", "game date, YYYY-MM-DD (required)")
	fs.StringVar(&processor, "processor", "", "processor to unblock: "+
		joinProcessors(defaultGraph().Processors())+" (required)")
	if err := parseFlags(con, fs, unblockHelp, args); err != nil {
		return f, err
	}
	if err := checkTarget(f.target); err != nil {
		return f, err
	}
	if err := requireFlag("date", f.date); err != nil {
		return f, err
	}
	if err := checkDate("date", f.date); err != nil {
		return f, err
	}
	var err error
	f.processor, err = processorFlag("processor", processor)
	return f, err
}

// unblockCommand is tipoff unblock.
func unblockCommand(ctx context.Context, con console, args []string) error {
	f, err := parseUnblockFlags(con, args)
	if err != nil {
		return err
	}
	ctx, b, done, err := open(ctx, f.target, true)
	if err != nil {
		return err
	}
	defer done()

	date, procs, err := readUnblockable(ctx, b.store, f)
	if err != nil {
		return err
	}
	now := time.Now().UTC()
	plan, err := planRetrigger(b.graph, date, procs, f.processor, now)
	if err != nil {
		return err
	}
	was := procs[f.processor]
	cleared, err := b.store.Unblock(ctx, f.date, f.processor, now)
	if err != nil {
		return err
	}
	if !cleared {
		return fmt.Errorf("%w: %s for %s changed while this ran; run tipoff status --from-date "+
			"%s --to-date %s", errRefused, f.processor, f.date, f.date, f.date)
	}
	fmt.Fprintf(con.out, "unblocked %s for %s at %s (was %s: %s)\n", f.processor, f.date,
		formatGen(date.Generation), was.Status, orDash(was.LastError))
	if err := publishRetrigger(ctx, con, b, plan, f.processor); err != nil {
		return err
	}
	return notePaused(ctx, con, b.store, f.processor)
}

// notePaused warns that a paused processor holds the events that would wake it.
func notePaused(ctx context.Context, con console, store *state.Store, p events.Processor) error {
	c, err := store.Control(ctx, p)
	if err != nil {
		return err
	}
	if c.Paused {
		fmt.Fprintf(con.out, "%s is paused (%s): it runs when resumed (tipoff resume "+
			"--processor %s)\n", p, orDash(c.Reason), p)
	}
	return nil
}

// readUnblockable reads the date and its processors, and refuses unless the processor is
// blocked or failed at the date's current generation.
func readUnblockable(ctx context.Context, store *state.Store, f unblockFlags) (state.DateDoc,
	map[events.Processor]state.ProcessorDoc, error) {
	date, ok, err := store.Date(ctx, f.date)
	if err != nil {
		return date, nil, err
	}
	if !ok {
		return date, nil, fmt.Errorf("%w: %s has never been loaded; nothing to unblock",
			errRefused, f.date)
	}
	procs, err := store.Processors(ctx, f.date)
	if err != nil {
		return date, nil, err
	}
	doc, ok := procs[f.processor]
	switch {
	case !ok:
		return date, nil, fmt.Errorf("%w: %s has not run for %s; nothing to unblock", errRefused,
			f.processor, f.date)
	case doc.Generation != date.Generation:
		return date, nil, fmt.Errorf("%w: %s for %s is at %s and the date at %s, so it is "+
			"waiting, not blocked or failed; nothing to unblock", errRefused, f.processor, f.date,
			formatGen(doc.Generation), formatGen(date.Generation))
	case doc.Status != state.StatusBlocked && doc.Status != state.StatusFailed:
		return date, nil, fmt.Errorf("%w: %s for %s is %s at %s, not blocked or failed; "+
			"nothing to unblock", errRefused, f.processor, f.date, doc.Status,
			formatGen(doc.Generation))
	}
	return date, procs, nil
}

// publishRetrigger publishes the plan's events and says what it did.
func publishRetrigger(ctx context.Context, con console, b *backends, plan retrigger,
	p events.Processor) error {
	for _, e := range plan.events {
		topic := events.Type(e.Type()).Topic()
		msgID, err := b.pub.Publish(ctx, e)
		if err != nil {
			return fmt.Errorf("%s is unblocked (waiting) but publishing %s failed, so nothing "+
				"wakes it yet; a replay of the date always will: %w", p, e.ID(), err)
		}
		fmt.Fprintf(con.out, "republished %s (%s) on %s as message %s\n", e.ID(),
			shortEventType(e.Type()), topic, msgID)
	}
	for _, n := range plan.notes {
		fmt.Fprintln(con.out, n)
	}
	return nil
}
