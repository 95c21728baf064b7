package main

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tipoff-nba/tipoff/events"
	"github.com/tipoff-nba/tipoff/services/internal/state"
)

// TestConcurrentReplaysWithOneRequestID: two replays of one date with the same request id
// and different --from, run at once, end with exactly one success; the other exits 1
// naming the conflict, and the date's event log still rebuilds its live state. The first
// pair races freely (the loser is refused by the plan or by the check after the date
// settles, depending on timing); the second pair is held by a paused raw loader until both
// load requests are published, so the root itself sees the conflicting copy.
func TestConcurrentReplaysWithOneRequestID(t *testing.T) {
	e := newTestEnv(t)
	e.startPipeline()
	e.mustRun("replay", replayCommand, "--date", completeDay, "--new", "--wait", "25s")
	origins := [2]events.Processor{events.TeamOffense, events.PlayerGameSummary}

	winner := e.replayPair(t, "z1", origins, nil)
	e.checkRebuild(t, "after z1")
	t.Logf("free race: --from %s won", winner)

	held := func() {
		e.setRawPaused(t, true)
	}
	winner = e.replayPair(t, "z2", origins, held)
	e.checkRebuild(t, "after z2")
	t.Logf("held race: --from %s won", winner)

	letters, err := e.store.DeadLetters(e.ctx())
	if err != nil {
		t.Fatal(err)
	}
	var conflicts []string
	for _, d := range letters {
		if d.EventID == events.LoadRequestID(completeDay, "z2") &&
			strings.Contains(d.Reason, "conflict: request z2 opened g3 with replay_from "+
				string(winner)) {
			conflicts = append(conflicts, d.Reason)
		}
	}
	if len(conflicts) != 1 {
		t.Errorf("dead letters of z2's conflicting copy: %q (all: %d)", conflicts, len(letters))
	}
}

// replayPair runs a replay of completeDay with request id for each origin, at once, and
// returns the origin whose replay exited 0. before, when given, runs first and holds the
// raw loader: the pair's load requests are then both published before the root sees one.
func (e *testEnv) replayPair(t *testing.T, id string, origins [2]events.Processor,
	before func()) events.Processor {
	t.Helper()
	if before != nil {
		before()
	}
	var wg sync.WaitGroup
	var results [2]cliResult
	for i, from := range origins {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i] = e.run("replay", replayCommand, "--date", completeDay, "--from",
				string(from), "--request-id", id, "--wait", "40s")
		}()
	}
	if before != nil {
		e.awaitDeliveries(t, id, 2)
		e.setRawPaused(t, false)
	}
	wg.Wait()

	won := -1
	for i, r := range results {
		if r.code == exitOK {
			if won >= 0 {
				t.Fatalf("%s: both replays exited 0:\n%s\n%s", id, results[0].out, results[1].out)
			}
			won = i
		}
	}
	if won < 0 {
		t.Fatalf("%s: no replay exited 0:\n%s%s\n%s%s", id, results[0].out, results[0].errs,
			results[1].out, results[1].errs)
	}
	lost, date := results[1-won], e.date(completeDay)
	if date.ReplayFrom != string(origins[won]) || date.Status != state.StatusComplete {
		t.Errorf("%s: date at g%d from %q, %s; the winner asked for %s", id, date.Generation,
			date.ReplayFrom, date.Status, origins[won])
	}
	settled := fmt.Sprintf("request id %s opened g%d of %s with --from %s, not %s; use a "+
		"new request id", id, date.Requests[id], completeDay, origins[won], origins[1-won])
	planned := fmt.Sprintf("the request opened g%d as a replay from %s; this run asks for a "+
		"replay from %s", date.Requests[id], origins[won], origins[1-won])
	t.Logf("%s: the losing replay printed:\n%s%s", id, lost.out, lost.errs)
	switch {
	case lost.code != exitFailed:
		t.Errorf("%s: the losing replay exited %d", id, lost.code)
	case strings.Contains(lost.errs, settled):
		t.Logf("%s: the losing replay was told after the date settled", id)
	case before == nil && strings.Contains(lost.errs, planned):
		t.Logf("%s: the losing replay was refused by its plan", id)
	default:
		t.Errorf("%s: the losing replay does not name the conflict:\n%s%s", id, lost.out,
			lost.errs)
	}
	return origins[won]
}

// awaitDeliveries waits until the raw loader's log entry of load request id counts n
// deliveries.
func (e *testEnv) awaitDeliveries(t *testing.T, id string, n int64) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		log, err := e.store.EventLog(e.ctx(), completeDay)
		if err != nil {
			t.Fatal(err)
		}
		for _, entry := range log {
			if entry.EventID == events.LoadRequestID(completeDay, id) &&
				entry.Direction == state.DirectionConsumed && entry.Deliveries >= n {
				return
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("load request %s was not delivered %d times within 20s", id, n)
}

func (e *testEnv) setRawPaused(t *testing.T, paused bool) {
	t.Helper()
	if err := e.store.SetPaused(e.ctx(), state.Control{Processor: string(events.RawBoxScores),
		Paused: paused, Reason: "held for the test", UpdatedAt: time.Now()}); err != nil {
		t.Fatal(err)
	}
}

// checkRebuild runs tipoff rebuild of completeDay, which must match the event log.
func (e *testEnv) checkRebuild(t *testing.T, stage string) {
	t.Helper()
	r := e.run("rebuild", rebuildCommand, "--date", completeDay)
	if r.code != exitOK || !strings.Contains(r.out, "matches its event log") {
		t.Errorf("rebuild %s: exit %d\n%s%s", stage, r.code, r.out, r.errs)
	}
}
