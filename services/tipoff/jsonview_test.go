package main

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/tipoff-nba/tipoff/services/internal/state"
)

// TestDocView: JSON output uses Firestore's field names, nests maps and structs, drops
// empty omitempty fields, and shows a zero time as null.
func TestDocView(t *testing.T) {
	doc := state.ProcessorDoc{GameDate: "2026-02-03", Processor: "team_offense",
		Status: state.StatusRunning, Generation: 2,
		Inputs:    []state.InputRef{{Processor: "raw_boxscores", Generation: 2, EventID: "e"}},
		Lease:     &state.Lease{Owner: "w1", ExpiresAt: viewAt},
		StartedAt: viewAt}
	b, err := json.Marshal(docView(doc))
	if err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	if got["game_date"] != "2026-02-03" || got["status"] != "running" ||
		got["generation"] != float64(2) {
		t.Errorf("scalars: %v", got)
	}
	if lease := got["lease"].(map[string]any); lease["owner"] != "w1" ||
		lease["expires_at"] != viewAt.Format(time.RFC3339Nano) {
		t.Errorf("lease = %v", lease)
	}
	if in := got["inputs"].([]any)[0].(map[string]any); in["event_id"] != "e" {
		t.Errorf("inputs = %v", got["inputs"])
	}
	if v, ok := got["completed_at"]; !ok || v != nil {
		t.Errorf("completed_at = %v (present %t), want null", v, ok)
	}
	if _, ok := got["GameDate"]; ok {
		t.Error("Go field names leaked into the JSON")
	}

	entry, _ := docView(state.EventLogEntry{EventID: "x"}).(map[string]any)
	if _, ok := entry["reason"]; ok {
		t.Errorf("an empty omitempty field is present: %v", entry)
	}
}
