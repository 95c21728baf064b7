package state

import (
	"errors"
	"fmt"
	"time"

	"github.com/tipoff-nba/tipoff/events"
)

// Decision is what a worker should do with a triggering event.
type Decision string

const (
	// DecisionRun: the caller now holds the run's lease and must compute.
	DecisionRun Decision = "run"
	// DecisionWait: an upstream has not completed the current generation; its own event
	// will wake the processor. Nothing is counted.
	DecisionWait Decision = "wait"
	// DecisionDuplicate: the processor already completed the current generation.
	DecisionDuplicate Decision = "duplicate"
	// DecisionBusy: another run holds a live lease for the current generation.
	DecisionBusy Decision = "busy"
	// DecisionStale: the event is for an older generation than the date's current one.
	DecisionStale Decision = "stale"
	// DecisionSettled: the processor ended the generation without success (failed,
	// blocked or quarantined); only a new generation or an operator changes that.
	DecisionSettled Decision = "settled"
	// DecisionPaused: the processor's kill switch is on; the event is held until it is off.
	DecisionPaused Decision = "paused"
	// DecisionConflict: a load request whose request id already opened the current
	// generation with another replay_from. The generation stays as it was opened; the copy
	// is not a duplicate, since what it asks for was never done (see ConflictReason).
	DecisionConflict Decision = "conflict"
)

// ErrLeaseLost is returned when finishing a run whose lease another run has taken over.
var ErrLeaseLost = errors.New("state: run lease lost to another owner")

// ErrSuperseded is returned when finishing a run whose generation is no longer current.
var ErrSuperseded = errors.New("state: generation superseded during the run")

// ErrAhead is returned for an event whose generation is newer than the date's: it cannot
// be acted on yet, and the caller should retry it.
var ErrAhead = errors.New("state: event generation is ahead of the date")

// Trigger is an event that may start a run of Processor.
type Trigger struct {
	GameDate  string
	Processor events.Processor
	// Needs are the processors that must be complete at the generation; empty for a root.
	Needs     []events.Processor
	EventID   string
	EventType events.Type
	// Generation is the event's generation; 0 for a load request.
	Generation int64
	// RequestID is the load request's id (roots only).
	RequestID string
	// ReplayFrom is the load request's replay_from (roots only): recorded on the date when
	// the request opens a generation.
	ReplayFrom events.Processor
	// Owner identifies the run that would hold the lease.
	Owner string
	// Now is the time of the decision: the lease, when claimed, expires LeaseTTL after it.
	Now time.Time
	// Clock, when set, replaces Now with a fresh reading on every attempt of the claim
	// transaction. A claim can wait a long time behind contention (aborts, lock timeouts,
	// retries); a lease stamped from a time read before that wait may already have expired
	// when it is written, and the next delivery would take the run over.
	Clock    func() time.Time
	LeaseTTL time.Duration
	// Again is true when the same delivery is decided once more (after waiting for a busy
	// lease), so the event log does not count it as another delivery.
	Again bool
}

// Verdict is the outcome of a claim.
type Verdict struct {
	Decision   Decision
	Generation int64
	// Inputs are the upstream completions the run must read (DecisionRun only).
	Inputs []events.Input
	// Upstream are the documents of those completions, as the claim read them; the
	// dependency gate checks the warehouse against their row counts.
	Upstream map[events.Processor]ProcessorDoc
	// Attempt counts runs claimed at this generation, this one included.
	Attempt int
	// Opened is true when this claim opened Generation (a root's load request only).
	Opened bool
	// Reason explains a decision other than DecisionRun, for logs.
	Reason string
	// Processor is the processor document as it stands after the decision.
	Processor ProcessorDoc
	// Date is the date document as it stands after the decision.
	Date DateDoc
}

// decideRoot opens (or finds) the generation for a load request and decides whether the
// root processor runs it. It returns the documents to write; nil means unchanged.
func decideRoot(date *DateDoc, proc *ProcessorDoc, t Trigger) (Verdict, *DateDoc, *ProcessorDoc) {
	var next *DateDoc
	gen := int64(1)
	switch {
	case date == nil:
		next = &DateDoc{GameDate: t.GameDate, CreatedAt: t.Now}
	case date.Requests[t.RequestID] > 0:
		gen = date.Requests[t.RequestID]
		if gen < date.Generation {
			// TODO: a copy of a superseded request is stale even when it asks for another
			// replay_from: the date document keeps only the current generation's origin, so
			// the log calls it stale, not conflict (tipoff replay still checks the origin).
			return Verdict{Decision: DecisionStale, Generation: gen, Date: *date,
					Reason: fmt.Sprintf("request opened g%d; the date is at g%d", gen, date.Generation)},
				nil, nil
		}
		// The date's replay_from is the origin this very request opened gen with.
		if opened := events.Processor(date.ReplayFrom); opened != t.ReplayFrom {
			return Verdict{Decision: DecisionConflict, Generation: gen, Date: *date,
				Reason: ConflictReason(t.RequestID, gen, opened, t.ReplayFrom)}, nil, nil
		}
	default:
		gen = date.Generation + 1
		copied := *date
		next = &copied
	}
	if next != nil {
		openGeneration(next, gen, t)
		date = next
	}

	v := decideRun(proc, gen, t)
	v.Date, v.Opened = *date, next != nil
	if v.Decision != DecisionRun {
		return v, next, nil
	}
	claimed := claimedDoc(proc, gen, nil, t)
	v.Processor, v.Attempt = claimed, claimed.Attempt
	return v, next, &claimed
}

