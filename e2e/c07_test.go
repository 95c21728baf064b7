package e2e

import (
	"context"
	"fmt"
	"io"
	"testing"
	"time"

	"github.com/tipoff-nba/tipoff/events"
	"github.com/tipoff-nba/tipoff/services/localstack"
)

// C07 on the real runtime: how hard one date is hit.
const (
	c07Day = "2026-02-01" // a real date of 10 games
	// c07Deliveries is how often the raw completion reaches each team processor: the
	// case's 12 progress updates per team worker.
	c07Deliveries = 12
	// c07Window bounds the time in which they are published.
	c07Window          = 2 * time.Second
	c07TeamInstances   = 3
	c07PlayerInstances = 2
	// c07PlayerCopies are the copies of each team completion published at once after the
	// teams complete, besides the ones the team workers publish, so each reaches both
	// player instances at the same moment.
	c07PlayerCopies = 3
)

// TestC07ContentionOnOneDate is field case C07 on the real runtime, with in-process
// workers on the Firestore emulator and the Pub/Sub fake. The case has each team worker
// write 12 per-game progress updates to the date document within 2 s while the player
// worker joins; Tipoff keeps a run's state in one processor document and has no per-game
// progress documents, so the analogue is the raw completion delivered 12 times to each
// team processor, across 3 instances of each, within 2 s: every delivery is a claim
// transaction that reads the date and writes the delivery's event log entry, and the
// copies of one processor contend for the same documents. Each team completion then
// reaches the 2 player instances at once. Expected: every processor claimed exactly once
// and completed with no failed dependency check (contention never reaches the gate), and
// every delivery counted in the date's event log.
func TestC07ContentionOnOneDate(t *testing.T) {
	games := gamesOn(t, c07Day)
	stack, logs := startStackWith(t, localstack.StackConfig{
		DataDir: dataDir(t, games, nil),
		Instances: map[string]int{"raw-loader": 0, "team-offense": 0, "team-defense": 0,
			"player-game-summary": 0},
	})
	instances := map[events.Processor][]*logBuffer{}
	start := func(p events.Processor, n int) {
		for i := 1; i <= n; i++ {
			own := &logBuffer{}
			w, err := stack.StartInProcess(localstack.InProcessConfig{Processor: p,
				Instance: fmt.Sprintf("%s-%d", p, i), Logs: io.MultiWriter(logs, own)})
			must(t, err)
			t.Cleanup(w.Stop)
			instances[p] = append(instances[p], own)
		}
	}
	start(events.RawBoxScores, 1)
	start(events.TeamOffense, c07TeamInstances)
	start(events.TeamDefense, c07TeamInstances)
	start(events.PlayerGameSummary, c07PlayerInstances)

	began := time.Now()
	requestLoad(t, stack, c07Day, "c07")
	waitProcessor(t, stack, c07Day, events.RawBoxScores, "complete")
	raw := storedCompletion(t, stack, c07Day, events.RawBoxScores)
	raw.RequestID = "c07"
	burst(t, stack, raw, c07Deliveries-1)
	published := time.Since(began)
	t.Logf("load request to the last raw copy published: %s (timings are noisy)", published)
	rawDone := rawCompletedAt(t, stack)
	if late := time.Since(rawDone); late > c07Window {
		t.Errorf("the raw copies were published %s after the raw completion, want within %s",
			late, c07Window)
	}

	for _, p := range []events.Processor{events.TeamOffense, events.TeamDefense} {
		waitProcessor(t, stack, c07Day, p, "complete")
	}
	for _, p := range []events.Processor{events.TeamOffense, events.TeamDefense} {
		burst(t, stack, storedCompletion(t, stack, c07Day, p), c07PlayerCopies)
	}
	if doc := waitDate(t, stack, c07Day, isDone); doc["status"] != "complete" {
		t.Fatalf("date status %v, want complete: %s", doc["status"], describe(doc))
	}

	checkC07Deliveries(t, stack, logs)
	checkC07Claims(t, stack, logs)
	checkC07Spread(t, instances)
	checkPlayerRowsOf(t, stack, c07Day)
	checkDistinctPlayerRows(t, stack, c07Day)
	checkNothingDeadLettered(t, stack, logs)
	t.Logf("load request to every delivery counted: %s; claims retried after failing: %d "+
		"(timings are noisy)", time.Since(began), logs.count(`"message":"claim failed`))
}

// burst publishes copies of c straight into the Pub/Sub fake, in one go: the fake hands
// the messages it holds to its streams in turn, every 10 ms, so copies that arrive
// together go to different instances, where copies sent one by one (each its own publish
// call, as the workers send them) tend to go to the same one.
func burst(t *testing.T, stack *localstack.Stack, c events.Completion, copies int) {
	t.Helper()
	e, err := events.NewCompletion(c, time.Now())
	must(t, err)
	msg := encode(t, e)
	topic := "projects/" + stack.Config.Project + "/topics/" + events.Type(e.Type()).Topic()
	for i := 0; i < copies; i++ {
		stack.PubSub.Server.Publish(topic, msg.Data, msg.Attributes)
	}
}

