package e2e

import (
	"context"
	"testing"
	"time"

	"github.com/tipoff-nba/tipoff/events"
	"github.com/tipoff-nba/tipoff/services/localstack"
)

// TestKilledWorkersMessageReturnsWithinAckExtension: a raw loader process is killed with
// SIGKILL right after it claims a run (its save held by a lock on the warehouse). With
// TIPOFF_ACK_EXTENSION=1s the load request it held comes back within a second or two and
// a new process takes the run over; with the client's default the message stays away for
// its 10 s extension, or the streaming pull's 60 s deadline (seen: 7–8 s after the kill).
func TestKilledWorkersMessageReturnsWithinAckExtension(t *testing.T) {
	day := "2025-10-21"
	ctx := context.Background()
	stack, logs := startStackWith(t, localstack.StackConfig{
		DataDir: dataDir(t, gamesOn(t, day), nil),
		Instances: map[string]int{"team-offense": 0, "team-defense": 0,
			"player-game-summary": 0},
		Env: []string{"TIPOFF_LEASE_TTL=1500ms", "TIPOFF_MAX_RUN_TIME=1s",
			"TIPOFF_ACK_EXTENSION=1s"},
		ShortAckDeadlines: true, AckDeadline: 2 * time.Second,
	})
	victim := stack.Workers[0]
	if !logs.waitFor(waitTimeout, `"message":"worker serving"`) {
		t.Fatal("the raw loader never started serving")
	}

	// Hold the warehouse's write lock so the loader's save waits inside its run.
	db := writableWarehouse(t, stack)
	conn, err := db.Conn(ctx)
	must(t, err)
	_, err = conn.ExecContext(ctx, "BEGIN IMMEDIATE")
	must(t, err)
	requestLoad(t, stack, day, "a1")
	if !logs.waitFor(waitTimeout, `"message":"run claimed"`, `"processor":"raw_boxscores"`) {
		t.Fatal("the raw load was never claimed")
	}
	victim.Kill()
	killed := time.Now()
	_, err = conn.ExecContext(ctx, "ROLLBACK")
	must(t, err)
	must(t, conn.Close())

	_, err = stack.StartWorker("raw-loader", 1)
	must(t, err)
	waitProcessor(t, stack, day, events.RawBoxScores, "partial")
	took := time.Since(killed)
	t.Logf("the run was taken over and completed %s after the kill", took.Round(time.Millisecond))
	// The lease (1.5 s) and the ack extension (1 s) run side by side; the rest is slack
	// for a loaded machine and the new process's start.
	if limit := 4 * time.Second; took > limit {
		t.Errorf("completed %s after the kill, want within %s", took, limit)
	}
}
