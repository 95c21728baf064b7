package boxscore

import (
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
)

// DataDirEnv is the environment variable that tests and tools read the NBA data directory
// from. The directory holds leaguegamelog/ and boxscoretraditionalv3/.
const DataDirEnv = "TIPOFF_NBA_DATA"

// The endpoint folders of a data directory, each holding one folder per season (named by
// the season's end year, e.g. 2026 for 2025-26).
const (
	GameLogDir  = "leaguegamelog"
	BoxScoreDir = "boxscoretraditionalv3"
)

// Inventory is what a data directory holds, per game date.
type Inventory struct {
	// DataDir is the directory as given to Discover.
	DataDir string
	// GameLogFiles are the game logs read, relative to DataDir with "/" separators, sorted.
	GameLogFiles []string
	// Log is the union of the game logs.
	Log GameLog
	// Dates lists, sorted by date, every game date that has at least one box score.
	Dates []DateInventory
	// Orphans are box score files that cannot be dated: their file name is not a game id,
	// or no game log lists the id. Each is a *FieldError naming the file.
	Orphans []error
}

// DateInventory is what the data directory holds for one game date.
type DateInventory struct {
	// Date is the game date, YYYY-MM-DD.
	Date string
	// Expected are the ids of the date's games in the game log, sorted.
	Expected []string
	// BoxScores are the date's box score files, relative to the data directory with "/"
	// separators, sorted by game id.
	BoxScores []string
	// Missing are the expected game ids without a box score file, sorted.
	Missing []string
}

// Date returns the inventory of one game date.
func (inv Inventory) Date(date string) (DateInventory, bool) {
	for _, d := range inv.Dates {
		if d.Date == date {
			return d, true
		}
	}
	return DateInventory{}, false
}

// Discover lists a data directory: it reads every game log under
// leaguegamelog/<season>/*.json and the names (not the content) of the box scores under
// boxscoretraditionalv3/<season>/*.json, and dates each box score through the logs.
//
// A directory that does not exist, or lacks either endpoint folder or any game log, gives
// [ErrDataDirMissing]. A game log that does not parse, or one game id with two box score
// files, is an error; box scores that cannot be dated are reported in Inventory.Orphans.
func Discover(dataDir string) (Inventory, error) {
	return discover(dataDir, readGameLogFile)
}

// gameLogReader returns the parsed game log at dataDir/rel (rel uses "/" separators).
type gameLogReader func(dataDir, rel string) (GameLog, error)

// discover is [Discover] with the game logs read by readLog.
func discover(dataDir string, readLog gameLogReader) (Inventory, error) {
	if err := checkDataDir(dataDir); err != nil {
		return Inventory{}, err
	}
	inv := Inventory{DataDir: dataDir}

	logFiles, err := listJSON(dataDir, GameLogDir)
	if err != nil {
		return Inventory{}, err
	}
	for _, rel := range logFiles {
		if err := inv.addGameLog(rel, readLog); err != nil {
			return Inventory{}, err
		}
	}

	boxFiles, err := listJSON(dataDir, BoxScoreDir)
	if err != nil {
		return Inventory{}, err
	}
	byDate, err := inv.dateBoxScores(boxFiles)
	if err != nil {
		return Inventory{}, err
	}
	inv.Dates = inv.datesWith(byDate)
	return inv, nil
}

// checkDataDir rejects a data directory without both endpoint folders.
func checkDataDir(dataDir string) error {
	for _, endpoint := range []string{GameLogDir, BoxScoreDir} {
		info, err := os.Stat(filepath.Join(dataDir, endpoint))
		if err == nil && info.IsDir() {
			continue
		}
		return fmt.Errorf("boxscore: data directory %q has no %s/ folder: %w: pass the "+
			"directory that holds %s/ and %s/ (tests read it from %s)",
			dataDir, endpoint, ErrDataDirMissing, GameLogDir, BoxScoreDir, DataDirEnv)
	}
	return nil
}

