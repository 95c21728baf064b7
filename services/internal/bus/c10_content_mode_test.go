package bus

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"cloud.google.com/go/pubsub/v2"
)

// TestC10StructuredEqualsBinary: field case C10 (a) and (b). The same event in binary and
// in structured mode must decode to identical events; a producer outside Tipoff may use
// either.
func TestC10StructuredEqualsBinary(t *testing.T) {
	sent := offenseCompleted(t)
	binary := encoded(t, sent)
	envelope, err := json.Marshal(sent)
	if err != nil {
		t.Fatal(err)
	}
	structured := &pubsub.Message{Data: envelope,
		Attributes: map[string]string{contentTypeAttr: structuredContent}}

	fromBinary, errB := Decode(context.Background(), binary)
	fromStructured, errS := Decode(context.Background(), structured)

	if errB != nil || errS != nil {
		t.Fatalf("Decode: binary %v, structured %v", errB, errS)
	}
	b, _ := json.Marshal(fromBinary)
	s, _ := json.Marshal(fromStructured)
	if string(b) != string(s) {
		t.Errorf("modes decode differently:\nbinary     %s\nstructured %s", b, s)
	}
	envB, errB := receive(binary)
	envS, errS := receive(structured)
	if errB != nil || errS != nil {
		t.Fatalf("receive: binary %v, structured %v", errB, errS)
	}
	checkSameEnvelope(t, envS, envB)
}

// TestC10MixedModeRejected: field case C10 (c). A structured body with a ce-specversion
// attribute is read by the SDK neither way; it must be rejected as malformed, with a
// reason an operator can act on, rather than crash or loop on nacks.
func TestC10MixedModeRejected(t *testing.T) {
	envelope, err := json.Marshal(offenseCompleted(t))
	if err != nil {
		t.Fatal(err)
	}
	msg := &pubsub.Message{Data: envelope, Attributes: map[string]string{
		contentTypeAttr: structuredContent, "ce-specversion": "1.0"}}

	_, err = Decode(context.Background(), msg)

	if !errors.Is(err, ErrMalformed) {
		t.Fatalf("err = %v, want ErrMalformed", err)
	}
	for _, why := range []string{structuredContent, "ce- attributes"} {
		if !strings.Contains(err.Error(), why) {
			t.Errorf("error %q does not say why (missing %q)", err, why)
		}
	}
}

// TestC10PushEnvelopeRejected: field case C10 (d). Tipoff does not use push, so nothing
// unwraps a push envelope. If one arrives as a plain message body, it must be rejected
// as malformed instead of being read as an event with whatever the SDK guesses.
func TestC10PushEnvelopeRejected(t *testing.T) {
	inner := encoded(t, offenseCompleted(t))
	body, err := json.Marshal(map[string]any{
		"subscription": "projects/demo/subscriptions/player-summary-push",
		"message": map[string]any{"messageId": "m-77", "attributes": inner.Attributes,
			"data": base64.StdEncoding.EncodeToString(inner.Data)},
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, attrs := range []map[string]string{nil, {}} {
		msg := &pubsub.Message{ID: "m-77", Data: body, Attributes: attrs}

		_, err := Decode(context.Background(), msg)

		if !errors.Is(err, ErrMalformed) {
			t.Fatalf("attributes %v: err = %v, want ErrMalformed", attrs, err)
		}
		if !strings.Contains(err.Error(), "no ce- attributes") {
			t.Errorf("error %q does not say the message carries no event", err)
		}
	}
}
