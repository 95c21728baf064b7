package rowrules

import "github.com/tipoff-nba/tipoff/services/internal/tables"

// counting is one named counting stat of a row.
type counting struct {
	field string
	value int
}

// shootingCounts lists the counting stats of a Shooting under their column names.
func shootingCounts(s tables.Shooting) []counting {
	return []counting{
		{"fgm", s.FGM}, {"fga", s.FGA}, {"fg3m", s.FG3M}, {"fg3a", s.FG3A},
		{"ftm", s.FTM}, {"fta", s.FTA}, {"oreb", s.OREB}, {"dreb", s.DREB},
		{"reb", s.REB}, {"ast", s.AST}, {"stl", s.STL}, {"blk", s.BLK},
		{"tov", s.TOV}, {"pf", s.PF}, {"pts", s.PTS},
	}
}

// negativeCounts returns a finding per negative counting stat.
func negativeCounts(cs []counting) []Finding {
	var f []Finding
	for _, c := range cs {
		if c.value < 0 {
			f = append(f, finding(c.field, c.value))
		}
	}
	return f
}

// madeOverAttempted returns a finding per made count above its attempts. made and
// attempted pair up by index; names are the made fields.
func madeOverAttempted(names []string, made, attempted []int) []Finding {
	var f []Finding
	for i := range names {
		if made[i] > attempted[i] {
			f = append(f, finding(names[i], made[i]))
		}
	}
	return f
}

// shootingRules are the rules every row with box-score counting stats obeys: raw player
// and team rows, team offense and player summaries. get reads the stats off a row.
func shootingRules[T any](get func(T) tables.Shooting) []Rule[T] {
	return []Rule[T]{
		rowRule("non_negative_counts", Critical, func(row T) []Finding {
			return negativeCounts(shootingCounts(get(row)))
		}),
		rowRule("made_le_attempted", Critical, func(row T) []Finding {
			s := get(row)
			return madeOverAttempted([]string{"fgm", "fg3m", "ftm"},
				[]int{s.FGM, s.FG3M, s.FTM}, []int{s.FGA, s.FG3A, s.FTA})
		}),
		rowRule("threes_within_field_goals", Critical, func(row T) []Finding {
			s := get(row)
			return threesOverFieldGoals(s.FG3M, s.FGM, s.FG3A, s.FGA)
		}),
		rowRule("points_match_shots", Critical, func(row T) []Finding {
			s := get(row)
			return pointsMismatch("pts", s.PTS, s.FGM, s.FG3M, s.FTM)
		}),
		rowRule("rebounds_add_up", Critical, func(row T) []Finding {
			s := get(row)
			if s.REB != s.OREB+s.DREB {
				return []Finding{finding("reb", s.REB)}
			}
			return nil
		}),
	}
}

// threesOverFieldGoals: a three is a field goal, so FG3M ≤ FGM and FG3A ≤ FGA.
func threesOverFieldGoals(fg3m, fgm, fg3a, fga int) []Finding {
	var f []Finding
	if fg3m > fgm {
		f = append(f, finding("fg3m", fg3m))
	}
	if fg3a > fga {
		f = append(f, finding("fg3a", fg3a))
	}
	return f
}

// pointsMismatch: PTS = 2*FGM + FG3M + FTM (a three is a field goal worth one more).
func pointsMismatch(field string, pts, fgm, fg3m, ftm int) []Finding {
	if pts != 2*fgm+fg3m+ftm {
		return []Finding{finding(field, pts)}
	}
	return nil
}
