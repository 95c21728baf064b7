package main

import (
	"strings"
	"time"

	"github.com/tipoff-nba/tipoff/events"
	"github.com/tipoff-nba/tipoff/services/internal/state"
)

// seedAt is the clock of seeded runs; tests move it forward step by step.
var seedAt = time.Date(2026, 2, 4, 6, 0, 0, 0, time.UTC)

// load opens gameDate's generation for request the way a load request does, and
// finishes the raw loader's run as complete. It returns the generation.
func (e *testEnv) load(gameDate, request string, at time.Time) int64 {
	e.t.Helper()
	v := e.claim(state.Trigger{GameDate: gameDate, Processor: events.RawBoxScores,
		EventID: events.LoadRequestID(gameDate, request), EventType: events.LoadRequested,
		RequestID: request, Owner: "raw-" + request, Now: at, LeaseTTL: time.Minute})
	e.finish(v, state.Finish{Status: state.StatusComplete, Now: at.Add(time.Second)})
	return v.Generation
}

// claimDependent claims p's run of gen as the completion of its first need would.
func (e *testEnv) claimDependent(gameDate string, p events.Processor, gen int64,
	at time.Time) state.Verdict {
	e.t.Helper()
	node, _ := defaultGraph().Node(p)
	typ, _ := events.CompletionType(node.Needs[0])
	return e.claim(state.Trigger{GameDate: gameDate, Processor: p, Needs: node.Needs,
		EventID: events.CompletionID(node.Needs[0], gameDate, gen), EventType: typ,
		Generation: gen, Owner: string(p) + "-run", Now: at, LeaseTTL: time.Minute})
}

func (e *testEnv) claim(t state.Trigger) state.Verdict {
	e.t.Helper()
	v, err := e.store.Claim(e.ctx(), t)
	if err != nil || v.Decision != state.DecisionRun {
		e.t.Fatalf("claim %s for %s: %s %s %v", t.Processor, t.GameDate, v.Decision, v.Reason, err)
	}
	return v
}

// finish records the claimed run v with f's status, findings, error and time; the rest
// of the record is filled in as a worker would.
func (e *testEnv) finish(v state.Verdict, f state.Finish) {
	e.t.Helper()
	p := events.Processor(v.Processor.Processor)
	typ, _ := events.CompletionType(p)
	f.GameDate, f.Processor, f.Generation = v.Processor.GameDate, p, v.Generation
	f.Owner = v.Processor.Lease.Owner
	// As a worker does: the root's and the leaf's outcomes update the date document.
	f.UpdateDate = p == events.RawBoxScores || p == events.PlayerGameSummary
	if f.Status.Succeeded() {
		f.EventID, f.EventType = events.CompletionID(p, f.GameDate, f.Generation), typ
		f.Rows, f.Games = map[string]int{string(p) + "_rows": 2}, 1
		f.InputDigest = "sha256:" + strings.Repeat("c", 64)
	}
	if _, err := e.store.Finish(e.ctx(), f); err != nil {
		e.t.Fatalf("finish %s for %s: %v", p, f.GameDate, err)
	}
}

// complete runs p for gen to completion.
func (e *testEnv) complete(gameDate string, p events.Processor, gen int64, at time.Time) {
	e.t.Helper()
	v := e.claimDependent(gameDate, p, gen, at)
	e.finish(v, state.Finish{Status: state.StatusComplete, Now: at.Add(time.Second)})
}

// block claims p's run of gen and lets the breaker block it on its first failed check.
func (e *testEnv) block(gameDate string, p events.Processor, gen int64, at time.Time) {
	e.t.Helper()
	v := e.claimDependent(gameDate, p, gen, at)
	_, blocked, err := e.store.RecordGateFailure(e.ctx(), state.GateFailure{GameDate: gameDate,
		Processor: p, Generation: gen, Owner: v.Processor.Lease.Owner,
		Reason: "upstream rows missing", MaxFailures: 1, Now: at.Add(time.Second)})
	if err != nil || !blocked {
		e.t.Fatalf("block %s for %s: blocked %t, %v", p, gameDate, blocked, err)
	}
}

// processor reads p's document of gameDate.
func (e *testEnv) processor(gameDate string, p events.Processor) state.ProcessorDoc {
	e.t.Helper()
	procs, err := e.store.Processors(e.ctx(), gameDate)
	if err != nil {
		e.t.Fatal(err)
	}
	return procs[p]
}
