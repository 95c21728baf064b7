package e2e

import (
	"context"
	"testing"
	"time"

	"github.com/tipoff-nba/tipoff/events"
	"github.com/tipoff-nba/tipoff/services/localstack"
)

// TestKillSwitch: with the player processor paused in Firestore, its trigger is held and
// no run starts; turning the switch off runs it, once, without a restart.
func TestKillSwitch(t *testing.T) {
	day := "2026-02-02"
	stack, _ := startStack(t, dataDir(t, gamesOn(t, day), nil), nil)
	ctx := context.Background()
	setPaused(t, stack, true)
	requestLoad(t, stack, day, "k1")

	entry := events.CompletionID(events.TeamDefense, day, 1) + "~" +
		string(events.PlayerGameSummary)
	held := func(doc map[string]any) bool { return doc["decision"] == "paused" }
	waitDoc(t, stack, "dates/"+day+"/events/"+entry, held)
	procs, err := stack.Store.Processors(ctx, day)
	must(t, err)
	if p, ok := procs[events.PlayerGameSummary]; ok {
		t.Fatalf("a paused processor started a run: %+v", p)
	}

	setPaused(t, stack, false)
	if doc := waitDate(t, stack, day, isDone); doc["status"] != "complete" {
		t.Fatalf("after resume: status %v, want complete", doc["status"])
	}
	procs, err = stack.Store.Processors(ctx, day)
	must(t, err)
	if n := procs[events.PlayerGameSummary].Attempt; n != 1 {
		t.Errorf("player runs after resume = %d, want 1", n)
	}
}

func setPaused(t *testing.T, stack *localstack.Stack, paused bool) {
	t.Helper()
	_, err := stack.FS.Doc("controls/player_game_summary").Set(context.Background(),
		map[string]any{"processor": "player_game_summary", "paused": paused,
			"reason": "e2e", "updated_by": "e2e", "updated_at": time.Now()})
	must(t, err)
}
