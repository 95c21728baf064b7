package state

import (
	"context"
	"fmt"
	"time"

	"cloud.google.com/go/firestore"

	"github.com/tipoff-nba/tipoff/events"
)

// GateFailure is a failed dependency data check of a claimed run.
type GateFailure struct {
	GameDate   string
	Processor  events.Processor
	Generation int64
	Owner      string
	Reason     string
	// MaxFailures opens the breaker: the failure that reaches it blocks the processor.
	MaxFailures int
	// Backoff is the wait after the first failed check; it doubles with each further
	// failure, up to MaxGateBackoffDoublings times. No claim checks again before it is over.
	Backoff time.Duration
	Now     time.Time
}

// MaxGateBackoffDoublings caps the growth of the gate backoff: at most 16 × Backoff.
const MaxGateBackoffDoublings = 4

// GateBackoff is the wait after the failures-th failed check with a first backoff of base.
func GateBackoff(base time.Duration, failures int) time.Duration {
	return base << min(max(failures-1, 0), MaxGateBackoffDoublings)
}

// RecordGateFailure counts a failed data check for (date, processor, generation),
// releases the run's lease and records when the next check is due (next_check_at): a claim
// before then is decided DecisionBackoff, so the count only grows by checks separated by
// their backoffs, whatever the number of triggers or instances. When the count reaches
// MaxFailures, the processor is blocked for the generation, in the same transaction. It
// returns the count and whether the breaker opened. The count lives here, never in
// Pub/Sub's delivery attempt. It returns ErrLeaseLost when the run no longer holds its
// lease, or ErrSuperseded when a newer generation of the date took the processor over.
func (s *Store) RecordGateFailure(ctx context.Context, g GateFailure) (int, bool, error) {
	failures, blocked := 0, false
	err := s.client.RunTransaction(ctx, func(ctx context.Context, tx *firestore.Transaction) error {
		snaps, err := tx.GetAll([]*firestore.DocumentRef{s.date(g.GameDate),
			s.processor(g.GameDate, g.Processor)})
		if err != nil {
			return err
		}
		var date DateDoc
		var proc ProcessorDoc
		datePtr, err := decodeIfExists(snaps[0], &date)
		if err != nil {
			return err
		}
		procPtr, err := decodeIfExists(snaps[1], &proc)
		if err != nil {
			return err
		}
		if current, newer := overtaken(datePtr, procPtr, g.Generation); newer {
			// A check of an old generation counts nothing: the newer one has its own gate.
			return fmt.Errorf("%w: %s %s g%d, date now at g%d", ErrSuperseded, g.Processor,
				g.GameDate, g.Generation, current)
		}
		if procPtr == nil || proc.Generation != g.Generation || proc.Lease == nil ||
			proc.Lease.Owner != g.Owner {
			return fmt.Errorf("%w: %s %s g%d", ErrLeaseLost, g.Processor, g.GameDate, g.Generation)
		}
		proc.GateFailures++
		failures = proc.GateFailures
		proc.LastError = fmt.Sprintf("dependency check %d of %d failed: %s", failures,
			g.MaxFailures, g.Reason)
		proc.UpdatedAt = g.Now
		proc.Lease.ExpiresAt = g.Now
		blocked = failures >= g.MaxFailures
		if !blocked {
			proc.NextCheckAt = g.Now.Add(GateBackoff(g.Backoff, failures))
			return tx.Set(s.processor(g.GameDate, g.Processor), proc)
		}
		proc.Status, proc.Lease, proc.NextCheckAt = StatusBlocked, nil, time.Time{}
		if err := tx.Set(s.processor(g.GameDate, g.Processor), proc); err != nil {
			return err
		}
		id, entry := blockedEntry(g, proc.LastError, proc.Inputs)
		if err := tx.Set(s.logEntry(g.GameDate, id), entry); err != nil {
			return err
		}
		return tx.Set(s.date(g.GameDate), withProcessor(date, g.Processor, StatusBlocked,
			g.Generation, proc.LastError, g.Now, s.leaves))
	}, firestore.MaxAttempts(s.attempts))
	if err != nil {
		return 0, false, fmt.Errorf("state: record failed check of %s for %s: %w", g.Processor,
			g.GameDate, err)
	}
	return failures, blocked, nil
}

// DecisionBackoff: the dependency check failed at this generation and the next check is
// not due yet (ProcessorDoc.NextCheckAt); the caller holds the event until then and claims
// again. Nothing is counted.
const DecisionBackoff Decision = "backoff"

// gateCheckPending reports whether proc, running at the generation being decided, waits
// for its next dependency check at now. Whoever holds the trigger, it does not check
// before then: a fan-in processor has several triggers, and each would check at once.
func gateCheckPending(proc *ProcessorDoc, now time.Time) bool {
	return proc.Status == StatusRunning && proc.NextCheckAt.After(now)
}

// Unblock clears a blocked (or failed) processor of a date at its generation, so its next
// trigger runs it again with a fresh failure count. It returns false when there was
// nothing to clear.
func (s *Store) Unblock(ctx context.Context, gameDate string, p events.Processor,
	now time.Time) (bool, error) {
	cleared := false
	err := s.client.RunTransaction(ctx, func(ctx context.Context, tx *firestore.Transaction) error {
		cleared = false
		snaps, err := tx.GetAll([]*firestore.DocumentRef{s.date(gameDate), s.processor(gameDate, p)})
		if err != nil {
			return err
		}
		var date DateDoc
		var proc ProcessorDoc
		datePtr, err := decodeIfExists(snaps[0], &date)
		if err != nil {
			return err
		}
		procPtr, err := decodeIfExists(snaps[1], &proc)
		if err != nil || datePtr == nil || procPtr == nil || proc.Generation != date.Generation ||
			(proc.Status != StatusBlocked && proc.Status != StatusFailed) {
			return err
		}
		cleared = true
		proc.Status, proc.GateFailures, proc.Lease, proc.UpdatedAt = StatusWaiting, 0, nil, now
		proc.NextCheckAt = time.Time{}
		proc.LastError = "unblocked by an operator; was: " + proc.LastError
		if err := tx.Set(s.processor(gameDate, p), proc); err != nil {
			return err
		}
		id, entry := recordedEntry(gameDate, p, proc.Generation, StatusWaiting, DecisionUnblocked,
			proc.LastError, proc.Inputs, now)
		if err := tx.Set(s.logEntry(gameDate, id), entry); err != nil {
			return err
		}
		next := withProcessor(date, p, StatusWaiting, proc.Generation, "", now, s.leaves)
		next.LastError = ""
		return tx.Set(s.date(gameDate), next)
	}, firestore.MaxAttempts(s.attempts))
	if err != nil {
		return false, fmt.Errorf("state: unblock %s for %s: %w", p, gameDate, err)
	}
	return cleared, nil
}

// withProcessor returns date with p's summary set and the status derived again.
func withProcessor(date DateDoc, p events.Processor, status Status, gen int64, lastError string,
	now time.Time, all []events.Processor) DateDoc {
	next := date
	next.Processors = make(map[string]ProcessorSummary, len(date.Processors)+1)
	for k, v := range date.Processors {
		next.Processors[k] = v
	}
	next.Processors[string(p)] = ProcessorSummary{Status: status, Generation: gen}
	if lastError != "" {
		next.LastError = fmt.Sprintf("%s: %s", p, lastError)
	}
	next.Status = deriveStatus(next, all)
	next.UpdatedAt = now
	return next
}
