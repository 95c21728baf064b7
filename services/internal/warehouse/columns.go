package warehouse

import "github.com/tipoff-nba/tipoff/services/internal/tables"

// Primary keys and read orders. A player is keyed by game and person (a player is on
// one team per game); a team by game and team.
var (
	playerKey   = []string{"game_date", "game_id", "person_id"}
	teamKey     = []string{"game_date", "game_id", "team_id"}
	playerOrder = "game_id, team_id, person_id"
	teamOrder   = "game_id, team_id"
)

func rawPlayerSpec() tableSpec[tables.RawPlayer] {
	type row = tables.RawPlayer
	cols := keyColumns(func(r *row) *tables.Key { return &r.Key })
	cols = append(cols,
		text("game_id", func(r *row) *string { return &r.GameID }),
		integer("team_id", func(r *row) any { return &r.TeamID }),
		text("team_tricode", func(r *row) *string { return &r.TeamTricode }),
		integer("opponent_id", func(r *row) any { return &r.OpponentID }),
		text("opponent", func(r *row) *string { return &r.Opponent }),
		boolean("home", func(r *row) *bool { return &r.Home }),
		integer("person_id", func(r *row) any { return &r.PersonID }),
		text("player_name", func(r *row) *string { return &r.PlayerName }),
		boolean("starter", func(r *row) *bool { return &r.Starter }),
		text("comment", func(r *row) *string { return &r.Comment }),
		boolean("played", func(r *row) *bool { return &r.Played }),
		float("seconds", func(r *row) *float64 { return &r.Seconds }),
	)
	cols = append(cols, shootingColumns(func(r *row) *tables.Shooting { return &r.Shooting })...)
	cols = append(cols,
		float("plus_minus", func(r *row) *float64 { return &r.PlusMinus }),
		text("source_file", func(r *row) *string { return &r.SourceFile }),
	)
	return tableSpec[row]{name: tables.GamebookPlayerStats, primaryKey: playerKey,
		orderBy: playerOrder, columns: cols}
}

func rawTeamSpec() tableSpec[tables.RawTeam] {
	type row = tables.RawTeam
	cols := keyColumns(func(r *row) *tables.Key { return &r.Key })
	cols = append(cols,
		text("game_id", func(r *row) *string { return &r.GameID }),
		integer("team_id", func(r *row) any { return &r.TeamID }),
		text("team_tricode", func(r *row) *string { return &r.TeamTricode }),
		integer("opponent_id", func(r *row) any { return &r.OpponentID }),
		text("opponent", func(r *row) *string { return &r.Opponent }),
		boolean("home", func(r *row) *bool { return &r.Home }),
		float("seconds", func(r *row) *float64 { return &r.Seconds }),
	)
	cols = append(cols, shootingColumns(func(r *row) *tables.Shooting { return &r.Shooting })...)
	cols = append(cols,
		float("plus_minus", func(r *row) *float64 { return &r.PlusMinus }),
		text("source_file", func(r *row) *string { return &r.SourceFile }),
	)
	return tableSpec[row]{name: tables.GamebookTeamStats, primaryKey: teamKey,
		orderBy: teamOrder, columns: cols}
}

func teamOffenseSpec() tableSpec[tables.TeamOffense] {
	type row = tables.TeamOffense
	cols := keyColumns(func(r *row) *tables.Key { return &r.Key })
	cols = append(cols,
		text("game_id", func(r *row) *string { return &r.GameID }),
		integer("team_id", func(r *row) any { return &r.TeamID }),
		text("team_tricode", func(r *row) *string { return &r.TeamTricode }),
		integer("opponent_id", func(r *row) any { return &r.OpponentID }),
		text("opponent", func(r *row) *string { return &r.Opponent }),
		boolean("home", func(r *row) *bool { return &r.Home }),
		float("team_minutes", func(r *row) *float64 { return &r.TeamMinutes }),
		integer("overtimes", func(r *row) any { return &r.Overtimes }),
	)
	cols = append(cols, shootingColumns(func(r *row) *tables.Shooting { return &r.Shooting })...)
	cols = append(cols,
		float("possessions", func(r *row) *float64 { return &r.Possessions }),
		float("pace", func(r *row) *float64 { return &r.Pace }),
		float("offensive_rating", func(r *row) *float64 { return &r.OffensiveRating }),
		nullableFloat("effective_fg_pct", func(r *row) **float64 { return &r.EffectiveFGPct }),
		nullableFloat("true_shooting_pct", func(r *row) **float64 { return &r.TrueShootingPct }),
	)
	return tableSpec[row]{name: tables.TeamOffenseGameSummary, primaryKey: teamKey,
		orderBy: teamOrder, columns: cols}
}

