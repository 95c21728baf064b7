package boxscore

import "github.com/tipoff-nba/tipoff/services/internal/tables"

// Rows converts a parsed game to raw rows: one RawPlayer per listed player (players who did
// not play included, with Played false and Seconds 0) and one RawTeam per side. key is the
// game date and generation, which the box score does not carry; relPath is the file's path
// relative to the data directory, stored as SourceFile.
//
// Opponents come from the other side of the box score (the file has no opponent field).
// A player's Starter flag is a non-empty position; Comment is kept verbatim.
func Rows(g Game, key tables.Key, relPath string) ([]tables.RawPlayer, []tables.RawTeam) {
	var players []tables.RawPlayer
	var teams []tables.RawTeam
	for _, side := range []struct {
		team, opp Team
		home      bool
	}{{g.Home, g.Away, true}, {g.Away, g.Home, false}} {
		teams = append(teams, tables.RawTeam{
			Key:         key,
			GameID:      g.GameID,
			TeamID:      side.team.TeamID,
			TeamTricode: side.team.Tricode,
			OpponentID:  side.opp.TeamID,
			Opponent:    side.opp.Tricode,
			Home:        side.home,
			Seconds:     side.team.Minutes.Seconds,
			Shooting:    side.team.Totals,
			PlusMinus:   side.team.PlusMinus,
			SourceFile:  relPath,
		})
		for _, p := range side.team.Players {
			players = append(players, tables.RawPlayer{
				Key:         key,
				GameID:      g.GameID,
				TeamID:      side.team.TeamID,
				TeamTricode: side.team.Tricode,
				OpponentID:  side.opp.TeamID,
				Opponent:    side.opp.Tricode,
				Home:        side.home,
				PersonID:    p.PersonID,
				PlayerName:  p.Name(),
				Starter:     p.Starter(),
				Comment:     p.Comment,
				Played:      p.Minutes.Present,
				Seconds:     p.Minutes.Seconds,
				Shooting:    p.Stats,
				PlusMinus:   p.PlusMinus,
				SourceFile:  relPath,
			})
		}
	}
	return players, teams
}
