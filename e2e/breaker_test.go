package e2e

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/tipoff-nba/tipoff/events"
)

// TestBreakerOpensAfterThreeChecks: Firestore says both team summaries of a date are
// complete, but the defence rows are gone from the warehouse. The player worker's gate
// fails its data check exactly three times, counted in Firestore, then blocks the
// processor, raises the alert and dead-letters the trigger; later deliveries do not check
// again (field case C04). Both triggers of the player (the offense and the defense
// completions) are waiting when it starts, and still its checks are separated by the
// backoffs, 200 ms then 400 ms.
func TestBreakerOpensAfterThreeChecks(t *testing.T) {
	day := "2026-02-02"
	stack, logs := startStack(t, dataDir(t, gamesOn(t, day), nil),
		map[string]int{"player-game-summary": 0}, "TIPOFF_GATE_BACKOFF="+gateBackoff.String())
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

	checkBackoffsBetweenChecks(t, logs)
	for _, up := range []events.Processor{events.TeamOffense, events.TeamDefense} {
		entry := events.CompletionID(up, day, 1) + "~" + string(events.PlayerGameSummary)
		waitDoc(t, stack, "dates/"+day+"/events/"+entry, func(doc map[string]any) bool {
			n, _ := doc["deliveries"].(int64)
			return n >= 1
		})
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

// gateBackoff is the first backoff of TestBreakerOpensAfterThreeChecks; it doubles.
const gateBackoff = 200 * time.Millisecond

// checkBackoffsBetweenChecks: the three failed checks of the player's gate are logged at
// least 200 ms, then 400 ms apart, and at least one trigger was held because its check
// was not due yet. A check is logged after its failure is committed, so the gap between
// two lines is the backoff plus the later check's claim, check and commit, minus the
// earlier commit: the bound holds unless one commit outlasts the later claim, check and
// commit together.
func checkBackoffsBetweenChecks(t *testing.T, logs *logBuffer) {
	t.Helper()
	var checks []time.Time
	for _, line := range strings.Split(logs.String(), "\n") {
		if !strings.Contains(line, `"dependency check failed; retrying after a backoff"`) &&
			!strings.Contains(line, `"circuit breaker open: processor blocked for the generation"`) {
			continue
		}
		var entry struct {
			Time time.Time `json:"time"`
		}
		must(t, json.Unmarshal([]byte(line), &entry))
		checks = append(checks, entry.Time)
	}
	if len(checks) != 3 {
		t.Fatalf("%d failed checks logged, want 3", len(checks))
	}
	for i := 1; i < len(checks); i++ {
		want := gateBackoff << (i - 1)
		gap := checks[i].Sub(checks[i-1])
		t.Logf("failed check %d came %s after check %d (backoff %s)", i+1, gap, i, want)
		if gap < want {
			t.Errorf("failed check %d came %s after check %d, want at least the backoff %s",
				i+1, gap, i, want)
		}
	}
	if n := logs.count(`"dependency check not due yet; holding the event until it is"`); n == 0 {
		t.Error("no trigger was held for the backoff: the fan-in's second trigger never " +
			"reached the gate while a check was pending")
	}
}
