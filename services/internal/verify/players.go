package verify

import (
	"fmt"
	"math"
	"sort"

	"github.com/tipoff-nba/tipoff/events"
	"github.com/tipoff-nba/tipoff/services/internal/tables"
)

// PlayerGames verifies stored player rows against the raw player lines and the team
// offense totals the usage rates were computed from.
func PlayerGames(key tables.Key, rows []tables.PlayerGame, raw []tables.RawPlayer,
	offense []tables.TeamOffense) []events.Finding {
	f := &finder{key: key, processor: events.PlayerGameSummary}
	f.rowCount(tables.PlayerGameSummary, len(rows), len(raw))

	teams := map[teamGame]*teamSums{}
	for _, r := range rows {
		tg := teamGame{r.GameID, r.TeamID}
		s := teams[tg]
		if s == nil {
			s = &teamSums{tricode: r.TeamTricode}
			teams[tg] = s
		}
		s.add(r)
		if r.Minutes > 0 && (r.UsageRate == nil || math.IsNaN(*r.UsageRate)) {
			f.add(RuleUsagePresent, events.SeverityCritical, r.GameID, r.TeamID, r.TeamTricode,
				r.PersonID, "NULL", fmt.Sprintf("a player with %.2f minutes must have a usage rate",
					r.Minutes))
		}
	}
	for _, tg := range sortedTeams(teams) {
		teams[tg].check(f, tg)
	}
	f.teamTotals(offense, raw)
	return f.out
}

type teamSums struct {
	tricode     string
	weighted    float64 // Σ usage × minutes
	seconds     float64 // Σ player minutes, in seconds
	teamMinutes float64
}

func (s *teamSums) add(r tables.PlayerGame) {
	if r.UsageRate != nil {
		s.weighted += *r.UsageRate * r.Minutes
	}
	s.seconds += r.Minutes * 60
	s.teamMinutes = math.Max(s.teamMinutes, r.TeamMinutes)
}

// check applies the usage identity: for one team in one game,
// Σ(usage × minutes) ÷ (team minutes ÷ 5) = 100 whenever the team totals are the sums of
// the players' rows. Partial or stale team totals move it away from 100.
func (s *teamSums) check(f *finder, tg teamGame) {
	if s.teamMinutes <= 0 {
		f.add(RuleTeamMinutes, events.SeverityCritical, tg.game, tg.team, s.tricode, 0,
			fmt.Sprintf("%.2f", s.teamMinutes), "team minutes must be positive")
		return
	}
	if got := s.weighted / (s.teamMinutes / 5); math.Abs(got-100) > UsageTolerance {
		f.add(RuleUsageIdentity, events.SeverityCritical, tg.game, tg.team, s.tricode, 0,
			fmt.Sprintf("%.4f", got), "Σ(usage × minutes) ÷ (team minutes ÷ 5) must be 100 ± 0.01")
	}
	if gap := s.seconds - s.teamMinutes*60; math.Abs(gap) > MinutesToleranceSeconds {
		f.add(RulePlayerMinutesSums, events.SeverityWarning, tg.game, tg.team, s.tricode, 0,
			fmt.Sprintf("%+.1f s", gap), "players' minutes must sum to the team minutes")
	}
}

// teamTotals checks the team offense totals used for usage against the players' sums.
func (f *finder) teamTotals(offense []tables.TeamOffense, raw []tables.RawPlayer) {
	sums := map[teamGame]tables.Shooting{}
	for _, p := range raw {
		tg := teamGame{p.GameID, p.TeamID}
		s := sums[tg]
		s.FGA += p.FGA
		s.FTA += p.FTA
		s.TOV += p.TOV
		s.PTS += p.PTS
		sums[tg] = s
	}
	for _, o := range offense {
		s := sums[teamGame{o.GameID, o.TeamID}]
		if o.FGA != s.FGA || o.FTA != s.FTA || o.TOV != s.TOV || o.PTS != s.PTS {
			f.add(RuleTeamTotals, events.SeverityCritical, o.GameID, o.TeamID, o.TeamTricode, 0,
				fmt.Sprintf("team FGA %d FTA %d TOV %d PTS %d", o.FGA, o.FTA, o.TOV, o.PTS),
				fmt.Sprintf("players sum to FGA %d FTA %d TOV %d PTS %d", s.FGA, s.FTA, s.TOV,
					s.PTS))
		}
	}
}

func sortedTeams(m map[teamGame]*teamSums) []teamGame {
	out := make([]teamGame, 0, len(m))
	for tg := range m {
		out = append(out, tg)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].game != out[j].game {
			return out[i].game < out[j].game
		}
		return out[i].team < out[j].team
	})
	return out
}
