package analytics

import (
	"fmt"

	"github.com/tipoff-nba/tipoff/services/internal/tables"
)

// PlayerGames builds player_game_summary: one row per player row, in input order, players
// who did not play included.
//
// Usage uses the team totals of the TeamOffense row of the same game and team: its FGA,
// FTA and TOV (the box score's team turnovers, i.e. the players' sum) and its TeamMinutes.
// A player row without such a row, or with one of another date or generation, fails with
// ErrMissingTeamTotals: usage is never computed from missing totals.
//
// Per row: Minutes = Seconds / 60. A player who did not play gets Minutes 0, DNPReason =
// his comment and no usage. A player listed with 0:00 gets no usage either. Any other
// player gets a usage rate (0 when he used no possession), or ErrNoTeamUsage when his team
// used none. TrueShootingPct is nil without a shot or free throw.
func PlayerGames(players []tables.RawPlayer, offense []tables.TeamOffense) (
	[]tables.PlayerGame, error) {
	totals, err := indexOffense(offense)
	if err != nil {
		return nil, err
	}

	type playerInGame struct {
		gameID   string
		personID int64
	}
	seen := make(map[playerInGame]bool)
	out := make([]tables.PlayerGame, 0, len(players))
	for _, p := range players {
		id := playerInGame{gameID: p.GameID, personID: p.PersonID}
		if seen[id] {
			return nil, fmt.Errorf("analytics: game %s: player %d (%s) listed twice: %w",
				p.GameID, p.PersonID, p.PlayerName, ErrInvalidPlayerRow)
		}
		seen[id] = true

		team, ok := totals[TeamGame{GameID: p.GameID, TeamID: p.TeamID}]
		if !ok || team.Key != p.Key {
			return nil, fmt.Errorf("analytics: game %s team %s (%d), date %s generation %d: %w",
				p.GameID, p.TeamTricode, p.TeamID, p.GameDate, p.Generation, ErrMissingTeamTotals)
		}
		row, err := playerRow(p, team)
		if err != nil {
			return nil, err
		}
		out = append(out, row)
	}
	return out, nil
}

// indexOffense maps team offense rows by game and team; a duplicate is an error.
func indexOffense(offense []tables.TeamOffense) (map[TeamGame]tables.TeamOffense, error) {
	totals := make(map[TeamGame]tables.TeamOffense, len(offense))
	for _, o := range offense {
		id := TeamGame{GameID: o.GameID, TeamID: o.TeamID}
		if _, dup := totals[id]; dup {
			return nil, fmt.Errorf("analytics: game %s team %s: two team offense rows: %w",
				o.GameID, o.TeamTricode, ErrGamePairing)
		}
		totals[id] = o
	}
	return totals, nil
}

// playerRow computes one player's summary with his team's totals.
func playerRow(p tables.RawPlayer, team tables.TeamOffense) (tables.PlayerGame, error) {
	row := tables.PlayerGame{
		Key:         p.Key,
		GameID:      p.GameID,
		TeamID:      p.TeamID,
		TeamTricode: p.TeamTricode,
		OpponentID:  p.OpponentID,
		Opponent:    p.Opponent,
		PersonID:    p.PersonID,
		PlayerName:  p.PlayerName,
		Starter:     p.Starter,
		Played:      p.Played,
		Shooting:    p.Shooting,
		PlusMinus:   p.PlusMinus,
		TeamMinutes: team.TeamMinutes,
	}
	if p.Seconds < 0 {
		return tables.PlayerGame{}, fmt.Errorf("analytics: game %s player %d (%s): "+
			"negative time %v s: %w", p.GameID, p.PersonID, p.PlayerName, p.Seconds,
			ErrInvalidPlayerRow)
	}
	if !p.Played {
		if p.Seconds != 0 {
			return tables.PlayerGame{}, fmt.Errorf("analytics: game %s player %d (%s): "+
				"%v s without Played: %w", p.GameID, p.PersonID, p.PlayerName, p.Seconds,
				ErrInvalidPlayerRow)
		}
		row.DNPReason = p.Comment
		return row, nil
	}

	row.Minutes = p.Seconds / 60
	row.TrueShootingPct = TrueShootingPct(p.Shooting)
	if row.Minutes <= 0 {
		return row, nil
	}
	usage, err := usageRate(p.Shooting, team.Shooting, row.Minutes, team.TeamMinutes)
	if err != nil {
		return tables.PlayerGame{}, fmt.Errorf("analytics: game %s team %s player %d (%s): %w",
			p.GameID, p.TeamTricode, p.PersonID, p.PlayerName, err)
	}
	row.UsageRate = &usage
	return row, nil
}
