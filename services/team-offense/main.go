// Command team-offense builds team_offense_game_summary for a game date once the raw box
// scores of a generation are loaded, verifies it, and publishes
// dev.tipoff.team_offense.completed.v1.
//
// Environment: TIPOFF_WAREHOUSE (required) and the runtime's variables (internal/choreo).
package main

import (
	"context"
	"errors"
	"fmt"
	"os"

	"go.uber.org/zap"

	"github.com/tipoff-nba/tipoff/events"
	"github.com/tipoff-nba/tipoff/services/internal/analytics"
	"github.com/tipoff-nba/tipoff/services/internal/choreo"
	"github.com/tipoff-nba/tipoff/services/internal/tables"
	"github.com/tipoff-nba/tipoff/services/internal/verify"
	"github.com/tipoff-nba/tipoff/services/internal/warehouse"
)

func main() { os.Exit(choreo.Main(events.TeamOffense, setup)) }

func setup(context.Context, *zap.Logger) (choreo.Hooks, func() error, error) {
	wh, err := warehouse.OpenFromEnv()
	if err != nil {
		return choreo.Hooks{}, nil, err
	}
	return choreo.Hooks{Run: runWith(wh), CountRows: wh.CountRows}, wh.Close, nil
}

func runWith(wh *warehouse.Warehouse) choreo.RunFunc {
	return func(ctx context.Context, run choreo.Run) (choreo.Result, error) {
		key := tables.Key{GameDate: run.GameDate, Generation: run.Generation}
		raw, err := wh.RawTeams(ctx, key)
		if err != nil {
			return choreo.Result{}, err
		}
		if len(raw) == 0 {
			return choreo.Result{}, fmt.Errorf("no raw team rows for %s g%d", key.GameDate,
				key.Generation)
		}
		rows, err := analytics.TeamOffense(raw)
		if err != nil {
			return choreo.Result{}, choreo.Permanent(err)
		}
		report, err := wh.Save(ctx, warehouse.TeamOffenseBatch{Key: key, Rows: rows})
		if err != nil {
			return choreo.Result{Validation: report.Counts()}, saveError(err)
		}
		stored, err := wh.TeamOffense(ctx, key)
		if err != nil {
			return choreo.Result{}, err
		}
		digest, err := choreo.Digest(tables.Unkeyed(raw))
		if err != nil {
			return choreo.Result{}, err
		}
		return choreo.Result{
			Rows:  map[string]int{tables.TeamOffenseGameSummary: len(stored)},
			Games: len(stored) / 2, InputDigest: digest, Anomalies: warehouse.Findings(report),
			Validation: report.Counts(), Findings: verify.TeamOffense(key, stored, raw),
		}, nil
	}
}

// saveError marks the save errors that retrying cannot fix.
func saveError(err error) error {
	if errors.Is(err, warehouse.ErrRejected) || errors.Is(err, warehouse.ErrStaleGeneration) {
		return choreo.Permanent(err)
	}
	return err
}
