package choreo

import (
	"context"
	"encoding/json"
	"maps"
	"strings"
	"testing"
	"time"

	"cloud.google.com/go/pubsub/v2"

	"github.com/tipoff-nba/tipoff/events"
	"github.com/tipoff-nba/tipoff/services/internal/bus"
)

// TestDeadLetterGameDate: a message refused for one bad field is still filed under its
// game date when its subject or gamedate extension is a valid date, so `deadletters
// --date` and `events --date` find it. Each message goes through what a worker does
// before dead-lettering: decode, then parse against the contract.
func TestDeadLetterGameDate(t *testing.T) {
	const day = "2026-02-02"
	e, err := events.NewCompletion(events.Completion{GameDate: day, Generation: 1,
		Processor: events.TeamOffense, Outcome: events.OutcomeComplete,
		Rows: map[string]int{"team_offense_game_summary": 2}, Games: 1,
		InputDigest: "sha256:" + strings.Repeat("ab", 32),
		Inputs: []events.Input{{Processor: events.RawBoxScores, Generation: 1,
			EventID: events.CompletionID(events.RawBoxScores, day, 1)}}}, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	good, err := bus.Encode(context.Background(), e)
	if err != nil {
		t.Fatal(err)
	}
	with := func(set map[string]string, remove ...string) *pubsub.Message {
		attrs := maps.Clone(good.Attributes)
		for _, k := range remove {
			delete(attrs, k)
		}
		maps.Copy(attrs, set)
		return &pubsub.Message{Data: good.Data, Attributes: attrs}
	}
	structured, err := json.Marshal(e)
	if err != nil {
		t.Fatal(err)
	}
	structured = []byte(strings.Replace(string(structured), `"source":"/tipoff/team_offense"`,
		`"source":"/elsewhere"`, 1))

	cases := []struct {
		name string
		msg  *pubsub.Message
		want string
	}{
		{"invalid ce-source", with(map[string]string{"ce-source": "/elsewhere"}), day},
		{"invalid ce-source, no subject", with(map[string]string{"ce-source": "/elsewhere"},
			"ce-subject"), day},
		{"spec version 0.3", with(map[string]string{"ce-specversion": "0.3"}), day},
		{"structured, invalid source", &pubsub.Message{Data: structured,
			Attributes: map[string]string{"Content-Type": "application/cloudevents+json"}}, day},
		{"no valid date anywhere", with(map[string]string{"ce-source": "/elsewhere",
			"ce-subject": "2026-02-30", "ce-gamedate": "soon"}), ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var env *events.Envelope
			ce, err := bus.Decode(context.Background(), tc.msg)
			if err == nil {
				parsed, perr := events.Parse(ce)
				if perr == nil {
					t.Fatal("the message is valid; the case tests nothing")
				}
				env = &parsed
			}

			if got := deadLetterGameDate(tc.msg, env); got != tc.want {
				t.Errorf("game date %q, want %q", got, tc.want)
			}
		})
	}
}
