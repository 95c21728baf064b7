package rawload

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/tipoff-nba/tipoff/services/internal/boxscore"
	"github.com/tipoff-nba/tipoff/services/internal/choreo"
	"github.com/tipoff-nba/tipoff/services/internal/tables"
	"github.com/tipoff-nba/tipoff/services/internal/warehouse"
)

// TestEmptyBoxScoreIsAMissingGame is field case C17 on real data: one final game of
// 2026-02-02 is published with no players and no team statistics. The date is partial
// and names that game; its other games are loaded; no row of the empty game is written.
func TestEmptyBoxScoreIsAMissingGame(t *testing.T) {
	real := os.Getenv(boxscore.DataDirEnv)
	if real == "" {
		real = filepath.Join("..", "..", "..", "..", "..", "shared", "data", "nba")
	}
	inv, err := boxscore.Discover(real)
	if err != nil {
		t.Skipf("real NBA data not available (%v); set %s", err, boxscore.DataDirEnv)
	}
	day, _ := inv.Date("2026-02-02")
	dir := t.TempDir()
	for _, rel := range append([]string{inv.GameLogFiles[0]}, day.BoxScores...) {
		must(t, os.MkdirAll(filepath.Join(dir, filepath.Dir(rel)), 0o755))
		body, err := os.ReadFile(filepath.Join(real, rel))
		must(t, err)
		if rel == day.BoxScores[0] {
			body = emptied(t, body)
		}
		must(t, os.WriteFile(filepath.Join(dir, rel), body, 0o644))
	}
	emptyGame, _ := boxscore.GameIDFromPath(day.BoxScores[0])

	ctx := context.Background()
	wh, err := warehouse.Open(ctx, filepath.Join(t.TempDir(), "w.db"))
	must(t, err)
	defer wh.Close()
	res, err := Hooks(dir, wh).Run(ctx, choreo.Run{GameDate: "2026-02-02", Generation: 1})
	must(t, err)
	if len(res.MissingGames) != 1 || res.MissingGames[0] != emptyGame {
		t.Errorf("missing games = %v, want [%s]", res.MissingGames, emptyGame)
	}
	if res.Games != len(day.BoxScores)-1 {
		t.Errorf("games = %d, want %d", res.Games, len(day.BoxScores)-1)
	}
	teams, err := wh.RawTeams(ctx, tables.Key{GameDate: "2026-02-02", Generation: 1})
	must(t, err)
	for _, tm := range teams {
		if tm.GameID == emptyGame {
			t.Fatalf("a row of the empty game %s was written", emptyGame)
		}
	}
	if len(teams) != 2*(len(day.BoxScores)-1) {
		t.Errorf("%d team rows, want %d", len(teams), 2*(len(day.BoxScores)-1))
	}
}

// emptied returns the box score with the home team's players and statistics removed.
func emptied(t *testing.T, body []byte) []byte {
	var doc map[string]any
	must(t, json.Unmarshal(body, &doc))
	home := doc["boxScoreTraditional"].(map[string]any)["homeTeam"].(map[string]any)
	home["players"], home["statistics"] = []any{}, map[string]any{}
	out, err := json.Marshal(doc)
	must(t, err)
	return out
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
