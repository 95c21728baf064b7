package analytics_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/tipoff-nba/tipoff/services/internal/analytics"
	"github.com/tipoff-nba/tipoff/services/internal/tables"
)

// contains is strings.Contains, named for the tests' reading.
func contains(s, sub string) bool { return strings.Contains(s, sub) }

func TestPlayerGamesRealRegulation(t *testing.T) {
	_, _, rows := realSummaries(t, "2026-02-03")

	// 0022500716, Cade Cunningham (DET): "38:07", FGA 19, FTA 11, TOV 5.
	// DET team: FGA 94, FTA 30, TOV 9, minutes "240:00".
	cade := playerOf(t, rows, "0022500716", 1630595)
	minutes := 38 + 7.0/60
	wantClose(t, "Cunningham minutes", cade.Minutes, minutes)
	wantPtrClose(t, "Cunningham usage", cade.UsageRate,
		100*(19+0.44*11+5)*(240.0/5)/(minutes*(94+0.44*30+9)))
	wantPtrClose(t, "Cunningham TS%", cade.TrueShootingPct, 29/(2*(19+0.44*11)))
	if !cade.Starter || !cade.Played || cade.TeamMinutes != 240 || cade.Opponent != "DEN" {
		t.Errorf("Cunningham row = %+v", cade)
	}
}

func TestPlayerGamesRealDoubleOvertime(t *testing.T) {
	_, _, rows := realSummaries(t, "2025-10-21")

	// 0022500001, Shai Gilgeous-Alexander (OKC): "47:13", FGA 26, FTA 14, TOV 3.
	// OKC team: FGA 104, FTA 25, TOV 11, minutes "290:00" (two overtimes).
	sga := playerOf(t, rows, "0022500001", 1628983)
	minutes := 47 + 13.0/60
	wantPtrClose(t, "Gilgeous-Alexander usage", sga.UsageRate,
		100*(26+0.44*14+3)*(290.0/5)/(minutes*(104+0.44*25+11)))
	if sga.TeamMinutes != 290 {
		t.Errorf("TeamMinutes = %v, want 290", sga.TeamMinutes)
	}

	// Alperen Sengun (HOU): "48:53", FGA 24, FTA 11, TOV 4. HOU team: FGA 97, FTA 31 and
	// the box score's TOV 22, not the game log's 25.
	sengun := playerOf(t, rows, "0022500001", 1630578)
	wantPtrClose(t, "Sengun usage", sengun.UsageRate,
		100*(24+0.44*11+4)*(290.0/5)/((48+53.0/60)*(97+0.44*31+22)))

	// Chris Youngblood (OKC): "0:06" with no stats: usage 0, not NULL.
	yb := playerOf(t, rows, "0022500001", 1642959)
	if yb.UsageRate == nil || *yb.UsageRate != 0 || !closeTo(yb.Minutes, 6.0/60) {
		t.Errorf("Youngblood minutes %v usage %v, want 0.1 and 0", yb.Minutes, yb.UsageRate)
	}
}

func TestPlayerGamesRealSixtySeconds(t *testing.T) {
	_, _, rows := realSummaries(t, "2026-02-03")

	// 0022500721, Neemias Queta (BOS): "27:60", read as 28:00; FGA 6, FTA 0, TOV 1.
	// BOS team: FGA 96, FTA 5, TOV 9, minutes "240:00".
	queta := playerOf(t, rows, "0022500721", 1629674)
	if queta.Minutes != 28 {
		t.Errorf("Queta minutes = %v, want 28", queta.Minutes)
	}
	wantPtrClose(t, "Queta usage", queta.UsageRate,
		100*(6+0.44*0+1)*(240.0/5)/(28*(96+0.44*5+9)))
}

func TestPlayerGamesRealNoAttempts(t *testing.T) {
	_, _, rows := realSummaries(t, "2026-02-03")

	// 0022500716, Zeke Nnaji (DEN): "0:35" with one personal foul and nothing else.
	nnaji := playerOf(t, rows, "0022500716", 1630192)
	if nnaji.UsageRate == nil || *nnaji.UsageRate != 0 {
		t.Errorf("Nnaji usage = %v, want exactly 0", nnaji.UsageRate)
	}
	if nnaji.TrueShootingPct != nil || !closeTo(nnaji.Minutes, 35.0/60) || nnaji.PF != 1 {
		t.Errorf("Nnaji row = %+v", nnaji)
	}
}

