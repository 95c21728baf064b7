package bus

import (
	"context"
	"encoding/json"
	"reflect"
	"testing"

	cloudevents "github.com/cloudevents/sdk-go/v2/event"

	"github.com/tipoff-nba/tipoff/events"
)

// TestRoundTrip publishes events through Encode and reads them back through Decode and
// the contract, the way a worker receives them (field case C10: one content mode, and a
// round trip through the production code).
func TestRoundTrip(t *testing.T) {
	cases := []struct {
		name  string
		event func(*testing.T) cloudevents.Event
		// generation is the ce-generation attribute; "" means it must be absent.
		generation string
	}{
		{"completion", offenseCompleted, "1"},
		{"load request", loadRequested, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			sent := tc.event(t)

			msg := encoded(t, sent)
			got, err := receive(msg)

			if err != nil {
				t.Fatalf("receive: %v", err)
			}
			checkBinary(t, msg.Attributes, sent, tc.generation)
			if !json.Valid(msg.Data) || string(msg.Data) != string(sent.Data()) {
				t.Errorf("body = %q, want the event's JSON data %q", msg.Data, sent.Data())
			}
			want, err := events.Parse(sent)
			if err != nil {
				t.Fatalf("Parse of the sent event: %v", err)
			}
			checkSameEnvelope(t, got, want)
		})
	}
}

// checkBinary checks that every context attribute travels as its own "ce-" attribute,
// where Pub/Sub filters and the console can see it, and that no structured content type
// is set.
func checkBinary(t *testing.T, attrs map[string]string, e cloudevents.Event, generation string) {
	t.Helper()
	want := map[string]string{
		"ce-specversion": "1.0", "ce-id": e.ID(), "ce-type": e.Type(), "ce-source": e.Source(),
		"ce-subject": caseDay, "ce-" + events.ExtGameDate: caseDay,
		"ce-" + events.ExtGeneration: generation, contentTypeAttr: events.ContentType,
	}
	for k, v := range want {
		got, ok := attrs[k]
		switch {
		case v == "" && ok:
			t.Errorf("attribute %s = %q, want it absent", k, got)
		case v != "" && got != v:
			t.Errorf("attribute %s = %q, want %q", k, got, v)
		}
	}
}

// checkSameEnvelope compares envelopes, times by instant: a time that went through a
// text form may carry another location value for the same instant.
func checkSameEnvelope(t *testing.T, got, want events.Envelope) {
	t.Helper()
	if !got.Time.Equal(want.Time) {
		t.Errorf("time = %s, want %s", got.Time, want.Time)
	}
	got.Time = want.Time
	if !reflect.DeepEqual(got, want) {
		t.Errorf("envelope differs:\n got %+v\nwant %+v", got, want)
	}
}

// TestDecodeIsRepeatable: a redelivered message is decoded again from the same bytes, so
// decoding must not consume or change the message.
func TestDecodeIsRepeatable(t *testing.T) {
	msg := encoded(t, offenseCompleted(t))

	first, err1 := Decode(context.Background(), msg)
	second, err2 := Decode(context.Background(), msg)

	if err1 != nil || err2 != nil {
		t.Fatalf("Decode: %v, %v", err1, err2)
	}
	if first.String() != second.String() {
		t.Errorf("second decode differs:\n%s\nfirst:\n%s", second, first)
	}
}
