package state

import (
	"fmt"
	"strings"
	"time"

	"github.com/tipoff-nba/tipoff/events"
)

// Directions of an event log entry.
const (
	DirectionConsumed  = "consumed"
	DirectionPublished = "published"
	// DirectionRecorded is an outcome no event announces (failed, quarantined, superseded,
	// or an operator's unblock): without it the log could not tell how a processor ended.
	DirectionRecorded = "recorded"
)

// DecisionUnblocked is the decision of the entry an operator's unblock records.
const DecisionUnblocked = "unblocked"

// EventLogEntry is dates/{game_date}/events/{entry}: one event a worker consumed or
// published. A consumed event has one entry per consuming processor; redeliveries update
// that entry and count in Deliveries, so the log never doubles.
type EventLogEntry struct {
	EventID    string `firestore:"event_id"`
	EventType  string `firestore:"event_type"`
	Direction  string `firestore:"direction"`
	Processor  string `firestore:"processor"`
	Generation int64  `firestore:"generation"`
	// Decision is what the consumer decided on the latest delivery (run, wait, ...).
	Decision   string    `firestore:"decision"`
	Reason     string    `firestore:"reason,omitempty"`
	Deliveries int64     `firestore:"deliveries"`
	FirstAt    time.Time `firestore:"first_at"`
	LastAt     time.Time `firestore:"last_at"`
	// Inputs are the upstream completions a run used: on a published completion, on a
	// recorded outcome, and on a consumed event that claimed a run (see ClaimedAt).
	Inputs []InputRef `firestore:"inputs,omitempty"`
	// ClaimedAt is when the latest delivery that claimed a run (decision run) did, on a
	// consumed event; later deliveries of the generation that claim nothing (busy, paused,
	// duplicate, conflict, ...) keep it and Inputs, so the claim outlives their decision.
	// Zero when no delivery claimed, and on entries written before it was logged.
	ClaimedAt time.Time `firestore:"claimed_at,omitempty"`
	// RequestID is a consumed load request's request id; it maps to Generation.
	RequestID string `firestore:"request_id,omitempty"`
	// Outcome, Rows, Games, MissingGames and InputDigest describe a published completion.
	Outcome      string         `firestore:"outcome,omitempty"`
	Rows         map[string]int `firestore:"rows,omitempty"`
	Games        int            `firestore:"games,omitempty"`
	MissingGames []string       `firestore:"missing_games,omitempty"`
	InputDigest  string         `firestore:"input_digest,omitempty"`
	// CarriedFrom is a published completion's carried_from: the earlier generation whose
	// output it carried forward instead of computing it.
	CarriedFrom int64 `firestore:"carried_from,omitempty"`
	// OpenedGeneration is the generation a consumed load request opened, set by the
	// delivery that opened it and kept by every later one (duplicate, paused, stale or
	// conflicting); 0 until a delivery opened one, and on entries written before it was
	// logged.
	OpenedGeneration int64 `firestore:"opened_generation,omitempty"`
	// ReplayFrom is a consumed load request's replay_from: once OpenedGeneration is set,
	// the origin the request opened that generation with, whatever later copies ask;
	// before, the latest delivery's.
	ReplayFrom string `firestore:"replay_from,omitempty"`
}

// consumedEntryID keeps one entry per (event, consumer). Event ids hold only characters
// that are legal in a document id.
func consumedEntryID(eventID string, p events.Processor) string {
	return strings.ReplaceAll(eventID, "/", "_") + "~" + string(p)
}

