package season

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"sort"
	"strings"
)

// ErrGameLog is wrapped by every error about the game log read as the template.
var ErrGameLog = errors.New("season: unusable game log")

// TeamLine is one team's row of the league game log: its totals in one game.
type TeamLine struct {
	TeamID   int64
	Tricode  string
	TeamName string
	Matchup  string
	// Minutes is the log's MIN: team player minutes, 240 plus 25 per overtime.
	Minutes                        int
	FGM, FGA, FG3M, FG3A, FTM, FTA int
	OREB, DREB, REB, AST, STL, BLK int
	TOV, PF, PTS                   int
	PlusMinus                      int
}

// Game is one game of the log: its id, date and two team lines, away first.
type Game struct {
	GameID string
	// Date is GAME_DATE, YYYY-MM-DD.
	Date       string
	Away, Home TeamLine
}

// logColumns are the game log headers read, located by name.
var logColumns = []string{"GAME_ID", "GAME_DATE", "TEAM_ID", "TEAM_ABBREVIATION", "TEAM_NAME",
	"MATCHUP", "MIN", "FGM", "FGA", "FG3M", "FG3A", "FTM", "FTA", "OREB", "DREB", "REB", "AST",
	"STL", "BLK", "TOV", "PF", "PTS", "PLUS_MINUS"}

// ReadGameLog reads a leaguegamelog file (team mode) and returns its games sorted by date,
// then game id. Every game must have two team rows.
func ReadGameLog(path string) ([]Game, error) {
	body, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("season: read game log: %w", err)
	}
	var doc struct {
		ResultSets []struct {
			Headers []string `json:"headers"`
			RowSet  [][]any  `json:"rowSet"`
		} `json:"resultSets"`
	}
	if err := json.Unmarshal(body, &doc); err != nil {
		return nil, fmt.Errorf("%w: %s: %w", ErrGameLog, path, err)
	}
	if len(doc.ResultSets) == 0 || len(doc.ResultSets[0].RowSet) == 0 {
		return nil, fmt.Errorf("%w: %s has no rows", ErrGameLog, path)
	}
	set := doc.ResultSets[0]
	col := make(map[string]int, len(set.Headers))
	for i, h := range set.Headers {
		col[h] = i
	}
	for _, name := range logColumns {
		if _, ok := col[name]; !ok {
			return nil, fmt.Errorf("%w: %s lacks column %s", ErrGameLog, path, name)
		}
	}
	return groupGames(path, set.RowSet, col)
}

// groupGames pairs the team rows of each game.
func groupGames(path string, rows [][]any, col map[string]int) ([]Game, error) {
	lines := make(map[string][]TeamLine)
	dates := make(map[string]string)
	for i, row := range rows {
		r := logRow{row: row, col: col}
		line := r.line()
		id, date := r.str("GAME_ID"), r.str("GAME_DATE")
		if r.err != nil {
			return nil, fmt.Errorf("%w: %s row %d: %w", ErrGameLog, path, i, r.err)
		}
		if prev, ok := dates[id]; ok && prev != date {
			return nil, fmt.Errorf("%w: game %s is dated %s and %s", ErrGameLog, id, prev, date)
		}
		dates[id] = date
		lines[id] = append(lines[id], line)
	}
	games := make([]Game, 0, len(lines))
	for id, ls := range lines {
		if len(ls) != 2 {
			return nil, fmt.Errorf("%w: game %s has %d team rows, want 2", ErrGameLog, id, len(ls))
		}
		away, home := ls[0], ls[1]
		// "OKC vs. HOU" is the home row; a neutral-site game has "@" on both rows and keeps
		// log order.
		if strings.Contains(away.Matchup, " vs. ") {
			away, home = home, away
		}
		games = append(games, Game{GameID: id, Date: dates[id], Away: away, Home: home})
	}
	sort.Slice(games, func(i, j int) bool {
		if games[i].Date != games[j].Date {
			return games[i].Date < games[j].Date
		}
		return games[i].GameID < games[j].GameID
	})
	return games, nil
}

// logRow reads typed cells of one row and keeps the first error.
type logRow struct {
	row []any
	col map[string]int
	err error
}

func (r *logRow) cell(name string) any {
	i := r.col[name]
	if i >= len(r.row) {
		r.setErr(fmt.Errorf("no cell %s", name))
		return nil
	}
	return r.row[i]
}

func (r *logRow) str(name string) string {
	s, ok := r.cell(name).(string)
	if !ok {
		r.setErr(fmt.Errorf("%s is not a string", name))
	}
	return s
}

func (r *logRow) num(name string) int {
	f, ok := r.cell(name).(float64)
	if !ok || f != float64(int64(f)) {
		r.setErr(fmt.Errorf("%s is not a whole number", name))
	}
	return int(f)
}

func (r *logRow) setErr(err error) {
	if r.err == nil {
		r.err = err
	}
}

func (r *logRow) line() TeamLine {
	return TeamLine{
		TeamID: int64(r.num("TEAM_ID")), Tricode: r.str("TEAM_ABBREVIATION"),
		TeamName: r.str("TEAM_NAME"), Matchup: r.str("MATCHUP"), Minutes: r.num("MIN"),
		FGM: r.num("FGM"), FGA: r.num("FGA"), FG3M: r.num("FG3M"), FG3A: r.num("FG3A"),
		FTM: r.num("FTM"), FTA: r.num("FTA"), OREB: r.num("OREB"), DREB: r.num("DREB"),
		REB: r.num("REB"), AST: r.num("AST"), STL: r.num("STL"), BLK: r.num("BLK"),
		TOV: r.num("TOV"), PF: r.num("PF"), PTS: r.num("PTS"), PlusMinus: r.num("PLUS_MINUS"),
	}
}
