package warehouse

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/tipoff-nba/tipoff/services/internal/tables"
)

// TableSummary is what one table holds for one date.
type TableSummary struct {
	Table string
	// Stored is false when the date was never saved to the table; Generation and Rows
	// are then zero.
	Stored     bool
	Generation int64
	// Rows is the number of rows of the stored generation.
	Rows int
}

// DateSummary is a snapshot of one date across the warehouse, for post-write checks
// and operators.
type DateSummary struct {
	GameDate string
	// Tables has one entry per warehouse table, in pipeline order: the two raw tables,
	// team offense, team defense, player game summary.
	Tables []TableSummary
	// MaxUsageRate is the highest usage rate, in percent, among the player_game_summary
	// rows of the stored generation; nil when no row has one.
	MaxUsageRate *float64
}

// Table returns the summary of the named table; ok is false for an unknown name.
func (s DateSummary) Table(name string) (TableSummary, bool) {
	for _, t := range s.Tables {
		if t.Table == name {
			return t, true
		}
	}
	return TableSummary{}, false
}

// DateSummary reads the row counts and generations of gameDate in every table, and the
// maximum usage rate, all from one snapshot of the file.
func (w *Warehouse) DateSummary(ctx context.Context, gameDate string) (DateSummary, error) {
	summary := DateSummary{GameDate: gameDate}
	err := w.readTx(ctx, func(tx *sql.Tx) error {
		for _, table := range tableNames {
			t, err := summarizeTable(ctx, tx, table, gameDate)
			if err != nil {
				return err
			}
			summary.Tables = append(summary.Tables, t)
		}
		var err error
		summary.MaxUsageRate, err = maxUsageRate(ctx, tx, summary)
		return err
	})
	if err != nil {
		return DateSummary{}, fmt.Errorf("warehouse: summarize %s: %w", gameDate, err)
	}
	return summary, nil
}

func summarizeTable(ctx context.Context, tx *sql.Tx, table, gameDate string) (TableSummary,
	error) {
	gen, ok, err := storedGeneration(ctx, tx, table, gameDate)
	if err != nil || !ok {
		return TableSummary{Table: table}, err
	}
	t := TableSummary{Table: table, Stored: true, Generation: gen}
	err = tx.QueryRowContext(ctx, "SELECT COUNT(*) FROM "+table+
		" WHERE game_date = ? AND generation = ?", gameDate, gen).Scan(&t.Rows)
	if err != nil {
		return TableSummary{}, fmt.Errorf("count %s: %w", table, err)
	}
	return t, nil
}

func maxUsageRate(ctx context.Context, tx *sql.Tx, s DateSummary) (*float64, error) {
	players, _ := s.Table(tables.PlayerGameSummary)
	if !players.Stored {
		return nil, nil
	}
	var usage sql.NullFloat64
	err := tx.QueryRowContext(ctx, "SELECT MAX(usage_rate) FROM "+tables.PlayerGameSummary+
		" WHERE game_date = ? AND generation = ?", s.GameDate, players.Generation).Scan(&usage)
	if err != nil {
		return nil, fmt.Errorf("max usage rate: %w", err)
	}
	if !usage.Valid {
		return nil, nil
	}
	return &usage.Float64, nil
}
