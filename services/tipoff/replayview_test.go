package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/tipoff-nba/tipoff/events"
	"github.com/tipoff-nba/tipoff/services/internal/state"
)

// TestEventLogShowsCarriedAndReplayOrigin: a carried completion names the generation it
// carried, a consumed load request its replay origin; other entries show their decision.
func TestEventLogShowsCarriedAndReplayOrigin(t *testing.T) {
	log := []state.EventLogEntry{
		{EventID: "2026-02-03.load.r2", EventType: string(events.LoadRequested),
			Direction: state.DirectionConsumed, Processor: "raw_boxscores", Generation: 2,
			Decision: "run", ReplayFrom: "team_offense", RequestID: "r2", FirstAt: viewAt},
		{EventID: "2026-02-03.raw_boxscores.g2", EventType: string(events.RawLoaded),
			Direction: state.DirectionPublished, Processor: "raw_boxscores", Generation: 2,
			Decision: "complete", Outcome: "complete", CarriedFrom: 1, FirstAt: viewAt},
		{EventID: "2026-02-03.team_offense.g2", EventType: "dev.tipoff.team_offense.completed.v1",
			Direction: state.DirectionPublished, Processor: "team_offense", Generation: 2,
			Decision: "complete", Outcome: "complete", FirstAt: viewAt},
	}
	var out bytes.Buffer
	if err := renderEventLog(&out, log); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(out.String(), "\n")
	for i, want := range []string{"run (replay from team_offense)",
		"complete (carried from g1)", "complete"} {
		if !strings.Contains(lines[i+1], want) {
			t.Errorf("line %d lacks %q:\n%s", i+1, want, out.String())
		}
	}
	if strings.Contains(lines[3], "carried") {
		t.Errorf("a computed completion is shown as carried:\n%s", out.String())
	}
}

// TestStatusShowsCarried: a processor that carried its output into the current
// generation shows "carried"; one that carried into an older generation is waiting.
func TestStatusShowsCarried(t *testing.T) {
	r := blockedRow()
	raw := procDoc(events.RawBoxScores, 2, state.StatusComplete)
	raw.CarriedFrom = 1
	old := procDoc(events.PlayerGameSummary, 1, state.StatusComplete)
	old.CarriedFrom = 1
	r.processors[events.RawBoxScores], r.processors[events.PlayerGameSummary] = raw, old
	var out bytes.Buffer
	if err := renderStatus(&out, []statusRow{r}); err != nil {
		t.Fatal(err)
	}
	fields := strings.Fields(strings.Split(out.String(), "\n")[1])
	if got := fields[3:7]; strings.Join(got, " ") != "carried complete blocked waiting" {
		t.Errorf("processor cells %v, want carried complete blocked waiting:\n%s", got,
			out.String())
	}
}
