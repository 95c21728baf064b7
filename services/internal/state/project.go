package state

import (
	"strings"
	"time"

	"github.com/tipoff-nba/tipoff/events"
)

// Projection is a date's completion state rebuilt from its event log alone (Project). It
// holds what the events say, and none of the operational fields (lease, run owner,
// attempt, gate failures, validation counts, anomalies, errors, timestamps, the date
// document's processors summary): docs/FIRESTORE.md lists them and says why.
type Projection struct {
	GameDate string
	// Generation is the newest generation a load request opened; 0 when none did.
	Generation int64
	// Status is derived from the processors at Generation, by the rule the live date
	// document follows (deriveStatus).
	Status Status
	// Requests maps each load request id to the generation it opened.
	Requests map[string]int64
	// ReplayFrom is the replay origin of the request that opened Generation.
	ReplayFrom   string
	MissingGames []string
	Processors   map[events.Processor]ProcessorProjection
	// Entries is how many log entries the projection read.
	Entries int
}

// ProcessorProjection is one processor's state as its log entries tell it.
type ProcessorProjection struct {
	Status     Status
	Generation int64
	// EventID is the completion the processor published at Generation ("" unless it
	// succeeded).
	EventID      string
	Inputs       []InputRef
	Rows         map[string]int
	Games        int
	MissingGames []string
	InputDigest  string
	CarriedFrom  int64
}

// Project rebuilds gameDate's completion state from its event log. leaves are the
// processors that finish a date (the graph's leaves), as for NewStore.
//
// A load request consumed by the root maps its request id to the generation it opened,
// and that generation to the replay origin it opened it with, as the entry's
// opened_generation and replay_from record them: later deliveries (duplicate, paused,
// stale, conflicting) do not change them. A processor's state is its latest
// state-changing entry at its newest generation: a published completion (which ends the
// generation: nothing changes a success), a breaker alert, a recorded outcome, or a
// consumed event that claimed a run, whatever its later deliveries decided. Entries of
// one generation are ordered by the time they changed the processor: last_at, the time
// of their latest write, or a consumed event's claimed_at.
func Project(gameDate string, entries []EventLogEntry, leaves []events.Processor) Projection {
	p := Projection{GameDate: gameDate, Requests: map[string]int64{},
		Processors: map[events.Processor]ProcessorProjection{}, Entries: len(entries)}
	origins := map[int64]string{}
	// guessed are origins from entries that do not record opening their generation: used
	// only where no entry does.
	guessed := map[int64]string{}
	latest := map[events.Processor]EventLogEntry{}
	for _, e := range entries {
		if id, gen, ok := openedRequest(gameDate, e); ok {
			p.Requests[id] = gen
			p.Generation = max(p.Generation, gen)
			if e.OpenedGeneration > 0 {
				origins[gen] = e.ReplayFrom
			} else if e.Decision != string(DecisionConflict) {
				guessed[gen] = e.ReplayFrom
			}
		}
		if !changesProcessor(e) {
			continue
		}
		proc := events.Processor(e.Processor)
		if prev, seen := latest[proc]; !seen || supersedes(e, prev) {
			latest[proc] = e
		}
	}
	origin, ok := origins[p.Generation]
	if !ok {
		origin = guessed[p.Generation]
	}
	p.ReplayFrom = origin
	for proc, e := range latest {
		p.Processors[proc] = projectProcessor(e)
	}
	p.MissingGames = missingAt(latest, p.Generation)
	p.Status = deriveStatus(p.summary(), leaves)
	return p
}

// openedRequest returns the request id of a consumed load request and the generation it
// opened or found. An entry that records opening a generation keeps it whatever its
// latest decision; one that does not (a copy with another event id, or an entry written
// before opened_generation was logged) counts unless that decision opened nothing
// (paused).
func openedRequest(gameDate string, e EventLogEntry) (string, int64, bool) {
	if e.Direction != DirectionConsumed || e.EventType != string(events.LoadRequested) {
		return "", 0, false
	}
	gen := e.OpenedGeneration
	if gen == 0 {
		if e.Generation < 1 || e.Decision == string(DecisionPaused) {
			return "", 0, false
		}
		gen = e.Generation
	}
	if e.RequestID != "" {
		return e.RequestID, gen, true
	}
	// Entries written before request_id was logged: the event id names the request.
	return strings.TrimPrefix(e.EventID, gameDate+".load."), gen, true
}

// changesProcessor reports whether e changed its processor's document: a claimed run
// (whatever later deliveries of the event decided), a published completion or alert, or a
// recorded outcome. Other decisions (wait, duplicate, busy, stale, settled, paused,
// conflict) leave the document as it was.
func changesProcessor(e EventLogEntry) bool {
	switch e.Direction {
	case DirectionConsumed:
		return !claimedAt(e).IsZero()
	case DirectionPublished, DirectionRecorded:
		return e.Outcome != ""
	}
	return false
}

// supersedes reports whether e is a later state of its processor than prev.
func supersedes(e, prev EventLogEntry) bool {
	if e.Generation != prev.Generation {
		return e.Generation > prev.Generation
	}
	if succeeded(prev) != succeeded(e) {
		return succeeded(e)
	}
	if at, prevAt := changedAt(e), changedAt(prev); !at.Equal(prevAt) {
		return at.After(prevAt)
	}
	// Written in the same instant: an outcome follows the claim that led to it.
	return e.Direction != DirectionConsumed && prev.Direction == DirectionConsumed
}

// changedAt is when e changed its processor: a consumed event's claim, else its latest
// write.
func changedAt(e EventLogEntry) time.Time {
	if e.Direction == DirectionConsumed {
		return claimedAt(e)
	}
	return e.LastAt
}

// succeeded reports whether e is a published completion.
func succeeded(e EventLogEntry) bool {
	return e.Direction == DirectionPublished && Status(e.Outcome).Succeeded()
}

func projectProcessor(e EventLogEntry) ProcessorProjection {
	pp := ProcessorProjection{Status: Status(e.Outcome), Generation: e.Generation,
		Inputs: e.Inputs}
	if e.Direction == DirectionConsumed {
		pp.Status = StatusRunning
	}
	if succeeded(e) {
		pp.EventID, pp.Rows, pp.Games = e.EventID, e.Rows, e.Games
		pp.MissingGames, pp.InputDigest, pp.CarriedFrom = e.MissingGames, e.InputDigest,
			e.CarriedFrom
	}
	return pp
}

// missingAt is the date's missing games at gen: those the latest completion of gen
// reported, as the live date document keeps them.
func missingAt(latest map[events.Processor]EventLogEntry, gen int64) []string {
	var found *EventLogEntry
	for _, e := range latest {
		if succeeded(e) && e.Generation == gen && len(e.MissingGames) > 0 &&
			(found == nil || e.LastAt.After(found.LastAt)) {
			found = &e
		}
	}
	if found == nil {
		return nil
	}
	return found.MissingGames
}

// summary is the projection in the shape deriveStatus reads.
func (p Projection) summary() DateDoc {
	d := DateDoc{GameDate: p.GameDate, Generation: p.Generation,
		Processors: make(map[string]ProcessorSummary, len(p.Processors))}
	for proc, pp := range p.Processors {
		d.Processors[string(proc)] = ProcessorSummary{Status: pp.Status, Generation: pp.Generation}
	}
	return d
}
