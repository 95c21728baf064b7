package rowrules

import (
	"testing"

	"github.com/tipoff-nba/tipoff/services/internal/tables"
)

func TestRealLookingGamePasses(t *testing.T) {
	players, teams := rawGame(testKey)
	off, def, pg := summaries(players, teams)

	reports := map[string]Report{
		"raw":          CheckRaw(testKey, players, teams),
		"team_offense": CheckTeamOffense(testKey, off),
		"team_defense": CheckTeamDefense(testKey, def),
		"player_games": CheckPlayerGames(testKey, pg),
	}
	wantChecked := map[string]int{"raw": 22, "team_offense": 2, "team_defense": 2,
		"player_games": 20}
	for name, r := range reports {
		if !r.Passed() || r.Err() != nil {
			t.Errorf("%s: fixture breaks rules: %+v", name, r.Results)
		}
		if r.Checked != wantChecked[name] {
			t.Errorf("%s: Checked = %d, want %d", name, r.Checked, wantChecked[name])
		}
	}
	checkUsageSums(t, pg)
}

// checkUsageSums proves the fixture is coherent: Σ(usage × minutes) ÷ (team minutes ÷ 5)
// is 100 for each team when the totals are the sums of the player rows.
func checkUsageSums(t *testing.T, pg []tables.PlayerGame) {
	t.Helper()
	sum := map[int64]float64{}
	teamMinutes := map[int64]float64{}
	for _, p := range pg {
		if p.UsageRate != nil {
			sum[p.TeamID] += *p.UsageRate * p.Minutes
		}
		teamMinutes[p.TeamID] = p.TeamMinutes
	}
	for team, s := range sum {
		if got := s / (teamMinutes[team] / 5); got < 99.999 || got > 100.001 {
			t.Errorf("team %d: usage sum %v, want 100", team, got)
		}
	}
}

func TestOvertimeGamePasses(t *testing.T) {
	players, teams := rawGame(testKey)
	// One overtime: 25 more team minutes, five of them for each starter. The first
	// starter now plays 41 of the 53 game minutes.
	for i := range players {
		if players[i].Starter {
			players[i].Seconds += 300
		}
	}
	for i := range teams {
		teams[i].Seconds += 1500
	}
	off, def, pg := summaries(players, teams)

	if r := CheckRaw(testKey, players, teams); !r.Passed() {
		t.Errorf("raw: %+v", r.Results)
	}
	if off[0].Overtimes != 1 || !CheckTeamOffense(testKey, off).Passed() {
		t.Errorf("offense: overtimes %d, %+v", off[0].Overtimes, CheckTeamOffense(testKey, off))
	}
	if r := CheckTeamDefense(testKey, def); !r.Passed() {
		t.Errorf("defense: %+v", r.Results)
	}
	if r := CheckPlayerGames(testKey, pg); !r.Passed() {
		t.Errorf("player games: %+v", r.Results)
	}
}

func TestEmptyBatchPasses(t *testing.T) {
	if r := CheckRaw(testKey, nil, nil); !r.Passed() || r.Checked != 0 {
		t.Errorf("empty raw batch: %+v", r)
	}
	if r := CheckPlayerGames(testKey, nil); !r.Passed() {
		t.Errorf("empty player batch: %+v", r)
	}
}

func TestExamplesCappedRowsCounted(t *testing.T) {
	players, teams := rawGame(testKey)
	for i := range 8 {
		players[i].Generation = 9
	}

	r := CheckRaw(testKey, players, teams)

	res := resultOf(t, r, "batch_key_match")
	if res.Rows != 8 || len(res.Examples) != MaxExamples {
		t.Errorf("Rows %d, %d examples; want 8 and %d", res.Rows, len(res.Examples), MaxExamples)
	}
}

func TestMergeSumsSameRule(t *testing.T) {
	players, teams := rawGame(testKey)
	players[0].PTS++
	teams[1].PTS++
	teams[1].Generation = 1

	r := CheckRaw(testKey, players, teams)

	if r.Rows("points_match_shots") != 2 || r.Rows("batch_key_match") != 1 {
		t.Errorf("merged report %+v", r.Results)
	}
	tablesSeen := map[string]bool{}
	for _, v := range resultOf(t, r, "points_match_shots").Examples {
		tablesSeen[v.Table] = true
	}
	if !tablesSeen[tables.GamebookPlayerStats] || !tablesSeen[tables.GamebookTeamStats] {
		t.Errorf("merged examples miss a table: %v", tablesSeen)
	}
	for i := 1; i < len(r.Results); i++ {
		if r.Results[i-1].Rule >= r.Results[i].Rule {
			t.Errorf("results not sorted by rule: %q before %q", r.Results[i-1].Rule,
				r.Results[i].Rule)
		}
	}
}
