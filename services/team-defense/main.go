// Command team-defense builds team_defense_game_summary for a game date once the raw box
// scores of a generation are loaded, verifies it, and publishes
// dev.tipoff.team_defense.completed.v1.
//
// Environment: TIPOFF_WAREHOUSE (required) and the runtime's variables (internal/choreo).
package main

import (
	"context"
	"os"

	"go.uber.org/zap"

	"github.com/tipoff-nba/tipoff/events"
	"github.com/tipoff-nba/tipoff/services/internal/choreo"
	"github.com/tipoff-nba/tipoff/services/internal/processors/teamdefense"
	"github.com/tipoff-nba/tipoff/services/internal/warehouse"
)

func main() { os.Exit(choreo.Main(events.TeamDefense, setup)) }

func setup(context.Context, *zap.Logger) (choreo.Hooks, func() error, error) {
	wh, err := warehouse.OpenFromEnv()
	if err != nil {
		return choreo.Hooks{}, nil, err
	}
	return teamdefense.Hooks(wh), wh.Close, nil
}
