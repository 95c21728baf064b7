package main

import (
	"errors"
	"reflect"
	"testing"

	"github.com/tipoff-nba/tipoff/events"
	"github.com/tipoff-nba/tipoff/services/internal/bus"
	"github.com/tipoff-nba/tipoff/services/internal/state"
)

// TestSubscriptionTopic: a worker subscription's topic is what follows "<worker>--";
// anything else must be named with --topic.
func TestSubscriptionTopic(t *testing.T) {
	for _, typ := range []events.Type{events.LoadRequested, events.TeamDefenseCompleted} {
		sub := bus.SubscriptionID(events.PlayerGameSummary, typ)
		got, err := subscriptionTopic(sub)
		if err != nil || got != typ.Topic() {
			t.Errorf("%s: got %q, %v; want %s", sub, got, err, typ.Topic())
		}
	}
	for _, sub := range []string{bus.DeadLetterAudit, "team-offense--tipoff.unknown.v9", ""} {
		_, err := subscriptionTopic(sub)
		var usage *usageError
		if !errors.As(err, &usage) {
			t.Errorf("%q: err = %v, want a usage error asking for --topic", sub, err)
		}
	}
}

// TestRedriveMessage: the payload and original attributes go out unchanged; the
// attributes Tipoff added when it dead-lettered the message do not.
func TestRedriveMessage(t *testing.T) {
	d := state.DeadLetter{Payload: `{"game_date":"2026-02-02"}`, Attributes: map[string]string{
		"ce-id": "2026-02-02.load.r1", "ce-subject": "2026-02-30",
		"Content-Type": "application/json", "tipoff-reason": "bad subject",
		"Tipoff-Subscription": "raw-boxscores--x"}}

	msg := redriveMessage(d)

	if string(msg.Data) != d.Payload {
		t.Errorf("data = %q", msg.Data)
	}
	want := map[string]string{"ce-id": "2026-02-02.load.r1", "ce-subject": "2026-02-30",
		"Content-Type": "application/json"}
	if !reflect.DeepEqual(msg.Attributes, want) {
		t.Errorf("attributes = %v, want %v", msg.Attributes, want)
	}
	if len(d.Attributes) != 5 {
		t.Error("the stored attributes were changed")
	}
}
