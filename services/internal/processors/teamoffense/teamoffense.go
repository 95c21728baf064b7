// Package teamoffense builds team_offense_game_summary from the raw team totals of a
// generation and verifies it against them.
package teamoffense

import (
	"github.com/tipoff-nba/tipoff/services/internal/analytics"
	"github.com/tipoff-nba/tipoff/services/internal/choreo"
	"github.com/tipoff-nba/tipoff/services/internal/processors"
	"github.com/tipoff-nba/tipoff/services/internal/tables"
	"github.com/tipoff-nba/tipoff/services/internal/verify"
	"github.com/tipoff-nba/tipoff/services/internal/warehouse"
)

// Hooks returns the processor's hooks over the warehouse.
func Hooks(wh *warehouse.Warehouse) choreo.Hooks {
	return processors.TeamTable[tables.TeamOffense]{
		Table:  tables.TeamOffenseGameSummary,
		Derive: analytics.TeamOffense,
		Batch: func(k tables.Key, rows []tables.TeamOffense) warehouse.Batch {
			return warehouse.TeamOffenseBatch{Key: k, Rows: rows}
		},
		Read:   (*warehouse.Warehouse).TeamOffense,
		Verify: verify.TeamOffense,
	}.Hooks(wh)
}
