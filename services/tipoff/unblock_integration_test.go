package main

import (
	"context"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"

	"cloud.google.com/go/pubsub/v2"

	"github.com/tipoff-nba/tipoff/events"
	"github.com/tipoff-nba/tipoff/services/internal/bus"
	"github.com/tipoff-nba/tipoff/services/internal/state"
)

// parseMessage reads a received message through the codec and the contract, as a worker
// does.
func parseMessage(t *testing.T, m *pubsub.Message) events.Envelope {
	t.Helper()
	ce, err := bus.Decode(context.Background(), m)
	if err != nil {
		t.Fatalf("decode: %v", err)
	}
	env, err := events.Parse(ce)
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	return env
}

// TestUnblockDependent: a blocked player summary is cleared to waiting, and both team
// completions of the generation are published again, identical to what the stored
// documents describe, so the player worker's gate sees them; a second unblock is refused.
func TestUnblockDependent(t *testing.T) {
	const day = "2026-02-06"
	e := newTestEnv(t)
	e.load(day, "r1", seedAt)
	e.complete(day, events.TeamOffense, 1, seedAt.Add(time.Minute))
	e.complete(day, events.TeamDefense, 1, seedAt.Add(2*time.Minute))
	e.block(day, events.PlayerGameSummary, 1, seedAt.Add(3*time.Minute))
	subs := map[events.Processor]string{
		events.TeamOffense: e.subscribe(events.TeamOffenseCompleted.Topic()),
		events.TeamDefense: e.subscribe(events.TeamDefenseCompleted.Topic()),
	}

	r := e.mustRun("unblock", unblockCommand, "--date", day, "--processor", "player_game_summary")

	if !strings.Contains(r.out, "unblocked player_game_summary for "+day+" at g1 (was blocked") {
		t.Errorf("stdout:\n%s", r.out)
	}
	if p := e.processor(day, events.PlayerGameSummary); p.Status != state.StatusWaiting ||
		p.GateFailures != 0 {
		t.Errorf("player after unblock: %s, %d failed checks", p.Status, p.GateFailures)
	}
	if d, _, _ := e.store.Date(e.ctx(), day); d.Status == state.StatusBlocked {
		t.Errorf("date still %s", d.Status)
	}
	for up, sub := range subs {
		msgs := e.receive(sub, 1, testTimeout)
		if len(msgs) != 1 {
			t.Fatalf("%s: received %d completions, want 1", up, len(msgs))
		}
		env := parseMessage(t, msgs[0])
		stored := e.processor(day, up)
		want := stored.Completion("")
		if env.ID != events.CompletionID(up, day, 1) || env.Completion == nil ||
			!reflect.DeepEqual(*env.Completion, want) {
			t.Errorf("%s: republished %s %+v, want %+v", up, env.ID, env.Completion, want)
		}
	}

	again := e.run("unblock", unblockCommand, "--date", day, "--processor", "player_game_summary")
	if again.code != exitFailed || !strings.Contains(again.errs, "not blocked or failed") {
		t.Errorf("second unblock: exit %d, stderr %q", again.code, again.errs)
	}
}

// TestUnblockRoot: a failed raw loader is cleared and woken by the load request that
// opened the generation, with the same request id, so no new generation is opened. As it
// is paused, the command says the request is held until it resumes.
func TestUnblockRoot(t *testing.T) {
	const day = "2026-02-07"
	e := newTestEnv(t)
	v := e.claim(state.Trigger{GameDate: day, Processor: events.RawBoxScores,
		EventID: events.LoadRequestID(day, "r1"), EventType: events.LoadRequested,
		RequestID: "r1", Owner: "raw-r1", Now: seedAt, LeaseTTL: time.Minute})
	e.finish(v, state.Finish{Status: state.StatusFailed, Error: "malformed box score",
		Now: seedAt.Add(time.Second)})
	sub := e.subscribe(events.LoadRequested.Topic())
	e.mustRun("pause", pauseCommand, "--processor", "raw_boxscores", "--reason", "INC-7")

	r := e.mustRun("unblock", unblockCommand, "--date", day, "--processor", "raw-boxscores")

	if !strings.Contains(r.out, "raw_boxscores is paused (INC-7)") {
		t.Errorf("stdout does not say the processor is paused:\n%s", r.out)
	}
	if p := e.processor(day, events.RawBoxScores); p.Status != state.StatusWaiting {
		t.Errorf("raw after unblock: %s", p.Status)
	}
	msgs := e.receive(sub, 1, testTimeout)
	if len(msgs) != 1 {
		t.Fatalf("received %d load requests, want 1", len(msgs))
	}
	env := parseMessage(t, msgs[0])
	var body events.LoadRequest
	if err := json.Unmarshal(msgs[0].Data, &body); err != nil {
		t.Fatal(err)
	}
	if env.ID != events.LoadRequestID(day, "r1") || body.RequestID != "r1" {
		t.Errorf("load request %s %+v, want request r1", env.ID, body)
	}
}

// TestUnblockRefusals: a processor that never ran, or one that is not blocked or failed,
// is refused with exit 1, and nothing is published.
func TestUnblockRefusals(t *testing.T) {
	const day = "2026-02-08"
	e := newTestEnv(t)
	e.load(day, "r1", seedAt)
	sub := e.subscribe(events.RawLoaded.Topic())
	cases := map[string]string{
		"team_offense":  "team_offense has not run for " + day,
		"raw_boxscores": "raw_boxscores for " + day + " is complete at g1, not blocked or failed",
	}
	for p, want := range cases {
		r := e.run("unblock", unblockCommand, "--date", day, "--processor", p)
		if r.code != exitFailed || !strings.Contains(r.errs, want) {
			t.Errorf("%s: exit %d, stderr %q; want 1 and %q", p, r.code, r.errs, want)
		}
	}
	r := e.run("unblock", unblockCommand, "--date", "2026-02-09", "--processor", "team_offense")
	if r.code != exitFailed || !strings.Contains(r.errs, "never been loaded") {
		t.Errorf("unknown date: exit %d, stderr %q", r.code, r.errs)
	}
	if msgs := e.receive(sub, 1, 2*time.Second); len(msgs) != 0 {
		t.Errorf("a refused unblock published %d messages", len(msgs))
	}
}
