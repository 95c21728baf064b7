package state

import (
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/tipoff-nba/tipoff/events"
)

// leaseTTL is long next to every simulated step, so a lease only expires where a test
// moves the clock past it on purpose.
const leaseTTL = 10 * time.Minute

// t0 is an arbitrary processing clock origin; decisions must not care what it is.
var t0 = time.Date(2024, 1, 19, 4, 0, 0, 0, time.UTC)

// teamNeeds is what the player processor waits for, as the pipeline graph declares it.
var teamNeeds = []events.Processor{events.TeamOffense, events.TeamDefense}

// procAt returns processor p's document for gameDate at gen with status s. A succeeded
// document carries its completion event id, as decideFinish writes it.
func procAt(gameDate string, p events.Processor, gen int64, s Status) *ProcessorDoc {
	d := &ProcessorDoc{GameDate: gameDate, Processor: string(p), Status: s, Generation: gen,
		Attempt: 1}
	if s.Succeeded() {
		d.EventID = events.CompletionID(p, gameDate, gen)
	}
	return d
}

// leased returns d running under owner's lease until expires.
func leased(d *ProcessorDoc, owner string, expires time.Time) *ProcessorDoc {
	d.Status = StatusRunning
	d.EventID = ""
	d.Lease = &Lease{Owner: owner, ExpiresAt: expires}
	return d
}

// dateAt returns a date document at gen whose generations were opened by requests
// "r1".."r<gen>".
func dateAt(gameDate string, gen int64) *DateDoc {
	d := &DateDoc{GameDate: gameDate, Generation: gen, Status: StatusRunning,
		Requests: map[string]int64{}}
	for g := int64(1); g <= gen; g++ {
		d.Requests[requestID(g)] = g
	}
	return d
}

func requestID(gen int64) string { return fmt.Sprintf("r%d", gen) }

// loadTrigger is a load request reaching the raw loader.
func loadTrigger(gameDate, request, owner string, now time.Time) Trigger {
	return Trigger{GameDate: gameDate, Processor: events.RawBoxScores,
		EventID: events.LoadRequestID(gameDate, request), EventType: events.LoadRequested,
		RequestID: request, Owner: owner, Now: now, LeaseTTL: leaseTTL}
}

// completionTrigger is upstream's completion of gen reaching processor p, built the way
// the worker builds it from a parsed envelope.
func completionTrigger(gameDate string, p events.Processor, needs []events.Processor,
	upstream events.Processor, gen int64, owner string, now time.Time) Trigger {
	typ, _ := events.CompletionType(upstream)
	return Trigger{GameDate: gameDate, Processor: p, Needs: needs,
		EventID: events.CompletionID(upstream, gameDate, gen), EventType: typ,
		Generation: gen, Owner: owner, Now: now, LeaseTTL: leaseTTL}
}

// playerTrigger is an upstream team completion reaching the player processor.
func playerTrigger(gameDate string, upstream events.Processor, gen int64, owner string,
	now time.Time) Trigger {
	return completionTrigger(gameDate, events.PlayerGameSummary, teamNeeds, upstream, gen,
		owner, now)
}

// wantInputs is the exact input list a player run at gen must be given.
func wantInputs(gameDate string, gen int64) []events.Input {
	out := make([]events.Input, len(teamNeeds))
	for i, p := range teamNeeds {
		out[i] = events.Input{Processor: p, Generation: gen,
			EventID: events.CompletionID(p, gameDate, gen)}
	}
	return out
}

// clone deep-copies a document through JSON so a test can tell whether a decision
// changed what it was given.
func clone[T any](t *testing.T, v T) T {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("clone: %v", err)
	}
	var out T
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatalf("clone: %v", err)
	}
	return out
}
