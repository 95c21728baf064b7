// Package processors holds what the four processors share, and its subpackages hold each
// processor's hooks for the runtime: what it reads, computes, saves and verifies. The
// worker binaries and the in-process test stack build the same hooks from here.
package processors

import (
	"errors"

	"github.com/tipoff-nba/tipoff/services/internal/choreo"
	"github.com/tipoff-nba/tipoff/services/internal/warehouse"
)

// SaveError marks the save errors that retrying cannot fix: a batch the row rules reject,
// and a batch older than what the table already holds.
func SaveError(err error) error {
	if errors.Is(err, warehouse.ErrRejected) || errors.Is(err, warehouse.ErrStaleGeneration) {
		return choreo.Permanent(err)
	}
	return err
}
