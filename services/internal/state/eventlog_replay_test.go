package state

import (
	"testing"

	"github.com/tipoff-nba/tipoff/events"
)

// TestEventLogRecordsReplays: the event log alone tells which generation replayed from
// which processor and which completions carried an earlier output forward, so the state
// can be rebuilt from it.
func TestEventLogRecordsReplays(t *testing.T) {
	const day = "2024-01-10"
	load := loadTrigger(day, "r2", "raw/a", t0)
	load.ReplayFrom = events.PlayerGameSummary
	consumed := consumedEntry(nil, load, Verdict{Decision: DecisionRun, Generation: 2})
	if consumed.ReplayFrom != string(events.PlayerGameSummary) || consumed.Generation != 2 {
		t.Errorf("consumed load request: replay_from %q at g%d, want %s at g2",
			consumed.ReplayFrom, consumed.Generation, events.PlayerGameSummary)
	}

	f := completeFinish(day, events.TeamOffense, 2, "off/a", t0)
	f.CarriedFrom = 1
	if e := publishedEntry(f); e.CarriedFrom != 1 {
		t.Errorf("published completion: carried_from %d, want 1", e.CarriedFrom)
	}
}
