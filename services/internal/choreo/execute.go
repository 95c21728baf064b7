package choreo

import (
	"context"
	"errors"
	"fmt"
	"time"

	cloudevents "github.com/cloudevents/sdk-go/v2/event"
	"go.uber.org/zap"

	"github.com/tipoff-nba/tipoff/events"
	"github.com/tipoff-nba/tipoff/services/internal/state"
	"github.com/tipoff-nba/tipoff/services/internal/verify"
)

// execute runs a claimed run: the dependency gate, the processor, then the record.
func (w *Worker) execute(ctx context.Context, log *zap.Logger, d delivery, trigger state.Trigger,
	v state.Verdict) bool {
	log = log.With(zap.Int("attempt", v.Attempt))
	log.Info("run claimed", zap.String("owner", trigger.Owner))
	runCtx, cancel := context.WithTimeout(ctx, w.cfg.MaxRunTime)
	defer cancel()
	expires := w.cfg.Now().Add(w.cfg.LeaseTTL)
	if v.Processor.Lease != nil {
		expires = v.Processor.Lease.ExpiresAt
	}
	stopRenewing := w.keepLease(ctx, log, d.env.GameDate, v.Generation, trigger.Owner, expires,
		cancel)
	defer stopRenewing()
	if err := w.checkInputs(runCtx, d.env.GameDate, v); err != nil {
		stopRenewing()
		return w.gateFailed(ctx, log, d, trigger, v, err)
	}

	started := time.Now()
	run := Run{GameDate: d.env.GameDate, Generation: v.Generation, Attempt: v.Attempt,
		Inputs: v.Inputs, Request: d.env.Load, MissingGames: v.Date.MissingGames}
	result, err := w.runOrCarry(runCtx, log, run, v)
	// Renewal stops before the outcome is recorded: a renewal transaction on the same
	// processor document as the finish would contend with it (on the emulator the two
	// deadlock until its lock timeout, again and again). The lease was renewed within the
	// last third of its TTL, which leaves the finish two thirds of it.
	stopRenewing()
	if err != nil && !errors.Is(err, ErrPermanent) && v.Attempt >= w.cfg.MaxRunAttempts {
		err = Permanent(fmt.Errorf("gave up after %d runs of this generation: %w", v.Attempt,
			err))
	}
	if err != nil && !errors.Is(err, ErrPermanent) {
		log.Warn("run failed; releasing the lease for a retry", zap.Error(err))
		// A worker that is stopping still hands its lease back, so the next delivery need
		// not wait for it to expire.
		relCtx, cancelRel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
		defer cancelRel()
		if relErr := w.store.Release(relCtx, d.env.GameDate, w.processor, v.Generation,
			trigger.Owner, err.Error(), w.cfg.Now()); relErr != nil {
			log.Warn("release failed; the lease will expire", zap.Error(relErr))
		}
		return false
	}

	finish := state.Finish{GameDate: d.env.GameDate, Processor: w.processor,
		Generation: v.Generation, Owner: trigger.Owner, Now: w.cfg.Now(), UpdateDate: w.marksDate,
		Validation: result.Validation, Findings: result.Findings,
		Anomalies: append(result.Anomalies, verify.Lines(result.Findings)...)}
	var completion *cloudevents.Event
	switch {
	case err != nil:
		finish.Status, finish.Error = state.StatusFailed, err.Error()
	case verify.Critical(result.Findings):
		// TODO: the quarantined rows are already saved and have replaced the date's last
		// good rows, so a warehouse reader that ignores Firestore's status sees them. Saving
		// to a staging generation and promoting it only after verification would keep the
		// last good rows served; it needs a second table per output and a promote step.
		finish.Status = state.StatusQuarantined
		finish.Error = "post-write verification: " + firstCritical(result.Findings)
	default:
		completion = w.completion(log, &finish, run, v, result, d.env)
	}
	return w.record(ctx, log, finish, completion, time.Since(started))
}

