package main

import (
	"io"
	"strconv"

	"github.com/tipoff-nba/tipoff/services/internal/state"
)

// deadLetterID is the document id of d, which is derived from what it records.
func deadLetterID(d state.DeadLetter) string {
	return state.DeadLetterID(d.Subscription, d.MessageID)
}

// renderDeadLetters writes the dead-letter table.
func renderDeadLetters(w io.Writer, dls []state.DeadLetter) error {
	tw := newTable(w, "ID", "FIRST AT", "SUBSCRIPTION", "PROCESSOR", "GAME DATE", "REASON",
		"DELIVERIES", "REDRIVEN")
	for _, d := range dls {
		row(tw, deadLetterID(d), formatTime(d.FirstAt), d.Subscription, orDash(d.Processor),
			orDash(d.GameDate), orDash(truncate(d.Reason, reasonWidth)),
			strconv.FormatInt(d.Deliveries, 10), strconv.FormatBool(d.Redriven))
	}
	return tw.Flush()
}

// deadLettersJSON is the --json form: every field of each dead letter, and its "id".
func deadLettersJSON(dls []state.DeadLetter) []map[string]any {
	out := make([]map[string]any, len(dls))
	for i, d := range dls {
		out[i] = docViewWith(d, map[string]any{"id": deadLetterID(d)})
	}
	return out
}
