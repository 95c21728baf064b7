package bus

import (
	"context"
	"errors"
	"testing"
)

// TestDecodeRejectsIncompleteContext: a binary message that lacks a required context
// attribute is not a CloudEvent. Decode must say so itself (ErrMalformed), so every
// caller dead-letters it even before the contract is checked.
func TestDecodeRejectsIncompleteContext(t *testing.T) {
	for _, attr := range []string{"ce-id", "ce-source", "ce-type"} {
		t.Run(attr, func(t *testing.T) {
			msg := withAttributes(encoded(t, offenseCompleted(t)), []string{attr}, nil)

			_, err := Decode(context.Background(), msg)

			if !errors.Is(err, ErrMalformed) {
				t.Errorf("without %s: err = %v, want ErrMalformed", attr, err)
			}
		})
	}
}
