package state

import (
	"context"
	"errors"
	"fmt"
	"time"

	"cloud.google.com/go/firestore"

	"github.com/tipoff-nba/tipoff/events"
)

// Release gives up a run's lease after a transient failure, so the next delivery can
// claim the run at once instead of waiting for the lease to expire. reason is kept as the
// processor's last error. It does nothing if the run no longer holds the lease.
func (s *Store) Release(ctx context.Context, gameDate string, p events.Processor, generation int64,
	owner, reason string, at time.Time) error {
	ref := s.processor(gameDate, p)
	err := s.client.RunTransaction(ctx, func(ctx context.Context, tx *firestore.Transaction) error {
		snap, err := tx.Get(ref)
		if err != nil {
			return err
		}
		var d ProcessorDoc
		if err := snap.DataTo(&d); err != nil {
			return err
		}
		if d.Generation != generation || d.Lease == nil || d.Lease.Owner != owner {
			return nil
		}
		d.Lease.ExpiresAt = at
		d.LastError = reason
		d.UpdatedAt = at
		return tx.Set(ref, d)
	}, firestore.MaxAttempts(s.attempts))
	if err != nil {
		return fmt.Errorf("state: release %s lease for %s g%d: %w", p, gameDate, generation, err)
	}
	return nil
}

// AwaitLease blocks until the processor document of a date changes from the busy state
// seen in v (the lease holder finished, released or was replaced), or until the lease
// expires, or ctx ends. It listens to the document; it does not poll.
func (s *Store) AwaitLease(ctx context.Context, gameDate string, p events.Processor,
	seen ProcessorDoc, now time.Time) error {
	if seen.Lease == nil {
		return nil
	}
	wait := seen.Lease.ExpiresAt.Sub(now)
	if wait <= 0 {
		return nil
	}
	ctx, cancel := context.WithTimeout(ctx, wait)
	defer cancel()
	it := s.processor(gameDate, p).Snapshots(ctx)
	defer it.Stop()
	for {
		snap, err := it.Next()
		if err != nil {
			if errors.Is(ctx.Err(), context.DeadlineExceeded) {
				return nil
			}
			return fmt.Errorf("state: watch %s of %s: %w", p, gameDate, err)
		}
		if !snap.Exists() {
			continue
		}
		var d ProcessorDoc
		if err := snap.DataTo(&d); err != nil {
			return fmt.Errorf("state: decode %s: %w", snap.Ref.Path, err)
		}
		if d.Status != seen.Status || d.Generation != seen.Generation || d.Lease == nil ||
			d.Lease.Owner != seen.Lease.Owner || !d.Lease.ExpiresAt.Equal(seen.Lease.ExpiresAt) {
			return nil
		}
	}
}

// RenewLease extends a running run's lease to expires. It returns ErrLeaseLost when the
// run no longer holds it. A run that outlives a third of its lease renews it, so a slow run
// is never taken over while its owner is alive; a dead owner stops renewing.
func (s *Store) RenewLease(ctx context.Context, gameDate string, p events.Processor,
	generation int64, owner string, expires time.Time) error {
	ref := s.processor(gameDate, p)
	err := s.client.RunTransaction(ctx, func(ctx context.Context, tx *firestore.Transaction) error {
		snap, err := tx.Get(ref)
		if err != nil {
			return err
		}
		var d ProcessorDoc
		if err := snap.DataTo(&d); err != nil {
			return err
		}
		if d.Generation != generation || d.Status != StatusRunning || d.Lease == nil ||
			d.Lease.Owner != owner {
			return fmt.Errorf("%w: %s %s g%d, run %s", ErrLeaseLost, p, gameDate, generation, owner)
		}
		d.Lease.ExpiresAt = expires
		return tx.Set(ref, d)
	}, firestore.MaxAttempts(s.attempts))
	if err != nil {
		return fmt.Errorf("state: renew %s lease for %s: %w", p, gameDate, err)
	}
	return nil
}
