package choreo

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"
	"time"

	"cloud.google.com/go/pubsub/v2"
	cloudevents "github.com/cloudevents/sdk-go/v2/event"
	"go.uber.org/zap"
	"golang.org/x/sync/errgroup"

	"github.com/tipoff-nba/tipoff/events"
	"github.com/tipoff-nba/tipoff/services/internal/bus"
	"github.com/tipoff-nba/tipoff/services/internal/pipeline"
	"github.com/tipoff-nba/tipoff/services/internal/state"
)

// Worker runs one processor.
type Worker struct {
	processor events.Processor
	needs     []events.Processor
	triggers  []events.Type
	run       RunFunc
	cfg       Config
	store     *state.Store
	publisher *bus.Publisher
	subs      *pubsub.Client
	log       *zap.Logger
	runs      atomic.Int64
}

// NewWorker wires a processor of graph g to its state store and Pub/Sub client.
func NewWorker(p events.Processor, g *pipeline.Graph, run RunFunc, cfg Config, store *state.Store,
	client *pubsub.Client, log *zap.Logger) (*Worker, error) {
	node, ok := g.Node(p)
	if !ok {
		return nil, fmt.Errorf("choreo: processor %q is not in the graph", p)
	}
	if err := cfg.Check(); err != nil {
		return nil, err
	}
	return &Worker{
		processor: p, needs: node.Needs, triggers: g.Triggers(p), run: run, cfg: cfg,
		store: store, publisher: bus.NewPublisher(client), subs: client,
		log: log.With(zap.String("processor", string(p))),
	}, nil
}

// Serve receives from every subscription of the worker until ctx ends.
func (w *Worker) Serve(ctx context.Context) error {
	defer w.publisher.Stop()
	g, ctx := errgroup.WithContext(ctx)
	for _, t := range w.triggers {
		id := bus.SubscriptionID(w.processor, t)
		sub := w.subs.Subscriber(id)
		sub.ReceiveSettings.MaxOutstandingMessages = w.cfg.MaxOutstanding
		sub.ReceiveSettings.NumGoroutines = 1
		sub.ReceiveSettings.MaxExtension = w.cfg.LeaseTTL + w.cfg.MaxRunTime
		g.Go(func() error {
			err := sub.Receive(ctx, func(ctx context.Context, msg *pubsub.Message) {
				if w.Handle(ctx, id, msg) {
					msg.Ack()
				} else {
					msg.Nack()
				}
			})
			if err != nil && ctx.Err() == nil {
				return fmt.Errorf("choreo: receive %s: %w", id, err)
			}
			return nil
		})
	}
	w.log.Info("worker serving", zap.Strings("subscriptions", w.subscriptionIDs()))
	return g.Wait()
}

func (w *Worker) subscriptionIDs() []string {
	out := make([]string, len(w.triggers))
	for i, t := range w.triggers {
		out[i] = bus.SubscriptionID(w.processor, t)
	}
	return out
}

// Handle processes one delivery and reports whether to ack it.
func (w *Worker) Handle(ctx context.Context, subscription string, msg *pubsub.Message) bool {
	e, err := bus.Decode(ctx, msg)
	if err != nil {
		return w.deadLetter(ctx, subscription, msg, nil, err)
	}
	env, err := events.Parse(e)
	if err != nil {
		return w.deadLetter(ctx, subscription, msg, &env, err)
	}
	if !w.triggeredBy(env.Type) {
		return w.deadLetter(ctx, subscription, msg, &env, fmt.Errorf(
			"%w: type %s is not a trigger of %s", events.ErrInvalid, env.Type, w.processor))
	}
	return w.process(ctx, env)
}

func (w *Worker) triggeredBy(t events.Type) bool {
	for _, want := range w.triggers {
		if want == t {
			return true
		}
	}
	return false
}

