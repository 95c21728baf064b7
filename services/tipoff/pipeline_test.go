package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/tipoff-nba/tipoff/events"
	"github.com/tipoff-nba/tipoff/services/internal/boxscore"
	"github.com/tipoff-nba/tipoff/services/localstack"
)

// realDataDir returns the real NBA data directory: $TIPOFF_NBA_DATA, else the shared copy
// next to the repository. The test skips, saying why, when neither holds the data.
func realDataDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv(boxscore.DataDirEnv)
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared", "data", "nba")
	}
	if _, err := os.Stat(filepath.Join(dir, boxscore.BoxScoreDir)); err != nil {
		t.Skipf("real NBA data not found at %s (set %s): %v", dir, boxscore.DataDirEnv, err)
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	return abs
}

// syncBuffer collects the workers' logs, which they write concurrently.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// startPipeline runs the four workers in this process on the test's project, reading the
// real box scores, with a warehouse of the test's own. The workers' logs are printed when
// the test fails.
func (e *testEnv) startPipeline() {
	e.t.Helper()
	logs := &syncBuffer{}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	none := map[string]int{}
	for _, name := range localstack.WorkerBinaries {
		none[name] = 0
	}
	stack, err := localstack.StartStack(ctx, localstack.StackConfig{Project: e.project,
		DataDir: realDataDir(e.t), Warehouse: filepath.Join(e.t.TempDir(), "warehouse.db"),
		Instances: none, Logs: logs})
	if err != nil {
		e.t.Fatal(err)
	}
	var workers []*localstack.InProcessWorker
	e.t.Cleanup(func() {
		for _, w := range workers {
			w.Stop()
		}
		stack.Stop()
		if e.t.Failed() {
			e.t.Logf("worker logs:\n%s", logs.String())
		}
	})
	for _, p := range events.Processors {
		w, err := stack.StartInProcess(localstack.InProcessConfig{Processor: p,
			Instance: string(p) + "-test", GateBackoff: 50 * time.Millisecond})
		if err != nil {
			e.t.Fatalf("start %s: %v", p, err)
		}
		workers = append(workers, w)
	}
}
