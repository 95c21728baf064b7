package boxscore

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// gameLogColumns are the leaguegamelog headers the reader needs, found by name.
var gameLogColumns = []string{
	"GAME_ID", "GAME_DATE", "TEAM_ID", "TEAM_ABBREVIATION", "MATCHUP", "MIN", "PTS", "TOV",
}

// errBadDate is the reason given for a GAME_DATE that is not YYYY-MM-DD.
var errBadDate = errors.New("want a date as YYYY-MM-DD")

// ReadGameLog parses a leaguegamelog response (team mode). The rows are
// resultSets[0].rowSet and their columns are located by name in resultSets[0].headers, so
// a reordered or extended header still reads. path names the file in errors; body is its
// content.
//
// Every value used is checked, and every game must have exactly two team rows with one
// date. An empty rowSet is an error: NBA.com has served one for a season that had games.
func ReadGameLog(path string, body []byte) (GameLog, error) {
	root, err := decodeRoot(path, body)
	if err != nil {
		return GameLog{}, err
	}
	sets, err := root.objects("resultSets")
	if err != nil {
		return GameLog{}, err
	}
	if len(sets) == 0 {
		return GameLog{}, fieldErr(path, "resultSets", "[]", errors.New("no result set"))
	}

	layout, err := headerLayout(sets[0])
	if err != nil {
		return GameLog{}, err
	}
	rows, err := sets[0].array("rowSet")
	if err != nil {
		return GameLog{}, err
	}
	if len(rows) == 0 {
		return GameLog{}, fieldErr(path, "resultSets[0].rowSet", "[]",
			errors.New("the game log has no rows"))
	}
	return logFromRows(path, layout, rows)
}

// logLayout is where the needed columns are in a row, and how many cells a row has.
type logLayout struct {
	cols  map[string]int
	width int
}

// headerLayout locates each needed column by name in the headers.
func headerLayout(set jsonObject) (logLayout, error) {
	headers, err := set.array("headers")
	if err != nil {
		return logLayout{}, err
	}
	cols := make(map[string]int, len(headers))
	for i, raw := range headers {
		name, err := asString(set.file, fmt.Sprintf("%s[%d]", set.fieldPath("headers"), i), raw)
		if err != nil {
			return logLayout{}, err
		}
		cols[name] = i
	}
	for _, name := range gameLogColumns {
		if _, ok := cols[name]; !ok {
			return logLayout{}, fieldErr(set.file, set.fieldPath("headers")+"."+name, "",
				ErrFieldMissing)
		}
	}
	return logLayout{cols: cols, width: len(headers)}, nil
}

// logFromRows reads every row and groups them by game.
func logFromRows(path string, layout logLayout, rows []json.RawMessage) (GameLog, error) {
	log := GameLog{games: make(map[string]LoggedGame)}
	firstRow := make(map[string]int)
	for i, raw := range rows {
		r, err := readLogRow(path, i, layout, raw)
		if err != nil {
			return GameLog{}, err
		}
		if err := log.addRow(path, r); err != nil {
			return GameLog{}, err
		}
		if _, ok := firstRow[r.gameID]; !ok {
			firstRow[r.gameID] = i
		}
	}

	for id, g := range log.games {
		if len(g.Teams) != 2 {
			field := fmt.Sprintf("resultSets[0].rowSet[%d].GAME_ID", firstRow[id])
			reason := fmt.Errorf("%w: found %d", errGameRows, len(g.Teams))
			return GameLog{}, fieldErr(path, field, id, reason)
		}
	}
	return log, nil
}

