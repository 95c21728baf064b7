package rowrules

import "github.com/tipoff-nba/tipoff/services/internal/tables"

// teamIdentity: a team row names its game and team, or it cannot be keyed.
func teamIdentity(gameID string, teamID int64) []Finding {
	var f []Finding
	if gameID == "" {
		f = append(f, finding("game_id", `""`))
	}
	if teamID == 0 {
		f = append(f, finding("team_id", teamID))
	}
	return f
}

// teamMinutesInvalid: team player time is 240 minutes plus 25 per overtime.
func teamMinutesInvalid(field string, teamSeconds, shown float64) []Finding {
	if _, ok := overtimesFromSeconds(teamSeconds); !ok {
		return []Finding{finding(field, shown)}
	}
	return nil
}

// rating is one named real-valued column; nil pointers are absent values.
type rating struct {
	field string
	value *float64
}

// badRatings returns a finding per present value that is negative, NaN or infinite.
func badRatings(rs ...rating) []Finding {
	var f []Finding
	for _, r := range rs {
		if r.value != nil && !nonNegativeFinite(*r.value) {
			f = append(f, finding(r.field, *r.value))
		}
	}
	return f
}

func rawTeamRules() tableRules[tables.RawTeam] {
	type row = tables.RawTeam
	rules := []Rule[row]{
		rowRule("row_identity_present", Critical, func(r row) []Finding {
			return teamIdentity(r.GameID, r.TeamID)
		}),
		rowRule("team_minutes_valid", Critical, func(r row) []Finding {
			return teamMinutesInvalid("seconds", r.Seconds, r.Seconds)
		}),
	}
	return tableRules[row]{
		name:   tables.GamebookTeamStats,
		id:     func(r row) RowID { return RowID{GameID: r.GameID, TeamID: r.TeamID} },
		unique: func(r row) RowID { return RowID{GameID: r.GameID, TeamID: r.TeamID} },
		key:    func(r row) tables.Key { return r.Key },
		rules: append(rules, shootingRules(func(r row) tables.Shooting {
			return r.Shooting
		})...),
	}
}

func teamOffenseRules() tableRules[tables.TeamOffense] {
	type row = tables.TeamOffense
	rules := []Rule[row]{
		rowRule("row_identity_present", Critical, func(r row) []Finding {
			return teamIdentity(r.GameID, r.TeamID)
		}),
		rowRule("team_minutes_valid", Critical, func(r row) []Finding {
			return teamMinutesInvalid("team_minutes", r.TeamMinutes*60, r.TeamMinutes)
		}),
		rowRule("overtimes_match_minutes", Critical, func(r row) []Finding {
			k, ok := overtimesFromSeconds(r.TeamMinutes * 60)
			if ok && k != r.Overtimes {
				return []Finding{finding("overtimes", r.Overtimes)}
			}
			return nil
		}),
		rowRule("finite_non_negative_ratings", Critical, func(r row) []Finding {
			return badRatings(rating{"possessions", &r.Possessions}, rating{"pace", &r.Pace},
				rating{"offensive_rating", &r.OffensiveRating},
				rating{"effective_fg_pct", r.EffectiveFGPct},
				rating{"true_shooting_pct", r.TrueShootingPct})
		}),
	}
	return tableRules[row]{
		name:   tables.TeamOffenseGameSummary,
		id:     func(r row) RowID { return RowID{GameID: r.GameID, TeamID: r.TeamID} },
		unique: func(r row) RowID { return RowID{GameID: r.GameID, TeamID: r.TeamID} },
		key:    func(r row) tables.Key { return r.Key },
		rules: append(rules, shootingRules(func(r row) tables.Shooting {
			return r.Shooting
		})...),
	}
}
