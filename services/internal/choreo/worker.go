package choreo

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"sync/atomic"

	"cloud.google.com/go/pubsub/v2"
	"go.uber.org/zap"
	"golang.org/x/sync/errgroup"

	"github.com/tipoff-nba/tipoff/events"
	"github.com/tipoff-nba/tipoff/services/internal/bus"
	"github.com/tipoff-nba/tipoff/services/internal/pipeline"
	"github.com/tipoff-nba/tipoff/services/internal/state"
)

// Hooks are what a processor supplies to the runtime.
type Hooks struct {
	// Run computes, saves and verifies the processor's output.
	Run RunFunc
	// CountRows counts the rows a warehouse table holds for a date at a generation. The
	// dependency gate compares it with the row counts the upstream completions reported.
	// Roots, which have no upstream, leave it nil.
	CountRows RowCounter
	// Carry stores the processor's output of an earlier generation again under a new one,
	// when a replay from a downstream processor spares it. Nil: it always computes.
	Carry CarryFunc
}

// RowCounter counts the rows a table holds for a game date at a generation.
type RowCounter func(ctx context.Context, table, gameDate string, generation int64) (int, error)

// Worker runs one processor.
type Worker struct {
	processor events.Processor
	needs     []events.Processor
	// graph tells which processors a replay recomputes.
	graph    *pipeline.Graph
	triggers []events.Type
	// marksDate is true for a root or a leaf: its outcome changes the date's status.
	marksDate bool
	hooks     Hooks
	cfg       Config
	store     *state.Store
	publisher *bus.Publisher
	subs      *pubsub.Client
	log       *zap.Logger
	runs      atomic.Int64
	// nonce makes run owners unique even when two processes share an instance name.
	nonce  string
	pause  *pauseSwitch
	claims claimStripes
	// writes reports the Firestore document writes committed so far, when counted.
	writes func() int64
}

// NewWorker wires a processor of graph g to its state store and Pub/Sub client.
func NewWorker(p events.Processor, g *pipeline.Graph, hooks Hooks, cfg Config,
	store *state.Store, client *pubsub.Client, log *zap.Logger) (*Worker, error) {
	node, ok := g.Node(p)
	if !ok {
		return nil, fmt.Errorf("choreo: processor %q is not in the graph", p)
	}
	if err := cfg.Check(); err != nil {
		return nil, err
	}
	if err := cfg.checkAckExtension(); err != nil {
		return nil, err
	}
	if hooks.Run == nil || (len(node.Needs) > 0 && hooks.CountRows == nil) {
		return nil, fmt.Errorf("choreo: processor %q needs a RunFunc and, with upstreams, a "+
			"RowCounter for its dependency gate", p)
	}
	return &Worker{
		processor: p, needs: node.Needs, graph: g, triggers: g.Triggers(p), hooks: hooks, cfg: cfg,
		marksDate: g.IsRoot(p) || g.IsLeaf(p),
		store:     store, publisher: bus.NewPublisher(client), subs: client,
		log: log.With(zap.String("processor", string(p))), pause: newPauseSwitch(),
		nonce: newNonce(),
	}, nil
}

// Serve receives from every subscription of the worker until ctx ends.
func (w *Worker) Serve(ctx context.Context) error {
	defer w.publisher.Stop()
	g, ctx := errgroup.WithContext(ctx)
	g.Go(func() error { return w.watchPause(ctx) })
	for _, t := range w.triggers {
		id := bus.SubscriptionID(w.processor, t)
		sub := w.subs.Subscriber(id)
		sub.ReceiveSettings.MaxOutstandingMessages = w.cfg.MaxOutstanding
		sub.ReceiveSettings.NumGoroutines = 1
		sub.ReceiveSettings.MaxExtension = w.cfg.LeaseTTL + w.cfg.MaxRunTime
		if w.cfg.MaxExtension > 0 {
			sub.ReceiveSettings.MaxExtension = w.cfg.MaxExtension
		}
		if w.cfg.AckExtension > 0 {
			// Both bounds: below its minimum the client would still extend by 10s.
			sub.ReceiveSettings.MaxDurationPerAckExtension = w.cfg.AckExtension
			sub.ReceiveSettings.MinDurationPerAckExtension = w.cfg.AckExtension
		}
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
	return w.process(ctx, delivery{subscription: subscription, msg: msg, env: env})
}

func (w *Worker) triggeredBy(t events.Type) bool {
	for _, want := range w.triggers {
		if want == t {
			return true
		}
	}
	return false
}

// newNonce returns 8 random hex digits.
func newNonce() string {
	var b [4]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}
