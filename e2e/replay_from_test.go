package e2e

import (
	"context"
	"fmt"
	"os"
	"testing"

	"github.com/tipoff-nba/tipoff/events"
	"github.com/tipoff-nba/tipoff/services/localstack"
)

// TestReplayFromDownstream: a replay from the player summary recomputes only it; the raw
// load and the two team summaries carry their output of the previous generation forward,
// which their processor documents, their published completions and the logs say. A replay
// from team_offense recomputes the offense and the player summary and carries the others.
// No value changes, only the generation.
func TestReplayFromDownstream(t *testing.T) {
	day := correctedDay
	stack, logs := startStack(t, dataDir(t, gamesOn(t, day), nil), nil)
	completions := watchCompletions(t, stack)
	db := openWarehouse(t, stack)

	requestLoad(t, stack, day, "first")
	if doc := waitGeneration(t, stack, day, 1); doc["status"] != "complete" {
		t.Fatalf("g1: %s, want complete", describe(doc))
	}
	g1 := readDate(t, db, day)

	raw, off, def, pl := events.RawBoxScores, events.TeamOffense, events.TeamDefense,
		events.PlayerGameSummary
	steps := []struct {
		from    events.Processor
		gen     int64
		carried []events.Processor
	}{
		{pl, 2, []events.Processor{raw, off, def}},
		{off, 3, []events.Processor{raw, def}},
	}
	for _, s := range steps {
		requestReplay(t, stack, day, fmt.Sprintf("from-%s", s.from), s.from)
		if doc := waitGeneration(t, stack, day, s.gen); doc["status"] != "complete" {
			t.Fatalf("replay from %s, g%d: %s, want complete", s.from, s.gen, describe(doc))
		}
		read := readDate(t, db, day)
		onlyGeneration(t, day, read, s.gen)
		sameValues(t, fmt.Sprintf("replay from %s", s.from), g1, read)
		var ids []string
		for _, p := range events.Processors {
			ids = append(ids, events.CompletionID(p, day, s.gen),
				events.CompletionID(p, day, s.gen-1))
		}
		checkCarried(t, stack, logs, day, s.gen, s.carried, completions(ids...))
	}
}

