package analytics_test

import (
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/tipoff-nba/tipoff/services/internal/analytics"
	"github.com/tipoff-nba/tipoff/services/internal/boxscore"
	"github.com/tipoff-nba/tipoff/services/internal/tables"
)

// realDataDir returns the real NBA data directory: $TIPOFF_NBA_DATA, else the shared copy
// next to the repository. The test skips when neither holds the data.
func realDataDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv(boxscore.DataDirEnv)
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "..", "shared", "data", "nba")
	}
	if _, err := os.Stat(filepath.Join(dir, boxscore.BoxScoreDir)); err != nil {
		t.Skipf("real NBA data not found at %s (set %s to the directory holding %s/ and %s/): %v",
			dir, boxscore.DataDirEnv, boxscore.BoxScoreDir, boxscore.GameLogDir, err)
	}
	return dir
}

// realDate loads one game date of the real data as raw rows, generation 1.
func realDate(t *testing.T, date string) ([]tables.RawPlayer, []tables.RawTeam) {
	t.Helper()
	inv, err := boxscore.Discover(realDataDir(t))
	if err != nil {
		t.Fatalf("Discover: %v", err)
	}
	players, teams, err := boxscore.LoadDate(inv, tables.Key{GameDate: date, Generation: 1})
	if err != nil {
		t.Fatalf("LoadDate(%s): %v", date, err)
	}
	return players, teams
}

// realSummaries computes the offense, defense and player rows of one real date.
func realSummaries(t *testing.T, date string) (
	[]tables.TeamOffense, []tables.TeamDefense, []tables.PlayerGame) {
	t.Helper()
	players, teams := realDate(t, date)
	offense, err := analytics.TeamOffense(teams)
	if err != nil {
		t.Fatalf("TeamOffense(%s): %v", date, err)
	}
	defense, err := analytics.TeamDefense(teams)
	if err != nil {
		t.Fatalf("TeamDefense(%s): %v", date, err)
	}
	rows, err := analytics.PlayerGames(players, offense)
	if err != nil {
		t.Fatalf("PlayerGames(%s): %v", date, err)
	}
	return offense, defense, rows
}

// closeTo reports whether got is within 1e-9 of want, relative to want's size.
func closeTo(got, want float64) bool {
	return math.Abs(got-want) <= 1e-9*math.Max(1, math.Abs(want))
}

// wantClose fails when got is not closeTo want.
func wantClose(t *testing.T, name string, got, want float64) {
	t.Helper()
	if !closeTo(got, want) {
		t.Errorf("%s = %v, want %v", name, got, want)
	}
}

// wantPtrClose fails when got is nil or not closeTo want.
func wantPtrClose(t *testing.T, name string, got *float64, want float64) {
	t.Helper()
	if got == nil {
		t.Errorf("%s = nil, want %v", name, want)
		return
	}
	wantClose(t, name, *got, want)
}

// offenseOf returns the offense row of a team in a game.
func offenseOf(t *testing.T, rows []tables.TeamOffense, gameID, tricode string) tables.TeamOffense {
	t.Helper()
	for _, r := range rows {
		if r.GameID == gameID && r.TeamTricode == tricode {
			return r
		}
	}
	t.Fatalf("no offense row for %s in %s", tricode, gameID)
	return tables.TeamOffense{}
}

// defenseOf returns the defense row of a team in a game.
func defenseOf(t *testing.T, rows []tables.TeamDefense, gameID, tricode string) tables.TeamDefense {
	t.Helper()
	for _, r := range rows {
		if r.GameID == gameID && r.TeamTricode == tricode {
			return r
		}
	}
	t.Fatalf("no defense row for %s in %s", tricode, gameID)
	return tables.TeamDefense{}
}

// playerOf returns the summary row of a person in a game.
func playerOf(t *testing.T, rows []tables.PlayerGame, gameID string,
	personID int64) tables.PlayerGame {
	t.Helper()
	for _, r := range rows {
		if r.GameID == gameID && r.PersonID == personID {
			return r
		}
	}
	t.Fatalf("no player row for %d in %s", personID, gameID)
	return tables.PlayerGame{}
}