// process claims and, when the claim says so, runs. It returns whether to ack.
func (w *Worker) process(ctx context.Context, env events.Envelope) bool {
	log := w.log.With(zap.String("game_date", env.GameDate), zap.String("event_id", env.ID),
		zap.String("event_type", string(env.Type)))
	trigger := state.Trigger{
		GameDate: env.GameDate, Processor: w.processor, Needs: w.needs,
		EventID: env.ID, EventType: env.Type, Generation: env.Generation,
		Owner:    fmt.Sprintf("%s/run-%d", w.cfg.Instance, w.runs.Add(1)),
		LeaseTTL: w.cfg.LeaseTTL,
	}
	if env.Load != nil {
		trigger.RequestID = env.Load.RequestID
	}
	for {
		trigger.Now = w.cfg.Now()
		v, err := w.store.Claim(ctx, trigger)
		if err != nil {
			log.Warn("claim failed; the event will be redelivered", zap.Error(err))
			return false
		}
		log := log.With(zap.Int64("generation", v.Generation),
			zap.String("decision", string(v.Decision)))
		switch v.Decision {
		case state.DecisionRun:
			return w.execute(ctx, log, env, trigger, v)
		case state.DecisionBusy:
			log.Info("run is held by another lease; waiting for it", zap.String("reason", v.Reason))
			if err := w.store.AwaitLease(ctx, env.GameDate, w.processor, v.Processor,
				trigger.Now); err != nil {
				log.Warn("waiting for the lease failed", zap.Error(err))
				return false
			}
			trigger.Again = true
		case state.DecisionDuplicate:
			log.Info("duplicate delivery; republishing the completion", zap.String("reason", v.Reason))
			return w.republish(ctx, log, v)
		case state.DecisionStale:
			log.Warn("stale event acked without a run", zap.String("reason", v.Reason))
			return true
		default:
			log.Info("event acked without a run", zap.String("reason", v.Reason))
			return true
		}
	}
}

func (w *Worker) execute(ctx context.Context, log *zap.Logger, env events.Envelope,
	trigger state.Trigger, v state.Verdict) bool {
	log = log.With(zap.Int("attempt", v.Attempt))
	log.Info("run claimed", zap.String("owner", trigger.Owner))
	started := time.Now()
	run := Run{GameDate: env.GameDate, Generation: v.Generation, Attempt: v.Attempt,
		Inputs: v.Inputs, Request: env.Load, MissingGames: v.Date.MissingGames}
	runCtx, cancel := context.WithTimeout(ctx, w.cfg.MaxRunTime)
	result, err := w.run(runCtx, run)
	cancel()
	if err != nil && !errors.Is(err, ErrPermanent) {
		log.Warn("run failed; releasing the lease for a retry", zap.Error(err))
		if relErr := w.store.Release(ctx, env.GameDate, w.processor, v.Generation, trigger.Owner,
			err.Error(), w.cfg.Now()); relErr != nil {
			log.Warn("release failed; the lease will expire", zap.Error(relErr))
		}
		return false
	}

	finish := state.Finish{GameDate: env.GameDate, Processor: w.processor,
		Generation: v.Generation, Owner: trigger.Owner, Now: w.cfg.Now()}
	var completion *events.Completion
	if err != nil {
		finish.Status, finish.Error = state.StatusFailed, err.Error()
	} else {
		c := w.completion(run, v, result, env)
		completion = &c
		finish.Status = state.StatusComplete
		if c.Outcome == events.OutcomePartial {
			finish.Status = state.StatusPartial
		}
		finish.EventID = events.CompletionID(w.processor, env.GameDate, v.Generation)
		finish.EventType, _ = events.CompletionType(w.processor)
		finish.Rows, finish.Games, finish.MissingGames = c.Rows, c.Games, c.MissingGames
		finish.InputDigest, finish.Anomalies = c.InputDigest, result.Anomalies
	}
	return w.record(ctx, log, finish, completion, time.Since(started))
}

func (w *Worker) completion(run Run, v state.Verdict, r Result, env events.Envelope) events.Completion {
	missing := r.MissingGames
	if missing == nil {
		missing = run.MissingGames
	}
	c := events.Completion{
		GameDate: run.GameDate, Generation: run.Generation, Processor: w.processor,
		Outcome: events.OutcomeComplete, Rows: r.Rows, Games: r.Games, MissingGames: missing,
		InputDigest: r.InputDigest, Inputs: v.Inputs,
	}
	if len(missing) > 0 {
		c.Outcome = events.OutcomePartial
	}
	if env.Load != nil {
		c.RequestID = env.Load.RequestID
	}
	return c
}

// record commits the outcome, then publishes the completion. It returns whether to ack.
func (w *Worker) record(ctx context.Context, log *zap.Logger, f state.Finish,
	c *events.Completion, took time.Duration) bool {
	var event *cloudevents.Event
	if c != nil {
		e, err := events.NewCompletion(*c, f.Now)
		if err != nil {
			// The processor produced a result the contract refuses: a bug, not bad input.
			f.Status, f.Error, f.EventID = state.StatusFailed, err.Error(), ""
			log.Error("completion refused by the contract", zap.Error(err))
		} else {
			event = &e
		}
	}
	date, err := w.store.Finish(ctx, f)
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
		zap.String("date_status", string(date.Status)), zap.Int64("duration_ms", took.Milliseconds())}
	if f.Status == state.StatusFailed {
		log.Error("run failed permanently", append(fields, zap.String("reason", f.Error))...)
		return true
	}
	log.Info("run complete", append(fields, zap.Any("rows", f.Rows),
		zap.Strings("anomalies", f.Anomalies))...)
	return w.publish(ctx, log, event)
}