// completion fills finish for a successful run and builds the event to announce it. A
// result the contract refuses fails the run: that is a processor bug, not bad input.
func (w *Worker) completion(log *zap.Logger, finish *state.Finish, run Run, v state.Verdict,
	r Result, env events.Envelope) *cloudevents.Event {
	missing := r.MissingGames
	if missing == nil {
		missing = run.MissingGames
	}
	c := events.Completion{
		GameDate: run.GameDate, Generation: run.Generation, Processor: w.processor,
		Outcome: events.OutcomeComplete, Rows: r.Rows, Games: r.Games, MissingGames: missing,
		InputDigest: r.InputDigest, Inputs: v.Inputs, CarriedFrom: r.CarriedFrom,
	}
	finish.Status = state.StatusComplete
	if len(missing) > 0 {
		c.Outcome, finish.Status = events.OutcomePartial, state.StatusPartial
	}
	if env.Load != nil {
		c.RequestID = env.Load.RequestID
	}
	e, err := events.NewCompletion(c, finish.Now)
	if err != nil {
		log.Error("completion refused by the contract", zap.Error(err))
		finish.Status, finish.Error = state.StatusFailed, err.Error()
		return nil
	}
	finish.EventID, finish.EventType = e.ID(), events.Type(e.Type())
	finish.Rows, finish.Games, finish.MissingGames = c.Rows, c.Games, c.MissingGames
	finish.InputDigest, finish.CarriedFrom = c.InputDigest, c.CarriedFrom
	return &e
}

// record commits the outcome, then publishes the quality findings and the completion. It
// returns whether to ack.
func (w *Worker) record(ctx context.Context, log *zap.Logger, f state.Finish,
	completion *cloudevents.Event, took time.Duration) bool {
	var date state.DateDoc
	err := retryState(ctx, func() (err error) {
		date, err = w.store.Finish(ctx, f)
		return err
	})
	switch {
	case errors.Is(err, state.ErrSuperseded):
		log.Warn("run superseded by a newer generation; not announced", zap.Error(err))
		return true
	case errors.Is(err, state.ErrLeaseLost):
		log.Warn("run lost its lease to another run; not announced", zap.Error(err))
		return true
	case err != nil:
		log.Warn("recording the outcome failed; the event will be redelivered", zap.Error(err))
		return false
	}
	fields := []zap.Field{zap.String("status", string(f.Status)),
		zap.String("date_status", string(date.Status)), zap.Int64("duration_ms", took.Milliseconds()),
		zap.Any("rows", f.Rows), zap.Any("validation", f.Validation),
		zap.Strings("anomalies", f.Anomalies)}
	if w.writes != nil {
		fields = append(fields, zap.Int64("firestore_writes_total", w.writes()))
	}
	switch f.Status {
	case state.StatusFailed:
		log.Error("run failed permanently", append(fields, zap.String("reason", f.Error))...)
	case state.StatusQuarantined:
		log.Error("output quarantined; nothing announced",
			append(fields, zap.String("reason", f.Error))...)
	default:
		log.Info("run complete", fields...)
	}
	if !w.publishFindings(ctx, log, f.Findings) {
		return false
	}
	return w.publish(ctx, log, completion)
}

func firstCritical(fs []events.Finding) string {
	for i, f := range fs {
		if f.Severity == events.SeverityCritical {
			return verify.Lines(fs[i : i+1])[0]
		}
	}
	return ""
}

// checkInputs is the data layer of the dependency gate: Firestore saying an upstream is
// complete is a claim, so the warehouse must really hold the rows that upstream reported
// for this generation.
func (w *Worker) checkInputs(ctx context.Context, gameDate string, v state.Verdict) error {
	for _, need := range w.needs {
		up := v.Upstream[need]
		for table, want := range up.Rows {
			got, err := w.hooks.CountRows(ctx, table, gameDate, v.Generation)
			if err != nil {
				return fmt.Errorf("count %s: %w", table, err)
			}
			if got != want {
				return fmt.Errorf("%s holds %d rows of %s g%d; %s reported %d", table, got,
					gameDate, v.Generation, need, want)
			}
		}
	}
	return nil
}
