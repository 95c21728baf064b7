package e2e

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/tipoff-nba/tipoff/events"
)

// TestBreakerOpensAfterThreeChecks: Firestore says both team summaries of a date are
// complete, but the defence rows are gone from the warehouse. The player worker's gate
// fails its data check exactly three times, counted in Firestore, then blocks the
// processor, raises the alert and dead-letters the trigger; later deliveries do not check
// again (field case C04).
func TestBreakerOpensAfterThreeChecks(t *testing.T) {
	day := "2026-02-02"
	stack, logs := startStack(t, dataDir(t, gamesOn(t, day), nil),
		map[string]int{"player-game-summary": 0}, "TIPOFF_GATE_BACKOFF=100ms")
	alerts := collect(t, stack, "tipoff.processor.blocked.v1.audit")
	requestLoad(t, stack, day, "b1")
	waitTeamsDone(t, stack, day)
	_, err := writableWarehouse(t, stack).Exec(
		`DELETE FROM team_defense_game_summary WHERE game_date = ?`, day)
	must(t, err)

	_, err = stack.StartWorker("player-game-summary", 0)
	must(t, err)
	doc := waitDate(t, stack, day, isDone)
	if doc["status"] != "blocked" {
		t.Fatalf("date status = %v, want blocked", doc["status"])
	}
	select {
	case m := <-alerts:
		if !strings.Contains(string(m.Data), `"failed_checks":3`) {
			t.Errorf("alert body %s does not count 3 failed checks", m.Data)
		}
	case <-time.After(waitTimeout):
		t.Fatal("no processor-blocked alert was published")
	}

	// Two more deliveries of the trigger: acked without a check.
	defense := storedCompletion(t, stack, day, events.TeamDefense)
	for i := 0; i < 2; i++ {
		e, err := events.NewCompletion(defense, time.Now())
		must(t, err)
		must(t, stack.Publish(context.Background(), e))
	}
	entry := events.CompletionID(events.TeamDefense, day, 1) + "~" +
		string(events.PlayerGameSummary)
	waitDoc(t, stack, "dates/"+day+"/events/"+entry, func(doc map[string]any) bool {
		n, _ := doc["deliveries"].(int64)
		return n >= 3 && doc["decision"] == "settled"
	})
	procs, err := stack.Store.Processors(context.Background(), day)
	must(t, err)
	player := procs[events.PlayerGameSummary]
	if player.Status != "blocked" || player.GateFailures != 3 {
		t.Errorf("player: status %s with %d failed checks, want blocked with 3", player.Status,
			player.GateFailures)
	}
	if !strings.Contains(player.LastError, "team_defense_game_summary holds 0 rows") {
		t.Errorf("last_error %q does not say what is missing", player.LastError)
	}
	if n := logs.count(`"dependency check failed; retrying after a backoff"`); n != 2 {
		t.Errorf("%d retried checks logged, want 2 before the breaker opened", n)
	}
	letters, err := stack.Store.DeadLetters(context.Background())
	must(t, err)
	if len(letters) == 0 || !strings.Contains(letters[0].Reason, "breaker open after 3") {
		t.Errorf("dead letters = %+v, want the trigger kept with the breaker's reason", letters)
	}
}
