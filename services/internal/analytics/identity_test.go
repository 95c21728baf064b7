package analytics_test

import (
	"errors"
	"math"
	"testing"

	"github.com/tipoff-nba/tipoff/services/internal/analytics"
	"github.com/tipoff-nba/tipoff/services/internal/boxscore"
	"github.com/tipoff-nba/tipoff/services/internal/tables"
)

// TestUsageIdentityAllRealBoxScores runs the whole chain over all 64 real box scores and
// checks Σ(usage × minutes) ÷ (team minutes ÷ 5) = 100 for every one of the 128 team-games.
func TestUsageIdentityAllRealBoxScores(t *testing.T) {
	inv, err := boxscore.Discover(realDataDir(t))
	if err != nil {
		t.Fatalf("Discover: %v", err)
	}

	identity := map[analytics.TeamGame]float64{}
	var all []tables.PlayerGame
	for _, d := range inv.Dates {
		_, _, rows := realSummaries(t, d.Date)
		for tg, v := range analytics.TeamUsageIdentity(rows) {
			identity[tg] = v
		}
		all = append(all, rows...)
	}

	if len(identity) != 128 {
		t.Errorf("%d team-games, want 128", len(identity))
	}
	for tg, v := range identity {
		if math.Abs(v-100) > 0.01 {
			t.Errorf("game %s team %d: identity %v, want 100 ± 0.01", tg.GameID, tg.TeamID, v)
		}
	}
	if err := analytics.CheckUsageIdentity(all); err != nil {
		t.Errorf("CheckUsageIdentity: %v", err)
	}
}

func TestCheckUsageIdentityCatchesPartialTotals(t *testing.T) {
	// The incident: team totals that cover only part of the players. Team 1 really took
	// 10 + 10 FGA, but its totals say 10, so each player's usage doubles.
	teams := pairTeams()
	teams[0].Shooting = tables.Shooting{FGA: 10}
	offense, err := analytics.TeamOffense(teams)
	if err != nil {
		t.Fatal(err)
	}
	a := pairPlayer(120*60, tables.Shooting{FGA: 10})
	b := a
	b.PersonID = 102

	rows, err := analytics.PlayerGames([]tables.RawPlayer{a, b}, offense)
	if err != nil {
		t.Fatal(err)
	}
	// Each: 100 * 10 * (240/5) / (120 * 10) = 40; Σ 40 × 120 × 2 ÷ 48 = 200.
	got := analytics.TeamUsageIdentity(rows)[analytics.TeamGame{GameID: "G1", TeamID: 1}]
	wantClose(t, "identity", got, 2*(100*10*(240.0/5)/(120*10))*120/(240.0/5))
	err = analytics.CheckUsageIdentity(rows)
	if !errors.Is(err, analytics.ErrUsageIdentity) || !contains(err.Error(), "game G1 team 1") {
		t.Errorf("CheckUsageIdentity error = %v, want ErrUsageIdentity naming game G1 team 1", err)
	}
}
