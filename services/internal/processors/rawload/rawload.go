// Package rawload is the root processor: on a load request for a game date it reads the
// date's NBA.com box scores (dated through the league game log) and writes the raw tables
// for the generation the request opened.
package rawload

import (
	"context"
	"fmt"

	"github.com/tipoff-nba/tipoff/services/internal/boxscore"
	"github.com/tipoff-nba/tipoff/services/internal/choreo"
	"github.com/tipoff-nba/tipoff/services/internal/processors"
	"github.com/tipoff-nba/tipoff/services/internal/tables"
	"github.com/tipoff-nba/tipoff/services/internal/warehouse"
)

// Hooks returns the raw loader's hooks, reading box scores from dataDir.
func Hooks(dataDir string, wh *warehouse.Warehouse) choreo.Hooks {
	l := &loader{dataDir: dataDir, wh: wh}
	return choreo.Hooks{Run: l.run}
}

type loader struct {
	dataDir string
	wh      *warehouse.Warehouse
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
		return choreo.Result{Validation: report.Counts()}, processors.SaveError(err)
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
