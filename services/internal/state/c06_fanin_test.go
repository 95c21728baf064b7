package state

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/tipoff-nba/tipoff/events"
)

// c06Day is the game date of shared/cases/inputs/C06.json.
const c06Day = "2024-01-19"

// fanInStep is one transaction of the C06 fan-in: either an upstream run finishing (its
// flag is set) or its completion event reaching a player worker instance (a claim).
type fanInStep struct {
	upstream events.Processor
	// instance is the player instance the event reaches; "" when the upstream finishes.
	instance string
}

func (s fanInStep) String() string {
	if s.instance == "" {
		return "finish " + string(s.upstream)
	}
	return s.instance + " gets " + string(s.upstream)
}

// fanIn replays steps against one date and checks C06's rules on every claim: a run only
// with both flags set, and only one run. It returns the runs' owners.
type fanIn struct {
	t      *testing.T
	m      *dateModel
	owners map[events.Processor]string
	runs   []string
	trace  []string
}

// newFanIn starts from C06's state: g1 loaded and both team summaries running.
func newFanIn(t *testing.T) *fanIn {
	m := newDateModel()
	gen := m.load(t, c06Day, "r1", t0)
	owners := map[events.Processor]string{}
	for _, p := range teamNeeds {
		owners[p] = m.claimTeam(t, c06Day, p, gen, t0)
	}
	return &fanIn{t: t, m: m, owners: owners}
}

func (f *fanIn) step(s fanInStep, now time.Time) Verdict {
	f.t.Helper()
	f.trace = append(f.trace, s.String())
	if s.instance == "" {
		f.m.mustFinish(f.t, completeFinish(c06Day, s.upstream, 1, f.owners[s.upstream], now))
		return Verdict{}
	}

	bothSet := f.m.succeeded(events.TeamOffense) && f.m.succeeded(events.TeamDefense)
	owner := fmt.Sprintf("%s/run-%d", s.instance, len(f.trace))
	v, err := f.m.claim(playerTrigger(c06Day, s.upstream, 1, owner, now))
	if err != nil {
		f.t.Fatalf("%s: %v\ntrace: %s", s, err, f.path())
	}
	switch {
	case v.Decision == DecisionRun && !bothSet:
		f.t.Fatalf("%s: run started with one flag set\ntrace: %s", s, f.path())
	case v.Decision == DecisionRun:
		f.runs = append(f.runs, owner)
	case v.Decision == DecisionWait && bothSet:
		f.t.Fatalf("%s: waited with both flags set\ntrace: %s", s, f.path())
	}
	return v
}

func (f *fanIn) path() string { return strings.Join(f.trace, " -> ") }

// checkOneClaim: exactly one run, and the date is not left with both flags set and no
// claim (C06's "neither fires" interleaving).
func (f *fanIn) checkOneClaim() {
	f.t.Helper()
	if len(f.runs) != 1 {
		f.t.Fatalf("%d runs %v, want exactly 1\ntrace: %s", len(f.runs), f.runs, f.path())
	}
	p := f.m.procs[events.PlayerGameSummary]
	if p == nil || p.Generation != 1 || p.Attempt != 1 {
		f.t.Fatalf("player document = %+v, want the one g1 claim\ntrace: %s", p, f.path())
	}
	if p.Status == StatusRunning && (p.Lease == nil || p.Lease.Owner != f.runs[0]) {
		f.t.Errorf("lease = %+v, want held by %s\ntrace: %s", p.Lease, f.runs[0], f.path())
	}
}

// TestC06FanInEveryOrder runs every serial order of C06's four transactions: offense and
// defense finishing, and instance A receiving the offense event while B receives the
// defense event. An event can only be delivered after its upstream finished. The claims
// are serializable Firestore transactions, so these orders are every outcome possible.
func TestC06FanInEveryOrder(t *testing.T) {
	steps := []fanInStep{
		{upstream: events.TeamOffense}, {upstream: events.TeamDefense},
		{upstream: events.TeamOffense, instance: "A"},
		{upstream: events.TeamDefense, instance: "B"},
	}
	orders := deliveryOrders(steps)
	if len(orders) != 6 {
		t.Fatalf("%d orders, want 6: each delivery after its own upstream", len(orders))
	}
	for _, order := range orders {
		names := make([]string, len(order))
		for i, s := range order {
			names[i] = s.String()
		}
		t.Run(strings.Join(names, ", "), func(t *testing.T) {
			f := newFanIn(t)
			for i, s := range order {
				f.step(s, t0.Add(time.Duration(i)*time.Millisecond))
			}
			f.checkOneClaim()
		})
	}
}

// deliveryOrders returns every permutation of steps in which each delivery comes after
// its upstream's finish.
func deliveryOrders(steps []fanInStep) [][]fanInStep {
	if len(steps) == 0 {
		return [][]fanInStep{nil}
	}
	var out [][]fanInStep
	for i, first := range steps {
		rest := append(append([]fanInStep{}, steps[:i]...), steps[i+1:]...)
		if first.instance != "" && pendingFinish(rest, first.upstream) {
			continue
		}
		for _, tail := range deliveryOrders(rest) {
			out = append(out, append([]fanInStep{first}, tail...))
		}
	}
	return out
}

func pendingFinish(steps []fanInStep, p events.Processor) bool {
	for _, s := range steps {
		if s.instance == "" && s.upstream == p {
			return true
		}
	}
	return false
}
