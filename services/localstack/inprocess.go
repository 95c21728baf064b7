package localstack

import (
	"context"
	"fmt"
	"io"
	"sync"
	"time"

	"cloud.google.com/go/firestore"
	"cloud.google.com/go/pubsub/v2"

	"github.com/tipoff-nba/tipoff/events"
	"github.com/tipoff-nba/tipoff/services/internal/buildinfo"
	"github.com/tipoff-nba/tipoff/services/internal/choreo"
	"github.com/tipoff-nba/tipoff/services/internal/logging"
	"github.com/tipoff-nba/tipoff/services/internal/pipeline"
	"github.com/tipoff-nba/tipoff/services/internal/processors/playersummary"
	"github.com/tipoff-nba/tipoff/services/internal/processors/rawload"
	"github.com/tipoff-nba/tipoff/services/internal/processors/teamdefense"
	"github.com/tipoff-nba/tipoff/services/internal/processors/teamoffense"
	"github.com/tipoff-nba/tipoff/services/internal/state"
	"github.com/tipoff-nba/tipoff/services/internal/warehouse"
)

// InProcessConfig describes a worker run as goroutines of the calling process, with the
// same runtime and processor code as the worker binaries.
type InProcessConfig struct {
	Processor events.Processor
	// Instance names the worker in leases and logs.
	Instance string
	// LeaseTTL, MaxRunTime and GateBackoff override the runtime's defaults when set.
	LeaseTTL, MaxRunTime, GateBackoff time.Duration
	// MaxExtension, when set, caps how long the client keeps extending a message's ack
	// deadline, so a slow handler's message is redelivered to another instance.
	MaxExtension time.Duration
	// AckExtension, when set, is the runtime's AckExtension: how long a message the
	// worker held comes back after the worker dies (the client's default is 10s or more).
	AckExtension time.Duration
	// SlowRun, when set, is called before each run and the run waits that long first.
	SlowRun func() time.Duration
	// Faults are injected into the worker's Firestore commits; nil injects none.
	Faults *Faults
	// Logs receives the worker's JSON log.
	Logs io.Writer
}

// InProcessWorker is a running in-process worker.
type InProcessWorker struct {
	cancel context.CancelFunc
	done   chan struct{}
	once   sync.Once
	fs     *firestore.Client
	ps     *pubsub.Client
	wh     *warehouse.Warehouse
}

// StartInProcess starts a worker of the stack in this process.
func (s *Stack) StartInProcess(cfg InProcessConfig) (*InProcessWorker, error) {
	ctx, cancel := context.WithCancel(context.Background())
	w := &InProcessWorker{cancel: cancel, done: make(chan struct{})}
	worker, err := s.buildWorker(ctx, cfg, w)
	if err != nil {
		cancel()
		w.release()
		return nil, err
	}
	go func() {
		defer close(w.done)
		_ = worker.Serve(ctx)
	}()
	return w, nil
}

func (s *Stack) buildWorker(ctx context.Context, cfg InProcessConfig, w *InProcessWorker) (
	*choreo.Worker, error) {
	graph, err := pipeline.New(pipeline.Default)
	if err != nil {
		return nil, err
	}
	runtime, err := runtimeConfig(cfg, s.Config.Project)
	if err != nil {
		return nil, err
	}
	logs := cfg.Logs
	if logs == nil {
		logs = s.Config.Logs
	}
	log := logging.To(logs, string(cfg.Processor), buildinfo.Current())
	if w.wh, err = warehouse.Open(ctx, s.Config.Warehouse); err != nil {
		return nil, err
	}
	if w.fs, err = FirestoreClient(ctx, s.FirestoreHost, s.Config.Project, cfg.Faults); err != nil {
		return nil, err
	}
	if w.ps, err = PubSubClient(ctx, s.PubSubHost, s.Config.Project); err != nil {
		return nil, err
	}
	hooks, err := hooksFor(cfg.Processor, s.Config.DataDir, w.wh)
	if err != nil {
		return nil, err
	}
	if cfg.SlowRun != nil {
		hooks.Run = slowed(hooks.Run, cfg.SlowRun)
	}
	store := state.NewStore(w.fs, graph.Leaves())
	return choreo.NewWorker(cfg.Processor, graph, hooks, runtime, store, w.ps, log)
}

func runtimeConfig(cfg InProcessConfig, project string) (choreo.Config, error) {
	c, err := choreo.LoadConfig()
	if err != nil {
		return c, err
	}
	c.Project = project
	if cfg.Instance != "" {
		c.Instance = cfg.Instance
	}
	if cfg.LeaseTTL > 0 {
		c.LeaseTTL = cfg.LeaseTTL
	}
	if cfg.MaxRunTime > 0 {
		c.MaxRunTime = cfg.MaxRunTime
	}
	if cfg.GateBackoff > 0 {
		c.GateBackoff = cfg.GateBackoff
	}
	if cfg.MaxExtension > 0 {
		c.MaxExtension = cfg.MaxExtension
	}
	if cfg.AckExtension > 0 {
		c.AckExtension = cfg.AckExtension
	}
	return c, c.Check()
}

func hooksFor(p events.Processor, dataDir string, wh *warehouse.Warehouse) (choreo.Hooks, error) {
	switch p {
	case events.RawBoxScores:
		return rawload.Hooks(dataDir, wh), nil
	case events.TeamOffense:
		return teamoffense.Hooks(wh), nil
	case events.TeamDefense:
		return teamdefense.Hooks(wh), nil
	case events.PlayerGameSummary:
		return playersummary.Hooks(wh), nil
	}
	return choreo.Hooks{}, fmt.Errorf("localstack: no processor %q", p)
}

// Crash stops the worker the way a killed process stops: its clients are closed under it,
// so whatever it was doing is neither finished, acked nor nacked. Its leases stay until they
// expire and its messages come back after their ack deadline.
func (w *InProcessWorker) Crash() {
	w.once.Do(func() {
		w.release()
		w.cancel()
		<-w.done
	})
}

// Stop ends the worker.
func (w *InProcessWorker) Stop() {
	w.once.Do(func() {
		w.cancel()
		<-w.done
		w.release()
	})
}

func (w *InProcessWorker) release() {
	if w.ps != nil {
		_ = w.ps.Close()
	}
	if w.fs != nil {
		_ = w.fs.Close()
	}
	if w.wh != nil {
		_ = w.wh.Close()
	}
}

// slowed delays each run, as a slow warehouse or a long game day would.
func slowed(run choreo.RunFunc, delay func() time.Duration) choreo.RunFunc {
	return func(ctx context.Context, r choreo.Run) (choreo.Result, error) {
		t := time.NewTimer(delay())
		defer t.Stop()
		select {
		case <-t.C:
		case <-ctx.Done():
			return choreo.Result{}, ctx.Err()
		}
		return run(ctx, r)
	}
}
