package e2e

import (
	"context"
	"database/sql"
	"encoding/json"
	"math"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/tipoff-nba/tipoff/events"
	"github.com/tipoff-nba/tipoff/services/localstack"
)

const raceDate = "2026-02-03"

// TestPlayerSummaryRace is the incident, replayed against the real box scores of
// 2026-02-03: the player worker (two instances) gets its triggering events before, between
// and after the team summaries, duplicated, out of order and at the same moment, and must
// still run exactly once, on complete team totals.
func TestPlayerSummaryRace(t *testing.T) {
	games := gamesOn(t, raceDate)
	if len(games) != 10 {
		t.Fatalf("the real data has %d box scores on %s, want 10", len(games), raceDate)
	}
	stack, logs := startStack(t, dataDir(t, games, nil), map[string]int{
		"player-game-summary": 2, "team-defense": 0})
	ctx := context.Background()

	// Before: completions that name generation 1 arrive before the date was ever loaded.
	early := forgedCompletions(t)
	publishAll(t, stack, early, 2)

	// The load runs; team-defense is not running yet, so only the offense completes.
	load, err := events.NewLoadRequest("e2e", events.LoadRequest{GameDate: raceDate,
		RequestID: "race-1", Reason: "initial"}, time.Now())
	must(t, err)
	must(t, stack.Publish(ctx, load))
	waitProcessor(t, stack, raceDate, events.TeamOffense, "complete")

	// Between: the offense completion three times, and a forged defense completion for a
	// defense that has not run, all at once.
	offense := storedCompletion(t, stack, raceDate, events.TeamOffense)
	publishAll(t, stack, append([]events.Completion{offense, offense, offense}, early[1]), 1)

	// The defense starts, completes, and its event reaches both player instances.
	_, err = stack.StartWorker("team-defense", 0)
	must(t, err)
	doc := waitDate(t, stack, raceDate, isDone)
	if doc["status"] != "complete" {
		t.Fatalf("date status = %v, want complete: %s", doc["status"], describe(doc))
	}

	// After: both completions again, four copies each, concurrently.
	defense := storedCompletion(t, stack, raceDate, events.TeamDefense)
	publishAll(t, stack, []events.Completion{offense, defense, defense, offense}, 4)
	awaitDeliveries(t, stack, events.TeamDefense, 4)

	checkOneRun(t, stack, logs)
	checkPlayerRows(t, stack, games)
	assertNoFindings(t, stack, raceDate)
}

// forgedCompletions are well-formed team completions for generation 1 of raceDate that no
// worker produced: their content is not what the date will hold.
func forgedCompletions(t *testing.T) []events.Completion {
	var out []events.Completion
	for _, p := range []events.Processor{events.TeamOffense, events.TeamDefense} {
		out = append(out, events.Completion{
			GameDate: raceDate, Generation: 1, Processor: p, Outcome: events.OutcomeComplete,
			Rows: map[string]int{"forged": 1}, Games: 1, InputDigest: "sha256:" +
				"0000000000000000000000000000000000000000000000000000000000000000",
			Inputs: []events.Input{{Processor: events.RawBoxScores, Generation: 1,
				EventID: events.CompletionID(events.RawBoxScores, raceDate, 1)}},
		})
	}
	return out
}

// storedCompletion rebuilds processor p's completion from Firestore, as a redelivery
// would carry it.
func storedCompletion(t *testing.T, stack *localstack.Stack, day string,
	p events.Processor) events.Completion {
	t.Helper()
	procs, err := stack.Store.Processors(context.Background(), day)
	must(t, err)
	return procs[p].Completion("")
}

// publishAll publishes each completion copies times, every publish in its own goroutine,
// so copies reach the two player instances at the same moment.
func publishAll(t *testing.T, stack *localstack.Stack, cs []events.Completion, copies int) {
	t.Helper()
	var wg sync.WaitGroup
	errs := make(chan error, len(cs)*copies)
	for _, c := range cs {
		e, err := events.NewCompletion(c, time.Now())
		must(t, err)
		for i := 0; i < copies; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				errs <- stack.Publish(context.Background(), e)
			}()
		}
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		must(t, err)
	}
}