// ConflictReason is the reason recorded for a conflicting copy of a load request: request
// requestID opened generation gen with replay_from opened; this copy asks for asked.
func ConflictReason(requestID string, gen int64, opened, asked events.Processor) string {
	return fmt.Sprintf("conflict: request %s opened g%d with replay_from %s, this copy asks "+
		"for %s", requestID, gen, originName(opened), originName(asked))
}

// originName names a replay origin; an empty one is a replay of every processor.
func originName(p events.Processor) string {
	if p == "" {
		return "(none)"
	}
	return string(p)
}

func openGeneration(d *DateDoc, gen int64, t Trigger) {
	requests := make(map[string]int64, len(d.Requests)+1)
	for k, v := range d.Requests {
		requests[k] = v
	}
	requests[t.RequestID] = gen
	d.Requests = requests
	d.Generation = gen
	d.Status = StatusRunning
	d.MissingGames = nil
	d.ReplayFrom = string(t.ReplayFrom)
	d.LastError = ""
	d.UpdatedAt = t.Now
}

// decideDependent decides whether a processor with upstream needs runs the date's current
// generation. It returns the processor document to write, or nil.
func decideDependent(date *DateDoc, proc *ProcessorDoc, upstream map[events.Processor]*ProcessorDoc,
	t Trigger) (Verdict, *ProcessorDoc, error) {
	if date == nil {
		return Verdict{Decision: DecisionStale, Reason: "the date has never been loaded"}, nil, nil
	}
	gen := date.Generation
	switch {
	case t.Generation < gen:
		return Verdict{Decision: DecisionStale, Generation: gen, Date: *date,
			Reason: fmt.Sprintf("event is g%d; the date is at g%d", t.Generation, gen)}, nil, nil
	case t.Generation > gen:
		return Verdict{}, nil, fmt.Errorf("%w: event g%d, date %s at g%d",
			ErrAhead, t.Generation, t.GameDate, gen)
	}

	v := decideRun(proc, gen, t)
	v.Date = *date
	if v.Decision != DecisionRun {
		return v, nil, nil
	}
	inputs := make([]events.Input, 0, len(t.Needs))
	seen := make(map[events.Processor]ProcessorDoc, len(t.Needs))
	for _, need := range t.Needs {
		up := upstream[need]
		if up == nil || up.Generation != gen || !up.Status.Succeeded() {
			return Verdict{Decision: DecisionWait, Generation: gen, Date: *date,
				Reason: fmt.Sprintf("%s has not completed g%d", need, gen)}, nil, nil
		}
		inputs = append(inputs, events.Input{Processor: need, Generation: gen, EventID: up.EventID})
		seen[need] = *up
	}
	claimed := claimedDoc(proc, gen, inputs, t)
	v.Processor, v.Attempt, v.Inputs, v.Upstream = claimed, claimed.Attempt, inputs, seen
	return v, &claimed, nil
}

// decideRun looks only at the processor's own document at generation gen.
func decideRun(proc *ProcessorDoc, gen int64, t Trigger) Verdict {
	v := Verdict{Decision: DecisionRun, Generation: gen}
	if proc == nil || proc.Generation < gen {
		return v
	}
	v.Processor = *proc
	if proc.Generation > gen {
		v.Decision, v.Reason = DecisionStale, fmt.Sprintf("processor is already at g%d", proc.Generation)
		return v
	}
	switch {
	case proc.Status.Succeeded():
		v.Decision, v.Reason = DecisionDuplicate, fmt.Sprintf("g%d is already %s", gen, proc.Status)
	case proc.Status.Done():
		v.Decision, v.Reason = DecisionSettled, fmt.Sprintf("g%d is %s: %s", gen, proc.Status,
			proc.LastError)
	case proc.Status == StatusRunning && proc.Lease != nil && proc.Lease.Owner == t.Owner:
		// This very run claimed already: a commit that landed although the client saw an
		// error, retried. The claim stands; nothing is counted twice.
		v.Attempt = proc.Attempt
	case proc.Status == StatusRunning && proc.Lease != nil && proc.Lease.ExpiresAt.After(t.Now):
		v.Decision = DecisionBusy
		v.Reason = fmt.Sprintf("run %s holds the lease until %s", proc.Lease.Owner,
			proc.Lease.ExpiresAt.Format(time.RFC3339Nano))
	case gateCheckPending(proc, t.Now):
		v.Decision = DecisionBackoff
		v.Reason = fmt.Sprintf("dependency check %d failed; the next is due at %s",
			proc.GateFailures, proc.NextCheckAt.Format(time.RFC3339Nano))
	}
	return v
}

func claimedDoc(prev *ProcessorDoc, gen int64, inputs []events.Input, t Trigger) ProcessorDoc {
	attempt, gateFailures, started := 1, 0, t.Now
	if prev != nil && prev.Generation == gen {
		attempt, gateFailures = prev.Attempt+1, prev.GateFailures
		if prev.Lease != nil && prev.Lease.Owner == t.Owner {
			attempt, started = prev.Attempt, prev.StartedAt
		}
	}
	return ProcessorDoc{
		GameDate:   t.GameDate,
		Processor:  string(t.Processor),
		Status:     StatusRunning,
		Generation: gen,
		Inputs:     inputRefs(inputs),
		Lease:      &Lease{Owner: t.Owner, ExpiresAt: t.Now.Add(t.LeaseTTL)},
		Attempt:    attempt,
		// Failed dependency checks count per generation, across runs and deliveries.
		GateFailures: gateFailures,
		// The output of an earlier generation is remembered across the claim: a replay
		// from a downstream processor carries it forward.
		LastGood:  lastGoodOf(prev),
		RunOwner:  t.Owner,
		StartedAt: started,
		UpdatedAt: t.Now,
	}
}
