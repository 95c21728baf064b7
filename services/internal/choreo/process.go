package choreo

import (
	"context"
	"errors"
	"fmt"

	"cloud.google.com/go/pubsub/v2"
	"go.uber.org/zap"

	"github.com/tipoff-nba/tipoff/events"
	"github.com/tipoff-nba/tipoff/services/internal/state"
)

// delivery is one received message that passed the contract.
type delivery struct {
	subscription string
	msg          *pubsub.Message
	env          events.Envelope
}

// process claims and, when the claim says so, runs. It returns whether to ack.
func (w *Worker) process(ctx context.Context, d delivery) bool {
	env := d.env
	log := w.log.With(zap.String("game_date", env.GameDate), zap.String("event_id", env.ID),
		zap.String("event_type", string(env.Type)))
	trigger := state.Trigger{
		GameDate: env.GameDate, Processor: w.processor, Needs: w.needs,
		EventID: env.ID, EventType: env.Type, Generation: env.Generation,
		Owner:    fmt.Sprintf("%s/%s/run-%d", w.cfg.Instance, w.nonce, w.runs.Add(1)),
		LeaseTTL: w.cfg.LeaseTTL, Clock: w.cfg.Now,
	}
	if env.Load != nil {
		trigger.RequestID, trigger.ReplayFrom = env.Load.RequestID, env.Load.ReplayFrom
	}
	for {
		var v state.Verdict
		unlock := w.claims.lock(env.GameDate)
		err := retryState(ctx, func() (err error) {
			v, err = w.store.Claim(ctx, trigger)
			return err
		})
		unlock()
		if errors.Is(err, state.ErrAhead) {
			// Generations only go up and a completion is published after its generation
			// opened, so an event ahead of its date can never become valid.
			return w.deadLetter(ctx, d.subscription, d.msg, &env, err)
		}
		if err != nil {
			log.Warn("claim failed; the event will be redelivered", zap.Error(err))
			return false
		}
		log := log.With(zap.Int64("generation", v.Generation),
			zap.String("decision", string(v.Decision)))
		switch v.Decision {
		case state.DecisionRun:
			return w.execute(ctx, log, d, trigger, v)
		case state.DecisionBusy:
			log.Info("run is held by another lease; waiting for it", zap.String("reason", v.Reason))
			if err := w.store.AwaitLease(ctx, env.GameDate, w.processor, v.Processor,
				w.cfg.Now()); err != nil {
				log.Warn("waiting for the lease failed", zap.Error(err))
				return false
			}
		case state.DecisionBackoff:
			// A timer, not a poll: the due time is in the document the claim read.
			log.Info("dependency check not due yet; holding the event until it is",
				zap.String("reason", v.Reason))
			hold(ctx, v.Processor.NextCheckAt.Sub(trigger.Now))
			if ctx.Err() != nil {
				return false
			}
		case state.DecisionPaused:
			log.Info("processor paused; holding the event until it resumes",
				zap.String("reason", v.Reason))
			if !w.pause.awaitResume(ctx) {
				return false
			}
		case state.DecisionDuplicate:
			log.Info("duplicate delivery; republishing the completion", zap.String("reason", v.Reason))
			return w.republish(ctx, log, v)
		case state.DecisionStale:
			log.Warn("stale event acked without a run", zap.String("reason", v.Reason))
			return true
		case state.DecisionConflict:
			// Dead-lettered, not acked as a duplicate: what it asks for was never done and
			// never will be under its request id, and its log entry keeps only the latest
			// delivery's reason, so the dead letter is the lasting record of the body.
			log.Warn("load request conflicts with the generation its request id opened",
				zap.String("request_id", trigger.RequestID),
				zap.String("replay_from", string(trigger.ReplayFrom)),
				zap.String("opened_replay_from", v.Date.ReplayFrom), zap.String("reason", v.Reason))
			return w.deadLetter(ctx, d.subscription, d.msg, &env, errors.New(v.Reason))
		case state.DecisionSettled:
			log.Info("generation already settled; acked without a check",
				zap.String("reason", v.Reason))
			if v.Processor.Status == state.StatusBlocked {
				// The alert may not have gone out before a crash; its id makes a copy harmless.
				return w.alertBlocked(ctx, log, env.GameDate, v.Generation,
					v.Processor.GateFailures, v.Processor.LastError)
			}
			return true
		default:
			log.Info("event acked without a run", zap.String("reason", v.Reason))
			return true
		}
		trigger.Again = true
	}
}
