package e2e

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/tipoff-nba/tipoff/events"
	"github.com/tipoff-nba/tipoff/services/localstack"
)

// TestKillDuringRun: a player worker process is killed with SIGKILL in the middle of its
// run (held inside its warehouse write). Its lease expires, the redelivered trigger is
// taken over by the other instance, and the date completes exactly once.
func TestKillDuringRun(t *testing.T) {
	day := "2026-02-02"
	ctx := context.Background()
	stack, logs := startStackWith(t, localstack.StackConfig{
		DataDir:           dataDir(t, gamesOn(t, day), nil),
		Env:               []string{"TIPOFF_LEASE_TTL=3s", "TIPOFF_MAX_RUN_TIME=2s"},
		ShortAckDeadlines: true, AckDeadline: 2 * time.Second,
	})
	victim := stack.Workers[len(stack.Workers)-1]
	if victim.Name != "player-game-summary" {
		t.Fatalf("last worker is %s", victim.Name)
	}
	// The player holds its triggers while paused, until the warehouse is locked.
	setPaused(t, stack, true)
	requestLoad(t, stack, day, "k1")
	waitTeamsDone(t, stack, day)

	// Hold the warehouse's write lock so the player's save waits inside its run.
	db := writableWarehouse(t, stack)
	conn, err := db.Conn(ctx)
	must(t, err)
	_, err = conn.ExecContext(ctx, "BEGIN IMMEDIATE")
	must(t, err)
	setPaused(t, stack, false)
	claimed := []string{`"message":"run claimed"`, `"processor":"player_game_summary"`}
	if !logs.waitFor(waitTimeout, claimed...) {
		t.Fatal("the player run was never claimed")
	}
	victim.Kill()
	_, err = conn.ExecContext(ctx, "ROLLBACK")
	must(t, err)
	must(t, conn.Close())

	_, err = stack.StartWorker("player-game-summary", 1)
	must(t, err)
	if doc := waitDate(t, stack, day, isDone); doc["status"] != "complete" {
		t.Fatalf("status %v after the kill, want complete", doc["status"])
	}
	procs, err := stack.Store.Processors(ctx, day)
	must(t, err)
	if p := procs[events.PlayerGameSummary]; p.Attempt != 2 || !strings.Contains(p.RunOwner,
		"player-game-summary-1") {
		t.Errorf("player: attempt %d by %s, want the second instance's takeover (attempt 2)",
			p.Attempt, p.RunOwner)
	}
	done := []string{`"message":"run complete"`, `"processor":"player_game_summary"`}
	logs.waitFor(10*time.Second, done...) // the line follows the commit the date shows
	if n := logs.count(done...); n != 1 {
		t.Errorf("player runs completed: %d, want 1", n)
	}
	checkPlayerRowsOf(t, stack, day)
}

// checkPlayerRowsOf checks one row per listed player of day and the usage identity.
func checkPlayerRowsOf(t *testing.T, stack *localstack.Stack, day string) {
	t.Helper()
	db := openWarehouse(t, stack)
	listed := 0
	for _, id := range gamesOn(t, day) {
		listed += countListedPlayers(t, id)
	}
	rows := queryInt(t, db, `SELECT COUNT(*) FROM player_game_summary WHERE game_date = ?`, day)
	if rows != listed {
		t.Errorf("%s: %d player rows, the box scores list %d", day, rows, listed)
	}
	checkUsageIdentity(t, db, day)
}
