// Package warehouse stores Tipoff's five tables (see package tables) in one SQLite file,
// and is the only code that may write them.
//
// # One save path
//
// An audit of the system Tipoff replaces found several code paths that wrote tables
// while skipping validation; one of them let usage rates above 100% reach production.
// Here, Save is the only exported function that writes. It runs the row rules of
// package rowrules on the whole batch first, and a single Critical violation rejects the
// batch (ErrRejected) before anything touches the file. Warnings are returned in the
// Report and the rows are written. The insert and delete helpers are unexported, and a
// test (importgraph_test.go) fails if any other package of the services module imports
// database/sql or modernc.org/sqlite, so no other package can reach the tables either.
//
// # Generations
//
// A generation is one version of a date's raw data: a stat correction or a replay makes
// a new one, numbered 1, 2, ... Every row carries its game date and generation, and each
// table holds one generation per date. Save refuses a batch older than what the table
// already holds for the date (ErrStaleGeneration), so a slow worker finishing old work
// never overwrites a newer result. An equal generation is a rerun and replaces the date.
// The file remembers the generation of the last save per table and date, even when it
// was an empty batch.
//
// Reads take a tables.Key and return only rows of that date and generation: a reader
// holding generation G sees no rows once G+1 has replaced the date.
//
// # Atomic replace
//
// Save deletes the date's rows from the batch's tables and inserts the batch, in one
// SQLite transaction that takes the write lock up front (BEGIN IMMEDIATE). A rerun never
// duplicates a row, a reader never sees half a batch, and a failed Save leaves the date
// as it was. RawBatch replaces both raw tables in the same transaction.
//
// # Several processes, one file
//
// Workers in separate processes open the same file. The file runs in WAL mode (readers
// and the one writer do not block each other) and each connection waits up to
// BusyTimeout (10 s) for a lock instead of failing at once with SQLITE_BUSY. Writers
// take turns; each Save holds the lock for milliseconds.
//
// A typical worker:
//
//	w, err := warehouse.Open(ctx, "/data/tipoff.db")
//	...
//	defer w.Close()
//	key := tables.Key{GameDate: "2026-01-22", Generation: 2}
//	report, err := w.Save(ctx, warehouse.TeamOffenseBatch{Key: key, Rows: rows})
//	switch {
//	case errors.Is(err, warehouse.ErrStaleGeneration):
//		// a newer generation is already stored: drop this work
//	case errors.Is(err, warehouse.ErrRejected):
//		// bad rows: report it as a data-quality event; retrying will not help
//	}
package warehouse
