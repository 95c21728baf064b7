package verify

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/tipoff-nba/tipoff/events"
	"github.com/tipoff-nba/tipoff/services/internal/analytics"
	"github.com/tipoff-nba/tipoff/services/internal/boxscore"
	"github.com/tipoff-nba/tipoff/services/internal/tables"
)

// realDate builds every table of one real date, as the workers would.
type realDate struct {
	key     tables.Key
	raw     []tables.RawPlayer
	teams   []tables.RawTeam
	offense []tables.TeamOffense
	defense []tables.TeamDefense
	players []tables.PlayerGame
}

func loadReal(t *testing.T) []realDate {
	t.Helper()
	dir := os.Getenv(boxscore.DataDirEnv)
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "..", "shared", "data", "nba")
	}
	inv, err := boxscore.Discover(dir)
	if err != nil {
		t.Skipf("real NBA data not available (%v); set %s", err, boxscore.DataDirEnv)
	}
	var out []realDate
	for _, d := range inv.Dates {
		r := realDate{key: tables.Key{GameDate: d.Date, Generation: 1}}
		if r.raw, r.teams, err = boxscore.LoadDate(inv, r.key); err != nil {
			t.Fatal(err)
		}
		if r.offense, err = analytics.TeamOffense(r.teams); err != nil {
			t.Fatal(err)
		}
		if r.defense, err = analytics.TeamDefense(r.teams); err != nil {
			t.Fatal(err)
		}
		if r.players, err = analytics.PlayerGames(r.raw, r.offense); err != nil {
			t.Fatal(err)
		}
		out = append(out, r)
	}
	return out
}

// TestRealDataIsClean: no rule fires on the real box scores, tiny minutes, "27:60",
// double overtime and game-log-only team turnovers included.
func TestRealDataIsClean(t *testing.T) {
	for _, d := range loadReal(t) {
		all := append(append(TeamOffense(d.key, d.offense, d.teams),
			TeamDefense(d.key, d.defense, d.teams)...),
			PlayerGames(d.key, d.players, d.raw, d.offense)...)
		for _, line := range Lines(all) {
			t.Errorf("%s: %s", d.key.GameDate, line)
		}
	}
}

// TestPartialTeamTotals: usage computed from team totals that miss part of the game (the
// incident) is caught, critical, and names the team.
func TestPartialTeamTotals(t *testing.T) {
	d := loadReal(t)[0]
	victim := d.offense[0]
	partial := append([]tables.TeamOffense(nil), d.offense...)
	partial[0].FGA -= 20
	partial[0].TOV -= 3
	players, err := analytics.PlayerGames(d.raw, partial)
	if err != nil {
		t.Fatal(err)
	}
	got := PlayerGames(d.key, players, d.raw, partial)
	if !Critical(got) {
		t.Fatalf("no critical finding: %v", Lines(got))
	}
	rules := map[string]bool{}
	for _, f := range got {
		if f.TeamID != victim.TeamID || f.GameID != victim.GameID || f.Team != victim.TeamTricode {
			t.Errorf("finding about another team: %+v", f)
		}
		rules[f.Rule] = true
	}
	for _, want := range []string{RuleUsageIdentity, RuleTeamTotals} {
		if !rules[want] {
			t.Errorf("rule %s did not fire: %v", want, Lines(got))
		}
	}
}

func TestLostRowsAndMissingUsage(t *testing.T) {
	d := loadReal(t)[0]
	got := PlayerGames(d.key, d.players[1:], d.raw, d.offense)
	if !hasRule(got, RuleRowCount, events.SeverityCritical) {
		t.Errorf("a lost row was not found: %v", Lines(got))
	}
	players := append([]tables.PlayerGame(nil), d.players...)
	for i := range players {
		if players[i].Minutes > 0 {
			players[i].UsageRate = nil
			break
		}
	}
	if got := PlayerGames(d.key, players, d.raw, d.offense); !hasRule(got, RuleUsagePresent,
		events.SeverityCritical) {
		t.Errorf("a NULL usage with minutes was not found: %v", Lines(got))
	}
	offense := append([]tables.TeamOffense(nil), d.offense...)
	offense[1].TeamMinutes = 250
	if got := TeamOffense(d.key, offense, d.teams); !hasRule(got, RuleTeamMinutes,
		events.SeverityCritical) {
		t.Errorf("team minutes of 250 were not found: %v", Lines(got))
	}
	defense := append([]tables.TeamDefense(nil), d.defense...)
	defense[0].OppPTS++
	if got := TeamDefense(d.key, defense, d.teams); !hasRule(got, RuleOpponentPoints,
		events.SeverityCritical) {
		t.Errorf("wrong opponent points were not found: %v", Lines(got))
	}
}

func hasRule(fs []events.Finding, rule string, sev events.Severity) bool {
	for _, f := range fs {
		if f.Rule == rule && f.Severity == sev {
			return true
		}
	}
	return false
}
