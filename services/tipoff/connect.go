package main

import (
	"context"
	"fmt"
	"strings"

	"cloud.google.com/go/firestore"
	"cloud.google.com/go/pubsub/v2"

	"github.com/tipoff-nba/tipoff/services/internal/bus"
	"github.com/tipoff-nba/tipoff/services/internal/pipeline"
	"github.com/tipoff-nba/tipoff/services/internal/state"
	"github.com/tipoff-nba/tipoff/services/localstack"
)

// backends are the clients of one command run.
type backends struct {
	graph *pipeline.Graph
	fs    *firestore.Client
	store *state.Store
	// ps and pub are nil unless the command publishes.
	ps  *pubsub.Client
	pub *bus.Publisher
}

// guardTarget refuses endpoints other than the loopback emulators unless --allow-cloud
// was given, so nobody points an operator command at production by accident.
func guardTarget(t target, withPubSub bool) error {
	if t.allowCloud {
		return nil
	}
	guard := localstack.GuardFirestore
	if withPubSub {
		guard = localstack.Guard
	}
	if err := guard(); err != nil {
		// The guard's errors name their package for the library's callers; an operator
		// needs only the variable and the value.
		return usagef("%s (pass --allow-cloud if that is what you mean)",
			strings.TrimPrefix(err.Error(), "localstack: "))
	}
	return nil
}

// connect opens the Firestore client, and the Pub/Sub client when withPubSub is set.
// The official clients use FIRESTORE_EMULATOR_HOST and PUBSUB_EMULATOR_HOST when set.
func connect(ctx context.Context, t target, withPubSub bool) (*backends, error) {
	if err := guardTarget(t, withPubSub); err != nil {
		return nil, err
	}
	if err := checkEmulatorsReachable(ctx, withPubSub); err != nil {
		return nil, err
	}
	b := &backends{graph: defaultGraph()}
	var err error
	if b.fs, err = firestore.NewClient(ctx, t.project); err != nil {
		return nil, fmt.Errorf("firestore client for %s: %w", t.project, err)
	}
	b.store = state.NewStore(b.fs, b.graph.Leaves())
	if withPubSub {
		if b.ps, err = pubsub.NewClient(ctx, t.project); err != nil {
			b.Close()
			return nil, fmt.Errorf("pubsub client for %s: %w", t.project, err)
		}
		b.pub = bus.NewPublisher(b.ps)
	}
	return b, nil
}

// open bounds ctx by the command's --timeout and connects. done closes the clients and
// releases the timeout; call it when the command ends.
func open(ctx context.Context, t target, withPubSub bool) (context.Context, *backends,
	func(), error) {
	ctx, cancel := context.WithTimeout(ctx, t.timeout)
	b, err := connect(ctx, t, withPubSub)
	if err != nil {
		cancel()
		return nil, nil, nil, err
	}
	return ctx, b, func() { b.Close(); cancel() }, nil
}

// Close stops the publisher and closes the clients.
func (b *backends) Close() {
	if b.pub != nil {
		b.pub.Stop()
	}
	if b.ps != nil {
		_ = b.ps.Close()
	}
	if b.fs != nil {
		_ = b.fs.Close()
	}
}