// listJSON returns the *.json files of every season folder of an endpoint, relative to
// dataDir with "/" separators, sorted.
func listJSON(dataDir, endpoint string) ([]string, error) {
	seasons, err := os.ReadDir(filepath.Join(dataDir, endpoint))
	if err != nil {
		return nil, fmt.Errorf("boxscore: listing %s: %w", endpoint, err)
	}
	var files []string
	for _, season := range seasons {
		if !season.IsDir() {
			continue
		}
		entries, err := os.ReadDir(filepath.Join(dataDir, endpoint, season.Name()))
		if err != nil {
			return nil, fmt.Errorf("boxscore: listing %s/%s: %w", endpoint, season.Name(), err)
		}
		for _, e := range entries {
			if !e.IsDir() && strings.HasSuffix(e.Name(), ".json") {
				files = append(files, path.Join(endpoint, season.Name(), e.Name()))
			}
		}
	}
	sort.Strings(files)
	return files, nil
}

// addGameLog reads one game log with readLog and merges it into inv.Log.
func (inv *Inventory) addGameLog(rel string, readLog gameLogReader) error {
	log, err := readLog(inv.DataDir, rel)
	if err != nil {
		return err
	}
	if err := inv.Log.merge(log); err != nil {
		return err
	}
	inv.GameLogFiles = append(inv.GameLogFiles, rel)
	return nil
}

// dateBoxScores groups box score files by game date (as game id -> file per date) and
// records the files that cannot be dated as orphans.
func (inv *Inventory) dateBoxScores(files []string) (map[string]map[string]string, error) {
	if len(inv.GameLogFiles) == 0 {
		return nil, fmt.Errorf("boxscore: data directory %q: %w: no game log at %s/<season>/"+
			"*.json, so no box score can be dated", inv.DataDir, ErrDataDirMissing, GameLogDir)
	}
	byDate := make(map[string]map[string]string)
	fileOf := make(map[string]string)
	for _, rel := range files {
		id, err := GameIDFromPath(rel)
		if err != nil {
			inv.Orphans = append(inv.Orphans, err)
			continue
		}
		if prev, ok := fileOf[id]; ok {
			return nil, fieldErr(rel, "file name", id,
				fmt.Errorf("game %s already has the box score %s", id, prev))
		}
		fileOf[id] = rel

		date, ok := inv.Log.Date(id)
		if !ok {
			reason := fmt.Errorf("%w (read %s)", ErrNotInGameLog,
				strings.Join(inv.GameLogFiles, ", "))
			inv.Orphans = append(inv.Orphans, fieldErr(rel, "GAME_ID", id, reason))
			continue
		}
		if byDate[date] == nil {
			byDate[date] = make(map[string]string)
		}
		byDate[date][id] = rel
	}
	return byDate, nil
}

// datesWith builds the per-date inventory of the dates that have a box score.
func (inv *Inventory) datesWith(byDate map[string]map[string]string) []DateInventory {
	var dates []DateInventory
	for date, files := range byDate {
		d := DateInventory{Date: date, Expected: inv.Log.GamesOn(date)}
		for _, id := range d.Expected {
			if rel, ok := files[id]; ok {
				d.BoxScores = append(d.BoxScores, rel)
			} else {
				d.Missing = append(d.Missing, id)
			}
		}
		dates = append(dates, d)
	}
	sort.Slice(dates, func(i, j int) bool { return dates[i].Date < dates[j].Date })
	return dates
}

// GameIDFromPath returns the game id a box score file is named after
// (".../0022500716.json" -> "0022500716"), or a *FieldError naming the file.
func GameIDFromPath(file string) (string, error) {
	id := strings.TrimSuffix(path.Base(filepath.ToSlash(file)), ".json")
	if !gameIDPattern.MatchString(id) {
		return "", fieldErr(file, "file name", path.Base(filepath.ToSlash(file)),
			errors.New("want <gameId>.json with a ten-digit game id"))
	}
	return id, nil
}
