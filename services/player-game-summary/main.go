// Command player-game-summary builds player_game_summary for a game date once both team
// summaries of a generation are complete, and publishes
// dev.tipoff.player_game_summary.completed.v1 once the output passes post-write
// verification (the usage identity per team, team totals against the players). Usage rate is computed from the team totals
// of the same game and generation, so the run can never see partial team totals.
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

func main() { os.Exit(choreo.Main(events.PlayerGameSummary, setup)) }

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
			return choreo.Result{Validation: report.Counts()}, saveError(err)
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

// saveError marks the save errors that retrying cannot fix.
func saveError(err error) error {
	if errors.Is(err, warehouse.ErrRejected) || errors.Is(err, warehouse.ErrStaleGeneration) {
		return choreo.Permanent(err)
	}
	return err
}
