package state_test

import (
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/tipoff-nba/tipoff/events"
	"github.com/tipoff-nba/tipoff/services/internal/state"
)

// TestC01RedeliveryOnTheEmulator replays field case C01 through the store's own
// transactions on the emulator (TestC01RedeliveryNeverRunsTwice replays it on the
// decisions alone): the offense completion of 2024-01-15 at t=0 and again at 2 s, the
// defense completion at 3.5 s, a copy while the player run holds its lease, and a third
// copy at 95 s after the run finished. One run; every copy is acked without starting or
// restarting one and without touching the player's document; every delivery is counted
// in the date's event log, where the last decision on the offense completion is
// "duplicate". The copies before the defense completes are "wait" in Tipoff, not
// "duplicate" as the case calls them: the pair is not complete yet, and the run starts
// from the defense completion.
func TestC01RedeliveryOnTheEmulator(t *testing.T) {
	const day = "2024-01-15"
	store := emulatorStore(t)
	loadDate(t, store, day)
	finishTeam(t, store, day, events.TeamOffense, claimTeam(t, store, day, events.TeamOffense))
	defense := claimTeam(t, store, day, events.TeamDefense)
	at := func(ms int) time.Time {
		return seedAt.Add(time.Minute + time.Duration(ms)*time.Millisecond)
	}

	steps := []struct {
		label    string
		before   func() // runs just before the delivery
		upstream events.Processor
		at       time.Time
		want     state.Decision
	}{
		{label: "offense (t=0)", upstream: events.TeamOffense, at: at(0), want: state.DecisionWait},
		{label: "offense again (t=2s)", upstream: events.TeamOffense, at: at(2000),
			want: state.DecisionWait},
		{label: "defense (t=3.5s)", upstream: events.TeamDefense, at: at(3500),
			want: state.DecisionRun, before: func() {
				finishTeam(t, store, day, events.TeamDefense, defense)
			}},
		{label: "offense again, run going", upstream: events.TeamOffense, at: at(4000),
			want: state.DecisionBusy},
		{label: "offense again (t=95s)", upstream: events.TeamOffense, at: at(95000),
			want: state.DecisionDuplicate, before: func() {
				finishPlayer(t, store, day, "player/run-2", at(60000))
			}},
	}
	runs := 0
	for i, s := range steps {
		if s.before != nil {
			s.before()
		}
		before := playerDoc(t, store, day)
		v, err := store.Claim(testContext(t), playerTrigger(day, s.upstream,
			fmt.Sprintf("player/run-%d", i), s.at))
		if err != nil || v.Decision != s.want {
			t.Fatalf("%s: %s (%s), err %v; want %s", s.label, v.Decision, v.Reason, err, s.want)
		}
		if v.Decision == state.DecisionRun {
			runs++
			continue
		}
		if after := playerDoc(t, store, day); !reflect.DeepEqual(after, before) {
			t.Errorf("%s: %s rewrote the player document:\n got %+v\nwant %+v", s.label,
				v.Decision, after, before)
		}
	}

	p := playerDoc(t, store, day)
	if runs != 1 || p.Attempt != 1 || p.Status != state.StatusComplete {
		t.Errorf("%d runs; player %s, attempt %d; want one run, complete, attempt 1", runs,
			p.Status, p.Attempt)
	}
	checkDeliveries(t, store, day, events.CompletionID(events.TeamOffense, day, 1),
		events.PlayerGameSummary, 4)
	checkDeliveries(t, store, day, events.CompletionID(events.TeamDefense, day, 1),
		events.PlayerGameSummary, 1)
	checkLastDecision(t, store, day, events.CompletionID(events.TeamOffense, day, 1),
		state.DecisionDuplicate)
}

// playerTrigger is upstream's g1 completion reaching the player processor.
func playerTrigger(gameDate string, upstream events.Processor, owner string,
	now time.Time) state.Trigger {
	typ, _ := events.CompletionType(upstream)
	return state.Trigger{GameDate: gameDate, Processor: events.PlayerGameSummary,
		Needs:   []events.Processor{events.TeamOffense, events.TeamDefense},
		EventID: events.CompletionID(upstream, gameDate, 1), EventType: typ, Generation: 1,
		Owner: owner, Now: now, LeaseTTL: time.Minute}
}

// finishPlayer completes owner's player run of gameDate at g1.
func finishPlayer(t *testing.T, store *state.Store, gameDate, owner string, now time.Time) {
	t.Helper()
	if _, err := store.Finish(testContext(t), state.Finish{GameDate: gameDate,
		Processor: events.PlayerGameSummary, Generation: 1, Owner: owner,
		Status:    state.StatusComplete,
		EventID:   events.CompletionID(events.PlayerGameSummary, gameDate, 1),
		EventType: events.PlayerGameSummaryCompleted,
		Rows:      map[string]int{"player_game_summary": 26}, Games: 12,
		InputDigest: "sha256:" + fmt.Sprintf("%064d", 1), UpdateDate: true,
		Now: now}); err != nil {
		t.Fatalf("finish the player run: %v", err)
	}
}

// playerDoc reads the player's processor document of gameDate.
func playerDoc(t *testing.T, store *state.Store, gameDate string) state.ProcessorDoc {
	t.Helper()
	procs, err := store.Processors(testContext(t), gameDate)
	if err != nil {
		t.Fatal(err)
	}
	return procs[events.PlayerGameSummary]
}

// checkLastDecision: the player's event log entry of eventID records want as the decision
// on its latest delivery.
func checkLastDecision(t *testing.T, store *state.Store, gameDate, eventID string,
	want state.Decision) {
	t.Helper()
	log, err := store.EventLog(testContext(t), gameDate)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range log {
		if e.EventID == eventID && e.Processor == string(events.PlayerGameSummary) &&
			e.Direction == state.DirectionConsumed && e.Decision != string(want) {
			t.Errorf("%s: last decision %s, want %s", eventID, e.Decision, want)
		}
	}
}
