package warehouse

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" database/sql driver
)

// BusyTimeout is how long a connection waits for a lock another connection or process
// holds before it fails with SQLITE_BUSY: 10 s. A Save holds the write lock for a few
// milliseconds per hundred rows, so waiting this long means something is stuck.
const BusyTimeout = 10 * time.Second

// Warehouse is a handle on one SQLite warehouse file. It is safe for concurrent use by
// goroutines, and several processes may open the same file at once.
type Warehouse struct {
	db   *sql.DB
	path string
}

// Open opens the warehouse file at path, creating it and its tables if needed.
//
// Every connection uses WAL journaling (readers do not block the writer and the writer
// does not block readers), waits up to BusyTimeout for locks, and has foreign keys off.
// Write transactions start with BEGIN IMMEDIATE, so a writer takes the write lock before
// it reads anything and two writers never deadlock on a lock upgrade.
//
// ctx bounds the schema creation. The path must name a file: ":memory:" and paths with
// '?' are refused, because every pooled connection must see the same database.
func Open(ctx context.Context, path string) (*Warehouse, error) {
	if path == "" || path == ":memory:" || strings.ContainsAny(path, "?#") {
		return nil, fmt.Errorf("warehouse: open %q: path must name a file without '?' or '#'",
			path)
	}

	db, err := sql.Open("sqlite", dsn(path))
	if err != nil {
		return nil, fmt.Errorf("warehouse: open %s: %w", path, err)
	}
	w := &Warehouse{db: db, path: path}
	if err := w.prepare(ctx); err != nil {
		return nil, errors.Join(fmt.Errorf("warehouse: open %s: %w", path, err), db.Close())
	}
	return w, nil
}

// dsn builds the driver's data source name. modernc.org/sqlite runs busy_timeout first
// on each new connection, so a connection that must wait to switch to WAL does wait.
func dsn(path string) string {
	q := url.Values{}
	q.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", BusyTimeout.Milliseconds()))
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "foreign_keys(0)")
	q.Set("_txlock", "immediate")
	return path + "?" + q.Encode()
}

// prepare checks that the file really is in WAL mode (a file system without shared
// memory support silently keeps another mode) and creates the schema.
func (w *Warehouse) prepare(ctx context.Context) error {
	var mode string
	if err := w.db.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil {
		return fmt.Errorf("read journal mode: %w", err)
	}
	if !strings.EqualFold(mode, "wal") {
		return fmt.Errorf("journal mode is %q, want wal", mode)
	}
	return w.writeTx(ctx, createSchema)
}

// Close closes the connections of w. Saves in flight finish or fail first.
func (w *Warehouse) Close() error {
	if err := w.db.Close(); err != nil {
		return fmt.Errorf("warehouse: close %s: %w", w.path, err)
	}
	return nil
}

// writeTx runs fn in one write transaction (BEGIN IMMEDIATE, from the DSN) and commits
// it; any error rolls everything back.
func (w *Warehouse) writeTx(ctx context.Context, fn func(context.Context, *sql.Tx) error) error {
	tx, err := w.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback() //nolint:errcheck // a no-op after Commit

	if err := fn(ctx, tx); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// readTx runs fn in one read transaction, so that it sees a single snapshot of the file.
func (w *Warehouse) readTx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := w.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return fmt.Errorf("begin read: %w", err)
	}
	defer tx.Rollback() //nolint:errcheck // read-only: nothing to keep

	return fn(tx)
}
