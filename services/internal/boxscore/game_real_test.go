package boxscore_test

import (
	"testing"

	"github.com/tipoff-nba/tipoff/services/internal/boxscore"
)

// findPlayer returns the player with personID on either side of g.
func findPlayer(t *testing.T, g boxscore.Game, personID int64) boxscore.Player {
	t.Helper()
	for _, team := range []boxscore.Team{g.Home, g.Away} {
		for _, p := range team.Players {
			if p.PersonID == personID {
				return p
			}
		}
	}
	t.Fatalf("game %s: no player %d", g.GameID, personID)
	return boxscore.Player{}
}

func TestParseGameRealRegulation(t *testing.T) {
	g := realGame(t, "0022500716")

	// DEN @ DET, 121-124. Team lines as the file gives them.
	if g.Home.Tricode != "DET" || g.Away.Tricode != "DEN" {
		t.Errorf("home %s away %s, want DET and DEN", g.Home.Tricode, g.Away.Tricode)
	}
	if got, want := g.Home.Minutes.Seconds, 240.0*60; got != want {
		t.Errorf("DET team seconds = %v, want %v (\"240:00\")", got, want)
	}
	det := g.Home.Totals
	if det.FGA != 94 || det.FTA != 30 || det.TOV != 9 || det.PTS != 124 {
		t.Errorf("DET totals FGA %d FTA %d TOV %d PTS %d, want 94 30 9 124",
			det.FGA, det.FTA, det.TOV, det.PTS)
	}

	cade := findPlayer(t, g, 1630595) // Cade Cunningham, "38:07"
	if got, want := cade.Minutes.Seconds, 38.0*60+7; got != want || !cade.Starter() {
		t.Errorf("Cunningham seconds = %v starter %v, want %v and a starter", got,
			cade.Starter(), want)
	}
	nnaji := findPlayer(t, g, 1630192) // Zeke Nnaji, "0:35", one foul, nothing else
	if nnaji.Minutes.Seconds != 35 || nnaji.Stats.FGA != 0 || nnaji.Stats.PF != 1 {
		t.Errorf("Nnaji = %+v", nnaji)
	}
	reed := findPlayer(t, g, 1630194) // Paul Reed, DNP
	if reed.Minutes.Present || reed.Comment != "DNP - Coach's Decision" {
		t.Errorf("Reed minutes %+v comment %q, want none and the DNP comment",
			reed.Minutes, reed.Comment)
	}
}

func TestParseGameRealDoubleOvertime(t *testing.T) {
	g := realGame(t, "0022500001")
	for _, team := range []boxscore.Team{g.Home, g.Away} {
		if got, want := team.Minutes.Seconds, 290.0*60; got != want {
			t.Errorf("%s team seconds = %v, want %v (\"290:00\", two overtimes)",
				team.Tricode, got, want)
		}
	}
	// The box score's HOU turnovers are the players' sum, 22; the game log says 25.
	if g.Away.Tricode != "HOU" || g.Away.Totals.TOV != 22 {
		t.Errorf("away %s TOV %d, want HOU 22", g.Away.Tricode, g.Away.Totals.TOV)
	}
}

func TestParseGameRealSixtySeconds(t *testing.T) {
	// README quirk 4: six players are listed with "NN:60", read as (NN+1):00.
	tests := []struct {
		gameID   string
		personID int64
		minutes  float64
	}{
		{"0022500721", 1629674, 27 + 1}, // N. Queta, BOS, "27:60"
		{"0022500664", 1642364, 11 + 1}, // J. Watkins, WAS, "11:60"
		{"0022500669", 1630692, 28 + 1}, // J. Goodwin, PHX, "28:60"
		{"0022500686", 1631119, 26 + 1}, // J. Williams, OKC, "26:60"
		{"0022500701", 1631108, 31 + 1}, // M. Christie, DAL, "31:60"
		{"0022500708", 1629060, 28 + 1}, // R. Hachimura, LAL, "28:60"
	}
	for _, tt := range tests {
		p := findPlayer(t, realGame(t, tt.gameID), tt.personID)
		if got := p.Minutes.Minutes(); got != tt.minutes {
			t.Errorf("game %s player %d minutes = %v, want %v", tt.gameID, tt.personID, got,
				tt.minutes)
		}
	}
}
