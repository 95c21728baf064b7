// Command raw-loader is the root worker: on a load request for a game date it reads the
// date's NBA.com box scores (dated through the league game log), writes the raw tables for
// a new generation and publishes dev.tipoff.raw_boxscores.loaded.v1.
//
// Environment: TIPOFF_DATA_DIR (the data directory, required), TIPOFF_WAREHOUSE (required),
// and the runtime's variables (see internal/choreo.Config).
package main

import (
	"context"
	"fmt"
	"os"

	"go.uber.org/zap"

	"github.com/tipoff-nba/tipoff/events"
	"github.com/tipoff-nba/tipoff/services/internal/choreo"
	"github.com/tipoff-nba/tipoff/services/internal/processors/rawload"
	"github.com/tipoff-nba/tipoff/services/internal/warehouse"
)

// DataDirEnv names the directory that holds leaguegamelog/ and boxscoretraditionalv3/.
const DataDirEnv = "TIPOFF_DATA_DIR"

func main() { os.Exit(choreo.Main(events.RawBoxScores, setup)) }

func setup(context.Context, *zap.Logger) (choreo.Hooks, func() error, error) {
	dir := os.Getenv(DataDirEnv)
	if dir == "" {
		return choreo.Hooks{}, nil, fmt.Errorf("%s is not set: give the NBA data directory",
			DataDirEnv)
	}
	wh, err := warehouse.OpenFromEnv()
	if err != nil {
		return choreo.Hooks{}, nil, err
	}
	return rawload.Hooks(dir, wh), wh.Close, nil
}
