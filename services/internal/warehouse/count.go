package warehouse

import (
	"context"
	"fmt"
)

// CountRows returns how many rows table holds for gameDate at generation. The dependency
// gate compares it with the count an upstream completion reported. table is one of the
// names in package tables; any other name gives an error wrapping ErrUnknownTable.
func (w *Warehouse) CountRows(ctx context.Context, table, gameDate string, generation int64) (
	int, error) {
	if !knownTable(table) {
		return 0, fmt.Errorf("warehouse: count rows: %w %q", ErrUnknownTable, table)
	}
	var n int
	// table is one of the known names, so building the statement from it is safe.
	q := "SELECT COUNT(*) FROM " + table + " WHERE game_date = ? AND generation = ?"
	if err := w.db.QueryRowContext(ctx, q, gameDate, generation).Scan(&n); err != nil {
		return 0, fmt.Errorf("warehouse: count %s rows of %s g%d: %w", table, gameDate,
			generation, err)
	}
	return n, nil
}
