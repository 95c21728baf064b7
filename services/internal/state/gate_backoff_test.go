package state_test

import (
	"errors"
	"testing"
	"time"

	"github.com/tipoff-nba/tipoff/events"
	"github.com/tipoff-nba/tipoff/services/internal/state"
)

// TestGateBackoffHoldsEveryTrigger: after a failed dependency check, the fan-in player's
// other trigger (a different event, a different instance) is decided "backoff" until the
// due time recorded on the processor document, without a claim, a lease or a count; at
// the due time it runs the next check. So the breaker can only open after its checks were
// separated by their backoffs (1 s, then 2 s here), whatever the number of triggers.
func TestGateBackoffHoldsEveryTrigger(t *testing.T) {
	const day = "2024-01-16"
	store := emulatorStore(t)
	loadDate(t, store, day)
	for _, p := range []events.Processor{events.TeamOffense, events.TeamDefense} {
		finishTeam(t, store, day, p, claimTeam(t, store, day, p))
	}
	start := seedAt.Add(time.Hour)
	at := func(ms int) time.Time { return start.Add(time.Duration(ms) * time.Millisecond) }
	claim := func(upstream events.Processor, owner string, now time.Time) state.Verdict {
		t.Helper()
		v, err := store.Claim(testContext(t), playerTrigger(day, upstream, owner, now))
		if err != nil {
			t.Fatalf("claim by %s: %v", owner, err)
		}
		return v
	}
	fail := func(owner string, now time.Time) (int, bool) {
		t.Helper()
		n, open, err := store.RecordGateFailure(testContext(t), state.GateFailure{
			GameDate: day, Processor: events.PlayerGameSummary, Generation: 1, Owner: owner,
			Reason: "team_defense_game_summary holds 0 rows", MaxFailures: 3,
			Backoff: time.Second, Now: now})
		if err != nil {
			t.Fatalf("record failed check of %s: %v", owner, err)
		}
		return n, open
	}

	if v := claim(events.TeamDefense, "player-a/run-1", at(0)); v.Decision != state.DecisionRun {
		t.Fatalf("first trigger decided %s, want run", v.Decision)
	}
	if n, open := fail("player-a/run-1", at(10)); n != 1 || open {
		t.Fatalf("first failed check: count %d, open %t; want 1, closed", n, open)
	}
	doc := playerDoc(t, store, day)
	if want := at(1010); !doc.NextCheckAt.Equal(want) {
		t.Fatalf("next_check_at = %s, want %s (failure + 1 s)", doc.NextCheckAt, want)
	}

	// The other trigger, 16 ms later on another instance: held, nothing written.
	v := claim(events.TeamOffense, "player-b/run-1", at(26))
	if v.Decision != state.DecisionBackoff || !v.Processor.NextCheckAt.Equal(at(1010)) {
		t.Fatalf("other trigger before the due time: %s (next check %s), want backoff until %s",
			v.Decision, v.Processor.NextCheckAt, at(1010))
	}
	if after := playerDoc(t, store, day); after.Attempt != doc.Attempt ||
		after.GateFailures != 1 || after.RunOwner != doc.RunOwner {
		t.Errorf("a held trigger changed the document: attempt %d→%d, failures %d, owner %s",
			doc.Attempt, after.Attempt, after.GateFailures, after.RunOwner)
	}
	checkLastDecision(t, store, day, events.CompletionID(events.TeamOffense, day, 1),
		state.DecisionBackoff)
	if v := claim(events.TeamDefense, "player-a/run-2", at(1009)); v.Decision !=
		state.DecisionBackoff {
		t.Fatalf("redelivery 1 ms before the due time decided %s, want backoff", v.Decision)
	}

	// At the due time the next check runs; its failure doubles the backoff.
	if v := claim(events.TeamOffense, "player-b/run-2", at(1010)); v.Decision !=
		state.DecisionRun {
		t.Fatalf("trigger at the due time decided %s, want run", v.Decision)
	}
	if n, open := fail("player-b/run-2", at(1020)); n != 2 || open {
		t.Fatalf("second failed check: count %d, open %t; want 2, closed", n, open)
	}
	if v := claim(events.TeamDefense, "player-a/run-3", at(3000)); v.Decision !=
		state.DecisionBackoff || !v.Processor.NextCheckAt.Equal(at(3020)) {
		t.Fatalf("trigger 2 s after: %s until %s, want backoff until %s", v.Decision,
			v.Processor.NextCheckAt, at(3020))
	}
	if v := claim(events.TeamDefense, "player-a/run-4", at(3020)); v.Decision !=
		state.DecisionRun {
		t.Fatalf("trigger at the second due time decided %s, want run", v.Decision)
	}
	if n, open := fail("player-a/run-4", at(3030)); n != 3 || !open {
		t.Fatalf("third failed check: count %d, open %t; want 3, open", n, open)
	}
	if doc := playerDoc(t, store, day); doc.Status != state.StatusBlocked ||
		!doc.NextCheckAt.IsZero() {
		t.Errorf("after the breaker opened: status %s, next_check_at %s; want blocked, unset",
			doc.Status, doc.NextCheckAt)
	}
}

// TestGateFailureOfOvertakenRunIsSuperseded: a failed check recorded after a reload opened
// a newer generation is reported superseded, not counted against the old generation.
func TestGateFailureOfOvertakenRunIsSuperseded(t *testing.T) {
	const day = "2024-01-17"
	store := emulatorStore(t)
	loadDate(t, store, day)
	for _, p := range []events.Processor{events.TeamOffense, events.TeamDefense} {
		finishTeam(t, store, day, p, claimTeam(t, store, day, p))
	}
	now := seedAt.Add(time.Hour)
	if v, err := store.Claim(testContext(t), playerTrigger(day, events.TeamDefense, "player/g1",
		now)); err != nil || v.Decision != state.DecisionRun {
		t.Fatalf("g1 claim: %s, %v", v.Decision, err)
	}
	if v, err := store.Claim(testContext(t), state.Trigger{GameDate: day,
		Processor: events.RawBoxScores, EventID: events.LoadRequestID(day, "reload"),
		EventType: events.LoadRequested, RequestID: "reload", Owner: "raw/g2", Now: now,
		LeaseTTL: time.Minute}); err != nil || v.Generation != 2 {
		t.Fatalf("reload: generation %d, %v", v.Generation, err)
	}
	// The g1 run still holds its lease; the date is at g2.
	_, _, err := store.RecordGateFailure(testContext(t), state.GateFailure{GameDate: day,
		Processor: events.PlayerGameSummary, Generation: 1, Owner: "player/g1",
		Reason: "rows missing", MaxFailures: 3, Backoff: time.Second, Now: now})
	if !errors.Is(err, state.ErrSuperseded) || errors.Is(err, state.ErrLeaseLost) {
		t.Fatalf("failed check of the overtaken g1 run: %v, want superseded", err)
	}
	if doc := playerDoc(t, store, day); doc.GateFailures != 0 {
		t.Errorf("the overtaken run counted %d failed checks", doc.GateFailures)
	}
}
