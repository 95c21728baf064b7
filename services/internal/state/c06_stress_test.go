package state

import (
	"flag"
	"math/rand"
	"testing"
	"time"

	"github.com/tipoff-nba/tipoff/events"
)

var c06Seed = flag.Int64("c06.seed", 0, "seed of TestC06FanInRandom; 0 picks one from the clock")

// c06Repetitions and c06Instances are C06's stress parameters.
const c06Repetitions = 200

var c06Instances = []string{"A", "B", "C", "D"}

// TestC06FanInRandom is C06's stress variant: 200 repetitions with 4 player instances,
// each team event delivered one to three times (Pub/Sub is at-least-once) to random
// instances, 0-50 ms apart, and the player run finishing at a random point. Whatever the
// order, one run starts, never with one flag set, and later copies are duplicates.
// Rerun a failure with -c06.seed.
func TestC06FanInRandom(t *testing.T) {
	seed := *c06Seed
	if seed == 0 {
		seed = time.Now().UnixNano()
	}
	for i := 0; i < c06Repetitions; i++ {
		rng := rand.New(rand.NewSource(seed + int64(i)))
		ok := t.Run("", func(t *testing.T) { runFanInRandom(t, rng) })
		if !ok {
			t.Fatalf("repetition %d failed; rerun with -c06.seed=%d", i, seed)
		}
	}
}

func runFanInRandom(t *testing.T, rng *rand.Rand) {
	f := newFanIn(t)
	pending := []fanInStep{{upstream: events.TeamOffense}, {upstream: events.TeamDefense}}
	for _, p := range teamNeeds {
		for n := 1 + rng.Intn(3); n > 0; n-- {
			pending = append(pending, fanInStep{upstream: p,
				instance: c06Instances[rng.Intn(len(c06Instances))]})
		}
	}

	now, finished := t0, false
	for len(pending) > 0 {
		i := pickReady(rng, pending)
		s := pending[i]
		pending = append(pending[:i], pending[i+1:]...)
		now = now.Add(time.Duration(rng.Intn(51)) * time.Millisecond)
		v := f.step(s, now)
		if finished && s.instance != "" && v.Decision != DecisionDuplicate {
			t.Fatalf("%s after the player run finished: %s, want duplicate\ntrace: %s", s,
				v.Decision, f.path())
		}
		if len(f.runs) == 1 && !finished && rng.Intn(3) == 0 {
			f.trace = append(f.trace, "player run finishes")
			f.m.mustFinish(t, completeFinish(c06Day, events.PlayerGameSummary, 1, f.runs[0], now))
			finished = true
		}
	}
	f.checkOneClaim()
}

// pickReady returns the index of a random pending step that may happen now: an event is
// only delivered once its upstream has finished.
func pickReady(rng *rand.Rand, pending []fanInStep) int {
	var ready []int
	for i, s := range pending {
		if s.instance == "" || !pendingFinish(pending, s.upstream) {
			ready = append(ready, i)
		}
	}
	return ready[rng.Intn(len(ready))]
}