// addRow adds one team row to its game.
func (l *GameLog) addRow(path string, r logRow) error {
	g, ok := l.games[r.gameID]
	if !ok {
		g = LoggedGame{GameID: r.gameID, Date: r.date, Source: path}
	}
	field := func(col string) string { return fmt.Sprintf("%s.%s", r.path, col) }

	if g.Date != r.date {
		reason := fmt.Errorf("another row of game %s says %s", r.gameID, g.Date)
		return fieldErr(path, field("GAME_DATE"), r.date, reason)
	}
	if len(g.Teams) == 2 {
		reason := fmt.Errorf("%w: game %s has a third", errGameRows, r.gameID)
		return fieldErr(path, field("GAME_ID"), r.gameID, reason)
	}
	for _, t := range g.Teams {
		if t.TeamID == r.team.TeamID {
			reason := fmt.Errorf("%w: team listed twice in game %s", errGameRows, r.gameID)
			return fieldErr(path, field("TEAM_ID"), fmt.Sprint(r.team.TeamID), reason)
		}
	}

	g.Teams = append(g.Teams, r.team)
	l.games[r.gameID] = g
	return nil
}

// logRow is one validated row of the game log.
type logRow struct {
	path   string // JSON path of the row, for errors
	gameID string
	date   string
	team   LoggedTeam
}

// logCells is one row of the game log with its columns located by name.
type logCells struct {
	file  string
	path  string
	cols  map[string]int
	cells []json.RawMessage
}

// field is the path of a column's cell, e.g. "resultSets[0].rowSet[17].GAME_ID".
func (c logCells) field(col string) string {
	return c.path + "." + col
}

// str reads a column as a string.
func (c logCells) str(col string) (string, error) {
	return asString(c.file, c.field(col), c.cells[c.cols[col]])
}

// int reads a column as an integer at least min.
func (c logCells) int(col string, min int64) (int64, error) {
	return asInt(c.file, c.field(col), c.cells[c.cols[col]], min)
}

// readLogRow reads the needed cells of row i.
func readLogRow(path string, i int, layout logLayout, raw json.RawMessage) (logRow, error) {
	r := logRow{path: fmt.Sprintf("resultSets[0].rowSet[%d]", i)}
	cells, err := asArray(path, r.path, raw)
	if err != nil {
		return logRow{}, err
	}
	if len(cells) != layout.width {
		reason := fmt.Errorf("row has %d cells, the headers %d", len(cells), layout.width)
		return logRow{}, fieldErr(path, r.path, valueText(raw), reason)
	}
	c := logCells{file: path, path: r.path, cols: layout.cols, cells: cells}

	if r.gameID, err = c.str("GAME_ID"); err != nil {
		return logRow{}, err
	}
	if !gameIDPattern.MatchString(r.gameID) {
		return logRow{}, fieldErr(path, c.field("GAME_ID"), r.gameID, errBadGameID)
	}
	if r.date, err = c.str("GAME_DATE"); err != nil {
		return logRow{}, err
	}
	if _, perr := time.Parse(time.DateOnly, r.date); perr != nil {
		return logRow{}, fieldErr(path, c.field("GAME_DATE"), r.date, errBadDate)
	}

	r.team, err = readLogTeam(c)
	return r, err
}

// readLogTeam reads a row's team cells.
func readLogTeam(c logCells) (LoggedTeam, error) {
	var t LoggedTeam
	var err error
	if t.TeamID, err = c.int("TEAM_ID", 1); err != nil {
		return LoggedTeam{}, err
	}
	if t.Tricode, err = c.str("TEAM_ABBREVIATION"); err != nil {
		return LoggedTeam{}, err
	}
	if !tricodePattern.MatchString(t.Tricode) {
		return LoggedTeam{}, fieldErr(c.file, c.field("TEAM_ABBREVIATION"), t.Tricode,
			errors.New("want three capital letters"))
	}
	if t.Matchup, err = c.str("MATCHUP"); err != nil {
		return LoggedTeam{}, err
	}

	counts := []struct {
		col string
		dst *int
	}{{"MIN", &t.Minutes}, {"PTS", &t.PTS}, {"TOV", &t.TOV}}
	for _, n := range counts {
		v, err := c.int(n.col, 0)
		if err != nil {
			return LoggedTeam{}, err
		}
		*n.dst = int(v)
	}
	return t, nil
}
