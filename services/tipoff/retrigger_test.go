package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/tipoff-nba/tipoff/events"
	"github.com/tipoff-nba/tipoff/services/internal/state"
)

// completeDoc is p's document as a finished run at gen leaves it.
// A derived processor names the raw completion it read, as the contract requires.
func completeDoc(p events.Processor, gen int64) state.ProcessorDoc {
	d := state.ProcessorDoc{GameDate: "2026-02-03", Processor: string(p),
		Status: state.StatusComplete, Generation: gen,
		EventID: events.CompletionID(p, "2026-02-03", gen), Rows: map[string]int{"t": 2},
		Games: 1, InputDigest: "sha256:" + strings.Repeat("b", 64), CompletedAt: viewAt}
	if p != events.RawBoxScores {
		d.Inputs = []state.InputRef{{Processor: string(events.RawBoxScores), Generation: gen,
			EventID: events.CompletionID(events.RawBoxScores, "2026-02-03", gen)}}
	}
	return d
}

func dateWithRequests() state.DateDoc {
	return state.DateDoc{GameDate: "2026-02-03", Generation: 2, Status: state.StatusBlocked,
		Requests: map[string]int64{"r1": 1, "r2": 2}}
}

// TestPlanRetriggerDependent: the player summary is woken by both team completions of the
// date's generation, rebuilt with their deterministic ids; team offense is woken by the
// raw completion, which carries the request that opened the generation, and the note
// says team defense sees the copy too.
func TestPlanRetriggerDependent(t *testing.T) {
	procs := map[events.Processor]state.ProcessorDoc{
		events.RawBoxScores: completeDoc(events.RawBoxScores, 2),
		events.TeamOffense:  completeDoc(events.TeamOffense, 2),
		events.TeamDefense:  completeDoc(events.TeamDefense, 2),
	}
	plan, err := planRetrigger(defaultGraph(), dateWithRequests(), procs,
		events.PlayerGameSummary, viewAt)
	if err != nil {
		t.Fatal(err)
	}
	if ids := eventIDs(plan); ids != "2026-02-03.team_offense.g2 2026-02-03.team_defense.g2" {
		t.Errorf("events %s", ids)
	}

	plan, err = planRetrigger(defaultGraph(), dateWithRequests(), procs, events.TeamOffense,
		viewAt)
	if err != nil || len(plan.events) != 1 {
		t.Fatalf("plan %+v, %v", plan, err)
	}
	var body events.Completion
	if err := json.Unmarshal(plan.events[0].Data(), &body); err != nil {
		t.Fatal(err)
	}
	if body.RequestID != "r2" || body.Processor != events.RawBoxScores || body.Generation != 2 {
		t.Errorf("raw completion body %+v, want request r2 at g2", body)
	}
	if len(plan.notes) != 1 || !strings.Contains(plan.notes[0], "team_defense") {
		t.Errorf("notes %q, want one naming team_defense", plan.notes)
	}
}

// TestPlanRetriggerSkipsIncompleteUpstream: an upstream that has not succeeded at the
// date's generation is not republished (its document describes an older run); the note
// says its own completion will wake the processor.
func TestPlanRetriggerSkipsIncompleteUpstream(t *testing.T) {
	procs := map[events.Processor]state.ProcessorDoc{
		events.TeamOffense: completeDoc(events.TeamOffense, 2),
		events.TeamDefense: completeDoc(events.TeamDefense, 1),
	}
	plan, err := planRetrigger(defaultGraph(), dateWithRequests(), procs,
		events.PlayerGameSummary, viewAt)
	if err != nil {
		t.Fatal(err)
	}
	if ids := eventIDs(plan); ids != "2026-02-03.team_offense.g2" {
		t.Errorf("events %s", ids)
	}
	if len(plan.notes) != 1 || !strings.Contains(plan.notes[0], "team_defense has not "+
		"completed g2 (it is complete at g1)") {
		t.Errorf("notes %q", plan.notes)
	}
}

// TestPlanRetriggerRoot: the raw loader is woken by the load request that opened the
// generation; a date that records none cannot be woken this way.
func TestPlanRetriggerRoot(t *testing.T) {
	plan, err := planRetrigger(defaultGraph(), dateWithRequests(), nil, events.RawBoxScores,
		viewAt)
	if err != nil {
		t.Fatal(err)
	}
	if ids := eventIDs(plan); ids != events.LoadRequestID("2026-02-03", "r2") {
		t.Errorf("events %s", ids)
	}
	if plan.events[0].Type() != string(events.LoadRequested) {
		t.Errorf("type %s", plan.events[0].Type())
	}
	date := dateWithRequests()
	date.Requests = nil
	if _, err := planRetrigger(defaultGraph(), date, nil, events.RawBoxScores, viewAt); err == nil {
		t.Error("a date without load requests planned a load request")
	}
}

func eventIDs(plan retrigger) string {
	ids := make([]string, len(plan.events))
	for i, e := range plan.events {
		ids[i] = e.ID()
	}
	return strings.Join(ids, " ")
}
