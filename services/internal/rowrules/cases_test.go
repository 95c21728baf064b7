package rowrules

import (
	"math"

	"github.com/tipoff-nba/tipoff/services/internal/tables"
)

// ruleCase breaks one rule of one table on the fixture game.
type ruleCase struct {
	table, rule, field string
	// rows is how many rows the mutation breaks; 0 means 1.
	rows int
	run  func() Report
}

func rawPlayerCase(mutate func(ps []tables.RawPlayer) []tables.RawPlayer) func() Report {
	return func() Report {
		players, teams := rawGame(testKey)
		return CheckRaw(testKey, mutate(players), teams)
	}
}

func rawTeamCase(mutate func(ts []tables.RawTeam) []tables.RawTeam) func() Report {
	return func() Report {
		players, teams := rawGame(testKey)
		return CheckRaw(testKey, players, mutate(teams))
	}
}

func offenseCase(mutate func(rs []tables.TeamOffense) []tables.TeamOffense) func() Report {
	return func() Report {
		off, _, _ := summaries(rawGame(testKey))
		return CheckTeamOffense(testKey, mutate(off))
	}
}

func defenseCase(mutate func(rs []tables.TeamDefense) []tables.TeamDefense) func() Report {
	return func() Report {
		_, def, _ := summaries(rawGame(testKey))
		return CheckTeamDefense(testKey, mutate(def))
	}
}

func playerGameCase(mutate func(rs []tables.PlayerGame) []tables.PlayerGame) func() Report {
	return func() Report {
		_, _, pg := summaries(rawGame(testKey))
		return CheckPlayerGames(testKey, mutate(pg))
	}
}

// first applies f to the first row (a BOS starter who played).
func first[T any](f func(*T)) func([]T) []T {
	return func(rs []T) []T { f(&rs[0]); return rs }
}

// dnp applies f to the BOS player who did not play (index 9).
func dnp[T any](f func(*T)) func([]T) []T {
	return func(rs []T) []T { f(&rs[9]); return rs }
}

func duplicateFirst[T any](rs []T) []T { return append(rs, rs[0]) }

// shootingCases break the five shooting rules of a table through get.
func shootingCases(table string, run func(func(*tables.Shooting)) func() Report) []ruleCase {
	return []ruleCase{
		{table: table, rule: "non_negative_counts", field: "pf",
			run: run(func(s *tables.Shooting) { s.PF = -1 })},
		{table: table, rule: "made_le_attempted", field: "ftm",
			run: run(func(s *tables.Shooting) { s.FTM = s.FTA + 1; s.PTS += s.FTM })},
		{table: table, rule: "threes_within_field_goals", field: "fg3a",
			run: run(func(s *tables.Shooting) { s.FG3A = s.FGA + 1 })},
		{table: table, rule: "points_match_shots", field: "pts",
			run: run(func(s *tables.Shooting) { s.PTS++ })},
		{table: table, rule: "rebounds_add_up", field: "reb",
			run: run(func(s *tables.Shooting) { s.REB++ })},
	}
}

func rawPlayerCases() []ruleCase {
	t := tables.GamebookPlayerStats
	cases := []ruleCase{
		{table: t, rule: "row_identity_present", field: "person_id",
			run: rawPlayerCase(first(func(p *tables.RawPlayer) { p.PersonID = 0 }))},
		{table: t, rule: "minutes_within_game", field: "seconds",
			run: rawPlayerCase(first(func(p *tables.RawPlayer) { p.Seconds = 2881.5 }))},
		{table: t, rule: "player_team_totals_present", field: "team_id", rows: 10,
			run: rawTeamCase(func(ts []tables.RawTeam) []tables.RawTeam { return ts[:1] })},
		{table: t, rule: "no_time_when_not_played", field: "seconds",
			run: rawPlayerCase(first(func(p *tables.RawPlayer) { p.Played = false }))},
		{table: t, rule: "batch_key_match", field: "generation",
			run: rawPlayerCase(first(func(p *tables.RawPlayer) { p.Generation = 1 }))},
		{table: t, rule: "duplicate_key", field: "key", run: rawPlayerCase(duplicateFirst)},
	}
	return append(cases, shootingCases(t, func(f func(*tables.Shooting)) func() Report {
		return rawPlayerCase(first(func(p *tables.RawPlayer) { f(&p.Shooting) }))
	})...)
}

func rawTeamCases() []ruleCase {
	t := tables.GamebookTeamStats
	cases := []ruleCase{
		{table: t, rule: "row_identity_present", field: "team_id",
			run: rawTeamCase(first(func(r *tables.RawTeam) { r.TeamID = 0 }))},
		{table: t, rule: "team_minutes_valid", field: "seconds",
			run: rawTeamCase(first(func(r *tables.RawTeam) { r.Seconds = 241 * 60 }))},
		{table: t, rule: "batch_key_match", field: "game_date",
			run: rawTeamCase(first(func(r *tables.RawTeam) { r.GameDate = "2026-01-21" }))},
		{table: t, rule: "duplicate_key", field: "key", run: rawTeamCase(duplicateFirst)},
	}
	return append(cases, shootingCases(t, func(f func(*tables.Shooting)) func() Report {
		return rawTeamCase(first(func(r *tables.RawTeam) { f(&r.Shooting) }))
	})...)
}

