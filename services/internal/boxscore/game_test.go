package boxscore_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/tipoff-nba/tipoff/services/internal/boxscore"
)

// testFile is the name the synthetic box scores are parsed under.
const testFile = "0022500716.json"

// synthPlayer is a player line of a synthetic box score: 4/10 from the field, 2/3 from the
// line, one turnover, 10 points; or an empty line with a DNP comment when minutes is "".
func synthPlayer(id int, position, minutes string) map[string]any {
	stats := map[string]any{
		"minutes": minutes, "fieldGoalsMade": 4, "fieldGoalsAttempted": 10,
		"threePointersMade": 0, "threePointersAttempted": 0, "freeThrowsMade": 2,
		"freeThrowsAttempted": 3, "reboundsOffensive": 1, "reboundsDefensive": 2,
		"reboundsTotal": 3, "assists": 1, "steals": 0, "blocks": 0, "turnovers": 1,
		"foulsPersonal": 2, "points": 10, "plusMinusPoints": 1.0,
	}
	comment := ""
	if minutes == "" {
		for k := range stats {
			if k != "minutes" {
				stats[k] = 0
			}
		}
		comment = "DNP - Coach's Decision"
	}
	return map[string]any{
		"personId": id, "firstName": "First", "familyName": "Family" + string(rune('A'+id%26)),
		"position": position, "comment": comment, "statistics": stats,
	}
}

// synthTeam is a team of five 48-minute starters and one DNP, with matching totals.
func synthTeam(teamID, firstPerson int, tricode string) map[string]any {
	var players []any
	for i, pos := range []string{"F", "F", "C", "G", "G"} {
		players = append(players, synthPlayer(firstPerson+i, pos, "48:00"))
	}
	players = append(players, synthPlayer(firstPerson+5, "", ""))
	return map[string]any{
		"teamId": teamID, "teamTricode": tricode, "players": players,
		"statistics": map[string]any{
			"minutes": "240:00", "fieldGoalsMade": 20, "fieldGoalsAttempted": 50,
			"threePointersMade": 0, "threePointersAttempted": 0, "freeThrowsMade": 10,
			"freeThrowsAttempted": 15, "reboundsOffensive": 5, "reboundsDefensive": 10,
			"reboundsTotal": 15, "assists": 5, "steals": 0, "blocks": 0, "turnovers": 5,
			"foulsPersonal": 10, "points": 50, "plusMinusPoints": 0.0,
		},
	}
}

// synthBox is a valid box score of game 0022500716 between two synthetic teams.
func synthBox() map[string]any {
	return map[string]any{
		"meta": map[string]any{"version": 1},
		"boxScoreTraditional": map[string]any{
			"gameId": "0022500716", "homeTeamId": 1610612765, "awayTeamId": 1610612743,
			"homeTeam": synthTeam(1610612765, 100, "DET"),
			"awayTeam": synthTeam(1610612743, 200, "DEN"),
		},
	}
}

// at walks a synthetic box score along keys (string for objects, int for arrays) and
// returns the object found there.
func at(v any, keys ...any) map[string]any {
	for _, k := range keys {
		switch k := k.(type) {
		case string:
			v = v.(map[string]any)[k]
		case int:
			v = v.([]any)[k]
		}
	}
	return v.(map[string]any)
}

// encode marshals a synthetic box score.
func encode(t *testing.T, box map[string]any) []byte {
	t.Helper()
	body, err := json.Marshal(box)
	if err != nil {
		t.Fatal(err)
	}
	return body
}

func TestParseGameSynthetic(t *testing.T) {
	g, err := boxscore.ParseGame(testFile, encode(t, synthBox()))
	if err != nil {
		t.Fatalf("ParseGame: %v", err)
	}
	if g.GameID != "0022500716" || g.Home.Tricode != "DET" || g.Away.TeamID != 1610612743 {
		t.Errorf("game = %s %s %d", g.GameID, g.Home.Tricode, g.Away.TeamID)
	}
	if got, want := g.Home.Minutes.Seconds, 240.0*60; got != want {
		t.Errorf("home team seconds = %v, want %v", got, want)
	}
	dnp := g.Home.Players[5]
	if dnp.Minutes.Present || dnp.Comment != "DNP - Coach's Decision" || dnp.Starter() {
		t.Errorf("DNP player = %+v", dnp)
	}
}

func TestParseGameNullMinutesIsDidNotPlay(t *testing.T) {
	for _, mutate := range []func(map[string]any){
		func(s map[string]any) { s["minutes"] = nil },
		func(s map[string]any) { delete(s, "minutes") },
	} {
		box := synthBox()
		mutate(at(box, "boxScoreTraditional", "awayTeam", "players", 5, "statistics"))
		g, err := boxscore.ParseGame(testFile, encode(t, box))
		if err != nil {
			t.Fatalf("ParseGame: %v", err)
		}
		if g.Away.Players[5].Minutes.Present {
			t.Errorf("null or absent minutes read as present: %+v", g.Away.Players[5].Minutes)
		}
	}
}

func TestParseGameMalformedJSON(t *testing.T) {
	_, err := boxscore.ParseGame(testFile, []byte(`{"boxScoreTraditional": {"gameId": `))
	if !errors.Is(err, boxscore.ErrMalformedJSON) {
		t.Fatalf("error = %v, want ErrMalformedJSON", err)
	}
	if want := "boxscore: " + testFile + ": malformed JSON"; !strings.HasPrefix(err.Error(), want) {
		t.Errorf("error %q does not start with %q", err, want)
	}
}

func TestParseGameEmptyBoxScore(t *testing.T) {
	// Case C17: a final game published with empty players and statistics, in the case's
	// own shape (no team ids either).
	body := []byte(`{"boxScoreTraditional": {"gameId": "0022500716",
		"homeTeam": {"players": [], "statistics": {}},
		"awayTeam": {"players": [], "statistics": {}}}}`)
	_, err := boxscore.ParseGame(testFile, body)
	wantFieldError(t, err, testFile, "boxScoreTraditional.homeTeam.players", "[]",
		boxscore.ErrBoxScoreEmpty)

	box := synthBox()
	at(box, "boxScoreTraditional", "awayTeam")["statistics"] = map[string]any{}
	_, err = boxscore.ParseGame(testFile, encode(t, box))
	wantFieldError(t, err, testFile, "boxScoreTraditional.awayTeam.statistics", "{}",
		boxscore.ErrBoxScoreEmpty)
}

func TestFieldErrorMessage(t *testing.T) {
	box := synthBox()
	at(box, "boxScoreTraditional", "homeTeam", "players", 3, "statistics")["minutes"] = "ab:cd"
	_, err := boxscore.ParseGame(testFile, encode(t, box))

	want := `boxscore: 0022500716.json: field ` +
		`boxScoreTraditional.homeTeam.players[3].statistics.minutes: invalid value "ab:cd": `
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Fatalf("error = %v, want prefix %q", err, want)
	}
}
