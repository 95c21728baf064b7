package warehouse

import "errors"

var (
	// ErrRejected means a batch broke a Critical row rule (or had an invalid key) and
	// nothing of it was written. The wrapped error names the rule, table, game, row,
	// field and value. Retrying the same batch fails the same way.
	ErrRejected = errors.New("batch rejected")

	// ErrStaleGeneration means the table already holds the date at a newer generation
	// than the batch's. Nothing was written: an old generation never overwrites a newer
	// one. The caller should drop the work, not retry it.
	ErrStaleGeneration = errors.New("stale generation")

	// ErrUnknownTable means a table name is not one of the five in package tables.
	ErrUnknownTable = errors.New("unknown table")
)
