// Command player-game-summary builds player_game_summary for a game date once both team
// summaries of a generation are complete, and publishes
// dev.tipoff.player_game_summary.completed.v1 once the output passes post-write
// verification (the usage identity per team, team totals against the players). Usage
// rate is computed from the team totals of the same game and generation, so a run can
// never see partial team totals.
//
// Environment: TIPOFF_WAREHOUSE (required) and the runtime's variables (internal/choreo).
package main

import (
	"context"
	"os"

	"go.uber.org/zap"

	"github.com/tipoff-nba/tipoff/events"
	"github.com/tipoff-nba/tipoff/services/internal/choreo"
	"github.com/tipoff-nba/tipoff/services/internal/processors/playersummary"
	"github.com/tipoff-nba/tipoff/services/internal/warehouse"
)

func main() { os.Exit(choreo.Main(events.PlayerGameSummary, setup)) }

func setup(context.Context, *zap.Logger) (choreo.Hooks, func() error, error) {
	wh, err := warehouse.OpenFromEnv()
	if err != nil {
		return choreo.Hooks{}, nil, err
	}
	return playersummary.Hooks(wh), wh.Close, nil
}
