package choreo

import (
	"context"
	"errors"
	"fmt"
	"time"

	"go.uber.org/zap"

	"github.com/tipoff-nba/tipoff/events"
	"github.com/tipoff-nba/tipoff/services/internal/state"
)

// gateFailed counts a failed dependency check in Firestore, which records when the next
// check is due. Below the limit it holds the delivery for the backoff and returns it for
// redelivery; any other trigger claimed meanwhile is held until the same due time (see
// state.DecisionBackoff), so checks are separated by the backoff whatever the number of
// triggers or instances. At the limit the breaker opens:
// the processor is blocked for the generation, an alert is published and the trigger is
// kept as a dead letter. It returns whether to ack.
func (w *Worker) gateFailed(ctx context.Context, log *zap.Logger, d delivery,
	trigger state.Trigger, v state.Verdict, cause error) bool {
	failures, blocked, err := w.store.RecordGateFailure(ctx, state.GateFailure{
		GameDate: d.env.GameDate, Processor: w.processor, Generation: v.Generation,
		Owner: trigger.Owner, Reason: cause.Error(), MaxFailures: w.cfg.MaxGateFailures,
		Backoff: w.cfg.GateBackoff, Now: w.cfg.Now()})
	switch {
	case errors.Is(err, state.ErrSuperseded):
		log.Warn("run superseded by a newer generation while its inputs were checked",
			zap.Error(err))
		return true
	case errors.Is(err, state.ErrLeaseLost):
		log.Warn("run lost its lease while its inputs were checked", zap.Error(err))
		return true
	case err != nil:
		log.Warn("recording a failed dependency check failed", zap.Error(err))
		return false
	}
	if !blocked {
		backoff := state.GateBackoff(w.cfg.GateBackoff, failures)
		log.Warn("dependency check failed; retrying after a backoff", zap.Error(cause),
			zap.Int("failed_checks", failures), zap.Duration("backoff", backoff))
		hold(ctx, backoff)
		return false
	}
	log.Error("circuit breaker open: processor blocked for the generation", zap.Error(cause),
		zap.Int("failed_checks", failures))
	reason := fmt.Sprintf("breaker open after %d failed dependency checks: %v", failures, cause)
	if !w.alertBlocked(ctx, log, d.env.GameDate, v.Generation, failures, reason) {
		return false
	}
	return w.deadLetter(ctx, d.subscription, d.msg, &d.env, errors.New(reason))
}

// alertBlocked publishes the breaker's alert; its id is deterministic, so publishing it
// again after a crash is recognised as the same alert.
func (w *Worker) alertBlocked(ctx context.Context, log *zap.Logger, gameDate string, gen int64,
	failures int, reason string) bool {
	e, err := events.NewBlocked(events.Blocked{GameDate: gameDate, Generation: gen,
		Processor: w.processor, FailedChecks: failures, Reason: reason}, w.cfg.Now())
	if err != nil {
		log.Error("breaker alert refused by the contract", zap.Error(err))
		return true
	}
	return w.publish(ctx, log, &e)
}

// hold waits d or until ctx ends. The message's ack deadline keeps being extended by the
// client meanwhile, so it is neither lost nor redelivered elsewhere.
func hold(ctx context.Context, d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
	case <-ctx.Done():
	}
}