// checkCarried: at gen, exactly the processors in carried carried gen-1 forward (in their
// processor documents, their published completions and a log line), and every processor
// announced the same digest and rows as at gen-1.
func checkCarried(t *testing.T, stack *localstack.Stack, logs *logBuffer, day string, gen int64,
	carried []events.Processor, published map[string]events.Completion) {
	t.Helper()
	procs, err := stack.Store.Processors(context.Background(), day)
	must(t, err)
	want := map[events.Processor]int64{}
	for _, p := range carried {
		want[p] = gen - 1
	}
	for _, p := range events.Processors {
		d := procs[p]
		if d.Generation != gen || d.CarriedFrom != want[p] {
			t.Errorf("g%d %s: document at g%d carried_from %d, want g%d carried_from %d", gen,
				p, d.Generation, d.CarriedFrom, gen, want[p])
		}
		c, ok := published[events.CompletionID(p, day, gen)]
		if !ok {
			t.Errorf("g%d %s: no completion received", gen, p)
			continue
		}
		if c.CarriedFrom != want[p] {
			t.Errorf("g%d %s: published carried_from %d, want %d", gen, p, c.CarriedFrom, want[p])
		}
		prev := published[events.CompletionID(p, day, gen-1)]
		if c.InputDigest != prev.InputDigest || fmt.Sprint(c.Rows) != fmt.Sprint(prev.Rows) {
			t.Errorf("g%d %s: digest %s rows %v, g%d had %s %v", gen, p, c.InputDigest, c.Rows,
				gen-1, prev.InputDigest, prev.Rows)
		}
		for _, in := range c.Inputs {
			if in.Generation != gen {
				t.Errorf("g%d %s: input %s is of g%d", gen, p, in.EventID, in.Generation)
			}
		}
		line := logs.count("output carried forward", fmt.Sprintf(`"processor":"%s"`, p),
			fmt.Sprintf(`"generation":%d`, gen))
		if line != boolInt(want[p] > 0) {
			t.Errorf("g%d %s: %d log lines say carried, want %d", gen, p, line,
				boolInt(want[p] > 0))
		}
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// TestReplayFromWithRawRowsGone: when the raw rows a replay would carry forward are no
// longer in the warehouse, the raw loader reads the files again and says why, and every
// processor downstream computes from that load instead of carrying.
func TestReplayFromWithRawRowsGone(t *testing.T) {
	day := correctedDay
	stack, logs := startStack(t, dataDir(t, gamesOn(t, day), nil), nil)
	db := openWarehouse(t, stack)
	requestLoad(t, stack, day, "first")
	if doc := waitGeneration(t, stack, day, 1); doc["status"] != "complete" {
		t.Fatalf("g1: %s, want complete", describe(doc))
	}
	g1 := readDate(t, db, day)
	damage := writableWarehouse(t, stack)
	for _, table := range outputTables[:2] {
		_, err := damage.Exec("DELETE FROM "+table+" WHERE game_date = ?", day)
		must(t, err)
	}

	requestReplay(t, stack, day, "from-player", events.PlayerGameSummary)
	if doc := waitGeneration(t, stack, day, 2); doc["status"] != "complete" {
		t.Fatalf("g2: %s, want complete", describe(doc))
	}

	read := readDate(t, db, day)
	onlyGeneration(t, day, read, 2)
	sameValues(t, "the reload after the raw rows were lost", g1, read)
	procs, err := stack.Store.Processors(context.Background(), day)
	must(t, err)
	for _, p := range events.Processors {
		if d := procs[p]; d.Generation != 2 || d.CarriedFrom != 0 {
			t.Errorf("%s: g%d carried_from %d; want g2 computed", p, d.Generation, d.CarriedFrom)
		}
	}
	if logs.count("replay: computing instead of carrying forward",
		`"processor":"raw_boxscores"`, "gamebook_player_stats holds 0 rows") != 1 {
		t.Error("the raw loader did not log why it read the files again")
	}
	if n := logs.count("output carried forward"); n != 0 {
		t.Errorf("%d log lines say carried; want none", n)
	}
}

// TestReplayFromAfterAFailedLoad: a replay from the player summary right after a load
// that failed has nothing of the previous generation to carry, so the raw loader reads the
// files again (the newest data wins) and says why, and everything downstream computes.
func TestReplayFromAfterAFailedLoad(t *testing.T) {
	day := correctedDay
	games := gamesOn(t, day)
	dir := dataDir(t, games, nil)
	stack, logs := startStack(t, dir, nil)
	db := openWarehouse(t, stack)
	requestLoad(t, stack, day, "first")
	if doc := waitGeneration(t, stack, day, 1); doc["status"] != "complete" {
		t.Fatalf("g1: %s, want complete", describe(doc))
	}
	g1 := readDate(t, db, day)

	original, err := os.ReadFile(boxScorePath(t, games[0]))
	must(t, err)
	replaceBoxScore(t, dir, games[0], []byte(`{"boxScoreTraditional": `))
	requestReplay(t, stack, day, "broken", "")
	if doc := waitGeneration(t, stack, day, 2); doc["status"] != "failed" {
		t.Fatalf("g2 with a malformed box score: %s, want failed", describe(doc))
	}
	replaceBoxScore(t, dir, games[0], original)
	requestReplay(t, stack, day, "from-player", events.PlayerGameSummary)
	if doc := waitGeneration(t, stack, day, 3); doc["status"] != "complete" {
		t.Fatalf("g3: %s, want complete", describe(doc))
	}

	read := readDate(t, db, day)
	onlyGeneration(t, day, read, 3)
	sameValues(t, "the reload after a failed load", g1, read)
	if logs.count("replay: computing instead of carrying forward",
		`"processor":"raw_boxscores"`, "the load of g2 never succeeded") != 1 {
		t.Error("the raw loader did not log why it read the files again")
	}
	if n := logs.count("output carried forward"); n != 0 {
		t.Errorf("%d log lines say carried; want none", n)
	}
}
