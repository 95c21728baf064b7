package analytics

import (
	"fmt"

	"github.com/tipoff-nba/tipoff/services/internal/tables"
)

// TeamOffense builds team_offense_game_summary: one row per team row, in input order.
// teams must hold both teams of every game it covers (see the pairing rules below); the
// opponent's possessions are needed for pace.
//
// Per row: TeamMinutes = Seconds / 60 (from the data); Overtimes = (TeamMinutes - 240) /
// 25; Possessions = FGA + 0.44*FTA - OREB + TOV; Pace = 48 * ((Poss + OppPoss) / 2) /
// (TeamMinutes / 5); OffensiveRating = 100 * PTS / Possessions; EffectiveFGPct and
// TrueShootingPct as in EffectiveFGPct and TrueShootingPct.
//
// A game with other than two rows, rows that do not name each other, or team minutes that
// are not 240 + 25 per overtime is an error naming the game; no row is returned then.
func TeamOffense(teams []tables.RawTeam) ([]tables.TeamOffense, error) {
	opps, err := opponents(teams)
	if err != nil {
		return nil, err
	}

	out := make([]tables.TeamOffense, 0, len(teams))
	for i, t := range teams {
		row, err := offenseRow(t, opps[i])
		if err != nil {
			return nil, err
		}
		out = append(out, row)
	}
	return out, nil
}

// offenseRow computes one team's offence against opp.
func offenseRow(t, opp tables.RawTeam) (tables.TeamOffense, error) {
	teamMinutes := t.Seconds / 60
	ot, err := overtimes(teamMinutes)
	if err != nil {
		return tables.TeamOffense{}, fmt.Errorf("analytics: game %s team %s: %w",
			t.GameID, t.TeamTricode, err)
	}
	poss := Possessions(t.Shooting)
	ortg, err := rating(t.PTS, poss)
	if err != nil {
		return tables.TeamOffense{}, fmt.Errorf("analytics: game %s team %s: %w",
			t.GameID, t.TeamTricode, err)
	}

	return tables.TeamOffense{
		Key:             t.Key,
		GameID:          t.GameID,
		TeamID:          t.TeamID,
		TeamTricode:     t.TeamTricode,
		OpponentID:      t.OpponentID,
		Opponent:        t.Opponent,
		Home:            t.Home,
		TeamMinutes:     teamMinutes,
		Overtimes:       ot,
		Shooting:        t.Shooting,
		Possessions:     poss,
		Pace:            Pace(poss, Possessions(opp.Shooting), teamMinutes),
		OffensiveRating: ortg,
		EffectiveFGPct:  EffectiveFGPct(t.Shooting),
		TrueShootingPct: TrueShootingPct(t.Shooting),
	}, nil
}

// TeamDefense builds team_defense_game_summary: one row per team row, in input order, with
// the opponent's numbers seen from the defence: OppPTS and the opponent's shooting,
// OppPossessions = the opponent's FGA + 0.44*FTA - OREB + TOV, DefensiveRating = 100 *
// OppPTS / OppPossessions, ForcedTOV = the opponent's TOV. DREB, STL and BLK are the
// team's own. The pairing rules and errors are those of TeamOffense.
func TeamDefense(teams []tables.RawTeam) ([]tables.TeamDefense, error) {
	opps, err := opponents(teams)
	if err != nil {
		return nil, err
	}

	out := make([]tables.TeamDefense, 0, len(teams))
	for i, t := range teams {
		row, err := defenseRow(t, opps[i])
		if err != nil {
			return nil, err
		}
		out = append(out, row)
	}
	return out, nil
}

// defenseRow computes one team's defence against opp.
func defenseRow(t, opp tables.RawTeam) (tables.TeamDefense, error) {
	oppPoss := Possessions(opp.Shooting)
	drtg, err := rating(opp.PTS, oppPoss)
	if err != nil {
		return tables.TeamDefense{}, fmt.Errorf("analytics: game %s team %s: %w",
			t.GameID, t.TeamTricode, err)
	}

	return tables.TeamDefense{
		Key:               t.Key,
		GameID:            t.GameID,
		TeamID:            t.TeamID,
		TeamTricode:       t.TeamTricode,
		OpponentID:        t.OpponentID,
		Opponent:          t.Opponent,
		Home:              t.Home,
		TeamMinutes:       t.Seconds / 60,
		OppPTS:            opp.PTS,
		OppFGM:            opp.FGM,
		OppFGA:            opp.FGA,
		OppFG3M:           opp.FG3M,
		OppFG3A:           opp.FG3A,
		OppFTM:            opp.FTM,
		OppFTA:            opp.FTA,
		OppOREB:           opp.OREB,
		DREB:              t.DREB,
		STL:               t.STL,
		BLK:               t.BLK,
		ForcedTOV:         opp.TOV,
		OppPossessions:    oppPoss,
		DefensiveRating:   drtg,
		OppEffectiveFGPct: EffectiveFGPct(opp.Shooting),
	}, nil
}
