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
