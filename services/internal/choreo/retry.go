package choreo

import (
	"context"
	"strings"
	"time"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

// Transient retries of a state call, beyond the Firestore client's own retries of an
// aborted transaction. They cover a commit whose reply was lost (UNAVAILABLE, deadline) and
// contention that outlasted the client's attempts. The same run retries with the same
// owner, so a commit that did land is recognised on the retry.
const (
	stateRetries     = 6
	stateRetryBase   = 50 * time.Millisecond
	stateRetryFactor = 2
)

// retryState calls fn until it succeeds, fails with an error that retrying cannot fix, or
// the retries run out. Contention never counts as a dependency failure: it never reaches
// the gate.
func retryState(ctx context.Context, fn func() error) error {
	wait := stateRetryBase
	var err error
	for i := 0; i < stateRetries; i++ {
		if err = fn(); err == nil || !transient(ctx, err) {
			return err
		}
		hold(ctx, wait)
		if ctx.Err() != nil {
			return err
		}
		wait *= stateRetryFactor
	}
	return err
}

// transient reports whether retrying err may succeed. ctx is the caller's own context: a
// CANCELLED it did not cause came from the server.
func transient(ctx context.Context, err error) bool {
	switch status.Code(err) {
	case codes.Canceled:
		// The Firestore emulator sometimes ends a transaction's read with CANCELLED while
		// our context is alive; only our own cancellation is final.
		return ctx.Err() == nil
	case codes.Aborted, codes.Unavailable, codes.DeadlineExceeded, codes.ResourceExhausted,
		codes.Internal:
		return true
	case codes.Unknown:
		// The Firestore emulator has answered a commit that landed with UNKNOWN and no
		// message. The outcome is unknown, and both state calls retried here recognise
		// their own earlier commit by the run's owner, so trying again is safe.
		return ctx.Err() == nil
	case codes.InvalidArgument:
		// The Firestore emulator refuses the client's retry of a transaction it aborted
		// for contention with this error (real Firestore accepts the retry). Trying the
		// whole transaction again is safe: its decision is made from what it reads.
		return strings.Contains(err.Error(), "Transaction is invalid or closed")
	}
	return false
}
