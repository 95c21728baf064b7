package e2e

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"cloud.google.com/go/pubsub/v2"
	"cloud.google.com/go/pubsub/v2/apiv1/pubsubpb"

	"github.com/tipoff-nba/tipoff/events"
	"github.com/tipoff-nba/tipoff/services/localstack"
)

// outputTables are every warehouse table that holds a date's rows, raw first.
var outputTables = []string{"gamebook_player_stats", "gamebook_team_stats",
	"team_offense_game_summary", "team_defense_game_summary", "player_game_summary"}

// requestReplay publishes a load request for day with its own request id and, when not
// empty, replay_from.
func requestReplay(t *testing.T, stack *localstack.Stack, day, requestID string,
	from events.Processor) {
	t.Helper()
	e, err := events.NewLoadRequest("e2e", events.LoadRequest{GameDate: day,
		RequestID: requestID, Reason: "replay", ReplayFrom: from}, time.Now())
	must(t, err)
	must(t, stack.Publish(context.Background(), e))
}

// waitGeneration waits until day is done at generation gen and returns its document.
func waitGeneration(t *testing.T, stack *localstack.Stack, day string, gen int64) map[string]any {
	t.Helper()
	return waitDate(t, stack, day, func(doc map[string]any) bool {
		return doc["generation"] == gen && isDone(doc)
	})
}

// dateRows is one table's rows of a date: each row's values but its generation, keyed by
// game, team and (for player tables) person; and the generations the rows carry.
type dateRows struct {
	values      map[string]string
	generations map[int64]int
}

// readDate reads every output table's rows of day with plain SQL.
func readDate(t *testing.T, db *sql.DB, day string) map[string]dateRows {
	t.Helper()
	out := map[string]dateRows{}
	for _, table := range outputTables {
		out[table] = readTable(t, db, table, day)
	}
	return out
}

func readTable(t *testing.T, db *sql.DB, table, day string) dateRows {
	t.Helper()
	rows, err := db.Query("SELECT * FROM "+table+" WHERE game_date = ?", day)
	must(t, err)
	defer rows.Close()
	cols, err := rows.Columns()
	must(t, err)
	got := dateRows{values: map[string]string{}, generations: map[int64]int{}}
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		must(t, rows.Scan(ptrs...))
		var key, rest []string
		for i, c := range cols {
			switch c {
			case "generation":
				got.generations[vals[i].(int64)]++
			case "game_id", "team_id", "person_id":
				key = append(key, fmt.Sprint(vals[i]))
			default:
				rest = append(rest, fmt.Sprintf("%s=%v", c, vals[i]))
			}
		}
		k := strings.Join(key, "|")
		if _, dup := got.values[k]; dup {
			t.Errorf("%s %s: row %s appears twice", table, day, k)
		}
		got.values[k] = strings.Join(rest, " ")
	}
	must(t, rows.Err())
	return got
}

// changedKeys lists the keys whose values differ between two reads of one table, and
// fails when the two reads do not have the same keys.
func changedKeys(t *testing.T, table string, before, after dateRows) map[string]bool {
	t.Helper()
	if len(before.values) != len(after.values) {
		t.Errorf("%s: %d rows after, %d before", table, len(after.values), len(before.values))
	}
	out := map[string]bool{}
	for k, v := range before.values {
		w, ok := after.values[k]
		if !ok {
			t.Errorf("%s: row %s is gone", table, k)
			continue
		}
		if v != w {
			out[k] = true
		}
	}
	return out
}

// onlyGeneration fails unless every row of every table is at gen.
func onlyGeneration(t *testing.T, day string, read map[string]dateRows, gen int64) {
	t.Helper()
	for table, r := range read {
		if len(r.generations) != 1 || r.generations[gen] == 0 {
			t.Errorf("%s %s: rows by generation %v, want all at g%d", table, day,
				r.generations, gen)
		}
	}
}

// sameValues fails unless every table holds the same rows with the same values.
func sameValues(t *testing.T, what string, before, after map[string]dateRows) {
	t.Helper()
	for _, table := range outputTables {
		if ch := changedKeys(t, table, before[table], after[table]); len(ch) > 0 {
			t.Errorf("%s: %s changed %d rows: %v", what, table, len(ch), sortedKeys(ch))
		}
	}
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// replaceBoxScore writes body as dir's box score of gameID, in place of the link dataDir
// made to the real file (never writing through it).
func replaceBoxScore(t *testing.T, dir, gameID string, body []byte) {
	t.Helper()
	path := filepath.Join(dir, "boxscoretraditionalv3", "2026", gameID+".json")
	must(t, os.Remove(path))
	must(t, os.WriteFile(path, body, 0o644))
}

// watchCompletions creates a subscription of its own on every completion topic, before
// anything is published. The function it returns waits until the completions with the
// given event ids have arrived and returns every completion received, by event id.
func watchCompletions(t *testing.T, stack *localstack.Stack) func(
	ids ...string) map[string]events.Completion {
	t.Helper()
	ctx := context.Background()
	var chans []<-chan *pubsub.Message
	for _, p := range events.Processors {
		typ, _ := events.CompletionType(p)
		id := "e2e-watch-" + typ.Topic()
		_, err := stack.PS.SubscriptionAdminClient.CreateSubscription(ctx, &pubsubpb.Subscription{
			Name:  fmt.Sprintf("projects/%s/subscriptions/%s", stack.Config.Project, id),
			Topic: fmt.Sprintf("projects/%s/topics/%s", stack.Config.Project, typ.Topic()),
			// Explicit: the fake refuses 0 once a test has lowered its minimum ack deadline
			// (a process-wide setting), and the client retries that refusal until it times out.
			AckDeadlineSeconds: 10,
		})
		must(t, err)
		chans = append(chans, collect(t, stack, id))
	}
	seen := map[string]events.Completion{}
	drain := func() {
		for _, ch := range chans {
			for drained := false; !drained; {
				select {
				case m := <-ch:
					var c events.Completion
					must(t, json.Unmarshal(m.Data, &c))
					seen[m.Attributes["ce-id"]] = c
				default:
					drained = true
				}
			}
		}
	}
	return func(ids ...string) map[string]events.Completion {
		t.Helper()
		deadline := time.Now().Add(waitTimeout)
		for {
			drain()
			missing := ""
			for _, id := range ids {
				if _, ok := seen[id]; !ok {
					missing = id
				}
			}
			if missing == "" {
				return seen
			}
			if time.Now().After(deadline) {
				t.Fatalf("completion %s never received", missing)
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
}
