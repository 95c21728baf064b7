package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/tipoff-nba/tipoff/events"
	"github.com/tipoff-nba/tipoff/services/internal/state"
)

// readControls reads every processor's kill switch, in graph order. A processor without a
// controls document is not paused. There are four processors, so four reads.
func readControls(ctx context.Context, b *backends) ([]state.Control, error) {
	var out []state.Control
	for _, p := range b.graph.Processors() {
		c, err := b.store.Control(ctx, p)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, nil
}

// pausedControls is readControls keeping the switches that are on.
func pausedControls(ctx context.Context, b *backends) ([]state.Control, error) {
	all, err := readControls(ctx, b)
	if err != nil {
		return nil, err
	}
	var paused []state.Control
	for _, c := range all {
		if c.Paused {
			paused = append(paused, c)
		}
	}
	return paused, nil
}

// pausedSet is the set of processors of controls, for stall.MarkPaused.
func pausedSet(controls []state.Control) map[events.Processor]bool {
	set := map[events.Processor]bool{}
	for _, c := range controls {
		set[events.Processor(c.Processor)] = true
	}
	return set
}

// describePause is one paused processor for a message: "team_defense (reason INC-42,
// by alice, since 2026-02-04T05:00:00.000Z)".
func describePause(c state.Control) string {
	return fmt.Sprintf("%s (reason %s, by %s, since %s)", c.Processor, orDash(c.Reason),
		orDash(c.UpdatedBy), formatTime(c.UpdatedAt))
}

// writePaused writes one "paused: …" line per paused processor, so a table that shows
// waiting processors also says which of them wait on purpose.
func writePaused(w io.Writer, paused []state.Control) {
	for _, c := range paused {
		fmt.Fprintf(w, "paused: %s\n", describePause(c))
	}
}

// namePaused is the paused processors for the end of a one-line message, or "".
func namePaused(paused []state.Control) string {
	if len(paused) == 0 {
		return ""
	}
	names := make([]string, len(paused))
	for i, c := range paused {
		names[i] = describePause(c)
	}
	return "; paused: " + strings.Join(names, ", ")
}

// renderControls writes every processor's switch as a table.
func renderControls(w io.Writer, controls []state.Control) error {
	tw := newTable(w, "PROCESSOR", "SWITCH", "REASON", "BY", "SINCE")
	for _, c := range controls {
		sw, since := "off", "-"
		if c.Paused {
			sw, since = "paused", formatTime(c.UpdatedAt)
		}
		row(tw, c.Processor, sw, orDash(truncate(c.Reason, reasonWidth)), orDash(c.UpdatedBy),
			since)
	}
	return tw.Flush()
}

// pausedReadTimeout bounds the read of the switches made after a replay's --wait was
// reached, when the command's own context may be spent.
const pausedReadTimeout = 10 * time.Second
