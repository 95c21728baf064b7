package main

import (
	"context"
	"fmt"
	"path/filepath"
	"time"

	"github.com/tipoff-nba/tipoff/bench/internal/hops"
	"github.com/tipoff-nba/tipoff/bench/internal/replay"
	"github.com/tipoff-nba/tipoff/bench/internal/workerlog"
)

// dateTimeout bounds one date of the one-date-at-a-time replay. It is longer than the
// workers' default lease (60 s), so a run stuck behind a lease can still be taken over.
const dateTimeout = 90 * time.Second

// maxStuckDates is how many dates may miss dateTimeout before the replay gives up; a stuck
// date is reported, and the replay goes on with the next.
const maxStuckDates = 2

// sequentialResult is the one-date-at-a-time replay: unloaded hops, and every run's work
// with nothing else running beside it.
type sequentialResult struct {
	Floor floorResult
	Dates []string
	// Hops are the hops of every date but the warm-up ones.
	Hops    []hops.Hop
	Missing []string
	// Statuses are the dates' final statuses.
	Statuses map[string]string
	// Stuck are the dates that were not done within dateTimeout.
	Stuck   []string
	Log     workerlog.Log
	Seconds float64
}

// runSequential starts a stack, loads the dates one at a time, each once the previous one
// is done, then measures the floor on the idle stack.
func runSequential(ctx context.Context, env *environment, o options) (sequentialResult, error) {
	var r sequentialResult
	for i := 0; i < len(env.data.Dates); i += o.seqEvery {
		r.Dates = append(r.Dates, env.data.Dates[i])
	}
	st, err := replay.Start(ctx, replay.Config{Project: "bench-seq", BinDir: env.binDir,
		DataDir: env.data.Dir, WorkDir: filepath.Join(env.workDir, "seq")})
	if err != nil {
		return r, err
	}
	defer st.Stop()

	started := time.Now()
	if r.Statuses, r.Stuck, err = loadOneByOne(ctx, st, r.Dates); err != nil {
		return r, err
	}
	r.Seconds = time.Since(started).Seconds()
	// The floor is measured once the replay is over: the stack is idle again and the
	// emulator's JVM is as warm as it was for the hops.
	if r.Floor, err = measureFloor(ctx, st.PS, "bench-floor", o.floorSamples); err != nil {
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
	all, missing := hops.Measure(r.Log, times)
	r.Missing = missing
	warm := map[string]bool{}
	for _, d := range r.Dates[:min(o.warmup, len(r.Dates))] {
		warm[d] = true
	}
	for _, h := range all {
		if !warm[h.GameDate] {
			r.Hops = append(r.Hops, h)
		}
	}
	return r, nil
}

// loadOneByOne loads each date and waits until it is done before the next. A date not done
// within dateTimeout is returned in stuck and the replay goes on, up to maxStuckDates.
func loadOneByOne(ctx context.Context, st *replay.Stack, dates []string) (
	statuses map[string]string, stuck []string, err error) {
	w := st.Watch(ctx)
	defer w.Stop()
	for _, d := range dates {
		if err := st.Load(ctx, "bench-seq", d); err != nil {
			return nil, stuck, err
		}
		dateCtx, cancel := context.WithTimeout(ctx, dateTimeout)
		err := w.AwaitDone(dateCtx, d)
		cancel()
		switch {
		case err != nil && ctx.Err() == nil && len(stuck) < maxStuckDates:
			stuck = append(stuck, d)
		case err != nil:
			return nil, stuck, fmt.Errorf("date %s: %w", d, err)
		}
	}
	return w.Statuses(), stuck, nil
}

// eventTimes reads the time of every completion the workers have published so far.
func eventTimes(ctx context.Context, st *replay.Stack) (hops.EventTimes, error) {
	l, err := st.ReadLog()
	if err != nil {
		return nil, err
	}
	ids := map[string]string{}
	for _, e := range l.With(workerlog.MsgPublished) {
		ids[e.PublishedEventID] = e.GameDate
	}
	times, err := st.EventTimes(ctx, ids)
	if err != nil {
		return nil, err
	}
	return func(id string) (time.Time, bool) {
		t, ok := times[id]
		return t, ok
	}, nil
}