// awaitDeliveries waits until the player worker has consumed p's completion at least n
// more times than the first delivery, according to its event log entry.
func awaitDeliveries(t *testing.T, stack *localstack.Stack, p events.Processor, n int64) {
	t.Helper()
	id := events.CompletionID(p, raceDate, 1) + "~" + string(events.PlayerGameSummary)
	waitLogDeliveries(t, stack, raceDate, id, 1+n)
}

func checkOneRun(t *testing.T, stack *localstack.Stack, logs *logBuffer) {
	t.Helper()
	procs, err := stack.Store.Processors(context.Background(), raceDate)
	must(t, err)
	for _, p := range events.Processors {
		d := procs[p]
		if d.Status != "complete" || d.Generation != 1 {
			t.Errorf("%s: status %s at g%d, want complete at g1", p, d.Status, d.Generation)
		}
	}
	player := procs[events.PlayerGameSummary]
	if player.Attempt != 1 {
		t.Errorf("player runs claimed at g1 = %d, want 1", player.Attempt)
	}
	if n := logs.count(`"message":"run claimed"`, `"processor":"player_game_summary"`); n != 1 {
		t.Errorf("player worker logged %d claimed runs, want 1", n)
	}
	for _, in := range player.Inputs {
		if in.Generation != 1 {
			t.Errorf("player input %+v is not of g1", in)
		}
	}
}

func checkPlayerRows(t *testing.T, stack *localstack.Stack, games []string) {
	t.Helper()
	db := openWarehouse(t, stack)
	listed := 0
	for _, id := range games {
		listed += countListedPlayers(t, id)
	}
	rows := queryInt(t, db, `SELECT COUNT(*) FROM player_game_summary WHERE game_date = ?`, raceDate)
	distinct := queryInt(t, db, `SELECT COUNT(*) FROM (SELECT DISTINCT game_id, person_id
		FROM player_game_summary WHERE game_date = ?)`, raceDate)
	gamesStored := queryInt(t, db, `SELECT COUNT(DISTINCT game_id) FROM player_game_summary
		WHERE game_date = ?`, raceDate)
	if rows != listed || distinct != listed || gamesStored != len(games) {
		t.Errorf("player_game_summary: %d rows, %d distinct (game, player), %d games; "+
			"the box scores list %d players in %d games", rows, distinct, gamesStored, listed,
			len(games))
	}
	checkUsageIdentity(t, db, raceDate)
}

// checkUsageIdentity checks, from the stored values, that for every team
// Σ(usage × minutes) ÷ (team minutes ÷ 5) = 100 within 0.01.
func checkUsageIdentity(t *testing.T, db *sql.DB, day string) {
	t.Helper()
	rows, err := db.Query(`SELECT game_id, team_id, SUM(COALESCE(usage_rate, 0) * minutes),
		MAX(team_minutes), COUNT(*) FROM player_game_summary WHERE game_date = ?
		GROUP BY game_id, team_id`, day)
	must(t, err)
	defer rows.Close()
	teams := 0
	for rows.Next() {
		var game string
		var team, players int64
		var weighted, teamMinutes float64
		must(t, rows.Scan(&game, &team, &weighted, &teamMinutes, &players))
		teams++
		if got := weighted / (teamMinutes / 5); math.Abs(got-100) > 0.01 {
			t.Errorf("game %s team %d: Σ(usage × minutes) ÷ (team minutes ÷ 5) = %.4f, want 100",
				game, team, got)
		}
	}
	must(t, rows.Err())
	if teams == 0 {
		t.Errorf("no team of %s has player rows", day)
	}
}

// countListedPlayers counts the player lines of a real box score, both teams.
func countListedPlayers(t *testing.T, gameID string) int {
	t.Helper()
	body, err := os.ReadFile(boxScorePath(t, gameID))
	must(t, err)
	var box struct {
		BoxScore struct {
			Home struct {
				Players []json.RawMessage `json:"players"`
			} `json:"homeTeam"`
			Away struct {
				Players []json.RawMessage `json:"players"`
			} `json:"awayTeam"`
		} `json:"boxScoreTraditional"`
	}
	must(t, json.Unmarshal(body, &box))
	return len(box.BoxScore.Home.Players) + len(box.BoxScore.Away.Players)
}
