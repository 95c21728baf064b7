package choreo

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
	"time"

	"cloud.google.com/go/firestore"
	"cloud.google.com/go/pubsub/v2"
	"go.uber.org/zap"

	"github.com/tipoff-nba/tipoff/events"
	"github.com/tipoff-nba/tipoff/services/internal/buildinfo"
	"github.com/tipoff-nba/tipoff/services/internal/logging"
	"github.com/tipoff-nba/tipoff/services/internal/pipeline"
	"github.com/tipoff-nba/tipoff/services/internal/state"
)

// Setup prepares a processor's hooks and returns them with a function that releases what
// it opened (nil when there is nothing to release).
type Setup func(ctx context.Context, log *zap.Logger) (Hooks, func() error, error)

// Main runs a worker process for processor p until SIGINT or SIGTERM and returns the exit
// code. It logs the build first, so it is always known what runs.
func Main(p events.Processor, setup Setup) int {
	cfg, cfgErr := LoadConfig()
	log, err := logging.New(string(p), buildinfo.Current(), cfg.LogLevel)
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\n", p, err)
		return 2
	}
	defer func() { _ = log.Sync() }()
	log.Info("worker starting", zap.String("processor", string(p)),
		zap.String("instance", cfg.Instance), zap.Duration("lease_ttl", cfg.LeaseTTL),
		zap.Duration("max_run_time", cfg.MaxRunTime))
	if cfgErr != nil {
		log.Error("configuration refused", zap.Error(cfgErr))
		return 2
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(DefaultMemoryLimit)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	done := make(chan error, 1)
	go func() { done <- serve(ctx, p, setup, cfg, log) }()
	select {
	case err = <-done:
	case <-ctx.Done():
		select {
		case err = <-done:
		case <-time.After(ShutdownGrace):
			log.Error("worker did not stop within the shutdown grace; exiting",
				zap.Duration("grace", ShutdownGrace))
			return 1
		}
	}
	if err != nil {
		log.Error("worker stopped", zap.Error(err))
		return 1
	}
	log.Info("worker stopped")
	return 0
}

// ShutdownGrace is how long a worker may take to stop after SIGTERM or SIGINT before it
// exits anyway (Cloud Run gives 10 s). Unacked messages are redelivered.
const ShutdownGrace = 8 * time.Second

// DefaultMemoryLimit is the Go runtime's soft memory limit when GOMEMLIMIT is not set:
// 24 MiB, which keeps a worker's steady resident memory under its 40 MB target.
const DefaultMemoryLimit = 24 << 20

func serve(ctx context.Context, p events.Processor, setup Setup, cfg Config, log *zap.Logger) error {
	graph, err := pipeline.New(pipeline.Default)
	if err != nil {
		return err
	}
	hooks, release, err := setup(ctx, log)
	if err != nil {
		return fmt.Errorf("set up %s: %w", p, err)
	}
	if release != nil {
		defer func() {
			if err := release(); err != nil {
				log.Warn("release failed", zap.Error(err))
			}
		}()
	}
	writes := &state.WriteCounter{}
	counted, err := writes.DialOption()
	if err != nil {
		return err
	}
	fs, err := firestore.NewClient(ctx, cfg.Project, counted)
	if err != nil {
		return fmt.Errorf("firestore client: %w", err)
	}
	defer fs.Close()
	ps, err := pubsub.NewClient(ctx, cfg.Project)
	if err != nil {
		return fmt.Errorf("pubsub client: %w", err)
	}
	defer ps.Close()
	store := state.NewStore(fs, graph.Leaves())
	w, err := NewWorker(p, graph, hooks, cfg, store, ps, log)
	if err != nil {
		return err
	}
	w.writes = writes.Total
	return w.Serve(ctx)
}
