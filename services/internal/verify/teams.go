package verify

import (
	"fmt"
	"math"

	"github.com/tipoff-nba/tipoff/events"
	"github.com/tipoff-nba/tipoff/services/internal/tables"
)

type teamGame struct {
	game string
	team int64
}

// TeamOffense verifies stored team offense rows against the raw team totals.
func TeamOffense(key tables.Key, rows []tables.TeamOffense, raw []tables.RawTeam) []events.Finding {
	f := &finder{key: key, processor: events.TeamOffense}
	f.rowCount(tables.TeamOffenseGameSummary, len(rows), len(raw))
	byTeam := rawTeams(raw)
	for _, r := range rows {
		f.teamMinutes(r.GameID, r.TeamID, r.TeamTricode, r.TeamMinutes, r.Overtimes)
		in, ok := byTeam[teamGame{r.GameID, r.TeamID}]
		if !ok || in.Shooting != r.Shooting {
			f.add(RuleTeamTotals, events.SeverityCritical, r.GameID, r.TeamID, r.TeamTricode, 0,
				fmt.Sprintf("FGA %d FTA %d TOV %d PTS %d", r.FGA, r.FTA, r.TOV, r.PTS),
				"team offense totals must equal the raw box score's team totals")
		}
	}
	return f.out
}

// TeamDefense verifies stored team defense rows against the raw team totals.
func TeamDefense(key tables.Key, rows []tables.TeamDefense, raw []tables.RawTeam) []events.Finding {
	f := &finder{key: key, processor: events.TeamDefense}
	f.rowCount(tables.TeamDefenseGameSummary, len(rows), len(raw))
	byTeam := rawTeams(raw)
	for _, r := range rows {
		opp, ok := byTeam[teamGame{r.GameID, r.OpponentID}]
		if !ok || opp.PTS != r.OppPTS || opp.FGA != r.OppFGA || opp.TOV != r.ForcedTOV {
			f.add(RuleOpponentPoints, events.SeverityCritical, r.GameID, r.TeamID, r.TeamTricode,
				0, fmt.Sprintf("opp PTS %d FGA %d forced TOV %d", r.OppPTS, r.OppFGA, r.ForcedTOV),
				"must equal the opponent's raw team totals")
		}
	}
	return f.out
}

func (f *finder) teamMinutes(game string, teamID int64, team string, minutes float64, ots int) {
	if want := 240 + 25*float64(ots); ots < 0 || math.Abs(minutes-want) > 1e-9 {
		f.add(RuleTeamMinutes, events.SeverityCritical, game, teamID, team, 0,
			fmt.Sprintf("%.2f", minutes),
			fmt.Sprintf("team minutes must be 240 + 25 per overtime (%d overtimes)", ots))
	}
}

func rawTeams(raw []tables.RawTeam) map[teamGame]tables.RawTeam {
	out := make(map[teamGame]tables.RawTeam, len(raw))
	for _, r := range raw {
		out[teamGame{r.GameID, r.TeamID}] = r
	}
	return out
}
