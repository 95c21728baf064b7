package state

import (
	"testing"

	"github.com/tipoff-nba/tipoff/events"
)

// TestProjectReadsOlderEntriesAndOrdersTies: an entry written before request_id was logged
// still maps its request (from the event id); a paused delivery maps none; an outcome
// written in the same instant as its claim follows it; a success ends its generation
// whatever is written later; a newer generation wins over any older entry.
func TestProjectReadsOlderEntriesAndOrdersTies(t *testing.T) {
	const day = "2026-02-03"
	load := func(id string, gen int64, decision Decision) EventLogEntry {
		return EventLogEntry{EventID: events.LoadRequestID(day, id),
			EventType: string(events.LoadRequested), Direction: DirectionConsumed,
			Processor: string(events.RawBoxScores), Generation: gen, Decision: string(decision),
			LastAt: t0}
	}
	claim := EventLogEntry{Direction: DirectionConsumed, Processor: string(events.TeamOffense),
		Generation: 2, Decision: string(DecisionRun), LastAt: t0}
	_, failed := recordedEntry(day, events.TeamOffense, 2, StatusFailed, "failed", "bad", nil, t0)
	done := EventLogEntry{Direction: DirectionPublished, Processor: string(events.TeamDefense),
		Generation: 2, Outcome: string(StatusComplete), Decision: "complete", LastAt: t0,
		EventID: events.CompletionID(events.TeamDefense, day, 2)}
	_, superseded := recordedEntry(day, events.TeamDefense, 2, StatusSuperseded, "superseded",
		"", nil, t0.Add(leaseTTL))
	old := EventLogEntry{Direction: DirectionPublished, Processor: string(events.RawBoxScores),
		Generation: 1, Outcome: string(StatusComplete), LastAt: t0.Add(leaseTTL)}
	_, blocked := recordedEntry(day, events.RawBoxScores, 2, StatusBlocked, "blocked", "", nil,
		t0)

	p := Project(day, []EventLogEntry{load("r1", 1, DecisionDuplicate), load("r2", 2, DecisionRun),
		load("r3", 2, DecisionPaused), failed, claim, superseded, done, old, blocked},
		[]events.Processor{events.PlayerGameSummary})

	if len(p.Requests) != 2 || p.Requests["r1"] != 1 || p.Requests["r2"] != 2 ||
		p.Generation != 2 {
		t.Errorf("requests %v at g%d, want r1:1 r2:2 at g2", p.Requests, p.Generation)
	}
	want := map[events.Processor]Status{events.TeamOffense: StatusFailed,
		events.TeamDefense: StatusComplete, events.RawBoxScores: StatusBlocked}
	for proc, s := range want {
		if got := p.Processors[proc]; got.Status != s || got.Generation != 2 {
			t.Errorf("%s: %s at g%d, want %s at g2", proc, got.Status, got.Generation, s)
		}
	}
	if p.Status != StatusFailed {
		t.Errorf("date status %s, want failed (the most urgent outcome at g2)", p.Status)
	}
}
