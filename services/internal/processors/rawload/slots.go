package rawload

import (
	"context"
	"fmt"
)

// MaxConcurrentLoads is how many runs (loads and carries) one raw loader executes at once;
// the others wait for a slot, within their own run time. Default 2.
//
// A worker takes up to TIPOFF_MAX_OUTSTANDING (16) load requests at once, and each run
// holds its date's box scores, its rows and a SQLite connection (whose page cache lives
// outside the Go heap, so GOMEMLIMIT does not bound it). The saves are serialised by the
// warehouse's write lock anyway, so more than two runs at once bought no speed: it only
// raised the worker's resident memory above its 40 MiB target.
const MaxConcurrentLoads = 2

// slots bounds how many runs execute at once.
type slots chan struct{}

func newSlots(n int) slots { return make(slots, n) }

// acquire waits for a free slot, or for ctx to end. A successful acquire must be paired
// with release.
func (s slots) acquire(ctx context.Context) error {
	select {
	case s <- struct{}{}:
		return nil
	case <-ctx.Done():
		return fmt.Errorf("rawload: waiting for one of %d load slots: %w", cap(s),
			context.Cause(ctx))
	}
}

// release frees the slot taken by acquire.
func (s slots) release() { <-s }
