package main

import (
	"io"

	"github.com/tipoff-nba/tipoff/events"
	"github.com/tipoff-nba/tipoff/services/internal/state"
)

// statusRow is one date of tipoff status.
type statusRow struct {
	date       state.DateDoc
	processors map[events.Processor]state.ProcessorDoc
}

// statusColumns are the processor columns of the status table, upstream first.
var statusColumns = []struct {
	heading   string
	processor events.Processor
}{
	{"RAW", events.RawBoxScores},
	{"OFFENSE", events.TeamOffense},
	{"DEFENSE", events.TeamDefense},
	{"PLAYER", events.PlayerGameSummary},
}

// processorStatus is a processor's status as the operator should read it: a document
// of an older generation than the date's (or none) has not run the current generation
// yet, so it is waiting, whatever it ended as before.
func processorStatus(r statusRow, p events.Processor) state.Status {
	d, ok := r.processors[p]
	if !ok || d.Generation != r.date.Generation {
		return state.StatusWaiting
	}
	return d.Status
}

// carriedCell is how the table shows a processor that carried its previous output
// forward into the current generation instead of computing it.
const carriedCell = "carried"

// processorCell is a processor's cell of the status table: its status, or "carried"
// for a success carried forward (its document's carried_from names the generation).
func processorCell(r statusRow, p events.Processor) string {
	s := processorStatus(r, p)
	if s.Succeeded() && r.processors[p].CarriedFrom > 0 {
		return carriedCell
	}
	return string(s)
}

// renderStatus writes the status table.
func renderStatus(w io.Writer, rows []statusRow) error {
	headings := []string{"DATE", "GEN", "STATUS"}
	for _, c := range statusColumns {
		headings = append(headings, c.heading)
	}
	tw := newTable(w, append(headings, "UPDATED", "LAST ERROR")...)
	for _, r := range rows {
		cells := []string{r.date.GameDate, formatGen(r.date.Generation), string(r.date.Status)}
		for _, c := range statusColumns {
			cells = append(cells, processorCell(r, c.processor))
		}
		cells = append(cells, formatTime(r.date.UpdatedAt),
			orDash(truncateMiddle(r.date.LastError, errorWidth)))
		row(tw, cells...)
	}
	return tw.Flush()
}

// statusJSON is the --json form: every field of each date document, with
// "processor_docs" (every processor document, by processor) and "processor_status" (the
// status each table column shows).
func statusJSON(rows []statusRow) []map[string]any {
	out := make([]map[string]any, 0, len(rows))
	for _, r := range rows {
		docs := map[string]any{}
		shown := map[string]any{}
		for p, d := range r.processors {
			docs[string(p)] = docView(d)
		}
		for _, c := range statusColumns {
			shown[string(c.processor)] = processorStatus(r, c.processor)
		}
		out = append(out, docViewWith(r.date, map[string]any{
			"processor_docs": docs, "processor_status": shown}))
	}
	return out
}
