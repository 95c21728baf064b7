package season

import (
	"fmt"
	"math"
	"strconv"
)

// The types below mirror a boxscoretraditionalv3 response field for field and in the same
// order, so a synthetic file reads like a real one. See shared/data/nba/README.md.

type boxScoreFile struct {
	Meta                meta     `json:"meta"`
	BoxScoreTraditional boxScore `json:"boxScoreTraditional"`
}

type meta struct {
	Version int    `json:"version"`
	Request string `json:"request"`
	// Time is when the response was fetched, never the game date.
	Time string `json:"time"`
}

type boxScore struct {
	GameID     string `json:"gameId"`
	AwayTeamID int64  `json:"awayTeamId"`
	HomeTeamID int64  `json:"homeTeamId"`
	HomeTeam   team   `json:"homeTeam"`
	AwayTeam   team   `json:"awayTeam"`
}

type team struct {
	TeamID      int64      `json:"teamId"`
	TeamCity    string     `json:"teamCity"`
	TeamName    string     `json:"teamName"`
	TeamTricode string     `json:"teamTricode"`
	TeamSlug    string     `json:"teamSlug"`
	Players     []player   `json:"players"`
	Statistics  statistics `json:"statistics"`
	Starters    statistics `json:"starters"`
	Bench       statistics `json:"bench"`
}

type player struct {
	PersonID   int64      `json:"personId"`
	FirstName  string     `json:"firstName"`
	FamilyName string     `json:"familyName"`
	NameI      string     `json:"nameI"`
	PlayerSlug string     `json:"playerSlug"`
	Position   string     `json:"position"`
	Comment    string     `json:"comment"`
	JerseyNum  string     `json:"jerseyNum"`
	Statistics statistics `json:"statistics"`
}

// statistics is a player's line, a team's totals or a starters/bench subtotal. Subtotals
// have no plusMinusPoints.
type statistics struct {
	Minutes                 string   `json:"minutes"`
	FieldGoalsMade          int      `json:"fieldGoalsMade"`
	FieldGoalsAttempted     int      `json:"fieldGoalsAttempted"`
	FieldGoalsPercentage    pyFloat  `json:"fieldGoalsPercentage"`
	ThreePointersMade       int      `json:"threePointersMade"`
	ThreePointersAttempted  int      `json:"threePointersAttempted"`
	ThreePointersPercentage pyFloat  `json:"threePointersPercentage"`
	FreeThrowsMade          int      `json:"freeThrowsMade"`
	FreeThrowsAttempted     int      `json:"freeThrowsAttempted"`
	FreeThrowsPercentage    pyFloat  `json:"freeThrowsPercentage"`
	ReboundsOffensive       int      `json:"reboundsOffensive"`
	ReboundsDefensive       int      `json:"reboundsDefensive"`
	ReboundsTotal           int      `json:"reboundsTotal"`
	Assists                 int      `json:"assists"`
	Steals                  int      `json:"steals"`
	Blocks                  int      `json:"blocks"`
	Turnovers               int      `json:"turnovers"`
	FoulsPersonal           int      `json:"foulsPersonal"`
	Points                  int      `json:"points"`
	PlusMinusPoints         *pyFloat `json:"plusMinusPoints,omitempty"`
}

// pyFloat is written the way NBA.com's files (Python's json) write floats: always with a
// fraction, "9.0" rather than Go's "9".
type pyFloat float64

// MarshalJSON writes f with at least one decimal.
func (f pyFloat) MarshalJSON() ([]byte, error) {
	v := float64(f)
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return nil, fmt.Errorf("season: %v is not a JSON number", v)
	}
	if v == math.Trunc(v) {
		return []byte(strconv.FormatFloat(v, 'f', 1, 64)), nil
	}
	return []byte(strconv.FormatFloat(v, 'f', -1, 64)), nil
}

// counts are the counting stats of one line and its time in whole seconds.
type counts struct {
	Seconds                        int
	FGM, FGA, FG3M, FG3A, FTM, FTA int
	OREB, DREB, AST, STL, BLK      int
	TOV, PF                        int
}

func (c counts) points() int { return 2*c.FGM + c.FG3M + c.FTM }

func (c counts) add(o counts) counts {
	return counts{
		Seconds: c.Seconds + o.Seconds,
		FGM:     c.FGM + o.FGM, FGA: c.FGA + o.FGA, FG3M: c.FG3M + o.FG3M,
		FG3A: c.FG3A + o.FG3A, FTM: c.FTM + o.FTM, FTA: c.FTA + o.FTA,
		OREB: c.OREB + o.OREB, DREB: c.DREB + o.DREB, AST: c.AST + o.AST,
		STL: c.STL + o.STL, BLK: c.BLK + o.BLK, TOV: c.TOV + o.TOV, PF: c.PF + o.PF,
	}
}

// statistics writes c as a statistics object; minutes is the already formatted time.
func (c counts) statistics(minutes string) statistics {
	return statistics{
		Minutes:        minutes,
		FieldGoalsMade: c.FGM, FieldGoalsAttempted: c.FGA, FieldGoalsPercentage: pct(c.FGM, c.FGA),
		ThreePointersMade: c.FG3M, ThreePointersAttempted: c.FG3A,
		ThreePointersPercentage: pct(c.FG3M, c.FG3A),
		FreeThrowsMade:          c.FTM, FreeThrowsAttempted: c.FTA,
		FreeThrowsPercentage: pct(c.FTM, c.FTA),
		ReboundsOffensive:    c.OREB, ReboundsDefensive: c.DREB, ReboundsTotal: c.OREB + c.DREB,
		Assists: c.AST, Steals: c.STL, Blocks: c.BLK, Turnovers: c.TOV, FoulsPersonal: c.PF,
		Points: c.points(),
	}
}

// pct is made/attempted rounded to three decimals, 0.0 without attempts.
func pct(made, attempted int) pyFloat {
	if attempted == 0 {
		return 0
	}
	return pyFloat(math.Round(1000*float64(made)/float64(attempted)) / 1000)
}

// clock writes whole seconds as M:SS ("38:07", "240:00").
func clock(seconds int) string {
	return fmt.Sprintf("%d:%02d", seconds/60, seconds%60)
}