// consumedEntry returns the log entry after one more delivery of t; prev is the entry as
// it stood, or nil for the first delivery. Decision, reason and inputs are the latest
// delivery's; the generation a load request opened, and its origin, are the opening
// delivery's for good, so the projection does not depend on what came after.
func consumedEntry(prev *EventLogEntry, t Trigger, v Verdict) EventLogEntry {
	gen := t.Generation
	if gen == 0 {
		gen = v.Generation
	}
	opened, origin := int64(0), string(t.ReplayFrom)
	switch {
	case prev != nil && prev.OpenedGeneration > 0:
		opened, origin, gen = prev.OpenedGeneration, prev.ReplayFrom, prev.OpenedGeneration
	case v.Opened:
		opened = v.Generation
	}
	e := EventLogEntry{
		EventID:          t.EventID,
		EventType:        string(t.EventType),
		Direction:        DirectionConsumed,
		Processor:        string(t.Processor),
		Generation:       gen,
		Decision:         string(v.Decision),
		Reason:           v.Reason,
		Deliveries:       1,
		FirstAt:          t.Now,
		LastAt:           t.Now,
		ReplayFrom:       origin,
		OpenedGeneration: opened,
	}
	if prev != nil {
		e.Deliveries = prev.Deliveries + 1
		if t.Again {
			e.Deliveries = prev.Deliveries
		}
		e.FirstAt = prev.FirstAt
	}
	e.RequestID = t.RequestID
	switch {
	case v.Decision == DecisionRun:
		e.Inputs, e.ClaimedAt = inputRefs(v.Inputs), t.Now
	case prev != nil && prev.Generation == e.Generation:
		e.Inputs, e.ClaimedAt = prev.Inputs, claimedAt(*prev)
	}
	return e
}

// claimedAt is when e's latest claim of a run was logged; zero when none was. An entry
// written before claimed_at was logged has only its latest decision to tell.
func claimedAt(e EventLogEntry) time.Time {
	if e.ClaimedAt.IsZero() && e.Decision == string(DecisionRun) {
		return e.LastAt
	}
	return e.ClaimedAt
}

// finishEntry is the log entry of a recorded run outcome, and its id: the published
// completion for a success, else an entry of its own for the outcome (failed,
// quarantined or superseded). inputs are the upstream completions the run used.
func finishEntry(f Finish, status Status, inputs []InputRef) (string, EventLogEntry) {
	if status.Succeeded() && f.EventID != "" {
		e := publishedEntry(f)
		e.Inputs = inputs
		return f.EventID, e
	}
	return recordedEntry(f.GameDate, f.Processor, f.Generation, status, string(status),
		f.Error, inputs, f.Now)
}

// blockedEntry is the log entry of the breaker's alert, recorded when the breaker opens
// (before the alert is published, as a completion is recorded before it is announced).
func blockedEntry(g GateFailure, reason string, inputs []InputRef) (string, EventLogEntry) {
	id := events.BlockedID(g.Processor, g.GameDate, g.Generation)
	return id, EventLogEntry{
		EventID: id, EventType: string(events.ProcessorBlocked), Direction: DirectionPublished,
		Processor: string(g.Processor), Generation: g.Generation,
		Decision: string(StatusBlocked), Outcome: string(StatusBlocked), Reason: reason,
		Deliveries: 1, FirstAt: g.Now, LastAt: g.Now, Inputs: inputs,
	}
}

// recordedEntry is the log entry of an outcome no event announces. Its id names the
// date, processor, generation and decision, so the same outcome recorded again (blocked,
// unblocked, blocked again) rewrites one entry whose last_at orders it.
func recordedEntry(gameDate string, p events.Processor, gen int64, status Status,
	decision, reason string, inputs []InputRef, at time.Time) (string, EventLogEntry) {
	id := fmt.Sprintf("%s.%s.g%d.%s", gameDate, p, gen, decision)
	return id, EventLogEntry{
		EventID: id, Direction: DirectionRecorded, Processor: string(p), Generation: gen,
		Decision: decision, Outcome: string(status), Reason: reason, Deliveries: 1,
		FirstAt: at, LastAt: at, Inputs: inputs,
	}
}

func publishedEntry(f Finish) EventLogEntry {
	return EventLogEntry{
		EventID:      f.EventID,
		EventType:    string(f.EventType),
		Direction:    DirectionPublished,
		Processor:    string(f.Processor),
		Generation:   f.Generation,
		Decision:     string(f.Status),
		Deliveries:   1,
		FirstAt:      f.Now,
		LastAt:       f.Now,
		Outcome:      string(f.Status),
		Rows:         f.Rows,
		Games:        f.Games,
		MissingGames: f.MissingGames,
		InputDigest:  f.InputDigest,
		CarriedFrom:  f.CarriedFrom,
	}
}
