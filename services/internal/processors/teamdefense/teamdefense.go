// Package teamdefense builds team_defense_game_summary from the raw team totals of a
// generation and verifies it against them.
package teamdefense

import (
	"context"
	"fmt"

	"github.com/tipoff-nba/tipoff/services/internal/analytics"
	"github.com/tipoff-nba/tipoff/services/internal/choreo"
	"github.com/tipoff-nba/tipoff/services/internal/processors"
	"github.com/tipoff-nba/tipoff/services/internal/tables"
	"github.com/tipoff-nba/tipoff/services/internal/verify"
	"github.com/tipoff-nba/tipoff/services/internal/warehouse"
)

// Hooks returns the processor's hooks over the warehouse.
func Hooks(wh *warehouse.Warehouse) choreo.Hooks {
	return choreo.Hooks{Run: runWith(wh), CountRows: wh.CountRows}
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
		rows, err := analytics.TeamDefense(raw)
		if err != nil {
			return choreo.Result{}, choreo.Permanent(err)
		}
		report, err := wh.Save(ctx, warehouse.TeamDefenseBatch{Key: key, Rows: rows})
		if err != nil {
			return choreo.Result{Validation: report.Counts()}, processors.SaveError(err)
		}
		stored, err := wh.TeamDefense(ctx, key)
		if err != nil {
			return choreo.Result{}, err
		}
		digest, err := choreo.Digest(tables.Unkeyed(raw))
		if err != nil {
			return choreo.Result{}, err
		}
		return choreo.Result{
			Rows:  map[string]int{tables.TeamDefenseGameSummary: len(stored)},
			Games: len(stored) / 2, InputDigest: digest, Anomalies: warehouse.Findings(report),
			Validation: report.Counts(), Findings: verify.TeamDefense(key, stored, raw),
		}, nil
	}
}
