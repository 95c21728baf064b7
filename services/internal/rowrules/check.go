package rowrules

import (
	"sort"

	"github.com/tipoff-nba/tipoff/services/internal/tables"
)

// CheckRaw checks a raw batch of one date: the box-score player lines and the team
// totals. Player time is bounded by the game length of the player's team totals in the
// same batch.
func CheckRaw(key tables.Key, players []tables.RawPlayer, teams []tables.RawTeam) Report {
	seconds := map[RowID]float64{}
	for _, t := range teams {
		seconds[RowID{GameID: t.GameID, TeamID: t.TeamID}] = t.Seconds
	}
	lookup := func(gameID string, teamID int64) (float64, bool) {
		s, ok := seconds[RowID{GameID: gameID, TeamID: teamID}]
		return s, ok
	}
	return rawPlayerRules(lookup).check(key, players).Merge(rawTeamRules().check(key, teams))
}

// CheckTeamOffense checks rows of team_offense_game_summary for one date.
func CheckTeamOffense(key tables.Key, rows []tables.TeamOffense) Report {
	return teamOffenseRules().check(key, rows)
}

// CheckTeamDefense checks rows of team_defense_game_summary for one date.
func CheckTeamDefense(key tables.Key, rows []tables.TeamDefense) Report {
	return teamDefenseRules().check(key, rows)
}

// CheckPlayerGames checks rows of player_game_summary for one date.
func CheckPlayerGames(key tables.Key, rows []tables.PlayerGame) Report {
	return playerGameRules().check(key, rows)
}

// RuleInfo describes one rule of one table.
type RuleInfo struct {
	Table    string
	Rule     string
	Severity Severity
}

// Catalog lists every rule of every table, sorted by table then rule, including the
// batch-wide batch_key_match and duplicate_key.
func Catalog() []RuleInfo {
	noTeams := func(string, int64) (float64, bool) { return 0, false }
	var out []RuleInfo
	out = appendInfo(out, rawPlayerRules(noTeams))
	out = appendInfo(out, rawTeamRules())
	out = appendInfo(out, teamOffenseRules())
	out = appendInfo(out, teamDefenseRules())
	out = appendInfo(out, playerGameRules())
	sort.Slice(out, func(i, j int) bool {
		if out[i].Table != out[j].Table {
			return out[i].Table < out[j].Table
		}
		return out[i].Rule < out[j].Rule
	})
	return out
}

func appendInfo[T any](out []RuleInfo, t tableRules[T]) []RuleInfo {
	for _, r := range t.allRules() {
		out = append(out, RuleInfo{Table: t.name, Rule: r.Name, Severity: r.Severity})
	}
	return out
}
