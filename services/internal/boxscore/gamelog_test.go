package boxscore_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/tipoff-nba/tipoff/services/internal/boxscore"
)

// realGameLog reads the real 2025-26 game log.
func realGameLog(t *testing.T) boxscore.GameLog {
	t.Helper()
	rel := boxscore.GameLogDir + "/2026/regular-season.json"
	body, err := os.ReadFile(filepath.Join(realDataDir(t), filepath.FromSlash(rel)))
	if err != nil {
		t.Fatalf("reading %s: %v", rel, err)
	}
	log, err := boxscore.ReadGameLog(rel, body)
	if err != nil {
		t.Fatalf("ReadGameLog: %v", err)
	}
	return log
}

func TestReadGameLogReal(t *testing.T) {
	log := realGameLog(t)

	// README: 2,460 team rows = 1,230 games over 164 dates, 2025-10-21 ... 2026-04-12.
	if got, want := log.Len(), 1230; got != want {
		t.Errorf("Len() = %d, want %d", got, want)
	}
	dates := log.Dates()
	if len(dates) != 164 || dates[0] != "2025-10-21" || dates[len(dates)-1] != "2026-04-12" {
		t.Errorf("Dates() has %d dates from %s to %s, want 164 from 2025-10-21 to 2026-04-12",
			len(dates), dates[0], dates[len(dates)-1])
	}
	if !slices.IsSorted(dates) {
		t.Errorf("Dates() not sorted")
	}

	want := []string{"0022500716", "0022500717", "0022500718", "0022500719", "0022500720",
		"0022500721", "0022500722", "0022500723", "0022500724", "0022500725"}
	if got := log.GamesOn("2026-02-03"); !slices.Equal(got, want) {
		t.Errorf("GamesOn(2026-02-03) = %v, want %v", got, want)
	}
	// Rescheduled: the id is among 2026-01-29's games though numbered far lower.
	if got, _ := log.Date("0022500529"); got != "2026-01-29" {
		t.Errorf("Date(0022500529) = %s, want 2026-01-29", got)
	}
}

func TestReadGameLogRealTeams(t *testing.T) {
	g, ok := realGameLog(t).Game("0022500001")
	if !ok {
		t.Fatal("game 0022500001 not in the log")
	}
	byTricode := map[string]boxscore.LoggedTeam{}
	for _, team := range g.Teams {
		byTricode[team.Tricode] = team
	}
	// HOU @ OKC, 124-125 after two overtimes; HOU's TOV counts 3 team turnovers.
	hou, okc := byTricode["HOU"], byTricode["OKC"]
	if hou.Minutes != 290 || hou.PTS != 124 || hou.TOV != 25 || hou.Matchup != "HOU @ OKC" {
		t.Errorf("HOU row = %+v", hou)
	}
	if okc.Minutes != 290 || okc.PTS != 125 || okc.TeamID != 1610612760 {
		t.Errorf("OKC row = %+v", okc)
	}
}

// synthLog is a game log with the given header and rows, as NBA.com shapes it.
func synthLog(headers string, rows ...string) []byte {
	return []byte(`{"resource": "leaguegamelog", "resultSets": [{"name": "LeagueGameLog", ` +
		`"headers": [` + headers + `], "rowSet": [` + strings.Join(rows, ", ") + `]}]}`)
}

// logHeaders is a reordered subset of the real headers, to show columns are found by name.
const logHeaders = `"TEAM_ID", "TEAM_ABBREVIATION", "GAME_ID", "GAME_DATE", "MATCHUP", ` +
	`"WL", "MIN", "TOV", "PTS"`

func TestReadGameLogSynthetic(t *testing.T) {
	body := synthLog(logHeaders,
		`[1, "AAA", "0022599001", "2026-01-02", "AAA @ BBB", "L", 265, 14, 100]`,
		`[2, "BBB", "0022599001", "2026-01-02", "BBB vs. AAA", "W", 265, 12, 101]`)
	log, err := boxscore.ReadGameLog("log.json", body)
	if err != nil {
		t.Fatalf("ReadGameLog: %v", err)
	}
	g, _ := log.Game("0022599001")
	if len(g.Teams) != 2 || g.Teams[1].Tricode != "BBB" || g.Teams[0].Minutes != 265 ||
		g.Teams[0].TOV != 14 || g.Teams[1].PTS != 101 || g.Date != "2026-01-02" {
		t.Errorf("game = %+v", g)
	}
}

func TestReadGameLogErrors(t *testing.T) {
	good := `[2, "BBB", "0022599001", "2026-01-02", "BBB vs. AAA", "W", 240, 12, 101]`
	tests := []struct {
		name  string
		body  []byte
		field string
		value string
	}{{
		name:  "missing column",
		body:  synthLog(`"TEAM_ID", "GAME_ID"`, `[1, "0022599001"]`),
		field: "resultSets[0].headers.GAME_DATE",
	}, {
		name: "bad date",
		body: synthLog(logHeaders,
			`[1, "AAA", "0022599001", "01/02/2026", "AAA @ BBB", "L", 240, 14, 100]`, good),
		field: "resultSets[0].rowSet[0].GAME_DATE", value: "01/02/2026",
	}, {
		name: "game id as number",
		body: synthLog(logHeaders,
			`[1, "AAA", 22599001, "2026-01-02", "AAA @ BBB", "L", 240, 14, 100]`, good),
		field: "resultSets[0].rowSet[0].GAME_ID", value: "22599001",
	}, {
		name: "minutes as text",
		body: synthLog(logHeaders, good,
			`[1, "AAA", "0022599001", "2026-01-02", "AAA @ BBB", "L", "240:00", 14, 100]`),
		field: "resultSets[0].rowSet[1].MIN", value: "240:00",
	}, {
		name:  "game with one team",
		body:  synthLog(logHeaders, good),
		field: "resultSets[0].rowSet[0].GAME_ID", value: "0022599001",
	}, {
		name: "dates differ",
		body: synthLog(logHeaders, good,
			`[1, "AAA", "0022599001", "2026-01-03", "AAA @ BBB", "L", 240, 14, 100]`),
		field: "resultSets[0].rowSet[1].GAME_DATE", value: "2026-01-03",
	}, {
		name:  "short row",
		body:  synthLog(logHeaders, `[1, "AAA"]`),
		field: "resultSets[0].rowSet[0]", value: `[1, "AAA"]`,
	}, {
		name:  "empty rowSet",
		body:  synthLog(logHeaders),
		field: "resultSets[0].rowSet", value: "[]",
	}, {
		name:  "no result sets",
		body:  []byte(`{"resultSets": []}`),
		field: "resultSets", value: "[]",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := boxscore.ReadGameLog("log.json", tt.body)
			wantFieldError(t, err, "log.json", tt.field, tt.value, nil)
		})
	}
}

func TestReadGameLogMalformed(t *testing.T) {
	_, err := boxscore.ReadGameLog("log.json", []byte(`{"resultSets": [`))
	if err == nil || !strings.Contains(err.Error(), "boxscore: log.json: malformed JSON") {
		t.Errorf("error = %v, want a malformed JSON error naming log.json", err)
	}
}
