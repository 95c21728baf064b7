package e2e

import (
	"context"
	"database/sql"
	"strings"
	"testing"
	"time"

	"cloud.google.com/go/pubsub/v2"

	"github.com/tipoff-nba/tipoff/events"
	"github.com/tipoff-nba/tipoff/services/localstack"
)

// TestCorruptedTeamSummaryIsQuarantined: one team summary of 2026-02-03 is corrupted after
// it was written, as partial team totals would leave it. The player summary of that date
// is quarantined and never announced, a critical quality event names the team, and the
// other date is untouched.
func TestCorruptedTeamSummaryIsQuarantined(t *testing.T) {
	bad, good := "2026-02-03", "2026-02-02"
	dir := dataDir(t, append(gamesOn(t, bad), gamesOn(t, good)...), nil)
	stack, _ := startStack(t, dir, map[string]int{"player-game-summary": 0})
	alerts := collect(t, stack, "tipoff.quality.finding.v1.audit")
	requestLoad(t, stack, bad, "q1")
	requestLoad(t, stack, good, "q1")
	for _, day := range []string{bad, good} {
		waitTeamsDone(t, stack, day)
	}

	db := writableWarehouse(t, stack)
	var team string
	var teamID int64
	must(t, db.QueryRow(`SELECT team_tricode, team_id FROM team_offense_game_summary
		WHERE game_date = ? ORDER BY game_id, team_id LIMIT 1`, bad).Scan(&team, &teamID))
	_, err := db.Exec(`UPDATE team_offense_game_summary SET fga = fga - 20, tov = tov - 3
		WHERE game_date = ? AND team_id = ?`, bad, teamID)
	must(t, err)

	_, err = stack.StartWorker("player-game-summary", 0)
	must(t, err)
	if doc := waitDate(t, stack, bad, isDone); doc["status"] != "quarantined" {
		t.Fatalf("%s status = %v, want quarantined", bad, doc["status"])
	}
	if doc := waitDate(t, stack, good, isDone); doc["status"] != "complete" {
		t.Errorf("%s status = %v, want complete", good, doc["status"])
	}

	playerEvent := events.CompletionID(events.PlayerGameSummary, bad, 1)
	snap, err := stack.FS.Doc("dates/" + bad + "/events/" + playerEvent).Get(context.Background())
	if err == nil && snap.Exists() {
		t.Errorf("the quarantined player summary was announced: %v", snap.Data())
	}
	checkCriticalFinding(t, stack, bad, team, alerts)
	assertNoFindings(t, stack, good)
}

// waitTeamsDone waits until both team summaries of day are complete.
func waitTeamsDone(t *testing.T, stack *localstack.Stack, day string) {
	t.Helper()
	for _, p := range []events.Processor{events.TeamOffense, events.TeamDefense} {
		waitProcessor(t, stack, day, p, "complete")
	}
}

func checkCriticalFinding(t *testing.T, stack *localstack.Stack, day, team string,
	alerts <-chan *pubsub.Message) {
	t.Helper()
	docs, err := stack.FS.Collection("dates/" + day + "/quality").Documents(context.Background()).GetAll()
	must(t, err)
	stored := false
	for _, d := range docs {
		q := d.Data()
		if q["severity"] == "critical" && q["team"] == team {
			stored = true
		}
		if q["team"] != team {
			t.Errorf("a finding names another team: %v", q)
		}
	}
	if !stored {
		t.Errorf("no critical finding naming %s is stored; found %d findings", team, len(docs))
	}
	deadline := time.After(waitTimeout)
	for {
		select {
		case m := <-alerts:
			body := string(m.Data)
			if strings.Contains(body, `"severity":"critical"`) &&
				strings.Contains(body, `"team":"`+team+`"`) {
				return
			}
		case <-deadline:
			t.Fatalf("no critical quality event naming %s was published", team)
		}
	}
}

func assertNoFindings(t *testing.T, stack *localstack.Stack, day string) {
	t.Helper()
	docs, err := stack.FS.Collection("dates/" + day + "/quality").Documents(context.Background()).GetAll()
	must(t, err)
	for _, d := range docs {
		t.Errorf("%s has a finding on clean data: %v", day, d.Data())
	}
}

// collect receives every message of a subscription for the rest of the test.
func collect(t *testing.T, stack *localstack.Stack, subscription string) <-chan *pubsub.Message {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	out := make(chan *pubsub.Message, 256)
	go func() {
		_ = stack.PS.Subscriber(subscription).Receive(ctx, func(_ context.Context, m *pubsub.Message) {
			m.Ack()
			select {
			case out <- m:
			default:
			}
		})
	}()
	return out
}

// writableWarehouse opens the warehouse for a test that damages it on purpose, the way a
// bug or an operator's mistake would, behind the workers' backs.
func writableWarehouse(t *testing.T, stack *localstack.Stack) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+stack.Config.Warehouse+"?_pragma=busy_timeout(10000)")
	must(t, err)
	t.Cleanup(func() { db.Close() })
	return db
}