// rawCompletedAt is when the raw load's outcome was committed.
func rawCompletedAt(t *testing.T, stack *localstack.Stack) time.Time {
	t.Helper()
	procs, err := stack.Store.Processors(context.Background(), c07Day)
	must(t, err)
	return procs[events.RawBoxScores].CompletedAt
}

// checkC07Deliveries: every delivery is counted once in the date's event log. Each team
// processor consumed the raw completion c07Deliveries times and published its own
// completion once per delivery (the run's, then a republish per duplicate); the player
// consumed each team completion as often as it was published, with the test's copies.
func checkC07Deliveries(t *testing.T, stack *localstack.Stack, logs *logBuffer) {
	t.Helper()
	for _, p := range []events.Processor{events.TeamOffense, events.TeamDefense} {
		waitDeliveries(t, stack, events.RawBoxScores, p, c07Deliveries)
		published := []string{`"message":"completion published"`,
			`"published_event_id":"` + events.CompletionID(p, c07Day, 1) + `"`}
		if !logs.waitCount(30*time.Second, c07Deliveries, published...) {
			t.Errorf("%s published its completion %d times, want %d (one per delivery)", p,
				logs.count(published...), c07Deliveries)
		}
		waitDeliveries(t, stack, p, events.PlayerGameSummary,
			int64(logs.count(published...)+c07PlayerCopies))
	}
}

// waitDeliveries waits until upstream's g1 completion consumed by p counts want
// deliveries, then checks it does not count more.
func waitDeliveries(t *testing.T, stack *localstack.Stack, upstream, p events.Processor,
	want int64) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	var got int64
	for ctx.Err() == nil {
		snap, err := stack.FS.Doc(consumedPath(c07Day, upstream, p)).Get(ctx)
		if err == nil {
			got, _ = snap.Data()["deliveries"].(int64)
			if got >= want {
				break
			}
		}
		select {
		case <-ctx.Done():
		case <-time.After(200 * time.Millisecond):
		}
	}
	if got != want {
		t.Errorf("%s consumed by %s: %d deliveries in the event log, want %d", upstream, p, got,
			want)
	}
}

// checkC07Claims: each processor claimed once, at g1, with no failed dependency check.
func checkC07Claims(t *testing.T, stack *localstack.Stack, logs *logBuffer) {
	t.Helper()
	procs, err := stack.Store.Processors(context.Background(), c07Day)
	must(t, err)
	for _, p := range events.Processors {
		d := procs[p]
		if d.Status != "complete" || d.Generation != 1 || d.Attempt != 1 || d.GateFailures != 0 {
			t.Errorf("%s: %s at g%d, attempt %d, %d failed checks; want complete at g1, "+
				"attempt 1, none failed", p, d.Status, d.Generation, d.Attempt, d.GateFailures)
		}
		processor := `"processor":"` + string(p) + `"`
		for _, msg := range []string{"run claimed", "run complete"} {
			if n := logs.count(`"message":"`+msg+`"`, processor); n != 1 {
				t.Errorf("%s logged %q %d times, want 1", p, msg, n)
			}
		}
	}
	if n := logs.count(`"message":"dependency check failed`); n != 0 {
		t.Errorf("%d failed dependency checks logged, want none", n)
	}
}

// checkC07Spread: the copies reached at least two instances of each team processor, so
// the claims contended across processes, not only inside one (where a worker serialises
// its own claims of a date), and each team completion reached both player instances.
func checkC07Spread(t *testing.T, instances map[events.Processor][]*logBuffer) {
	t.Helper()
	spread := []struct {
		p, upstream events.Processor
		least       int
	}{
		{events.TeamOffense, events.RawBoxScores, 2},
		{events.TeamDefense, events.RawBoxScores, 2},
		{events.PlayerGameSummary, events.TeamOffense, c07PlayerInstances},
		{events.PlayerGameSummary, events.TeamDefense, c07PlayerInstances},
	}
	for _, s := range spread {
		event := `"event_id":"` + events.CompletionID(s.upstream, c07Day, 1) + `"`
		var per []int
		reached := 0
		for _, own := range instances[s.p] {
			n := own.count(`"decision":`, event)
			per = append(per, n)
			if n > 0 {
				reached++
			}
		}
		t.Logf("%s: decision log lines on %s, per instance: %v", s.p, s.upstream, per)
		if reached < s.least {
			t.Errorf("%s: %d instances decided on %s, want at least %d", s.p, reached,
				s.upstream, s.least)
		}
	}
}

// waitCount blocks until at least n lines contain every one of parts, or timeout passes;
// it reports whether they did.
func (b *logBuffer) waitCount(timeout time.Duration, n int, parts ...string) bool {
	deadline := time.Now().Add(timeout)
	for b.count(parts...) < n {
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(50 * time.Millisecond)
	}
	return true
}
