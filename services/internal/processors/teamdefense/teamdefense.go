// Package teamdefense builds team_defense_game_summary from the raw team totals of a
// generation and verifies it against them.
package teamdefense

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
	return processors.TeamTable[tables.TeamDefense]{
		Table:  tables.TeamDefenseGameSummary,
		Derive: analytics.TeamDefense,
		Batch: func(k tables.Key, rows []tables.TeamDefense) warehouse.Batch {
			return warehouse.TeamDefenseBatch{Key: k, Rows: rows}
		},
		Read:   (*warehouse.Warehouse).TeamDefense,
		Verify: verify.TeamDefense,
	}.Hooks(wh)
}
