package replay

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/tipoff-nba/tipoff/bench/internal/workerlog"
	"github.com/tipoff-nba/tipoff/services/localstack"
)

// ServingTimeout bounds the wait for every worker to say it is serving.
const ServingTimeout = 60 * time.Second

// Config describes one stack of a benchmark run.
type Config struct {
	// Project is the Firestore and Pub/Sub project id; each stage uses its own, so the
	// stages share one emulator without sharing data.
	Project string
	// BinDir holds the worker binaries (make build puts them in bin/).
	BinDir string
	// DataDir is the NBA data directory the raw loader reads.
	DataDir string
	// WorkDir receives the warehouse file and the workers' log, workers.log.
	WorkDir string
}

// Stack is a running stack whose workers log, as JSON lines, to one file.
type Stack struct {
	*localstack.Stack
	// LogPath is the workers' log.
	LogPath string
	logFile *os.File
	stop    sync.Once
}

// Start starts the workers on the emulators named by FIRESTORE_EMULATOR_HOST (which the
// caller sets) and a new Pub/Sub fake, and waits until every worker is serving.
func Start(ctx context.Context, cfg Config) (*Stack, error) {
	if err := os.MkdirAll(cfg.WorkDir, 0o755); err != nil {
		return nil, fmt.Errorf("replay: %w", err)
	}
	logPath := filepath.Join(cfg.WorkDir, "workers.log")
	// Every worker writes whole lines to one shared append-only file; the kernel keeps
	// such writes from interleaving.
	f, err := os.OpenFile(logPath, os.O_CREATE|os.O_WRONLY|os.O_TRUNC|os.O_APPEND, 0o644)
	if err != nil {
		return nil, fmt.Errorf("replay: %w", err)
	}
	st, err := localstack.StartStack(ctx, localstack.StackConfig{
		Project: cfg.Project, BinDir: cfg.BinDir, DataDir: cfg.DataDir,
		Warehouse: filepath.Join(cfg.WorkDir, "warehouse.db"), Logs: f,
	})
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("replay: start stack %s: %w", cfg.Project, err)
	}
	s := &Stack{Stack: st, LogPath: logPath, logFile: f}
	if err := s.awaitServing(ctx); err != nil {
		s.Stop()
		return nil, err
	}
	return s, nil
}

// awaitServing polls the log until each worker process has logged "worker serving".
func (s *Stack) awaitServing(ctx context.Context) error {
	deadline := time.Now().Add(ServingTimeout)
	for {
		l, err := s.ReadLog()
		if err != nil {
			return err
		}
		if n := len(l.With(workerlog.MsgServing)); n >= len(s.Workers) {
			return nil
		}
		for _, w := range s.Workers {
			select {
			case <-w.Exited():
				return fmt.Errorf("replay: worker %s exited at start; see %s", w.Name, s.LogPath)
			default:
			}
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("replay: workers not serving after %s; see %s", ServingTimeout,
				s.LogPath)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// ReadLog parses the workers' log as written so far.
func (s *Stack) ReadLog() (workerlog.Log, error) {
	f, err := os.Open(s.LogPath)
	if err != nil {
		return workerlog.Log{}, fmt.Errorf("replay: %w", err)
	}
	defer f.Close()
	return workerlog.Read(f)
}

// Stop stops the workers (SIGTERM, so they log "worker stopped"), the Pub/Sub fake and
// the clients, and closes the log. The Firestore emulator is the caller's. Calls after the
// first do nothing.
func (s *Stack) Stop() {
	s.stop.Do(func() {
		s.Stack.Stop()
		_ = s.logFile.Close()
	})
}