func offenseCases() []ruleCase {
	t := tables.TeamOffenseGameSummary
	type row = tables.TeamOffense
	cases := []ruleCase{
		{table: t, rule: "row_identity_present", field: "game_id",
			run: offenseCase(first(func(r *row) { r.GameID = "" }))},
		{table: t, rule: "team_minutes_valid", field: "team_minutes",
			run: offenseCase(first(func(r *row) { r.TeamMinutes = 250 }))},
		{table: t, rule: "overtimes_match_minutes", field: "overtimes",
			run: offenseCase(first(func(r *row) { r.Overtimes = 1 }))},
		{table: t, rule: "finite_non_negative_ratings", field: "pace",
			run: offenseCase(first(func(r *row) { r.Pace = math.NaN() }))},
		{table: t, rule: "batch_key_match", field: "generation",
			run: offenseCase(first(func(r *row) { r.Generation = 3 }))},
		{table: t, rule: "duplicate_key", field: "key", run: offenseCase(duplicateFirst)},
	}
	return append(cases, shootingCases(t, func(f func(*tables.Shooting)) func() Report {
		return offenseCase(first(func(r *row) { f(&r.Shooting) }))
	})...)
}

func defenseCases() []ruleCase {
	t := tables.TeamDefenseGameSummary
	type row = tables.TeamDefense
	return []ruleCase{
		{table: t, rule: "row_identity_present", field: "team_id",
			run: defenseCase(first(func(r *row) { r.TeamID = 0 }))},
		{table: t, rule: "team_minutes_valid", field: "team_minutes",
			run: defenseCase(first(func(r *row) { r.TeamMinutes = 230 }))},
		{table: t, rule: "non_negative_counts", field: "forced_tov",
			run: defenseCase(first(func(r *row) { r.ForcedTOV = -3 }))},
		{table: t, rule: "made_le_attempted", field: "opp_fgm",
			run: defenseCase(first(func(r *row) { r.OppFGM = r.OppFGA + 1 }))},
		{table: t, rule: "threes_within_field_goals", field: "opp_fg3m",
			run: defenseCase(first(func(r *row) { r.OppFG3M = r.OppFGM + 1 }))},
		{table: t, rule: "points_match_shots", field: "opp_pts",
			run: defenseCase(first(func(r *row) { r.OppPTS-- }))},
		{table: t, rule: "finite_non_negative_ratings", field: "defensive_rating",
			run: defenseCase(first(func(r *row) { r.DefensiveRating = math.Inf(1) }))},
		{table: t, rule: "batch_key_match", field: "game_date",
			run: defenseCase(first(func(r *row) { r.GameDate = "" }))},
		{table: t, rule: "duplicate_key", field: "key", run: defenseCase(duplicateFirst)},
	}
}

func playerGameCases() []ruleCase {
	t := tables.PlayerGameSummary
	type row = tables.PlayerGame
	cases := []ruleCase{
		{table: t, rule: "row_identity_present", field: "person_id",
			run: playerGameCase(first(func(r *row) { r.PersonID = 0 }))},
		{table: t, rule: "minutes_within_game", field: "minutes",
			run: playerGameCase(first(func(r *row) { r.Minutes = 48.1 }))},
		{table: t, rule: "team_minutes_valid", field: "team_minutes",
			run: playerGameCase(first(func(r *row) { r.TeamMinutes = 241 }))},
		{table: t, rule: "no_time_when_not_played", field: "minutes",
			run: playerGameCase(dnp(func(r *row) { r.Minutes = 0.5; r.UsageRate = ptr(1) }))},
		{table: t, rule: "usage_finite_non_negative", field: "usage_rate",
			run: playerGameCase(first(func(r *row) { r.UsageRate = ptr(math.Inf(1)) }))},
		{table: t, rule: "usage_present_when_played", field: "usage_rate",
			run: playerGameCase(first(func(r *row) { r.UsageRate = nil }))},
		{table: t, rule: "usage_absent_when_not_played", field: "usage_rate",
			run: playerGameCase(dnp(func(r *row) { r.UsageRate = ptr(0) }))},
		{table: t, rule: "finite_non_negative_ratings", field: "true_shooting_pct",
			run: playerGameCase(first(func(r *row) { r.TrueShootingPct = ptr(-0.1) }))},
		{table: t, rule: "batch_key_match", field: "generation",
			run: playerGameCase(first(func(r *row) { r.Generation = 0 }))},
		{table: t, rule: "duplicate_key", field: "key", run: playerGameCase(duplicateFirst)},
	}
	return append(cases, shootingCases(t, func(f func(*tables.Shooting)) func() Report {
		return playerGameCase(first(func(r *row) { f(&r.Shooting) }))
	})...)
}

func allCases() []ruleCase {
	var all []ruleCase
	for _, cs := range [][]ruleCase{rawPlayerCases(), rawTeamCases(), offenseCases(),
		defenseCases(), playerGameCases()} {
		all = append(all, cs...)
	}
	return all
}
