// Command raw-loader is the root worker: on a load request for a game date it reads the
// date's NBA.com box scores (dated through the league game log), writes the raw tables for
// a new generation and publishes dev.tipoff.raw_boxscores.loaded.v1.
//
// Environment: TIPOFF_DATA_DIR (the data directory, required), TIPOFF_WAREHOUSE (required),
// and the runtime's variables (see internal/choreo.Config).
package main

import (
	"context"
	"errors"
	"fmt"
	"os"

	"go.uber.org/zap"

	"github.com/tipoff-nba/tipoff/events"
	"github.com/tipoff-nba/tipoff/services/internal/boxscore"
	"github.com/tipoff-nba/tipoff/services/internal/choreo"
	"github.com/tipoff-nba/tipoff/services/internal/tables"
	"github.com/tipoff-nba/tipoff/services/internal/warehouse"
)

// DataDirEnv names the directory that holds leaguegamelog/ and boxscoretraditionalv3/.
const DataDirEnv = "TIPOFF_DATA_DIR"

func main() { os.Exit(choreo.Main(events.RawBoxScores, setup)) }

type loader struct {
	dataDir string
	wh      *warehouse.Warehouse
}

func setup(ctx context.Context, _ *zap.Logger) (choreo.Hooks, func() error, error) {
	dir := os.Getenv(DataDirEnv)
	if dir == "" {
		return choreo.Hooks{}, nil, fmt.Errorf("%s is not set: give the NBA data directory",
			DataDirEnv)
	}
	wh, err := warehouse.OpenFromEnv()
	if err != nil {
		return choreo.Hooks{}, nil, err
	}
	l := &loader{dataDir: dir, wh: wh}
	return choreo.Hooks{Run: l.run}, wh.Close, nil
}

func (l *loader) run(ctx context.Context, run choreo.Run) (choreo.Result, error) {
	inv, err := boxscore.Discover(l.dataDir)
	if err != nil {
		return choreo.Result{}, choreo.Permanent(err)
	}
	day, ok := inv.Date(run.GameDate)
	if !ok {
		return choreo.Result{}, choreo.Permanent(fmt.Errorf(
			"no box score in %s is dated %s by the game log", l.dataDir, run.GameDate))
	}
	key := tables.Key{GameDate: run.GameDate, Generation: run.Generation}
	players, teams, err := boxscore.LoadDate(inv, key)
	if err != nil {
		return choreo.Result{}, choreo.Permanent(err)
	}
	report, err := l.wh.Save(ctx, warehouse.RawBatch{Key: key, Players: players, Teams: teams})
	if err != nil {
		return choreo.Result{Validation: report.Counts()}, saveError(err)
	}
	digest, err := choreo.Digest(day.BoxScores, day.Expected, tables.Unkeyed(players),
		tables.Unkeyed(teams))
	if err != nil {
		return choreo.Result{}, err
	}
	return choreo.Result{
		Rows: map[string]int{tables.GamebookPlayerStats: len(players),
			tables.GamebookTeamStats: len(teams)},
		Games: len(day.BoxScores), MissingGames: day.Missing, InputDigest: digest,
		Anomalies: warehouse.Findings(report), Validation: report.Counts(),
	}, nil
}

// saveError marks the save errors that retrying cannot fix.
func saveError(err error) error {
	if errors.Is(err, warehouse.ErrRejected) || errors.Is(err, warehouse.ErrStaleGeneration) {
		return choreo.Permanent(err)
	}
	return err
}