func TestPlayerGamesRealDidNotPlay(t *testing.T) {
	_, _, rows := realSummaries(t, "2026-02-03")

	// 0022500716, Paul Reed (DET) and Hunter Tyson (DEN): "DNP - Coach's Decision".
	for _, id := range []int64{1630194, 1641816} {
		r := playerOf(t, rows, "0022500716", id)
		if r.Played || r.Minutes != 0 || r.UsageRate != nil || r.TrueShootingPct != nil ||
			r.DNPReason != "DNP - Coach's Decision" {
			t.Errorf("DNP row = %+v", r)
		}
	}
	dnp := 0
	for _, r := range rows {
		if !r.Played {
			dnp++
		}
	}
	if dnp == 0 {
		t.Errorf("no DNP rows on 2026-02-03")
	}
}

// pairPlayer is a player of team 1 in pairTeams' game.
func pairPlayer(seconds float64, s tables.Shooting) tables.RawPlayer {
	return tables.RawPlayer{
		Key: pairTeams()[0].Key, GameID: "G1", TeamID: 1, OpponentID: 2, PersonID: 101,
		PlayerName: "A Player", Played: true, Seconds: seconds, Shooting: s,
	}
}

func TestPlayerGamesZeroSeconds(t *testing.T) {
	offense, err := analytics.TeamOffense(pairTeams())
	if err != nil {
		t.Fatal(err)
	}
	// Listed with "0:00": played, no usage, not an error.
	rows, err := analytics.PlayerGames([]tables.RawPlayer{pairPlayer(0, tables.Shooting{})},
		offense)
	if err != nil {
		t.Fatalf("PlayerGames: %v", err)
	}
	if !rows[0].Played || rows[0].UsageRate != nil || rows[0].DNPReason != "" {
		t.Errorf("0:00 row = %+v", rows[0])
	}
}

func TestPlayerGamesErrors(t *testing.T) {
	offense, err := analytics.TeamOffense(pairTeams())
	if err != nil {
		t.Fatal(err)
	}
	played := pairPlayer(600, tables.Shooting{FGA: 5})

	otherGen := played
	otherGen.Generation = 2
	otherTeam := played
	otherTeam.TeamID = 3
	ghost := played
	ghost.Played = false
	negative := played
	negative.Seconds = -5

	noUsage := append([]tables.TeamOffense(nil), offense...)
	noUsage[0].FGA, noUsage[0].FTA, noUsage[0].TOV = 0, 0, 0

	tests := []struct {
		name    string
		players []tables.RawPlayer
		offense []tables.TeamOffense
		target  error
	}{
		{"no team totals", []tables.RawPlayer{played}, nil, analytics.ErrMissingTeamTotals},
		{"other team", []tables.RawPlayer{otherTeam}, offense, analytics.ErrMissingTeamTotals},
		{"other generation", []tables.RawPlayer{otherGen}, offense,
			analytics.ErrMissingTeamTotals},
		{"zero team denominator", []tables.RawPlayer{played}, noUsage, analytics.ErrNoTeamUsage},
		{"time without Played", []tables.RawPlayer{ghost}, offense, analytics.ErrInvalidPlayerRow},
		{"negative time", []tables.RawPlayer{negative}, offense, analytics.ErrInvalidPlayerRow},
		{"listed twice", []tables.RawPlayer{played, played}, offense,
			analytics.ErrInvalidPlayerRow},
		{"two offense rows", []tables.RawPlayer{played}, append(offense, offense[0]),
			analytics.ErrGamePairing},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows, err := analytics.PlayerGames(tt.players, tt.offense)
			if !errors.Is(err, tt.target) {
				t.Fatalf("error = %v, want %v", err, tt.target)
			}
			if rows != nil || !contains(err.Error(), "analytics: game G1") {
				t.Errorf("rows %v, error %q: want no rows and an error naming game G1", rows, err)
			}
		})
	}
}
