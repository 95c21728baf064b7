package e2e

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// Field case C12 (shared cases, inputs/C12.json) in NBA.com's formats: game G0110A of
// 2024-01-10 between TMA (home) and TMB, players p101…p125 as person ids 101…125. TMA's
// turnovers are the case's; the other counting stats are made up, consistent within each
// line and summed into the team statistics, as NBA.com's are.
const (
	c12Day        = "2024-01-10"
	c12Game       = "0022300110"
	c12OtherDay   = "2024-01-11"
	c12OtherGame  = "0022300111"
	c12Season     = "2024"
	c12TMA        = 1610610001
	c12TMB        = 1610610002
	c12Corrected  = 107
	c12Duplicated = 112
)

// c12TMATurnovers are the case's TOV of p101…p113 in raw v1 (p107 has 3; v2 says 4).
var c12TMATurnovers = []int{2, 1, 3, 0, 1, 2, 3, 0, 1, 1, 2, 0, 1}

// c12Player is one line of the fixture.
type c12Player struct {
	person  int
	starter bool
	seconds int
	tov     int
	seed    int
}

// c12Team builds the players of TMA (p101…p113) or TMB (p114…p125). Five starters play
// 36:00 each; the bench shares the rest of the 240 minutes.
func c12Team(tma bool) []c12Player {
	first, n := 101, 13
	if !tma {
		first, n = 114, 12
	}
	bench := (240*60 - 5*36*60) / (n - 5)
	out := make([]c12Player, n)
	for j := range out {
		p := c12Player{person: first + j, starter: j < 5, seconds: 36 * 60, seed: first + j}
		if j >= 5 {
			p.seconds = bench
		}
		if tma {
			p.tov = c12TMATurnovers[j]
		} else {
			p.tov = j % 3
		}
		out[j] = p
	}
	// Whole seconds: the last bench player takes what the division left over.
	out[n-1].seconds += 240*60 - 5*36*60 - bench*(n-5)
	return out
}

// c12Stats is a line's statistics object, its points and rebounds adding up.
func c12Stats(p c12Player) map[string]any {
	j := p.seed
	fgm, fg3m, ftm := 1+j%4, j%2, j%3
	oreb, dreb := j%2, 2+j%3
	return map[string]any{
		"minutes":        fmt.Sprintf("%d:%02d", p.seconds/60, p.seconds%60),
		"fieldGoalsMade": fgm, "fieldGoalsAttempted": fgm + 2 + j%3,
		"threePointersMade": fg3m, "threePointersAttempted": fg3m + 1,
		"freeThrowsMade": ftm, "freeThrowsAttempted": ftm + 1,
		"reboundsOffensive": oreb, "reboundsDefensive": dreb, "reboundsTotal": oreb + dreb,
		"assists": j % 4, "steals": j % 2, "blocks": (j + 1) % 2, "turnovers": p.tov,
		"foulsPersonal": 1 + j%3, "points": 2*fgm + fg3m + ftm, "plusMinusPoints": 0.0,
	}
}

// c12Side is one team of the box score, its statistics the sum of its lines.
func c12Side(id int, tricode string, players []c12Player) map[string]any {
	totals := map[string]any{"minutes": "240:00", "plusMinusPoints": 0.0}
	var lines []any
	for _, p := range players {
		stats := c12Stats(p)
		for k, v := range stats {
			if n, ok := v.(int); ok {
				sum, _ := totals[k].(int)
				totals[k] = sum + n
			}
		}
		position := ""
		if p.starter {
			position = "G"
		}
		lines = append(lines, map[string]any{"personId": p.person, "firstName": "Player",
			"familyName": fmt.Sprintf("p%d", p.person), "position": position, "comment": "",
			"statistics": stats})
	}
	return map[string]any{"teamId": id, "teamTricode": tricode, "teamCity": "Test",
		"teamName": tricode, "players": lines, "statistics": totals}
}

// c12BoxScore is G0110A as raw v1 (p107 with 3 turnovers, p112 listed under both teams,
// with the same line) or v2 (p107 with 4, p112 under TMA only).
func c12BoxScore(gameID string, version int) map[string]any {
	tma, tmb := c12Team(true), c12Team(false)
	if version == 1 {
		tmb = append(tmb, tma[c12Duplicated-101])
	} else {
		tma[c12Corrected-101].tov++
	}
	return map[string]any{"boxScoreTraditional": map[string]any{
		"gameId": gameID, "homeTeamId": c12TMA, "awayTeamId": c12TMB,
		"homeTeam": c12Side(c12TMA, "TMA", tma), "awayTeam": c12Side(c12TMB, "TMB", tmb)}}
}

// c12GameLog is the season's game log: one row per team of both games, with v2's values
// (the log was right; the box score was corrected).
func c12GameLog() map[string]any {
	var rows []any
	for _, g := range []struct{ id, day string }{{c12Game, c12Day}, {c12OtherGame, c12OtherDay}} {
		box := c12BoxScore(g.id, 2)["boxScoreTraditional"].(map[string]any)
		for _, side := range []string{"homeTeam", "awayTeam"} {
			team := box[side].(map[string]any)
			stats := team["statistics"].(map[string]any)
			matchup := "TMA vs. TMB"
			if side == "awayTeam" {
				matchup = "TMB @ TMA"
			}
			rows = append(rows, []any{team["teamId"], team["teamTricode"], g.id, g.day, matchup,
				240, stats["points"], stats["turnovers"]})
		}
	}
	return map[string]any{"resultSets": []any{map[string]any{"name": "LeagueGameLog",
		"headers": []string{"TEAM_ID", "TEAM_ABBREVIATION", "GAME_ID", "GAME_DATE", "MATCHUP",
			"MIN", "PTS", "TOV"},
		"rowSet": rows}}}
}

// c12DataDir lays out the game log, v1 of G0110A and the clean game of the other date.
func c12DataDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	writeJSON(t, filepath.Join(dir, "leaguegamelog", c12Season, "regular-season.json"),
		c12GameLog())
	writeJSON(t, c12BoxScorePath(dir, c12Game), c12BoxScore(c12Game, 1))
	writeJSON(t, c12BoxScorePath(dir, c12OtherGame), c12BoxScore(c12OtherGame, 2))
	return dir
}

func c12BoxScorePath(dir, gameID string) string {
	return filepath.Join(dir, "boxscoretraditionalv3", c12Season, gameID+".json")
}

func writeJSON(t *testing.T, path string, v any) {
	t.Helper()
	body, err := json.Marshal(v)
	must(t, err)
	must(t, os.MkdirAll(filepath.Dir(path), 0o755))
	must(t, os.WriteFile(path, body, 0o644))
}
