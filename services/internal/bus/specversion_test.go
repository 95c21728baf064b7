package bus

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"cloud.google.com/go/pubsub/v2"
)

// TestDecodeRejectsOtherSpecVersions: the contract is CloudEvents 1.0. The SDK would
// read a 0.3 event as well; Decode refuses it as malformed, naming the attribute and the
// value, in binary and in structured mode.
func TestDecodeRejectsOtherSpecVersions(t *testing.T) {
	binary := withAttributes(encoded(t, offenseCompleted(t)), nil,
		map[string]string{"ce-specversion": "0.3"})
	envelope, err := json.Marshal(offenseCompleted(t))
	if err != nil {
		t.Fatal(err)
	}
	var fields map[string]any
	if err := json.Unmarshal(envelope, &fields); err != nil {
		t.Fatal(err)
	}
	fields["specversion"] = "0.3"
	if envelope, err = json.Marshal(fields); err != nil {
		t.Fatal(err)
	}
	structured := &pubsub.Message{Data: envelope,
		Attributes: map[string]string{contentTypeAttr: structuredContent}}

	for name, tc := range map[string]struct {
		msg  *pubsub.Message
		want string
	}{
		"binary":     {binary, `attribute ce-specversion is "0.3"`},
		"structured": {structured, `specversion is "0.3"`},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := Decode(context.Background(), tc.msg)

			if !errors.Is(err, ErrMalformed) {
				t.Fatalf("err = %v, want ErrMalformed", err)
			}
			if !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "1.0") {
				t.Errorf("err = %q, want it to say %s and require 1.0", err, tc.want)
			}
		})
	}
	if _, err := Decode(context.Background(), encoded(t, offenseCompleted(t))); err != nil {
		t.Errorf("a 1.0 event: %v", err)
	}
}
