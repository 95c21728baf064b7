package warehouse

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/tipoff-nba/tipoff/services/internal/tables"
)

// generationsTable remembers, per table and date, the generation of the last save. The
// rows themselves carry it too, but a save of an empty batch leaves no row behind, and
// without this record an older generation could then write the date again.
const generationsTable = "warehouse_generations"

const createGenerations = `CREATE TABLE IF NOT EXISTS ` + generationsTable + ` (
	table_name TEXT NOT NULL,
	game_date  TEXT NOT NULL,
	generation INTEGER NOT NULL,
	row_count  INTEGER NOT NULL,
	PRIMARY KEY (table_name, game_date)
)`

// tableNames lists the five warehouse tables in pipeline order: raw, then analytics.
var tableNames = []string{
	tables.GamebookPlayerStats,
	tables.GamebookTeamStats,
	tables.TeamOffenseGameSummary,
	tables.TeamDefenseGameSummary,
	tables.PlayerGameSummary,
}

func knownTable(name string) bool {
	for _, t := range tableNames {
		if t == name {
			return true
		}
	}
	return false
}

// createSchema creates every table that does not exist yet. It changes nothing in a
// file that already has them, so every process may run it on every Open.
func createSchema(ctx context.Context, tx *sql.Tx) error {
	statements := []string{
		rawPlayerSpec().createSQL(),
		rawTeamSpec().createSQL(),
		teamOffenseSpec().createSQL(),
		teamDefenseSpec().createSQL(),
		playerGameSpec().createSQL(),
		createGenerations,
	}
	for _, s := range statements {
		if _, err := tx.ExecContext(ctx, s); err != nil {
			return fmt.Errorf("create schema: %w", err)
		}
	}
	return nil
}
