package state_test

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/tipoff-nba/tipoff/events"
	"github.com/tipoff-nba/tipoff/services/internal/state"
)

var seedAt = time.Date(2026, 2, 4, 6, 0, 0, 0, time.UTC)

// loadDate opens gameDate's first generation the way a load request does and finishes
// the raw loader's run as complete.
func loadDate(t *testing.T, store *state.Store, gameDate string) {
	t.Helper()
	ctx := testContext(t)
	owner := "raw-" + gameDate
	v, err := store.Claim(ctx, state.Trigger{GameDate: gameDate, Processor: events.RawBoxScores,
		EventID: events.LoadRequestID(gameDate, "r1"), EventType: events.LoadRequested,
		RequestID: "r1", Owner: owner, Now: seedAt, LeaseTTL: time.Minute})
	if err != nil || v.Decision != state.DecisionRun {
		t.Fatalf("claim %s: %v, %v", gameDate, v.Decision, err)
	}
	_, err = store.Finish(ctx, state.Finish{GameDate: gameDate, Processor: events.RawBoxScores,
		Generation: 1, Owner: owner, Status: state.StatusComplete,
		EventID:   events.CompletionID(events.RawBoxScores, gameDate, 1),
		EventType: events.RawLoaded, Rows: map[string]int{"gamebook_player_stats": 3},
		Games: 1, InputDigest: "sha256:" + strings.Repeat("a", 64), Now: seedAt.Add(time.Second)})
	if err != nil {
		t.Fatalf("finish %s: %v", gameDate, err)
	}
}

// TestDatesBetween: the bounds are inclusive, an empty bound is open, and dates come back
// in date order whatever order they were written in.
func TestDatesBetween(t *testing.T) {
	store := emulatorStore(t)
	for _, d := range []string{"2026-02-03", "2025-10-21", "2026-01-15", "2026-02-04"} {
		loadDate(t, store, d)
	}
	cases := []struct {
		from, to string
		want     []string
	}{
		{"", "", []string{"2025-10-21", "2026-01-15", "2026-02-03", "2026-02-04"}},
		{"2026-01-15", "2026-02-03", []string{"2026-01-15", "2026-02-03"}},
		{"2026-02-01", "", []string{"2026-02-03", "2026-02-04"}},
		{"", "2025-12-31", []string{"2025-10-21"}},
		{"2026-03-01", "", nil},
	}
	for _, tc := range cases {
		docs, err := store.DatesBetween(testContext(t), tc.from, tc.to)
		if err != nil {
			t.Fatalf("%q..%q: %v", tc.from, tc.to, err)
		}
		var got []string
		for _, d := range docs {
			got = append(got, d.GameDate)
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%q..%q: got %v, want %v", tc.from, tc.to, got, tc.want)
		}
	}
}

// TestProcessorsOf: one batched read returns each date's processor documents under the
// date and processor they belong to, and nothing for a processor that never ran.
func TestProcessorsOf(t *testing.T) {
	store := emulatorStore(t)
	loadDate(t, store, "2026-02-03")
	loadDate(t, store, "2026-02-04")

	got, err := store.ProcessorsOf(testContext(t), []string{"2026-02-03", "2026-02-04",
		"2026-02-05"})

	if err != nil {
		t.Fatal(err)
	}
	for _, d := range []string{"2026-02-03", "2026-02-04"} {
		raw, ok := got[d][events.RawBoxScores]
		if !ok || raw.Status != state.StatusComplete || raw.GameDate != d {
			t.Errorf("%s raw = %+v (found %t), want complete", d, raw, ok)
		}
		if _, ok := got[d][events.TeamOffense]; ok {
			t.Errorf("%s has a team_offense document it never wrote", d)
		}
	}
	if len(got["2026-02-05"]) != 0 {
		t.Errorf("a date never loaded has processors %v", got["2026-02-05"])
	}
}

// TestStatusVocabulary: Known accepts exactly the statuses the store writes.
func TestStatusVocabulary(t *testing.T) {
	for _, s := range state.Statuses() {
		if !s.Known() {
			t.Errorf("%s is in Statuses but not Known", s)
		}
	}
	for _, s := range []state.Status{"", "done", "Complete", "blocked "} {
		if s.Known() {
			t.Errorf("%q is Known", s)
		}
	}
	if len(state.Statuses()) != 8 {
		t.Errorf("Statuses() has %d entries; docs/FIRESTORE.md lists 8", len(state.Statuses()))
	}
}
