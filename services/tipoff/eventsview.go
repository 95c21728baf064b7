package main

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/tipoff-nba/tipoff/services/internal/state"
)

// shortEventType drops the "dev.tipoff." that every type of the contract starts with.
func shortEventType(t string) string {
	return strings.TrimPrefix(t, "dev.tipoff.")
}

// renderStory writes the event log table, then the findings, then the dead letters.
func renderStory(w io.Writer, s dateStory) error {
	if len(s.log) == 0 {
		fmt.Fprintf(w, "no events logged for %s\n", s.gameDate)
	} else if err := renderEventLog(w, s.log); err != nil {
		return err
	}
	fmt.Fprintf(w, "\nQUALITY FINDINGS (%d)\n", len(s.findings))
	if len(s.findings) > 0 {
		if err := renderFindings(w, s.findings); err != nil {
			return err
		}
	}
	fmt.Fprintf(w, "\nDEAD LETTERS (%d)\n", len(s.deadLetters))
	if len(s.deadLetters) > 0 {
		return renderDeadLetters(w, s.deadLetters)
	}
	return nil
}

// reasonIndent starts the line under an event log row that gives the entry's reason.
const reasonIndent = "    reason: "

// reasonLineWidth is where a reason line wraps, its indent included.
const reasonLineWidth = 110

// renderEventLog writes the log table. An entry with a reason (why a delivery was a
// duplicate, stale, settled or failed) gets it on lines of its own under its row, whole:
// as a column it would make every row as wide as the longest reason.
func renderEventLog(w io.Writer, log []state.EventLogEntry) error {
	var table bytes.Buffer
	tw := newTable(&table, "TIME", "DIRECTION", "PROCESSOR", "EVENT TYPE", "GEN", "DECISION",
		"DELIVERIES", "EVENT ID")
	for _, e := range log {
		row(tw, formatTime(e.FirstAt), e.Direction, e.Processor, orDash(shortEventType(e.EventType)),
			formatGen(e.Generation), orDash(describeDecision(e)),
			strconv.FormatInt(e.Deliveries, 10),
			e.EventID)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	// The table's lines are the header, then one per entry, in order.
	lines := strings.Split(strings.TrimSuffix(table.String(), "\n"), "\n")
	fmt.Fprintln(w, lines[0])
	for i, e := range log {
		fmt.Fprintln(w, lines[i+1])
		for j, l := range wrapWords(e.Reason, reasonLineWidth-len(reasonIndent)) {
			indent := reasonIndent
			if j > 0 {
				indent = strings.Repeat(" ", len(reasonIndent))
			}
			fmt.Fprintln(w, indent+l)
		}
	}
	return nil
}

// describeDecision is an entry's decision as the log table shows it: a carried completion
// names the generation it carried, a consumed load request its replay origin.
func describeDecision(e state.EventLogEntry) string {
	switch {
	case e.CarriedFrom > 0:
		return fmt.Sprintf("%s (carried from %s)", e.Decision, formatGen(e.CarriedFrom))
	case e.ReplayFrom != "":
		return fmt.Sprintf("%s (replay from %s)", e.Decision, e.ReplayFrom)
	}
	return e.Decision
}

func renderFindings(w io.Writer, findings []state.QualityDoc) error {
	tw := newTable(w, "FOUND AT", "PROCESSOR", "GEN", "SEVERITY", "RULE", "GAME", "TEAM",
		"VALUE", "DETAIL")
	for _, q := range findings {
		row(tw, formatTime(q.FoundAt), q.Processor, formatGen(q.Generation), q.Severity,
			q.Rule, orDash(q.GameID), orDash(q.Team), orDash(q.Value),
			orDash(truncate(q.Detail, detailWidth)))
	}
	return tw.Flush()
}

// json is the --json form of a date's story.
func (s dateStory) json() map[string]any {
	log := make([]any, len(s.log))
	for i, e := range s.log {
		log[i] = docView(e)
	}
	findings := make([]any, len(s.findings))
	for i, q := range s.findings {
		findings[i] = docView(q)
	}
	return map[string]any{"game_date": s.gameDate, "loaded": s.loaded, "events": log,
		"findings": findings, "dead_letters": deadLettersJSON(s.deadLetters)}
}
