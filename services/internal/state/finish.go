package state

import (
	"errors"
	"fmt"
	"time"

	"github.com/tipoff-nba/tipoff/events"
)

// Finish is the outcome of a run, to be recorded.
type Finish struct {
	GameDate   string
	Processor  events.Processor
	Generation int64
	Owner      string
	// Status is what the run ended as: complete, partial, failed or quarantined.
	Status       Status
	EventID      string
	EventType    events.Type
	Rows         map[string]int
	Games        int
	MissingGames []string
	InputDigest  string
	// CarriedFrom is the generation whose output the run carried forward; 0 if it computed.
	CarriedFrom int64
	Anomalies   []string
	Validation  map[string]int
	// Findings are stored under dates/{game_date}/quality when the run is recorded.
	Findings []events.Finding
	// Error is the reason for a failed or quarantined run.
	Error string
	// UpdateDate asks for the date document to be rewritten even on plain success: the
	// root's and the leaves' outcomes change the date's status; a middle processor's
	// success does not, and skipping it keeps the two team summaries from contending for
	// the date document. Any other outcome always updates the date.
	UpdateDate bool
	Now        time.Time
}

// errRecorded reports that a finish was committed by an earlier attempt.
var errRecorded = errors.New("state: outcome already recorded")

// decideFinish checks that the run still owns the current generation and returns the
// documents to write. A run whose generation is no longer current is marked superseded and
// ErrSuperseded is returned together with the document to write.
func decideFinish(date *DateDoc, proc *ProcessorDoc, f Finish, all []events.Processor) (
	*DateDoc, *ProcessorDoc, error) {
	if proc != nil && date != nil && proc.Lease == nil && proc.RunOwner == f.Owner &&
		proc.Generation == f.Generation && proc.Status == f.Status {
		// This run's outcome is already recorded: its commit landed although the client
		// saw an error. Nothing to write; the outcome stands and may be announced.
		return nil, nil, errRecorded
	}
	if proc == nil || proc.Generation != f.Generation || proc.Lease == nil ||
		proc.Lease.Owner != f.Owner {
		if current, newer := overtaken(date, proc, f.Generation); newer {
			// A newer generation re-claimed the processor (or the run's superseded record
			// already landed): the run lost to the date moving on, not to another run.
			return nil, nil, fmt.Errorf("%w: %s %s g%d, date now at g%d", ErrSuperseded,
				f.Processor, f.GameDate, f.Generation, current)
		}
		return nil, nil, fmt.Errorf("%w: %s %s g%d, run %s", ErrLeaseLost, f.Processor,
			f.GameDate, f.Generation, f.Owner)
	}
	done := *proc
	done.Lease = nil
	done.UpdatedAt = f.Now
	if date == nil || date.Generation != f.Generation {
		done.Status = StatusSuperseded
		current := int64(0)
		if date != nil {
			current = date.Generation
		}
		return nil, &done, fmt.Errorf("%w: %s %s g%d, date now at g%d", ErrSuperseded,
			f.Processor, f.GameDate, f.Generation, current)
	}

	done.Status = f.Status
	done.EventID = f.EventID
	done.Rows = f.Rows
	done.Games = f.Games
	done.MissingGames = f.MissingGames
	done.InputDigest = f.InputDigest
	done.CarriedFrom = f.CarriedFrom
	done.Anomalies = f.Anomalies
	done.Validation = f.Validation
	done.LastError = f.Error
	done.CompletedAt = f.Now
	done.LastGood = lastGoodOf(&done)

	next := withProcessor(*date, f.Processor, f.Status, f.Generation, f.Error, f.Now, all)
	if len(f.MissingGames) > 0 {
		next.MissingGames = f.MissingGames
	}
	return &next, &done, nil
}

// overtaken reports whether the date or the processor moved past generation gen, and the
// newest generation either is at.
func overtaken(date *DateDoc, proc *ProcessorDoc, gen int64) (int64, bool) {
	current := gen
	if date != nil && date.Generation > current {
		current = date.Generation
	}
	if proc != nil && proc.Generation > current {
		current = proc.Generation
	}
	return current, current > gen
}

// deriveStatus is the date's status for its current generation: the worst settled
// outcome any processor recorded (failed, then quarantined, then blocked); else complete
// (or partial) once every one of leaves succeeded; else running.
func deriveStatus(d DateDoc, leaves []events.Processor) Status {
	var settled Status
	for _, s := range d.Processors {
		if s.Generation == d.Generation && !s.Status.Succeeded() && s.Status.Done() &&
			rank(s.Status) > rank(settled) {
			settled = s.Status
		}
	}
	if settled != "" {
		return settled
	}
	partial := false
	for _, p := range leaves {
		s, ok := d.Processors[string(p)]
		if !ok || s.Generation != d.Generation || !s.Status.Succeeded() {
			return StatusRunning
		}
		partial = partial || s.Status == StatusPartial
	}
	if partial {
		return StatusPartial
	}
	return StatusComplete
}

// rank orders settled outcomes so the date shows the one that most needs a person.
func rank(s Status) int {
	switch s {
	case StatusFailed:
		return 3
	case StatusQuarantined:
		return 2
	case StatusBlocked:
		return 1
	}
	return 0
}
