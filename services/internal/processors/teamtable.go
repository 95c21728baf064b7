package processors

import (
	"context"
	"fmt"

	"github.com/tipoff-nba/tipoff/events"
	"github.com/tipoff-nba/tipoff/services/internal/choreo"
	"github.com/tipoff-nba/tipoff/services/internal/tables"
	"github.com/tipoff-nba/tipoff/services/internal/warehouse"
)

// TeamTable is the shape both team summaries share: read the generation's raw team totals,
// derive one row per team and game, save them through the validated path, read them back
// and verify them against the totals.
type TeamTable[T any] struct {
	// Table is the warehouse table the processor writes.
	Table string
	// Derive computes the rows from the raw team totals.
	Derive func([]tables.RawTeam) ([]T, error)
	// Batch wraps the rows for the warehouse's save path.
	Batch func(tables.Key, []T) warehouse.Batch
	// Read reads the stored rows of a generation back, as a method expression such as
	// (*warehouse.Warehouse).TeamOffense.
	Read func(*warehouse.Warehouse, context.Context, tables.Key) ([]T, error)
	// Verify checks stored rows against the raw totals.
	Verify func(tables.Key, []T, []tables.RawTeam) []events.Finding
}

// Hooks returns the processor's hooks over the warehouse.
func (tt TeamTable[T]) Hooks(wh *warehouse.Warehouse) choreo.Hooks {
	return choreo.Hooks{Run: tt.run(wh), CountRows: wh.CountRows, Carry: tt.carry(wh)}
}

// carry stores the processor's rows of generation from again under the run's generation.
func (tt TeamTable[T]) carry(wh *warehouse.Warehouse) choreo.CarryFunc {
	return func(ctx context.Context, run choreo.Run, from int64, want map[string]int) (
		choreo.Result, error) {
		key := tables.Key{GameDate: run.GameDate, Generation: from}
		rows, err := tt.Read(wh, ctx, key)
		if err != nil {
			return choreo.Result{}, err
		}
		return CarryBatch(ctx, wh, tt.Batch(key, rows), map[string]int{tt.Table: len(rows)},
			want, run.Generation)
	}
}

func (tt TeamTable[T]) run(wh *warehouse.Warehouse) choreo.RunFunc {
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
		rows, err := tt.Derive(raw)
		if err != nil {
			return choreo.Result{}, choreo.Permanent(err)
		}
		report, err := wh.Save(ctx, tt.Batch(key, rows))
		if err != nil {
			return choreo.Result{Validation: report.Counts()}, SaveError(err)
		}
		stored, err := tt.Read(wh, ctx, key)
		if err != nil {
			return choreo.Result{}, err
		}
		digest, err := choreo.Digest(tables.Unkeyed(raw))
		if err != nil {
			return choreo.Result{}, err
		}
		return choreo.Result{
			Rows:  map[string]int{tt.Table: len(stored)},
			Games: len(stored) / 2, InputDigest: digest, Anomalies: warehouse.Findings(report),
			Validation: report.Counts(), Findings: tt.Verify(key, stored, raw),
		}, nil
	}
}
