package rowrules

import (
	"fmt"

	"github.com/tipoff-nba/tipoff/services/internal/tables"
)

// testKey is the date and generation of the fixture game.
var testKey = tables.Key{GameDate: "2026-01-22", Generation: 2}

const testGameID = "0022500716"

// line is one box-score player line: seconds, then FGM FGA 3PM 3PA FTM FTA OREB DREB
// AST STL BLK TOV PF PTS, then plus-minus.
type line struct {
	personID int64
	name     string
	seconds  float64
	stats    [14]int
	pm       float64
}

// bosLines and lalLines are a real-looking regulation game, BOS 105 LAL 100. Player time
// sums to 14,400 s (240 team minutes) per team; the last line of each is a DNP.
var bosLines = []line{
	{1628369, "Jayson Tatum", 2160, [14]int{10, 21, 4, 9, 6, 7, 1, 7, 5, 1, 0, 3, 2, 30}, 9},
	{1627759, "Jaylen Brown", 2072, [14]int{8, 17, 2, 6, 3, 4, 0, 5, 4, 2, 1, 2, 3, 21}, 6},
	{1628464, "Neemias Queta", 1985, [14]int{5, 9, 0, 1, 2, 2, 3, 8, 2, 0, 2, 1, 4, 12}, 4},
	{1629057, "Derrick White", 1870, [14]int{4, 10, 3, 7, 0, 0, 0, 3, 6, 1, 0, 2, 2, 11}, 7},
	{1630202, "Payton Pritchard", 1744, [14]int{3, 6, 0, 0, 1, 2, 2, 6, 1, 0, 1, 1, 3, 7}, 1},
	{1641717, "Anfernee Simons", 1450, [14]int{4, 9, 2, 5, 2, 2, 0, 2, 1, 1, 0, 1, 1, 12}, -2},
	{1630573, "Sam Hauser", 1300, [14]int{2, 5, 1, 3, 0, 0, 1, 3, 3, 0, 0, 0, 2, 5}, 3},
	{1631207, "Luka Garza", 1020, [14]int{1, 3, 0, 1, 2, 2, 1, 2, 0, 1, 0, 1, 1, 4}, -1},
	{1642383, "Hugo Gonzalez", 799, [14]int{1, 2, 1, 2, 0, 0, 0, 1, 0, 0, 0, 0, 0, 3}, -2},
	{1631217, "Jordan Walsh", 0, [14]int{}, 0},
}

var lalLines = []line{
	{1629029, "Luka Doncic", 2250, [14]int{11, 22, 2, 6, 8, 10, 1, 6, 8, 1, 1, 4, 2, 32}, -4},
	{2544, "LeBron James", 2100, [14]int{7, 15, 3, 8, 2, 2, 0, 4, 3, 1, 0, 2, 3, 19}, -6},
	{1631105, "Deandre Ayton", 1950, [14]int{6, 10, 0, 0, 1, 3, 4, 9, 1, 0, 3, 2, 4, 13}, -3},
	{1630559, "Austin Reaves", 1830, [14]int{3, 9, 2, 6, 2, 2, 0, 2, 2, 2, 0, 1, 2, 10}, -8},
	{1642355, "Dalton Knecht", 1620, [14]int{2, 5, 1, 4, 0, 0, 1, 3, 2, 0, 0, 1, 2, 5}, 2},
	{1627936, "Marcus Smart", 1500, [14]int{4, 8, 1, 3, 1, 2, 1, 2, 1, 0, 0, 1, 1, 10}, 1},
	{1629060, "Rui Hachimura", 1290, [14]int{2, 6, 1, 4, 2, 2, 0, 3, 2, 1, 0, 2, 3, 7}, -5},
	{1630182, "Jaxson Hayes", 1060, [14]int{1, 4, 0, 1, 0, 0, 1, 2, 0, 0, 1, 0, 2, 2}, 0},
	{1641998, "Bronny James", 800, [14]int{1, 2, 0, 0, 0, 0, 0, 1, 1, 0, 0, 1, 1, 2}, -2},
	{1642002, "Adou Thiero", 0, [14]int{}, 0},
}

type side struct {
	teamID  int64
	tricode string
	home    bool
	lines   []line
}

var (
	bos = side{1610612738, "BOS", true, bosLines}
	lal = side{1610612747, "LAL", false, lalLines}
)

func shooting(s [14]int) tables.Shooting {
	return tables.Shooting{FGM: s[0], FGA: s[1], FG3M: s[2], FG3A: s[3], FTM: s[4], FTA: s[5],
		OREB: s[6], DREB: s[7], REB: s[6] + s[7], AST: s[8], STL: s[9], BLK: s[10],
		TOV: s[11], PF: s[12], PTS: s[13]}
}

func addShooting(a, b tables.Shooting) tables.Shooting {
	return tables.Shooting{FGM: a.FGM + b.FGM, FGA: a.FGA + b.FGA, FG3M: a.FG3M + b.FG3M,
		FG3A: a.FG3A + b.FG3A, FTM: a.FTM + b.FTM, FTA: a.FTA + b.FTA, OREB: a.OREB + b.OREB,
		DREB: a.DREB + b.DREB, REB: a.REB + b.REB, AST: a.AST + b.AST, STL: a.STL + b.STL,
		BLK: a.BLK + b.BLK, TOV: a.TOV + b.TOV, PF: a.PF + b.PF, PTS: a.PTS + b.PTS}
}

// rawGame returns the fixture's raw rows: 20 player lines and 2 team totals.
func rawGame(key tables.Key) ([]tables.RawPlayer, []tables.RawTeam) {
	var players []tables.RawPlayer
	var teams []tables.RawTeam
	for _, pair := range [][2]side{{bos, lal}, {lal, bos}} {
		team, opp := pair[0], pair[1]
		total := tables.RawTeam{Key: key, GameID: testGameID, TeamID: team.teamID,
			TeamTricode: team.tricode, OpponentID: opp.teamID, Opponent: opp.tricode,
			Home: team.home, SourceFile: "boxscores/" + testGameID + ".json"}
		for i, l := range team.lines {
			p := tables.RawPlayer{Key: key, GameID: testGameID, TeamID: team.teamID,
				TeamTricode: team.tricode, OpponentID: opp.teamID, Opponent: opp.tricode,
				Home: team.home, PersonID: l.personID, PlayerName: l.name, Starter: i < 5,
				Played: l.seconds > 0, Seconds: l.seconds, Shooting: shooting(l.stats),
				PlusMinus: l.pm, SourceFile: total.SourceFile}
			if !p.Played {
				p.Comment = "DNP - Coach's Decision"
			}
			players = append(players, p)
			total.Seconds += l.seconds
			total.Shooting = addShooting(total.Shooting, p.Shooting)
		}
		total.PlusMinus = float64(teamPoints(team) - teamPoints(opp))
		teams = append(teams, total)
	}
	return players, teams
}

func teamPoints(s side) int {
	pts := 0
	for _, l := range s.lines {
		pts += l.stats[13]
	}
	return pts
}

func (l line) String() string { return fmt.Sprintf("%d %s", l.personID, l.name) }

type rawPlayerRow = tables.RawPlayer
