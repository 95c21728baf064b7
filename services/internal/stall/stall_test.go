package stall

import (
	"testing"
	"time"

	"github.com/tipoff-nba/tipoff/events"
	"github.com/tipoff-nba/tipoff/services/internal/pipeline"
	"github.com/tipoff-nba/tipoff/services/internal/state"
)

func TestFind(t *testing.T) {
	g, _ := pipeline.New(pipeline.Default)
	opened := time.Date(2026, 2, 4, 5, 0, 0, 0, time.UTC)
	lim := Limits{FirstLevel: DefaultTeamLimit, Higher: DefaultPlayerLimit}
	date := state.DateDoc{GameDate: "2026-02-03", Generation: 2, Status: state.StatusRunning,
		UpdatedAt: opened}
	done := func(at time.Time) state.ProcessorDoc {
		return state.ProcessorDoc{Generation: 2, Status: state.StatusComplete, CompletedAt: at}
	}
	procs := map[events.Processor]state.ProcessorDoc{
		events.RawBoxScores: done(opened.Add(time.Minute)),
		events.TeamOffense:  done(opened.Add(2 * time.Minute)),
		// team_defense still at the older generation: it never ran g2.
		events.TeamDefense: {Generation: 1, Status: state.StatusComplete},
	}

	if got := Find(g, date, procs, lim, opened.Add(30*time.Minute)); len(got) != 0 {
		t.Errorf("29 minutes after the raw load: %+v, want no stall yet", got)
	}
	got := Find(g, date, procs, lim, opened.Add(32*time.Minute))
	if len(got) != 1 || got[0].Processor != events.TeamDefense || got[0].Limit != DefaultTeamLimit ||
		got[0].Status != state.StatusWaiting {
		t.Fatalf("32 minutes after the raw load: %+v, want team_defense waiting", got)
	}

	// Both teams done; the player has 20 minutes from the later one.
	procs[events.TeamDefense] = done(opened.Add(10 * time.Minute))
	if got := Find(g, date, procs, lim, opened.Add(29*time.Minute)); len(got) != 0 {
		t.Errorf("19 minutes after the teams: %+v, want none", got)
	}
	got = Find(g, date, procs, lim, opened.Add(31*time.Minute))
	if len(got) != 1 || got[0].Processor != events.PlayerGameSummary ||
		got[0].Limit != DefaultPlayerLimit || got[0].Waited != 21*time.Minute {
		t.Fatalf("21 minutes after the teams: %+v, want the player stalled", got)
	}

	date.Status = state.StatusBlocked
	if got := Find(g, date, procs, lim, opened.Add(5*time.Hour)); len(got) != 0 {
		t.Errorf("a settled date reported stalls: %+v", got)
	}
}
