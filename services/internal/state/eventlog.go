package state

import (
	"strings"
	"time"

	"github.com/tipoff-nba/tipoff/events"
)

// Directions of an event log entry.
const (
	DirectionConsumed  = "consumed"
	DirectionPublished = "published"
)

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
	// Outcome, Rows, Games, MissingGames and InputDigest describe a published completion.
	Outcome      string         `firestore:"outcome,omitempty"`
	Rows         map[string]int `firestore:"rows,omitempty"`
	Games        int            `firestore:"games,omitempty"`
	MissingGames []string       `firestore:"missing_games,omitempty"`
	InputDigest  string         `firestore:"input_digest,omitempty"`
	// CarriedFrom is a published completion's carried_from: the earlier generation whose
	// output it carried forward instead of computing it.
	CarriedFrom int64 `firestore:"carried_from,omitempty"`
	// ReplayFrom is a consumed load request's replay_from.
	ReplayFrom string `firestore:"replay_from,omitempty"`
}

// consumedEntryID keeps one entry per (event, consumer). Event ids hold only characters
// that are legal in a document id.
func consumedEntryID(eventID string, p events.Processor) string {
	return strings.ReplaceAll(eventID, "/", "_") + "~" + string(p)
}

// consumedEntry returns the log entry after one more delivery of t; prev is the entry as
// it stood, or nil for the first delivery.
func consumedEntry(prev *EventLogEntry, t Trigger, v Verdict) EventLogEntry {
	gen := t.Generation
	if gen == 0 {
		gen = v.Generation
	}
	e := EventLogEntry{
		EventID:    t.EventID,
		EventType:  string(t.EventType),
		Direction:  DirectionConsumed,
		Processor:  string(t.Processor),
		Generation: gen,
		Decision:   string(v.Decision),
		Reason:     v.Reason,
		Deliveries: 1,
		FirstAt:    t.Now,
		LastAt:     t.Now,
		ReplayFrom: string(t.ReplayFrom),
	}
	if prev != nil {
		e.Deliveries = prev.Deliveries + 1
		if t.Again {
			e.Deliveries = prev.Deliveries
		}
		e.FirstAt = prev.FirstAt
	}
	return e
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
