package season

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// realLog is the real full-season game log; the test skips without it.
func realLog(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("TIPOFF_NBA_DATA")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "..", "shared", "data", "nba")
	}
	p := filepath.Join(dir, "leaguegamelog", "2026", "regular-season.json")
	if _, err := os.Stat(p); err != nil {
		t.Skipf("no game log at %s (set TIPOFF_NBA_DATA): %v", p, err)
	}
	return p
}

func TestWriteWholeSeason(t *testing.T) {
	logPath := realLog(t)
	dir := t.TempDir()
	s, err := Write(dir, logPath)
	if err != nil {
		t.Fatal(err)
	}
	if s.Games != 1230 || len(s.Dates) != 164 {
		t.Fatalf("wrote %d games over %d dates, want 1230 over 164", s.Games, len(s.Dates))
	}
	games, err := ReadGameLog(logPath)
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range games {
		body, err := os.ReadFile(filepath.Join(dir, "boxscoretraditionalv3", "2026",
			g.GameID+".json"))
		if err != nil {
			t.Fatal(err)
		}
		checkFile(t, g, body)
	}
}

// side is the part of a written file the test reads back, decoded without the writer's
// types.
type side struct {
	TeamID     int64            `json:"teamId"`
	Tricode    string           `json:"teamTricode"`
	Statistics map[string]any   `json:"statistics"`
	Players    []map[string]any `json:"players"`
}

func checkFile(t *testing.T, g Game, body []byte) {
	t.Helper()
	var f struct {
		Box struct {
			GameID   string `json:"gameId"`
			HomeTeam side   `json:"homeTeam"`
			AwayTeam side   `json:"awayTeam"`
		} `json:"boxScoreTraditional"`
	}
	if err := json.Unmarshal(body, &f); err != nil {
		t.Fatalf("%s: %v", g.GameID, err)
	}
	if f.Box.GameID != g.GameID {
		t.Fatalf("%s: gameId %s", g.GameID, f.Box.GameID)
	}
	checkSide(t, g.GameID, g.Home, f.Box.HomeTeam)
	checkSide(t, g.GameID, g.Away, f.Box.AwayTeam)
}

var countFields = []string{"fieldGoalsMade", "fieldGoalsAttempted", "threePointersMade",
	"threePointersAttempted", "freeThrowsMade", "freeThrowsAttempted", "reboundsOffensive",
	"reboundsDefensive", "reboundsTotal", "assists", "steals", "blocks", "turnovers",
	"foulsPersonal", "points"}

func checkSide(t *testing.T, gameID string, l TeamLine, s side) {
	t.Helper()
	if s.TeamID != l.TeamID || s.Tricode != l.Tricode {
		t.Fatalf("%s: side %d %s, log %d %s", gameID, s.TeamID, s.Tricode, l.TeamID, l.Tricode)
	}
	logged := map[string]int{"fieldGoalsMade": l.FGM, "fieldGoalsAttempted": l.FGA,
		"threePointersMade": l.FG3M, "threePointersAttempted": l.FG3A, "freeThrowsMade": l.FTM,
		"freeThrowsAttempted": l.FTA, "reboundsOffensive": l.OREB, "reboundsDefensive": l.DREB,
		"reboundsTotal": l.REB, "assists": l.AST, "steals": l.STL, "blocks": l.BLK,
		"turnovers": l.TOV, "foulsPersonal": l.PF, "points": l.PTS}
	sums := map[string]int{}
	seconds := 0
	for _, p := range s.Players {
		st := p["statistics"].(map[string]any)
		for _, k := range countFields {
			sums[k] += int(st[k].(float64))
		}
		checkRow(t, gameID, st)
		seconds += clockSeconds(t, st["minutes"].(string))
	}
	for _, k := range countFields {
		team := int(s.Statistics[k].(float64))
		if sums[k] != team || team != logged[k] {
			t.Errorf("%s %s %s: players %d, team %d, log %d", gameID, l.Tricode, k, sums[k],
				team, logged[k])
		}
	}
	if want := l.Minutes * 60; seconds != want ||
		clockSeconds(t, s.Statistics["minutes"].(string)) != want {
		t.Errorf("%s %s: players played %d s, team %v, log MIN %d", gameID, l.Tricode, seconds,
			s.Statistics["minutes"], l.Minutes)
	}
}

// checkRow applies the identities every box score row obeys.
func checkRow(t *testing.T, gameID string, st map[string]any) {
	t.Helper()
	n := func(k string) int { return int(st[k].(float64)) }
	if n("fieldGoalsMade") > n("fieldGoalsAttempted") ||
		n("threePointersMade") > n("threePointersAttempted") ||
		n("freeThrowsMade") > n("freeThrowsAttempted") ||
		n("threePointersMade") > n("fieldGoalsMade") ||
		n("threePointersAttempted") > n("fieldGoalsAttempted") ||
		n("reboundsTotal") != n("reboundsOffensive")+n("reboundsDefensive") ||
		n("points") != 2*n("fieldGoalsMade")+n("threePointersMade")+n("freeThrowsMade") {
		t.Errorf("%s: inconsistent row %v", gameID, st)
	}
	if st["minutes"] == "" && n("points")+n("fieldGoalsAttempted")+n("turnovers") != 0 {
		t.Errorf("%s: stats without minutes %v", gameID, st)
	}
}

func clockSeconds(t *testing.T, s string) int {
	if s == "" {
		return 0
	}
	m, sec, ok := strings.Cut(s, ":")
	mi, err1 := strconv.Atoi(m)
	si, err2 := strconv.Atoi(sec)
	if !ok || err1 != nil || err2 != nil || si >= 60 {
		t.Fatalf("bad clock %q", s)
	}
	return 60*mi + si
}
