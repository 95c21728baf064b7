package state

import (
	"fmt"
	"testing"
	"time"

	"github.com/tipoff-nba/tipoff/events"
)

// originLoad is request id's load request of originDay asking to replay from from,
// delivered at seconds after t0.
func originLoad(id string, from events.Processor, seconds int) Trigger {
	at := t0.Add(time.Duration(seconds) * time.Second)
	t := loadTrigger(originDay, id, fmt.Sprintf("raw-%s-%d", id, seconds), at)
	t.ReplayFrom = from
	return t
}

const originDay = "2024-01-19"

// openG6 opens g6 of a date at g5 with request z1 replaying from player_game_summary,
// and returns the date after it, the claimed root and the entry the delivery logged.
func openG6(t *testing.T) (*DateDoc, *ProcessorDoc, EventLogEntry) {
	t.Helper()
	load := originLoad("z1", events.PlayerGameSummary, 1)
	v, date, proc := decideRoot(dateAt(originDay, 5),
		procAt(originDay, events.RawBoxScores, 5, StatusComplete), load)
	if v.Decision != DecisionRun || v.Generation != 6 || !v.Opened || date == nil ||
		proc == nil {
		t.Fatalf("opening load request: %s g%d opened %t (%s)", v.Decision, v.Generation,
			v.Opened, v.Reason)
	}
	e := consumedEntry(nil, load, v)
	if e.OpenedGeneration != 6 || e.Generation != 6 ||
		e.ReplayFrom != string(events.PlayerGameSummary) {
		t.Fatalf("opening entry: opened g%d at g%d from %q", e.OpenedGeneration, e.Generation,
			e.ReplayFrom)
	}
	return date, proc, e
}

// checkProjectedOrigin checks that entries project z1 opening g6 from player_game_summary
// and agree with date on the date fields.
func checkProjectedOrigin(t *testing.T, stage string, date DateDoc, entries ...EventLogEntry) {
	t.Helper()
	p := Project(originDay, entries, []events.Processor{events.PlayerGameSummary})
	if p.Requests["z1"] != 6 || p.Generation != date.Generation ||
		p.ReplayFrom != date.ReplayFrom {
		t.Errorf("%s: projection requests %v at g%d from %q; date at g%d from %q", stage,
			p.Requests, p.Generation, p.ReplayFrom, date.Generation, date.ReplayFrom)
	}
	for _, d := range Compare(p, date, nil) {
		if d.Field == "generation" || d.Field == "replay_from" {
			t.Errorf("%s: %s", stage, d)
		}
	}
}

// TestConflictingCopyKeepsTheOpenedOrigin: the same request id with another replay_from
// is a conflict, recorded on the entry, which keeps the generation and origin the first
// delivery opened.
func TestConflictingCopyKeepsTheOpenedOrigin(t *testing.T) {
	date, proc, opened := openG6(t)
	copyOf := originLoad("z1", events.TeamOffense, 2)
	v, nextDate, nextProc := decideRoot(date, proc, copyOf)
	want := "conflict: request z1 opened g6 with replay_from player_game_summary, " +
		"this copy asks for team_offense"
	if v.Decision != DecisionConflict || v.Reason != want || v.Opened || nextDate != nil ||
		nextProc != nil {
		t.Fatalf("conflicting copy: %s %q opened %t, writes date %t proc %t", v.Decision,
			v.Reason, v.Opened, nextDate != nil, nextProc != nil)
	}
	e := consumedEntry(&opened, copyOf, v)
	if e.OpenedGeneration != 6 || e.Generation != 6 ||
		e.ReplayFrom != string(events.PlayerGameSummary) || e.Decision != "conflict" ||
		e.Reason != want || e.Deliveries != 2 {
		t.Errorf("entry after the conflicting copy: %+v", e)
	}
	if opened.ClaimedAt.IsZero() || !e.ClaimedAt.Equal(opened.ClaimedAt) {
		t.Errorf("the run's claim at %s is not kept by the copy: %s", opened.ClaimedAt,
			e.ClaimedAt)
	}
	checkProjectedOrigin(t, "after the conflict", *date, e)

	// A copy with no replay_from conflicts too; one asking for the same origin does not.
	copyOf.ReplayFrom = ""
	if v, _, _ := decideRoot(date, proc, copyOf); v.Decision != DecisionConflict ||
		v.Reason != "conflict: request z1 opened g6 with replay_from player_game_summary, "+
			"this copy asks for (none)" {
		t.Errorf("copy without replay_from: %s %q", v.Decision, v.Reason)
	}
	copyOf.ReplayFrom = events.PlayerGameSummary
	if v, _, _ := decideRoot(date, proc, copyOf); v.Decision != DecisionBusy {
		t.Errorf("same origin while the root runs: %s %q, want busy", v.Decision, v.Reason)
	}
}

