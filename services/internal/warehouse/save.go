package warehouse

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/tipoff-nba/tipoff/services/internal/rowrules"
	"github.com/tipoff-nba/tipoff/services/internal/tables"
)

// Save validates batch and, if no Critical rule is broken, replaces the batch's date in
// its table(s) with the batch's rows, atomically. It is the only way to write the
// warehouse.
//
// The returned Report lists every rule the rows broke, Warnings included; callers
// should log and count it whether or not Save succeeds.
//
// Save returns an error wrapping:
//   - ErrRejected when the batch key is invalid (game date not YYYY-MM-DD, generation
//     below 1) or a row breaks a Critical rule. Nothing is written.
//   - ErrStaleGeneration when a table already holds the date at a newer generation.
//     Nothing is written.
//
// An equal generation replaces the date again (a rerun), so a retried Save never
// duplicates a row. An empty batch is valid: it leaves the date empty at the batch's
// generation. Other errors (I/O, a lock held longer than BusyTimeout, ctx done) also
// leave the file unchanged.
func (w *Warehouse) Save(ctx context.Context, batch Batch) (rowrules.Report, error) {
	if batch == nil {
		return rowrules.Report{}, fmt.Errorf("warehouse: save: %w: nil batch", ErrRejected)
	}
	key := batch.batchKey()
	what := fmt.Sprintf("%s for %s generation %d", strings.Join(batch.tables(), "+"),
		key.GameDate, key.Generation)
	if err := validKey(key); err != nil {
		return rowrules.Report{}, fmt.Errorf("warehouse: save %s: %w: %w", what, ErrRejected, err)
	}

	report := batch.check()
	if err := report.Err(); err != nil {
		return report, fmt.Errorf("warehouse: save %s: %w: %w", what, ErrRejected, err)
	}

	if err := w.writeTx(ctx, batch.replace); err != nil {
		return report, fmt.Errorf("warehouse: save %s: %w", what, err)
	}
	return report, nil
}

// validKey: a game date is a real YYYY-MM-DD date and generations count from 1.
func validKey(key tables.Key) error {
	if _, err := time.Parse(time.DateOnly, key.GameDate); err != nil {
		return fmt.Errorf("game date %q is not YYYY-MM-DD", key.GameDate)
	}
	if key.Generation < 1 {
		return fmt.Errorf("generation %d is below 1", key.Generation)
	}
	return nil
}

// replaceDate makes the date's rows in spec's table exactly rows, unless the table holds
// the date at a newer generation. It runs inside the caller's write transaction, which
// holds the write lock from its first statement, so no other writer can slip in between
// the generation check and the insert.
func replaceDate[T any](ctx context.Context, tx *sql.Tx, spec tableSpec[T], key tables.Key,
	rows []T) error {
	stored, ok, err := storedGeneration(ctx, tx, spec.name, key.GameDate)
	if err != nil {
		return err
	}
	if ok && stored > key.Generation {
		return fmt.Errorf("%w: %s holds %s at generation %d", ErrStaleGeneration, spec.name,
			key.GameDate, stored)
	}

	if err := deleteDate(ctx, tx, spec.name, key.GameDate); err != nil {
		return err
	}
	if err := insertRows(ctx, tx, spec, rows); err != nil {
		return err
	}
	return recordGeneration(ctx, tx, spec.name, key, len(rows))
}

func deleteDate(ctx context.Context, tx *sql.Tx, table, gameDate string) error {
	if _, err := tx.ExecContext(ctx, "DELETE FROM "+table+" WHERE game_date = ?",
		gameDate); err != nil {
		return fmt.Errorf("delete %s of %s: %w", table, gameDate, err)
	}
	return nil
}

func insertRows[T any](ctx context.Context, tx *sql.Tx, spec tableSpec[T], rows []T) error {
	if len(rows) == 0 {
		return nil
	}
	stmt, err := tx.PrepareContext(ctx, spec.insertSQL())
	if err != nil {
		return fmt.Errorf("prepare insert into %s: %w", spec.name, err)
	}
	defer stmt.Close()

	for i := range rows {
		row := rows[i]
		if _, err := stmt.ExecContext(ctx, spec.fields(&row)...); err != nil {
			return fmt.Errorf("insert into %s, row %d: %w", spec.name, i, err)
		}
	}
	return nil
}

func recordGeneration(ctx context.Context, tx *sql.Tx, table string, key tables.Key,
	rows int) error {
	const upsert = `INSERT INTO ` + generationsTable + `
		(table_name, game_date, generation, row_count) VALUES (?, ?, ?, ?)
		ON CONFLICT (table_name, game_date)
		DO UPDATE SET generation = excluded.generation, row_count = excluded.row_count`
	if _, err := tx.ExecContext(ctx, upsert, table, key.GameDate, key.Generation,
		rows); err != nil {
		return fmt.Errorf("record generation of %s %s: %w", table, key.GameDate, err)
	}
	return nil
}

// querier is what both *sql.DB and *sql.Tx offer for reading.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// storedGeneration is the newest generation of gameDate that table holds, from the
// record of the last save and from the rows themselves; ok is false if neither has one.
func storedGeneration(ctx context.Context, q querier, table, gameDate string) (int64, bool,
	error) {
	var recorded, inRows sql.NullInt64
	err := q.QueryRowContext(ctx, "SELECT generation FROM "+generationsTable+
		" WHERE table_name = ? AND game_date = ?", table, gameDate).Scan(&recorded)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return 0, false, fmt.Errorf("read generation of %s %s: %w", table, gameDate, err)
	}
	err = q.QueryRowContext(ctx, "SELECT MAX(generation) FROM "+table+" WHERE game_date = ?",
		gameDate).Scan(&inRows)
	if err != nil {
		return 0, false, fmt.Errorf("read row generation of %s %s: %w", table, gameDate, err)
	}
	if !recorded.Valid && !inRows.Valid {
		return 0, false, nil
	}
	return max(recorded.Int64, inRows.Int64), true, nil
}
