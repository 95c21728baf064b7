package season

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
)

// Summary describes a data directory written by Write.
type Summary struct {
	// Dir is the data directory (it holds leaguegamelog/ and boxscoretraditionalv3/).
	Dir string
	// Games is the number of box scores written: every game of the log.
	Games int
	// Dates are the game dates, sorted; every one is complete (no game without a box score).
	Dates []string
	// GamesOn maps each date to its number of games.
	GamesOn map[string]int
	// PlayerRows is the number of player rows over all box scores.
	PlayerRows int
	// Bytes is the size of the box scores written.
	Bytes int64
}

// Write lays out a data directory in dir from the game log at logPath: a copy of the log at
// leaguegamelog/<season>/<name> and one synthetic box score per game at
// boxscoretraditionalv3/<season>/<gameId>.json, where <season> is the log's folder name
// (for example 2026). dir must exist; its previous content is left in place.
func Write(dir, logPath string) (Summary, error) {
	games, err := ReadGameLog(logPath)
	if err != nil {
		return Summary{}, err
	}
	seasonName := filepath.Base(filepath.Dir(logPath))
	logDir := filepath.Join(dir, "leaguegamelog", seasonName)
	boxDir := filepath.Join(dir, "boxscoretraditionalv3", seasonName)
	for _, d := range []string{logDir, boxDir} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return Summary{}, fmt.Errorf("season: %w", err)
		}
	}
	logBody, err := os.ReadFile(logPath)
	if err != nil {
		return Summary{}, fmt.Errorf("season: read game log: %w", err)
	}
	if err := os.WriteFile(filepath.Join(logDir, filepath.Base(logPath)), logBody,
		0o644); err != nil {
		return Summary{}, fmt.Errorf("season: copy game log: %w", err)
	}

	s := Summary{Dir: dir, GamesOn: map[string]int{}}
	for _, g := range games {
		n, err := writeBoxScore(boxDir, g)
		if err != nil {
			return Summary{}, err
		}
		s.Games++
		s.Bytes += n
		s.PlayerRows += 2 * RowsPerTeam
		s.GamesOn[g.Date]++
		if len(s.Dates) == 0 || s.Dates[len(s.Dates)-1] != g.Date {
			s.Dates = append(s.Dates, g.Date)
		}
	}
	return s, nil
}

// writeBoxScore writes one game's file and returns its size in bytes.
func writeBoxScore(boxDir string, g Game) (int64, error) {
	box, err := synthesize(g)
	if err != nil {
		return 0, err
	}
	body, err := json.Marshal(box)
	if err != nil {
		return 0, fmt.Errorf("season: encode %s: %w", g.GameID, err)
	}
	if err := os.WriteFile(filepath.Join(boxDir, g.GameID+".json"), body, 0o644); err != nil {
		return 0, fmt.Errorf("season: write %s: %w", g.GameID, err)
	}
	return int64(len(body)), nil
}
