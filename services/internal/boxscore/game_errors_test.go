package boxscore_test

import (
	"testing"

	"github.com/tipoff-nba/tipoff/services/internal/boxscore"
)

// side returns homeTeam or awayTeam of a synthetic box score.
func side(box map[string]any, name string) map[string]any {
	return at(box, "boxScoreTraditional", name)
}

// teamStats returns a team's statistics object.
func teamStats(box map[string]any, name string) map[string]any {
	return at(box, "boxScoreTraditional", name, "statistics")
}

// playerStats returns the statistics object of a team's i-th player.
func playerStats(box map[string]any, name string, i int) map[string]any {
	return at(box, "boxScoreTraditional", name, "players", i, "statistics")
}

// TestParseGameFieldErrors breaks one field of a valid box score at a time and checks that
// the error names the file, the JSON path and the value.
func TestParseGameFieldErrors(t *testing.T) {
	const home = "boxScoreTraditional.homeTeam"
	const away = "boxScoreTraditional.awayTeam"
	tests := []struct {
		name   string
		mutate func(box map[string]any)
		field  string
		value  string
		target error
	}{{
		name: "bad minutes",
		mutate: func(b map[string]any) {
			playerStats(b, "homeTeam", 3)["minutes"] = "ab:cd"
		},
		field: home + ".players[3].statistics.minutes", value: "ab:cd",
		target: boxscore.ErrInvalidMinutes,
	}, {
		name: "seconds 61",
		mutate: func(b map[string]any) {
			playerStats(b, "awayTeam", 0)["minutes"] = "47:61"
		},
		field: away + ".players[0].statistics.minutes", value: "47:61",
		target: boxscore.ErrInvalidMinutes,
	}, {
		name: "missing stat",
		mutate: func(b map[string]any) {
			delete(playerStats(b, "homeTeam", 2), "turnovers")
		},
		field: home + ".players[2].statistics.turnovers", target: boxscore.ErrFieldMissing,
	}, {
		name:   "missing team",
		mutate: func(b map[string]any) { delete(at(b, "boxScoreTraditional"), "awayTeam") },
		field:  away, target: boxscore.ErrFieldMissing,
	}, {
		name:   "missing box score",
		mutate: func(b map[string]any) { delete(b, "boxScoreTraditional") },
		field:  "boxScoreTraditional", target: boxscore.ErrFieldMissing,
	}, {
		name: "count as string",
		mutate: func(b map[string]any) {
			playerStats(b, "homeTeam", 1)["fieldGoalsAttempted"] = "10"
		},
		field: home + ".players[1].statistics.fieldGoalsAttempted", value: "10",
	}, {
		name: "fractional count",
		mutate: func(b map[string]any) {
			teamStats(b, "homeTeam")["assists"] = 5.5
		},
		field: home + ".statistics.assists", value: "5.5",
	}, {
		name: "negative count",
		mutate: func(b map[string]any) {
			playerStats(b, "homeTeam", 4)["steals"] = -1
		},
		field: home + ".players[4].statistics.steals", value: "-1",
	}, {
		name: "null count",
		mutate: func(b map[string]any) {
			playerStats(b, "homeTeam", 4)["blocks"] = nil
		},
		field: home + ".players[4].statistics.blocks", value: "null",
	}, {
		name: "points do not add up",
		mutate: func(b map[string]any) {
			playerStats(b, "homeTeam", 0)["points"] = 12
		},
		field: home + ".players[0].statistics.points", value: "12",
	}, {
		// Case C15: team totals covering the overtime only (players sum to 5 turnovers).
		name: "team total differs from player sum",
		mutate: func(b map[string]any) {
			teamStats(b, "homeTeam")["turnovers"] = 1
		},
		field: home + ".statistics.turnovers", value: "1",
		target: boxscore.ErrTotalsMismatch,
	}, {
		// Case C15: the same athlete listed under both teams.
		name: "player on both teams",
		mutate: func(b map[string]any) {
			at(b, "boxScoreTraditional", "awayTeam", "players", 5)["personId"] = 102
		},
		field: away + ".players[5].personId", value: "102", target: boxscore.ErrDuplicatePlayer,
	}, {
		name: "team minutes do not match players",
		mutate: func(b map[string]any) {
			teamStats(b, "homeTeam")["minutes"] = "265:00"
		},
		field: home + ".statistics.minutes", value: "265:00", target: boxscore.ErrTotalsMismatch,
	}, {
		name: "empty team minutes",
		mutate: func(b map[string]any) {
			teamStats(b, "homeTeam")["minutes"] = ""
		},
		field: home + ".statistics.minutes", value: "", target: boxscore.ErrInvalidMinutes,
	}, {
		name: "stats without minutes",
		mutate: func(b map[string]any) {
			playerStats(b, "homeTeam", 5)["foulsPersonal"] = 1
		},
		field: home + ".players[5].statistics.foulsPersonal", value: "1",
	}, {
		name:   "game id differs from file name",
		mutate: func(b map[string]any) { at(b, "boxScoreTraditional")["gameId"] = "0022500717" },
		field:  "boxScoreTraditional.gameId", value: "0022500717",
	}, {
		name:   "game id as number",
		mutate: func(b map[string]any) { at(b, "boxScoreTraditional")["gameId"] = 22500716 },
		field:  "boxScoreTraditional.gameId", value: "22500716",
	}, {
		name:   "team id differs from homeTeamId",
		mutate: func(b map[string]any) { side(b, "homeTeam")["teamId"] = 7 },
		field:  home + ".teamId", value: "7",
	}, {
		name:   "bad tricode",
		mutate: func(b map[string]any) { side(b, "awayTeam")["teamTricode"] = "" },
		field:  away + ".teamTricode", value: "",
	}, {
		name:   "players not an array",
		mutate: func(b map[string]any) { side(b, "awayTeam")["players"] = "none" },
		field:  away + ".players", value: "none",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			box := synthBox()
			tt.mutate(box)
			_, err := boxscore.ParseGame(testFile, encode(t, box))
			wantFieldError(t, err, testFile, tt.field, tt.value, tt.target)
		})
	}
}
