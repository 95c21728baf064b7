package boxscore_test

import (
	"testing"

	"github.com/tipoff-nba/tipoff/services/internal/boxscore"
	"github.com/tipoff-nba/tipoff/services/internal/tables"
)

func TestRowsReal(t *testing.T) {
	g := realGame(t, "0022500716")
	key := tables.Key{GameDate: "2026-02-03", Generation: 3}
	rel := "boxscoretraditionalv3/2026/0022500716.json"
	players, teams := boxscore.Rows(g, key, rel)

	if len(teams) != 2 || len(players) != 12+12 {
		t.Fatalf("%d team rows and %d player rows, want 2 and 24", len(teams), len(players))
	}
	det := teams[0]
	if det.TeamTricode != "DET" || !det.Home || det.Opponent != "DEN" ||
		det.OpponentID != 1610612743 || det.Seconds != 240*60 || det.FGA != 94 ||
		det.PTS != 124 || det.Key != key || det.SourceFile != rel || det.GameID != g.GameID {
		t.Errorf("DET row = %+v", det)
	}

	byPerson := map[int64]tables.RawPlayer{}
	for _, p := range players {
		byPerson[p.PersonID] = p
	}
	nnaji := byPerson[1630192]
	if !nnaji.Played || nnaji.Seconds != 35 || nnaji.TeamTricode != "DEN" || nnaji.Home ||
		nnaji.Opponent != "DET" || nnaji.PlayerName != "Zeke Nnaji" || nnaji.Starter {
		t.Errorf("Nnaji row = %+v", nnaji)
	}
	reed := byPerson[1630194]
	if reed.Played || reed.Seconds != 0 || reed.Comment != "DNP - Coach's Decision" {
		t.Errorf("Reed row = %+v", reed)
	}
	jokic := byPerson[203999]
	if !jokic.Starter || jokic.PlayerName != "Nikola Joki\u0107" || jokic.Key != key {
		t.Errorf("Jokic row = %+v", jokic)
	}
}

func TestLoadAllRealCounts(t *testing.T) {
	inv := realInventory(t)

	var players, notPlayed, starters, teams int
	comments := map[string]int{}
	for _, d := range inv.Dates {
		p, tm, err := boxscore.LoadDate(inv, tables.Key{GameDate: d.Date, Generation: 1})
		if err != nil {
			t.Fatalf("LoadDate(%s): %v", d.Date, err)
		}
		teams += len(tm)
		for _, row := range p {
			players++
			if !row.Played {
				notPlayed++
				comments[row.Comment]++
			}
			if row.Starter {
				starters++
			}
		}
	}

	// README "Totals over all 64 box scores".
	if players != 1670 || notPlayed != 279 || starters != 640 || teams != 128 {
		t.Errorf("%d player rows (%d not played, %d starters), %d team rows; "+
			"want 1670 (279, 640), 128", players, notPlayed, starters, teams)
	}
	// README quirk 2: the comment is kept verbatim, underscore spelling included.
	if comments["DNP - Coach's Decision"] != 204 || comments["DND_LEAGUE_SUSPENSION"] != 1 {
		t.Errorf("comments = %v", comments)
	}
}

func TestLoadDateRealOvertime(t *testing.T) {
	inv := realInventory(t)
	_, teams, err := boxscore.LoadDate(inv, tables.Key{GameDate: "2025-10-21", Generation: 1})
	if err != nil {
		t.Fatalf("LoadDate: %v", err)
	}
	for _, team := range teams {
		if team.Seconds != 290*60 {
			t.Errorf("%s seconds = %v, want %v (\"290:00\")", team.TeamTricode, team.Seconds,
				290*60)
		}
	}
	if _, _, err := boxscore.LoadDate(inv, tables.Key{GameDate: "2026-02-04"}); err == nil {
		t.Errorf("LoadDate(2026-02-04) = no error, want one: the date has no box score")
	}
}
