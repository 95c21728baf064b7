package rowrules

import "github.com/tipoff-nba/tipoff/services/internal/tables"

func ptr(v float64) *float64 { return &v }

func possessions(s tables.Shooting) float64 {
	return float64(s.FGA) + 0.44*float64(s.FTA) - float64(s.OREB) + float64(s.TOV)
}

// summaries derives the three analytics tables from raw rows with the formulas of
// CONTEXT.md, as the processors would.
func summaries(players []tables.RawPlayer, teams []tables.RawTeam) (
	[]tables.TeamOffense, []tables.TeamDefense, []tables.PlayerGame) {
	byTeam := map[int64]tables.RawTeam{}
	for _, t := range teams {
		byTeam[t.TeamID] = t
	}
	var off []tables.TeamOffense
	var def []tables.TeamDefense
	for _, t := range teams {
		off = append(off, offense(t))
		def = append(def, defense(t, byTeam[t.OpponentID]))
	}
	var pg []tables.PlayerGame
	for _, p := range players {
		pg = append(pg, playerGame(p, byTeam[p.TeamID]))
	}
	return off, def, pg
}

func offense(t tables.RawTeam) tables.TeamOffense {
	minutes := t.Seconds / 60
	poss := possessions(t.Shooting)
	s := t.Shooting
	return tables.TeamOffense{Key: t.Key, GameID: t.GameID, TeamID: t.TeamID,
		TeamTricode: t.TeamTricode, OpponentID: t.OpponentID, Opponent: t.Opponent,
		Home: t.Home, TeamMinutes: minutes, Overtimes: int((minutes - 240) / 25),
		Shooting: s, Possessions: poss, Pace: 48 * poss / (minutes / 5),
		OffensiveRating: 100 * float64(s.PTS) / poss,
		EffectiveFGPct:  ptr((float64(s.FGM) + 0.5*float64(s.FG3M)) / float64(s.FGA)),
		TrueShootingPct: ptr(float64(s.PTS) / (2 * (float64(s.FGA) + 0.44*float64(s.FTA)))),
	}
}

func defense(t, opp tables.RawTeam) tables.TeamDefense {
	o := opp.Shooting
	poss := possessions(o)
	return tables.TeamDefense{Key: t.Key, GameID: t.GameID, TeamID: t.TeamID,
		TeamTricode: t.TeamTricode, OpponentID: t.OpponentID, Opponent: t.Opponent,
		Home: t.Home, TeamMinutes: t.Seconds / 60, OppPTS: o.PTS, OppFGM: o.FGM,
		OppFGA: o.FGA, OppFG3M: o.FG3M, OppFG3A: o.FG3A, OppFTM: o.FTM, OppFTA: o.FTA,
		OppOREB: o.OREB, DREB: t.DREB, STL: t.STL, BLK: t.BLK, ForcedTOV: o.TOV,
		OppPossessions: poss, DefensiveRating: 100 * float64(o.PTS) / poss,
		OppEffectiveFGPct: ptr((float64(o.FGM) + 0.5*float64(o.FG3M)) / float64(o.FGA)),
	}
}

func playerGame(p tables.RawPlayer, team tables.RawTeam) tables.PlayerGame {
	teamMinutes := team.Seconds / 60
	g := tables.PlayerGame{Key: p.Key, GameID: p.GameID, TeamID: p.TeamID,
		TeamTricode: p.TeamTricode, OpponentID: p.OpponentID, Opponent: p.Opponent,
		PersonID: p.PersonID, PlayerName: p.PlayerName, Starter: p.Starter,
		Played: p.Played, DNPReason: p.Comment, Minutes: p.Seconds / 60,
		Shooting: p.Shooting, PlusMinus: p.PlusMinus, TeamMinutes: teamMinutes}
	s, ts := p.Shooting, team.Shooting
	if g.Minutes > 0 {
		own := float64(s.FGA) + 0.44*float64(s.FTA) + float64(s.TOV)
		all := float64(ts.FGA) + 0.44*float64(ts.FTA) + float64(ts.TOV)
		g.UsageRate = ptr(100 * own * (teamMinutes / 5) / (g.Minutes * all))
	}
	if s.FGA+s.FTA > 0 {
		g.TrueShootingPct = ptr(float64(s.PTS) / (2 * (float64(s.FGA) + 0.44*float64(s.FTA))))
	}
	return g
}
