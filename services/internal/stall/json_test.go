package stall

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/tipoff-nba/tipoff/events"
	"github.com/tipoff-nba/tipoff/services/internal/state"
)

// TestStallJSON: snake_case keys, durations in whole seconds, the instant in RFC 3339.
func TestStallJSON(t *testing.T) {
	s := Stall{GameDate: "2026-02-03", Generation: 2, Processor: events.TeamDefense,
		Since: time.Date(2026, 2, 4, 5, 0, 0, 0, time.UTC), Waited: 95*time.Minute + 400*time.Millisecond,
		Limit: DefaultTeamLimit, Status: state.StatusWaiting, Paused: true}

	got, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"game_date":"2026-02-03","generation":2,"processor":"team_defense",` +
		`"status":"waiting","ready_since":"2026-02-04T05:00:00Z","waited_s":5700,` +
		`"limit_s":1800,"paused":true}`
	if string(got) != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// TestMarkPaused: a paused processor's stall is marked and not counted.
func TestMarkPaused(t *testing.T) {
	stalls := []Stall{{Processor: events.TeamOffense}, {Processor: events.TeamDefense}}

	n := MarkPaused(stalls, map[events.Processor]bool{events.TeamDefense: true})

	if n != 1 || stalls[0].Paused || !stalls[1].Paused {
		t.Errorf("unpaused %d, stalls %+v; want 1 with team_defense marked", n, stalls)
	}
}
