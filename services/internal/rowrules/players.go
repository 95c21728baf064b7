package rowrules

import (
	"math"

	"github.com/tipoff-nba/tipoff/services/internal/tables"
)

// playerIdentity: a player row names its game, team and person.
func playerIdentity(gameID string, teamID, personID int64) []Finding {
	f := teamIdentity(gameID, teamID)
	if personID == 0 {
		f = append(f, finding("person_id", personID))
	}
	return f
}

func playerID(gameID string, teamID, personID int64) RowID {
	return RowID{GameID: gameID, TeamID: teamID, PersonID: personID}
}

// teamSeconds finds the team player time of a team in a game, from the batch's raw
// team rows.
type teamSeconds func(gameID string, teamID int64) (seconds float64, ok bool)

// rawPlayerRules check box-score player lines. A player's upper bound on time is the
// game length, read off the team totals of the same batch; when the batch has no totals
// for the player's team only the lower bound is checked, and
// player_team_totals_present warns.
func rawPlayerRules(team teamSeconds) tableRules[tables.RawPlayer] {
	type row = tables.RawPlayer
	rules := []Rule[row]{
		rowRule("row_identity_present", Critical, func(r row) []Finding {
			return playerIdentity(r.GameID, r.TeamID, r.PersonID)
		}),
		rowRule("minutes_within_game", Critical, func(r row) []Finding {
			bound, ok := team(r.GameID, r.TeamID)
			if !ok {
				bound = math.Inf(1)
			}
			if !withinGame(r.Seconds, bound) {
				return []Finding{finding("seconds", r.Seconds)}
			}
			return nil
		}),
		rowRule("player_team_totals_present", Warning, func(r row) []Finding {
			if _, ok := team(r.GameID, r.TeamID); !ok {
				return []Finding{finding("team_id", r.TeamID)}
			}
			return nil
		}),
		rowRule("no_time_when_not_played", Warning, func(r row) []Finding {
			if !r.Played && r.Seconds != 0 {
				return []Finding{finding("seconds", r.Seconds)}
			}
			return nil
		}),
	}
	return tableRules[row]{
		name:   tables.GamebookPlayerStats,
		id:     func(r row) RowID { return playerID(r.GameID, r.TeamID, r.PersonID) },
		unique: func(r row) RowID { return playerID(r.GameID, 0, r.PersonID) },
		key:    func(r row) tables.Key { return r.Key },
		rules: append(rules, shootingRules(func(r row) tables.Shooting {
			return r.Shooting
		})...),
	}
}

// playerGameRules check player_game_summary rows, whose minutes are fractional minutes
// and whose game length is the row's own TeamMinutes.
func playerGameRules() tableRules[tables.PlayerGame] {
	type row = tables.PlayerGame
	rules := []Rule[row]{
		rowRule("row_identity_present", Critical, func(r row) []Finding {
			return playerIdentity(r.GameID, r.TeamID, r.PersonID)
		}),
		rowRule("minutes_within_game", Critical, func(r row) []Finding {
			if !withinGame(r.Minutes*60, r.TeamMinutes*60) {
				return []Finding{finding("minutes", r.Minutes)}
			}
			return nil
		}),
		// A player who did not play may carry no team minutes; one who played needs them
		// for the usage rate.
		rowRule("team_minutes_valid", Critical, func(r row) []Finding {
			if !r.Played && r.TeamMinutes == 0 {
				return nil
			}
			return teamMinutesInvalid("team_minutes", r.TeamMinutes*60, r.TeamMinutes)
		}),
		rowRule("no_time_when_not_played", Warning, func(r row) []Finding {
			if !r.Played && r.Minutes != 0 {
				return []Finding{finding("minutes", r.Minutes)}
			}
			return nil
		}),
	}
	rules = append(rules, usageRules()...)
	rules = append(rules, rowRule("finite_non_negative_ratings", Critical, func(r row) []Finding {
		return badRatings(rating{"true_shooting_pct", r.TrueShootingPct})
	}))
	return tableRules[row]{
		name:   tables.PlayerGameSummary,
		id:     func(r row) RowID { return playerID(r.GameID, r.TeamID, r.PersonID) },
		unique: func(r row) RowID { return playerID(r.GameID, 0, r.PersonID) },
		key:    func(r row) tables.Key { return r.Key },
		rules: append(rules, shootingRules(func(r row) tables.Shooting {
			return r.Shooting
		})...),
	}
}

// usageRules guard the usage rate, the number the incident corrupted. A usage above 100
// is not a rule: a player with a few minutes can reach it honestly, so the post-write
// verification judges it against the whole team (see CONTEXT.md).
func usageRules() []Rule[tables.PlayerGame] {
	type row = tables.PlayerGame
	return []Rule[row]{
		rowRule("usage_finite_non_negative", Critical, func(r row) []Finding {
			return badRatings(rating{"usage_rate", r.UsageRate})
		}),
		rowRule("usage_present_when_played", Critical, func(r row) []Finding {
			if r.Minutes > 0 && r.UsageRate == nil {
				return []Finding{finding("usage_rate", r.UsageRate)}
			}
			return nil
		}),
		rowRule("usage_absent_when_not_played", Warning, func(r row) []Finding {
			if (!r.Played || r.Minutes == 0) && r.UsageRate != nil {
				return []Finding{finding("usage_rate", r.UsageRate)}
			}
			return nil
		}),
	}
}
