package rowrules

import "github.com/tipoff-nba/tipoff/services/internal/tables"

// teamDefenseRules check a defence row. Its counting stats are the opponent's, so the
// shooting rules are spelled out on the opp_ columns.
func teamDefenseRules() tableRules[tables.TeamDefense] {
	type row = tables.TeamDefense
	rules := []Rule[row]{
		rowRule("row_identity_present", Critical, func(r row) []Finding {
			return teamIdentity(r.GameID, r.TeamID)
		}),
		rowRule("team_minutes_valid", Critical, func(r row) []Finding {
			return teamMinutesInvalid("team_minutes", r.TeamMinutes*60, r.TeamMinutes)
		}),
		rowRule("non_negative_counts", Critical, func(r row) []Finding {
			return negativeCounts(defenseCounts(r))
		}),
		rowRule("made_le_attempted", Critical, func(r row) []Finding {
			return madeOverAttempted([]string{"opp_fgm", "opp_fg3m", "opp_ftm"},
				[]int{r.OppFGM, r.OppFG3M, r.OppFTM}, []int{r.OppFGA, r.OppFG3A, r.OppFTA})
		}),
		rowRule("threes_within_field_goals", Critical, func(r row) []Finding {
			f := threesOverFieldGoals(r.OppFG3M, r.OppFGM, r.OppFG3A, r.OppFGA)
			for i := range f {
				f[i].Field = "opp_" + f[i].Field
			}
			return f
		}),
		rowRule("points_match_shots", Critical, func(r row) []Finding {
			return pointsMismatch("opp_pts", r.OppPTS, r.OppFGM, r.OppFG3M, r.OppFTM)
		}),
		rowRule("finite_non_negative_ratings", Critical, func(r row) []Finding {
			return badRatings(rating{"opp_possessions", &r.OppPossessions},
				rating{"defensive_rating", &r.DefensiveRating},
				rating{"opp_effective_fg_pct", r.OppEffectiveFGPct})
		}),
	}
	return tableRules[row]{
		name:   tables.TeamDefenseGameSummary,
		id:     func(r row) RowID { return RowID{GameID: r.GameID, TeamID: r.TeamID} },
		unique: func(r row) RowID { return RowID{GameID: r.GameID, TeamID: r.TeamID} },
		key:    func(r row) tables.Key { return r.Key },
		rules:  rules,
	}
}

func defenseCounts(r tables.TeamDefense) []counting {
	return []counting{
		{"opp_pts", r.OppPTS}, {"opp_fgm", r.OppFGM}, {"opp_fga", r.OppFGA},
		{"opp_fg3m", r.OppFG3M}, {"opp_fg3a", r.OppFG3A}, {"opp_ftm", r.OppFTM},
		{"opp_fta", r.OppFTA}, {"opp_oreb", r.OppOREB}, {"dreb", r.DREB},
		{"stl", r.STL}, {"blk", r.BLK}, {"forced_tov", r.ForcedTOV},
	}
}
