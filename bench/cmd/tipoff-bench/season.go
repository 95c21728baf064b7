package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/tipoff-nba/tipoff/bench/internal/hops"
	"github.com/tipoff-nba/tipoff/bench/internal/procmem"
	"github.com/tipoff-nba/tipoff/bench/internal/replay"
	"github.com/tipoff-nba/tipoff/bench/internal/wirecount"
	"github.com/tipoff-nba/tipoff/bench/internal/workerlog"
	"github.com/tipoff-nba/tipoff/services/localstack"
)

// seasonTimeout bounds the wait for the whole season.
const seasonTimeout = 5 * time.Minute

// seasonProject is the project id of the season replay; only its writes are counted.
const seasonProject = "bench-season"

// seasonResult is the whole season loaded at once, as `tipoff run` does, with the workers'
// Firestore traffic going through the counting proxy.
type seasonResult struct {
	Dates []string
	// Wall is from the first load request to the listener seeing every date done.
	Wall     time.Duration
	Statuses map[string]string
	// Idle is each worker's memory once serving, before any load; After is after the
	// season, before the stack stops.
	Idle, After map[string]procmem.Usage
	Log         workerlog.Log
	// Hops are the hops under the season's load (every date at once).
	Hops []hops.Hop
	// Writes are the committed writes of the season's project, by document.
	Writes     []wirecount.DocWrites
	WriteCalls int
	WriteErrs  []error
	// DirectTx and ProxyTx are the floor transaction measured straight to the emulator and
	// then through the proxy, back to back, to show what the proxy costs.
	DirectTx, ProxyTx []time.Duration
}

// runSeason replays the whole season at once behind the write-counting proxy.
func runSeason(ctx context.Context, env *environment, o options) (seasonResult, error) {
	r := seasonResult{Dates: env.data.Dates}
	proxy, err := wirecount.Start(env.firestore.Host)
	if err != nil {
		return r, err
	}
	defer proxy.Stop()
	if r.DirectTx, err = transactions(ctx, "bench-floor-direct", o.floorSamples); err != nil {
		return r, err
	}
	if err := os.Setenv(localstack.FirestoreHostEnv, proxy.Addr); err != nil {
		return r, err
	}
	defer os.Setenv(localstack.FirestoreHostEnv, env.firestore.Host)
	if r.ProxyTx, err = transactions(ctx, "bench-floor-proxy", o.floorSamples); err != nil {
		return r, err
	}

	st, err := replay.Start(ctx, replay.Config{Project: seasonProject, BinDir: env.binDir,
		DataDir: env.data.Dir, WorkDir: filepath.Join(env.workDir, "season-run")})
	if err != nil {
		return r, err
	}
	defer st.Stop()
	if r.Idle, err = st.Memory(); err != nil {
		return r, err
	}
	if err := replaySeason(ctx, st, &r); err != nil {
		return r, err
	}
	if r.After, err = st.Memory(); err != nil {
		return r, err
	}
	times, err := eventTimes(ctx, st)
	if err != nil {
		return r, err
	}

	st.Stop()
	if r.Log, err = st.ReadLog(); err != nil {
		return r, err
	}
	r.Hops, _ = hops.Measure(r.Log, times)
	r.Writes, r.WriteCalls = proxy.Writes()
	r.WriteErrs = proxy.Errors()
	return r, nil
}

// replaySeason loads every date at once and waits until all are done.
func replaySeason(ctx context.Context, st *replay.Stack, r *seasonResult) error {
	w := st.Watch(ctx)
	defer w.Stop()
	started := time.Now()
	if err := st.Load(ctx, "bench-season", r.Dates...); err != nil {
		return err
	}
	waitCtx, cancel := context.WithTimeout(ctx, seasonTimeout)
	defer cancel()
	if err := w.AwaitDone(waitCtx, r.Dates...); err != nil {
		return fmt.Errorf("season: %w", err)
	}
	r.Wall = time.Since(started)
	r.Statuses = w.Statuses()
	return nil
}
