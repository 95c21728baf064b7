package analytics_test

import (
	"errors"
	"testing"

	"github.com/tipoff-nba/tipoff/services/internal/analytics"
	"github.com/tipoff-nba/tipoff/services/internal/tables"
)

func TestTeamOffenseRealRegulation(t *testing.T) {
	offense, _, _ := realSummaries(t, "2026-02-03")
	if len(offense) != 20 {
		t.Fatalf("%d offense rows for 2026-02-03, want 20 (10 games)", len(offense))
	}

	// 0022500716, DEN @ DET 121-124, from boxScoreTraditional.*.statistics:
	// DET FGM 43 FGA 94 3PM 12 FTA 30 OREB 12 TOV 9 PTS 124, minutes "240:00";
	// DEN FGA 83 FTA 43 OREB 12 TOV 10.
	det := offenseOf(t, offense, "0022500716", "DET")
	detPoss := 94 + 0.44*30 - 12 + 9
	denPoss := 83 + 0.44*43 - 12 + 10
	if det.TeamMinutes != 240 || det.Overtimes != 0 || !det.Home || det.Opponent != "DEN" {
		t.Errorf("DET minutes %v overtimes %d home %v opponent %s", det.TeamMinutes,
			det.Overtimes, det.Home, det.Opponent)
	}
	wantClose(t, "DET possessions", det.Possessions, detPoss)
	wantClose(t, "DET pace", det.Pace, 48*((detPoss+denPoss)/2)/(240.0/5))
	wantClose(t, "DET offensive rating", det.OffensiveRating, 100*124/detPoss)
	wantPtrClose(t, "DET eFG%", det.EffectiveFGPct, (43+0.5*12)/94)
	wantPtrClose(t, "DET TS%", det.TrueShootingPct, 124/(2*(94+0.44*30)))

	den := offenseOf(t, offense, "0022500716", "DEN")
	wantClose(t, "DEN pace equals DET pace", den.Pace, det.Pace)
}

func TestTeamDefenseRealRegulation(t *testing.T) {
	_, defense, _ := realSummaries(t, "2026-02-03")

	// DET's defence faces DEN: FGM 37 FGA 83 3PM 10 FTA 43 OREB 12 TOV 10 PTS 121.
	// DET's own DREB 31, STL 9, BLK 4.
	det := defenseOf(t, defense, "0022500716", "DET")
	denPoss := 83 + 0.44*43 - 12 + 10
	if det.OppPTS != 121 || det.OppFGA != 83 || det.OppFTA != 43 || det.OppOREB != 12 ||
		det.ForcedTOV != 10 || det.DREB != 31 || det.STL != 9 || det.BLK != 4 {
		t.Errorf("DET defense row = %+v", det)
	}
	wantClose(t, "DET opponent possessions", det.OppPossessions, denPoss)
	wantClose(t, "DET defensive rating", det.DefensiveRating, 100*121/denPoss)
	wantPtrClose(t, "DET opponent eFG%", det.OppEffectiveFGPct, (37+0.5*10)/83)
}

func TestTeamOffenseRealDoubleOvertime(t *testing.T) {
	offense, defense, _ := realSummaries(t, "2025-10-21")

	// 0022500001, HOU @ OKC 124-125 after two overtimes; team minutes "290:00".
	// OKC FGA 104 FTA 25 OREB 11 TOV 11; HOU FGA 97 FTA 31 OREB 16 TOV 22 (the game log's
	// 25 adds three team turnovers and is not used).
	okc := offenseOf(t, offense, "0022500001", "OKC")
	hou := offenseOf(t, offense, "0022500001", "HOU")
	okcPoss := 104 + 0.44*25 - 11 + 11
	houPoss := 97 + 0.44*31 - 16 + 22
	if okc.TeamMinutes != 290 || okc.Overtimes != 2 || hou.TOV != 22 {
		t.Errorf("OKC minutes %v overtimes %d, HOU TOV %d; want 290, 2, 22", okc.TeamMinutes,
			okc.Overtimes, hou.TOV)
	}
	wantClose(t, "OKC pace", okc.Pace, 48*((okcPoss+houPoss)/2)/(290.0/5))
	wantClose(t, "HOU offensive rating", hou.OffensiveRating, 100*124/houPoss)

	if d := defenseOf(t, defense, "0022500001", "OKC"); d.ForcedTOV != 22 || d.TeamMinutes != 290 {
		t.Errorf("OKC forced %d turnovers over %v minutes, want 22 over 290", d.ForcedTOV,
			d.TeamMinutes)
	}
}

// pairTeams is a valid regulation game of two teams.
func pairTeams() []tables.RawTeam {
	s := tables.Shooting{FGM: 40, FGA: 90, FTA: 20, OREB: 10, TOV: 12, PTS: 100}
	key := tables.Key{GameDate: "2026-01-02", Generation: 1}
	return []tables.RawTeam{
		{Key: key, GameID: "G1", TeamID: 1, OpponentID: 2, Home: true, Seconds: 14400, Shooting: s},
		{Key: key, GameID: "G1", TeamID: 2, OpponentID: 1, Seconds: 14400, Shooting: s},
	}
}

func TestTeamPairingErrors(t *testing.T) {
	tests := []struct {
		name   string
		mutate func([]tables.RawTeam) []tables.RawTeam
		target error
	}{
		{"one team", func(ts []tables.RawTeam) []tables.RawTeam { return ts[:1] },
			analytics.ErrGamePairing},
		{"three teams", func(ts []tables.RawTeam) []tables.RawTeam { return append(ts, ts[0]) },
			analytics.ErrGamePairing},
		{"wrong opponent", func(ts []tables.RawTeam) []tables.RawTeam {
			ts[1].OpponentID = 3
			return ts
		}, analytics.ErrGamePairing},
		{"both home", func(ts []tables.RawTeam) []tables.RawTeam {
			ts[1].Home = true
			return ts
		}, analytics.ErrGamePairing},
		{"other generation", func(ts []tables.RawTeam) []tables.RawTeam {
			ts[1].Generation = 2
			return ts
		}, analytics.ErrGamePairing},
		{"minutes differ", func(ts []tables.RawTeam) []tables.RawTeam {
			ts[1].Seconds = 15900
			return ts
		}, analytics.ErrTeamMinutes},
		{"not 240 + 25 per overtime", func(ts []tables.RawTeam) []tables.RawTeam {
			ts[0].Seconds, ts[1].Seconds = 239*60+58, 239*60+58
			return ts
		}, analytics.ErrTeamMinutes},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			teams := tt.mutate(pairTeams())
			if _, err := analytics.TeamOffense(teams); !errors.Is(err, tt.target) {
				t.Errorf("TeamOffense error = %v, want %v", err, tt.target)
			} else if want := "game G1"; !contains(err.Error(), want) {
				t.Errorf("TeamOffense error %q does not name %q", err, want)
			}
			if _, err := analytics.TeamDefense(teams); !errors.Is(err, tt.target) {
				t.Errorf("TeamDefense error = %v, want %v", err, tt.target)
			}
		})
	}
}