// TestPausedRedeliveryKeepsTheOpenedGeneration: a delivery held by a paused root, after
// g7 opened, neither unmaps the request nor moves its generation.
func TestPausedRedeliveryKeepsTheOpenedGeneration(t *testing.T) {
	date, _, opened := openG6(t)
	next := *date
	next.Requests = map[string]int64{"z1": 6, "z2": 7}
	next.Generation, next.ReplayFrom = 7, ""
	g7 := consumedEntry(nil, originLoad("z2", "", 3), Verdict{Decision: DecisionRun,
		Generation: 7, Opened: true})

	paused := Verdict{Decision: DecisionPaused, Generation: 7, Reason: "paused: INC-1"}
	e := consumedEntry(&opened, originLoad("z1", events.TeamOffense, 4), paused)
	if e.OpenedGeneration != 6 || e.Generation != 6 ||
		e.ReplayFrom != string(events.PlayerGameSummary) || e.Decision != "paused" {
		t.Errorf("entry after the paused redelivery: %+v", e)
	}
	p := Project(originDay, []EventLogEntry{e, g7}, nil)
	if p.Requests["z1"] != 6 || p.Requests["z2"] != 7 || p.Generation != 7 || p.ReplayFrom != "" {
		t.Errorf("projection: requests %v at g%d from %q", p.Requests, p.Generation,
			p.ReplayFrom)
	}
	checkProjectedOrigin(t, "paused redelivery before g7", *date, e)
}

// TestPausedFirstThenOpened: a paused first delivery opens nothing; the delivery after
// the resume opens the generation, and a later paused one keeps it.
func TestPausedFirstThenOpened(t *testing.T) {
	load := originLoad("z1", events.PlayerGameSummary, 1)
	held := consumedEntry(nil, load, Verdict{Decision: DecisionPaused, Generation: 5})
	if held.OpenedGeneration != 0 {
		t.Fatalf("paused first delivery opened g%d", held.OpenedGeneration)
	}
	if p := Project(originDay, []EventLogEntry{held}, nil); len(p.Requests) != 0 ||
		p.Generation != 0 {
		t.Errorf("a paused delivery projects requests %v at g%d", p.Requests, p.Generation)
	}

	load = originLoad("z1", events.PlayerGameSummary, 2)
	v, date, _ := decideRoot(dateAt(originDay, 5), nil, load)
	e := consumedEntry(&held, load, v)
	if e.OpenedGeneration != 6 || e.Deliveries != 2 || e.FirstAt != held.FirstAt {
		t.Fatalf("delivery after the resume: %+v", e)
	}
	checkProjectedOrigin(t, "opened after the resume", *date, e)

	again := consumedEntry(&e, originLoad("z1", "", 3), Verdict{Decision: DecisionPaused,
		Generation: 6})
	if again.OpenedGeneration != 6 || again.ReplayFrom != string(events.PlayerGameSummary) {
		t.Errorf("paused again: %+v", again)
	}
	checkProjectedOrigin(t, "paused again", *date, again)
}

// TestConflictFromAnotherEventIDLeavesTheOrigin: a conflicting copy under another event
// id has an entry of its own that maps the request but does not set the origin.
func TestConflictFromAnotherEventIDLeavesTheOrigin(t *testing.T) {
	date, proc, opened := openG6(t)
	copyOf := originLoad("z1", events.TeamOffense, 2)
	copyOf.EventID = "copy-of-z1"
	v, _, _ := decideRoot(date, proc, copyOf)
	e := consumedEntry(nil, copyOf, v)
	if e.OpenedGeneration != 0 || e.Decision != "conflict" {
		t.Fatalf("copy under another event id: %+v", e)
	}
	checkProjectedOrigin(t, "copy listed first", *date, e, opened)
	checkProjectedOrigin(t, "copy listed last", *date, opened, e)
}
