package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/tipoff-nba/tipoff/events"
)

// The correction replayed on real data: Kon Knueppel (CHA) gets one more turnover in
// NOP @ CHA, 0022500712 of 2026-02-02. The game log's CHA turnovers (17, team turnovers
// included) stay at least the box score's (16, then 17), as the loader checks.
const (
	correctedDay    = "2026-02-02"
	untouchedDay    = "2026-01-31"
	correctedGame   = "0022500712"
	correctedPerson = 1642851
)

// TestReplayCorrection: two real dates complete; one box score is corrected and its date
// replayed without replay_from. The date completes a new generation in which exactly the
// rows that depend on the corrected value changed, with the same row counts; the other
// date is untouched. A replay of unchanged files changes only the generation, and the same
// request sent twice opens one generation.
func TestReplayCorrection(t *testing.T) {
	games := gamesOn(t, correctedDay)
	dir := dataDir(t, append(games, gamesOn(t, untouchedDay)...), nil)
	stack, _ := startStack(t, dir, nil)
	ctx := context.Background()
	db := openWarehouse(t, stack)

	requestLoad(t, stack, correctedDay, "first")
	requestLoad(t, stack, untouchedDay, "first")
	for _, day := range []string{correctedDay, untouchedDay} {
		if doc := waitGeneration(t, stack, day, 1); doc["status"] != "complete" {
			t.Fatalf("%s g1: %s, want complete", day, describe(doc))
		}
	}
	g1, other1 := readDate(t, db, correctedDay), readDate(t, db, untouchedDay)

	body, err := os.ReadFile(boxScorePath(t, correctedGame))
	must(t, err)
	corrected, team := addTurnover(t, body, correctedPerson)
	replaceBoxScore(t, dir, correctedGame, corrected)
	requestReplay(t, stack, correctedDay, "correction-1", "")
	if doc := waitGeneration(t, stack, correctedDay, 2); doc["status"] != "complete" {
		t.Fatalf("g2: %s, want complete", describe(doc))
	}
	g2 := readDate(t, db, correctedDay)
	onlyGeneration(t, correctedDay, g2, 2)
	checkCorrection(t, g1, g2, team)

	log, err := stack.Store.EventLog(ctx, correctedDay)
	must(t, err)
	published := map[int64]int{}
	for _, e := range log {
		if e.Direction == "published" {
			published[e.Generation]++
		}
	}
	if published[1] != 4 || published[2] != 4 {
		t.Errorf("event log completions by generation %v, want 4 of g1 and 4 of g2", published)
	}

	// The same replay request twice, files unchanged: one generation, values unchanged.
	requestReplay(t, stack, correctedDay, "replay-2", "")
	requestReplay(t, stack, correctedDay, "replay-2", "")
	if doc := waitGeneration(t, stack, correctedDay, 3); doc["status"] != "complete" {
		t.Fatalf("g3: %s, want complete", describe(doc))
	}
	waitLogDeliveries(t, stack, correctedDay, events.LoadRequestID(correctedDay, "replay-2")+"~"+
		string(events.RawBoxScores), 2)
	g3 := readDate(t, db, correctedDay)
	onlyGeneration(t, correctedDay, g3, 3)
	sameValues(t, "replay of unchanged files", g2, g3)
	date, _, err := stack.Store.Date(ctx, correctedDay)
	must(t, err)
	if date.Generation != 3 || len(date.Requests) != 3 || date.Requests["replay-2"] != 3 {
		t.Errorf("after the request twice: g%d, requests %v; want g3 with replay-2 → 3",
			date.Generation, date.Requests)
	}

	other, _, err := stack.Store.Date(ctx, untouchedDay)
	must(t, err)
	if other.Generation != 1 || other.Status != "complete" {
		t.Errorf("%s is %s at g%d; want complete at g1, untouched", untouchedDay,
			other.Status, other.Generation)
	}
	other2 := readDate(t, db, untouchedDay)
	onlyGeneration(t, untouchedDay, other2, 1)
	sameValues(t, "the other date", other1, other2)
}

// addTurnover gives person one more turnover, in the player's line and the team's
// statistics alike, and returns the box score and the team's id and opponent's id.
func addTurnover(t *testing.T, body []byte, person int64) ([]byte, correctedTeam) {
	t.Helper()
	var doc map[string]any
	must(t, json.Unmarshal(body, &doc))
	box := doc["boxScoreTraditional"].(map[string]any)
	for side, opp := range map[string]string{"homeTeam": "awayTeam", "awayTeam": "homeTeam"} {
		team := box[side].(map[string]any)
		for _, p := range team["players"].([]any) {
			player := p.(map[string]any)
			if int64(player["personId"].(float64)) != person {
				continue
			}
			bump(player["statistics"].(map[string]any))
			bump(team["statistics"].(map[string]any))
			out, err := json.Marshal(doc)
			must(t, err)
			return out, correctedTeam{id: int64(team["teamId"].(float64)),
				opponent: int64(box[opp].(map[string]any)["teamId"].(float64))}
		}
	}
	t.Fatalf("person %d is not in the box score", person)
	return nil, correctedTeam{}
}

func bump(stats map[string]any) { stats["turnovers"] = stats["turnovers"].(float64) + 1 }

type correctedTeam struct{ id, opponent int64 }

// checkCorrection: the corrected player's rows, the usage of every teammate who played
// (the team's turnovers are in the denominator), the team's offense and raw rows and the
// opponent's defense row changed; no row of another game changed.
func checkCorrection(t *testing.T, before, after map[string]dateRows, team correctedTeam) {
	t.Helper()
	teamKey := fmt.Sprintf("%s|%d", correctedGame, team.id)
	playerKey := fmt.Sprintf("%s|%d", teamKey, correctedPerson)
	want := map[string][]string{
		"gamebook_player_stats":     {playerKey},
		"gamebook_team_stats":       {teamKey},
		"team_offense_game_summary": {teamKey},
		"team_defense_game_summary": {fmt.Sprintf("%s|%d", correctedGame, team.opponent)},
		"player_game_summary":       teammatesWhoPlayed(after["player_game_summary"], teamKey),
	}
	if len(want["player_game_summary"]) < 5 {
		t.Fatalf("only %d players of %s played", len(want["player_game_summary"]), teamKey)
	}
	for _, table := range outputTables {
		changed := changedKeys(t, table, before[table], after[table])
		t.Logf("%s: %d of %d rows changed", table, len(changed), len(after[table].values))
		for _, k := range want[table] {
			if !changed[k] {
				t.Errorf("%s: row %s did not change", table, k)
			}
		}
		for k := range changed {
			if !strings.HasPrefix(k, correctedGame+"|") {
				t.Errorf("%s: row %s of another game changed", table, k)
			}
		}
	}
}

// teammatesWhoPlayed lists the player rows of team (game|team) with minutes.
func teammatesWhoPlayed(rows dateRows, teamKey string) []string {
	var out []string
	for k, v := range rows.values {
		if strings.HasPrefix(k, teamKey+"|") &&
			strings.Contains(" "+v+" ", " played=1 ") {
			out = append(out, k)
		}
	}
	return out
}
