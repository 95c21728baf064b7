package main

import (
	"context"
	"fmt"
	"time"

	"cloud.google.com/go/firestore"
	"cloud.google.com/go/pubsub/v2"

	"github.com/tipoff-nba/tipoff/bench/internal/floor"
)

// directCalls is how many calls the direct-call baseline averages over.
const directCalls = 10_000_000

// floorResult is the latency floor of one hop, measured on an idle stack.
type floorResult struct {
	// PubSub is publish→receive on pstest with the workers' client settings.
	PubSub []time.Duration
	// PubSubDefault is the same with the client library's default settings.
	PubSubDefault []time.Duration
	// Tx is one uncontended emulator transaction reading 3 documents and writing 1.
	Tx []time.Duration
	// DirectCall is one direct function call.
	DirectCall time.Duration
}

// measureFloor measures the floor through ps (the stack's Pub/Sub client) and a Firestore
// client of its own, in project, on the emulator FIRESTORE_EMULATOR_HOST names.
func measureFloor(ctx context.Context, ps *pubsub.Client, project string, n int) (
	floorResult, error) {
	var f floorResult
	var err error
	if f.PubSub, err = floor.PubSub(ctx, ps, "bench-floor-pipeline", n,
		floor.PipelineSettings); err != nil {
		return f, err
	}
	if f.PubSubDefault, err = floor.PubSub(ctx, ps, "bench-floor-default", n,
		floor.DefaultSettings); err != nil {
		return f, err
	}
	if f.Tx, err = transactions(ctx, project, n); err != nil {
		return f, err
	}
	f.DirectCall = floor.DirectCall(directCalls)
	return f, nil
}

// transactions runs the floor transaction n times with a new client in project.
func transactions(ctx context.Context, project string, n int) ([]time.Duration, error) {
	fs, err := firestore.NewClient(ctx, project)
	if err != nil {
		return nil, fmt.Errorf("floor: firestore client: %w", err)
	}
	defer fs.Close()
	return floor.Transactions(ctx, fs, "floor", n)
}
