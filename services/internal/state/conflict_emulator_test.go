package state_test

import (
	"testing"
	"time"

	"github.com/tipoff-nba/tipoff/events"
	"github.com/tipoff-nba/tipoff/services/internal/state"
)

// TestClaimRecordsAConflictingLoadRequest: through Store.Claim on the emulator, a copy of
// a load request asking for another replay_from is decided a conflict, changes neither
// the date nor the logged origin, and the log still rebuilds the live state; so do
// redeliveries while the root is paused.
func TestClaimRecordsAConflictingLoadRequest(t *testing.T) {
	store := emulatorStoreWithLeaves(t, []events.Processor{events.PlayerGameSummary})
	h := &history{t: t, store: store, day: "2026-02-03",
		now: time.Date(2026, 2, 4, 6, 0, 0, 0, time.UTC)}
	raw, off, pl := events.RawBoxScores, events.TeamOffense, events.PlayerGameSummary

	h.mustFinish(h.load("r1", ""), state.StatusComplete, nil, 0)
	h.mustFinish(h.load("z1", off), state.StatusComplete, nil, 1)
	h.mustMatch("z1 opened g2")

	v := h.load("z1", pl)
	want := "conflict: request z1 opened g2 with replay_from team_offense, " +
		"this copy asks for player_game_summary"
	if v.Decision != state.DecisionConflict || v.Reason != want || v.Generation != 2 {
		t.Fatalf("conflicting copy: %s g%d %q", v.Decision, v.Generation, v.Reason)
	}
	date, _, err := store.Date(testContext(t), h.day)
	if err != nil || date.Generation != 2 || date.ReplayFrom != string(off) {
		t.Fatalf("date after the conflict: g%d from %q (%v)", date.Generation, date.ReplayFrom,
			err)
	}
	entry := h.loadEntry("z1")
	if entry.OpenedGeneration != 2 || entry.ReplayFrom != string(off) ||
		entry.Decision != string(state.DecisionConflict) || entry.Reason != want ||
		entry.Deliveries != 2 {
		t.Errorf("z1's entry after the conflict: %+v", entry)
	}
	h.mustMatch("after the conflict")

	// Paused: redeliveries of both requests open nothing and unmap nothing.
	if err := store.SetPaused(testContext(t), state.Control{Processor: string(raw),
		Paused: true, Reason: "INC-2", UpdatedAt: h.tick()}); err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"z1", "r1"} {
		if v := h.load(id, pl); v.Decision != state.DecisionPaused {
			t.Fatalf("%s while paused: %s", id, v.Decision)
		}
	}
	if e := h.loadEntry("r1"); e.OpenedGeneration != 1 || e.Generation != 1 ||
		e.ReplayFrom != "" {
		t.Errorf("r1's entry after a paused redelivery: %+v", e)
	}
	if p := h.mustMatch("paused redeliveries"); p.Requests["z1"] != 2 ||
		p.Requests["r1"] != 1 || p.ReplayFrom != string(off) {
		t.Errorf("projection while paused: %+v", p)
	}

	if err := store.SetPaused(testContext(t), state.Control{Processor: string(raw),
		UpdatedAt: h.tick()}); err != nil {
		t.Fatal(err)
	}
	if v := h.load("z1", off); v.Decision != state.DecisionDuplicate {
		t.Errorf("z1 as it was opened, after the resume: %s (%s)", v.Decision, v.Reason)
	}
	if e := h.loadEntry("z1"); e.OpenedGeneration != 2 || e.Deliveries != 4 {
		t.Errorf("z1's entry at the end: %+v", e)
	}
	h.mustMatch("after the resume")
}

// TestCopiesDuringARunKeepItsClaim: copies of a load request that reach the root while
// its run holds the lease (a conflicting one, a paused one) do not erase the run's claim
// from the log, so the rebuilt state still shows the root running.
func TestCopiesDuringARunKeepItsClaim(t *testing.T) {
	store := emulatorStoreWithLeaves(t, []events.Processor{events.PlayerGameSummary})
	h := &history{t: t, store: store, day: "2026-02-03",
		now: time.Date(2026, 2, 4, 6, 0, 0, 0, time.UTC)}
	raw, off, pl := events.RawBoxScores, events.TeamOffense, events.PlayerGameSummary

	h.mustFinish(h.load("r1", ""), state.StatusComplete, nil, 0)
	run := h.load("z1", off)
	h.mustMatch("z1 running")
	copyOf := state.Trigger{GameDate: h.day, Processor: raw,
		EventID: events.LoadRequestID(h.day, "z1"), EventType: events.LoadRequested,
		RequestID: "z1", ReplayFrom: pl, Owner: "raw-copy"}
	if v := h.claim(copyOf); v.Decision != state.DecisionConflict {
		t.Fatalf("conflicting copy during the run: %s (%s)", v.Decision, v.Reason)
	}
	if p := h.mustMatch("conflict during the run"); p.Processors[raw].Status !=
		state.StatusRunning {
		t.Errorf("projected root after the conflict: %+v", p.Processors[raw])
	}
	if err := store.SetPaused(testContext(t), state.Control{Processor: string(raw),
		Paused: true, Reason: "INC-3", UpdatedAt: h.tick()}); err != nil {
		t.Fatal(err)
	}
	copyOf.ReplayFrom = off
	if v := h.claim(copyOf); v.Decision != state.DecisionPaused {
		t.Fatalf("copy while paused: %s", v.Decision)
	}
	h.mustMatch("paused copy during the run")

	// The run then ends; its outcome, recorded after the copies, is what the log shows.
	h.mustFinish(run, state.StatusComplete, nil, 1)
	if p := h.mustMatch("run finished"); p.Processors[raw].Status != state.StatusComplete ||
		p.Processors[raw].Generation != 2 {
		t.Errorf("projected root at the end: %+v", p.Processors[raw])
	}
}

// loadEntry returns the raw loader's log entry of load request id.
func (h *history) loadEntry(id string) state.EventLogEntry {
	h.t.Helper()
	log, err := h.store.EventLog(testContext(h.t), h.day)
	if err != nil {
		h.t.Fatal(err)
	}
	for _, e := range log {
		if e.EventID == events.LoadRequestID(h.day, id) && e.Direction == state.DirectionConsumed {
			return e
		}
	}
	h.t.Fatalf("no consumed entry of load request %s", id)
	return state.EventLogEntry{}
}
