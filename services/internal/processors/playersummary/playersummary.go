// Package playersummary builds player_game_summary from the raw player lines and the team
// offense totals of the same generation, and verifies the usage identity per team.
package playersummary

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
	return choreo.Hooks{Run: runWith(wh), CountRows: wh.CountRows, Carry: carryWith(wh)}
}

// carryWith stores the player rows of generation from again under the run's generation.
func carryWith(wh *warehouse.Warehouse) choreo.CarryFunc {
	return func(ctx context.Context, run choreo.Run, from int64, want map[string]int) (
		choreo.Result, error) {
		key := tables.Key{GameDate: run.GameDate, Generation: from}
		rows, err := wh.PlayerGames(ctx, key)
		if err != nil {
			return choreo.Result{}, err
		}
		return processors.CarryBatch(ctx, wh, warehouse.PlayerGameBatch{Key: key, Rows: rows},
			map[string]int{tables.PlayerGameSummary: len(rows)}, want, run.Generation)
	}
}

func runWith(wh *warehouse.Warehouse) choreo.RunFunc {
	return func(ctx context.Context, run choreo.Run) (choreo.Result, error) {
		key := tables.Key{GameDate: run.GameDate, Generation: run.Generation}
		players, err := wh.RawPlayers(ctx, key)
		if err != nil {
			return choreo.Result{}, err
		}
		offense, err := wh.TeamOffense(ctx, key)
		if err != nil {
			return choreo.Result{}, err
		}
		if len(players) == 0 || len(offense) == 0 {
			return choreo.Result{}, fmt.Errorf("inputs of %s g%d are gone: %d player rows, "+
				"%d team offense rows", key.GameDate, key.Generation, len(players), len(offense))
		}
		rows, err := analytics.PlayerGames(players, offense)
		if err != nil {
			return choreo.Result{}, choreo.Permanent(err)
		}
		report, err := wh.Save(ctx, warehouse.PlayerGameBatch{Key: key, Rows: rows})
		if err != nil {
			return choreo.Result{Validation: report.Counts()}, processors.SaveError(err)
		}
		stored, err := wh.PlayerGames(ctx, key)
		if err != nil {
			return choreo.Result{}, err
		}
		digest, err := choreo.Digest(tables.Unkeyed(players), tables.Unkeyed(offense))
		if err != nil {
			return choreo.Result{}, err
		}
		return choreo.Result{
			Rows:  map[string]int{tables.PlayerGameSummary: len(stored)},
			Games: len(offense) / 2, InputDigest: digest, Anomalies: warehouse.Findings(report),
			Validation: report.Counts(),
			Findings:   verify.PlayerGames(key, stored, players, offense),
		}, nil
	}
}
