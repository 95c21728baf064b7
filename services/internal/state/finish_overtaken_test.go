package state_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/tipoff-nba/tipoff/events"
	"github.com/tipoff-nba/tipoff/services/internal/state"
)

// TestFinishOvertakenByNewerGeneration: a g1 team run finishes after a reload opened g2
// and g2's run of the same processor claimed its document. The finish is reported
// superseded, not as a lease lost to another run; it leaves the g2 run's document alone
// and records that g1 was superseded in the event log.
func TestFinishOvertakenByNewerGeneration(t *testing.T) {
	const day = "2024-01-22"
	off := events.TeamOffense
	store := emulatorStore(t)
	loadDate(t, store, day)
	oldRun := claimTeam(t, store, day, off)

	now := seedAt.Add(time.Minute)
	raw, err := store.Claim(testContext(t), state.Trigger{GameDate: day,
		Processor: events.RawBoxScores, EventID: events.LoadRequestID(day, "reload"),
		EventType: events.LoadRequested, RequestID: "reload", Owner: "raw/g2", Now: now,
		LeaseTTL: time.Minute})
	if err != nil || raw.Decision != state.DecisionRun || raw.Generation != 2 {
		t.Fatalf("reload: %s g%d, %v", raw.Decision, raw.Generation, err)
	}
	if _, err := store.Finish(testContext(t), state.Finish{GameDate: day,
		Processor: events.RawBoxScores, Generation: 2, Owner: "raw/g2",
		Status: state.StatusComplete, EventID: events.CompletionID(events.RawBoxScores, day, 2),
		EventType: events.RawLoaded, Rows: map[string]int{"gamebook_player_stats": 3},
		Games: 1, InputDigest: "sha256:" + strings.Repeat("a", 64), Now: now}); err != nil {
		t.Fatalf("finish the g2 load: %v", err)
	}
	v, err := store.Claim(testContext(t), state.Trigger{GameDate: day, Processor: off,
		Needs:   []events.Processor{events.RawBoxScores},
		EventID: events.CompletionID(events.RawBoxScores, day, 2), EventType: events.RawLoaded,
		Generation: 2, Owner: "team_offense/g2", Now: now, LeaseTTL: time.Minute})
	if err != nil || v.Decision != state.DecisionRun {
		t.Fatalf("g2 claim of %s: %s, %v", off, v.Decision, err)
	}

	_, err = store.Finish(testContext(t), state.Finish{GameDate: day, Processor: off,
		Generation: 1, Owner: oldRun, Status: state.StatusComplete,
		EventID: events.CompletionID(off, day, 1), EventType: events.TeamOffenseCompleted,
		Rows: map[string]int{"team_offense_game_summary": 2}, Games: 1,
		InputDigest: "sha256:" + strings.Repeat("b", 64), Now: now.Add(time.Second)})

	if !errors.Is(err, state.ErrSuperseded) || errors.Is(err, state.ErrLeaseLost) {
		t.Fatalf("finish of the overtaken g1 run: %v, want superseded", err)
	}
	procs, err := store.Processors(testContext(t), day)
	if err != nil {
		t.Fatal(err)
	}
	if p := procs[off]; p.Generation != 2 || p.Status != state.StatusRunning || p.Lease == nil ||
		p.Lease.Owner != "team_offense/g2" {
		t.Errorf("the g2 run's document changed: g%d %s, lease %+v", p.Generation, p.Status,
			p.Lease)
	}
	entries, err := store.EventLog(testContext(t), day)
	if err != nil {
		t.Fatal(err)
	}
	recorded := false
	for _, e := range entries {
		recorded = recorded || (e.Processor == string(off) && e.Generation == 1 &&
			e.Outcome == string(state.StatusSuperseded))
	}
	if !recorded {
		t.Errorf("no superseded entry of %s g1 in the event log: %+v", off, entries)
	}
}
