package events

import (
	"errors"
	"fmt"
	"strings"
)

// ErrUnknownType is wrapped by errors for events whose type is not in the contract.
var ErrUnknownType = errors.New("events: unknown event type")

// ErrInvalid is wrapped by every validation error, so a caller can tell a malformed event
// (dead-letter it) from a transient failure (retry it).
var ErrInvalid = errors.New("events: invalid event")

// FieldError names the attribute or body field that failed validation and its value.
type FieldError struct {
	EventID string
	Field   string // "subject", "ext:gamedate", "data.generation", ...
	Value   string
	Reason  string
}

func (e *FieldError) Error() string {
	return fmt.Sprintf("events: event %q: field %s: value %q: %s",
		e.EventID, e.Field, e.Value, e.Reason)
}

// Unwrap lets errors.Is match ErrInvalid.
func (e *FieldError) Unwrap() error { return ErrInvalid }

// maxValueInError bounds the value quoted in an error, so a huge malformed body cannot
// make the error (and the dead-letter record that keeps it) huge.
const maxValueInError = 256

func fieldErr(id, field, value, reason string) error {
	if len(value) > maxValueInError {
		value = fmt.Sprintf("%s… (%d bytes)", strings.ToValidUTF8(value[:maxValueInError], ""),
			len(value))
	}
	return &FieldError{EventID: id, Field: field, Value: value, Reason: reason}
}
