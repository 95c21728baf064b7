package choreo

import (
	"context"

	cloudevents "github.com/cloudevents/sdk-go/v2/event"
	"go.uber.org/zap"

	"github.com/tipoff-nba/tipoff/events"
	"github.com/tipoff-nba/tipoff/services/internal/state"
)

// publish announces a committed completion. It returns whether to ack the trigger: a
// failed publish leaves the trigger unacked, and its redelivery republishes.
func (w *Worker) publish(ctx context.Context, log *zap.Logger, e *cloudevents.Event) bool {
	if e == nil {
		return true
	}
	if _, err := w.publisher.Publish(ctx, *e); err != nil {
		log.Warn("publishing the completion failed; the trigger will be redelivered",
			zap.Error(err))
		return false
	}
	log.Info("completion published", zap.String("published_event_id", e.ID()))
	return true
}

// republish sends the completion of an already complete generation again. A worker that
// crashed after committing and before publishing leaves its trigger unacked; this is how
// the redelivered trigger finishes the job. Consumers treat the copy as a duplicate.
func (w *Worker) republish(ctx context.Context, log *zap.Logger, v state.Verdict) bool {
	d := v.Processor
	requestID := ""
	if len(w.needs) == 0 {
		requestID = v.Date.RequestOf(d.Generation)
	}
	c := d.Completion(requestID)
	e, err := events.NewCompletion(c, d.CompletedAt)
	if err != nil {
		log.Error("stored completion no longer passes the contract; not republished",
			zap.Error(err))
		return true
	}
	return w.publish(ctx, log, &e)
}

// publishFindings announces each data-quality finding. It returns whether all were sent.
func (w *Worker) publishFindings(ctx context.Context, log *zap.Logger, fs []events.Finding) bool {
	for _, f := range fs {
		e, err := events.NewFinding(f, w.cfg.Now())
		if err != nil {
			log.Error("quality finding refused by the contract", zap.Error(err))
			continue
		}
		if _, err := w.publisher.Publish(ctx, e); err != nil {
			log.Warn("publishing a quality finding failed; the trigger will be redelivered",
				zap.Error(err))
			return false
		}
		log.Warn("quality finding", zap.String("rule", f.Rule), zap.String("severity",
			string(f.Severity)), zap.String("game_id", f.GameID), zap.String("team", f.Team),
			zap.Int64("person_id", f.PersonID), zap.String("value", f.Value))
	}
	return true
}
