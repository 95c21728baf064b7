package bus

import (
	"context"
	"errors"
	"maps"
	"strings"
	"testing"
	"time"

	"cloud.google.com/go/pubsub/v2"
	cloudevents "github.com/cloudevents/sdk-go/v2/event"

	"github.com/tipoff-nba/tipoff/events"
)

// caseDay is the game date of field cases C09 and C10 (shared/cases/inputs).
const caseDay = "2024-01-23"

var publishedAt = time.Date(2024, 1, 24, 4, 10, 0, 0, time.UTC)

// offenseCompleted is the contract's form of C10's message: team offense completed the
// first generation (inputversion 1) of the case's date.
func offenseCompleted(t *testing.T) cloudevents.Event {
	t.Helper()
	e, err := events.NewCompletion(events.Completion{
		GameDate: caseDay, Generation: 1, Processor: events.TeamOffense,
		Outcome: events.OutcomeComplete, Rows: map[string]int{"team_offense_game_summary": 2},
		Games: 1, InputDigest: "sha256:" + strings.Repeat("c1", 32),
		Inputs: []events.Input{{Processor: events.RawBoxScores, Generation: 1,
			EventID: events.CompletionID(events.RawBoxScores, caseDay, 1)}},
	}, publishedAt)
	if err != nil {
		t.Fatalf("NewCompletion: %v", err)
	}
	return e
}

// loadRequested is a load request for the case's date: the one event without generation.
func loadRequested(t *testing.T) cloudevents.Event {
	t.Helper()
	e, err := events.NewLoadRequest("tipoff-cli", events.LoadRequest{GameDate: caseDay,
		RequestID: "r1", Reason: "initial"}, publishedAt)
	if err != nil {
		t.Fatalf("NewLoadRequest: %v", err)
	}
	return e
}

// encoded is e as our publisher puts it on Pub/Sub.
func encoded(t *testing.T, e cloudevents.Event) *pubsub.Message {
	t.Helper()
	msg, err := Encode(context.Background(), e)
	if err != nil {
		t.Fatalf("Encode: %v", err)
	}
	return msg
}

// withAttributes returns a copy of msg with attributes removed, then set.
func withAttributes(msg *pubsub.Message, remove []string, set map[string]string) *pubsub.Message {
	attrs := maps.Clone(msg.Attributes)
	for _, k := range remove {
		delete(attrs, k)
	}
	maps.Copy(attrs, set)
	return &pubsub.Message{ID: msg.ID, Data: msg.Data, Attributes: attrs}
}

// receive is what a worker does with a delivery before any state is read: decode, then
// check the event against the contract.
func receive(msg *pubsub.Message) (events.Envelope, error) {
	e, err := Decode(context.Background(), msg)
	if err != nil {
		return events.Envelope{}, err
	}
	return events.Parse(e)
}

// isMalformed reports whether err sends a delivery to the dead letters: the message can
// never become a valid event, whether the codec or the contract found out.
func isMalformed(err error) bool {
	return errors.Is(err, ErrMalformed) || errors.Is(err, events.ErrInvalid)
}
