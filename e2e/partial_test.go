package e2e

import (
	"os"
	"path/filepath"
	"testing"
)

// TestPartialDateCompletes: a date whose game log lists a game without a box score is
// partial and names the game; when the box score arrives, a new load request opens a new
// generation that completes the date, with every row of the new generation only.
func TestPartialDateCompletes(t *testing.T) {
	day := "2026-02-02"
	games := gamesOn(t, day)
	late := games[len(games)-1]
	dir := dataDir(t, games[:len(games)-1], nil)
	stack, _ := startStack(t, dir, nil)

	requestLoad(t, stack, day, "first")
	doc := waitDate(t, stack, day, isDone)
	missing, _ := doc["missing_games"].([]any)
	if doc["status"] != "partial" || len(missing) != 1 || missing[0] != late {
		t.Fatalf("first load: status %v, missing %v; want partial naming %s", doc["status"],
			missing, late)
	}
	db := openWarehouse(t, stack)
	partialRows := queryInt(t, db, `SELECT COUNT(*) FROM player_game_summary WHERE game_date = ?`,
		day)

	must(t, os.Symlink(boxScorePath(t, late),
		filepath.Join(dir, "boxscoretraditionalv3", "2026", late+".json")))
	requestLoad(t, stack, day, "second")
	doc = waitDate(t, stack, day, func(doc map[string]any) bool {
		return doc["generation"] == int64(2) && isDone(doc)
	})
	if doc["status"] != "complete" {
		t.Fatalf("second load: status %v, want complete", doc["status"])
	}
	rows := queryInt(t, db, `SELECT COUNT(*) FROM player_game_summary WHERE game_date = ?`, day)
	if want := partialRows + countListedPlayers(t, late); rows != want {
		t.Errorf("player rows after the late box score = %d, want %d", rows, want)
	}
	if n := queryInt(t, db, `SELECT COUNT(*) FROM player_game_summary WHERE game_date = ?
		AND generation <> 2`, day); n != 0 {
		t.Errorf("%d player rows are not of generation 2", n)
	}
	checkUsageIdentity(t, db, day)
}