func teamDefenseSpec() tableSpec[tables.TeamDefense] {
	type row = tables.TeamDefense
	cols := keyColumns(func(r *row) *tables.Key { return &r.Key })
	cols = append(cols,
		text("game_id", func(r *row) *string { return &r.GameID }),
		integer("team_id", func(r *row) any { return &r.TeamID }),
		text("team_tricode", func(r *row) *string { return &r.TeamTricode }),
		integer("opponent_id", func(r *row) any { return &r.OpponentID }),
		text("opponent", func(r *row) *string { return &r.Opponent }),
		boolean("home", func(r *row) *bool { return &r.Home }),
		float("team_minutes", func(r *row) *float64 { return &r.TeamMinutes }),
		integer("opp_pts", func(r *row) any { return &r.OppPTS }),
		integer("opp_fgm", func(r *row) any { return &r.OppFGM }),
		integer("opp_fga", func(r *row) any { return &r.OppFGA }),
		integer("opp_fg3m", func(r *row) any { return &r.OppFG3M }),
		integer("opp_fg3a", func(r *row) any { return &r.OppFG3A }),
		integer("opp_ftm", func(r *row) any { return &r.OppFTM }),
		integer("opp_fta", func(r *row) any { return &r.OppFTA }),
		integer("opp_oreb", func(r *row) any { return &r.OppOREB }),
		integer("dreb", func(r *row) any { return &r.DREB }),
		integer("stl", func(r *row) any { return &r.STL }),
		integer("blk", func(r *row) any { return &r.BLK }),
		integer("forced_tov", func(r *row) any { return &r.ForcedTOV }),
		float("opp_possessions", func(r *row) *float64 { return &r.OppPossessions }),
		float("defensive_rating", func(r *row) *float64 { return &r.DefensiveRating }),
		nullableFloat("opp_effective_fg_pct",
			func(r *row) **float64 { return &r.OppEffectiveFGPct }),
	)
	return tableSpec[row]{name: tables.TeamDefenseGameSummary, primaryKey: teamKey,
		orderBy: teamOrder, columns: cols}
}

func playerGameSpec() tableSpec[tables.PlayerGame] {
	type row = tables.PlayerGame
	cols := keyColumns(func(r *row) *tables.Key { return &r.Key })
	cols = append(cols,
		text("game_id", func(r *row) *string { return &r.GameID }),
		integer("team_id", func(r *row) any { return &r.TeamID }),
		text("team_tricode", func(r *row) *string { return &r.TeamTricode }),
		integer("opponent_id", func(r *row) any { return &r.OpponentID }),
		text("opponent", func(r *row) *string { return &r.Opponent }),
		integer("person_id", func(r *row) any { return &r.PersonID }),
		text("player_name", func(r *row) *string { return &r.PlayerName }),
		boolean("starter", func(r *row) *bool { return &r.Starter }),
		boolean("played", func(r *row) *bool { return &r.Played }),
		text("dnp_reason", func(r *row) *string { return &r.DNPReason }),
		float("minutes", func(r *row) *float64 { return &r.Minutes }),
	)
	cols = append(cols, shootingColumns(func(r *row) *tables.Shooting { return &r.Shooting })...)
	cols = append(cols,
		float("plus_minus", func(r *row) *float64 { return &r.PlusMinus }),
		nullableFloat("usage_rate", func(r *row) **float64 { return &r.UsageRate }),
		nullableFloat("true_shooting_pct", func(r *row) **float64 { return &r.TrueShootingPct }),
		float("team_minutes", func(r *row) *float64 { return &r.TeamMinutes }),
	)
	return tableSpec[row]{name: tables.PlayerGameSummary, primaryKey: playerKey,
		orderBy: playerOrder, columns: cols}
}
