package events

import (
	"errors"
	"testing"
)

// TestLoadRequestRefusesBlankReason: a load request says why the date is loaded; an
// empty or whitespace-only reason says nothing, so both are refused, naming the field.
func TestLoadRequestRefusesBlankReason(t *testing.T) {
	for _, reason := range []string{"", " ", "\t\n "} {
		r := LoadRequest{GameDate: "2026-02-03", RequestID: "r1", Reason: reason}

		err := r.Validate("2026-02-03.load.r1")

		var fe *FieldError
		if !errors.As(err, &fe) || !errors.Is(err, ErrInvalid) || fe.Field != "data.reason" {
			t.Errorf("reason %q: err = %v, want a data.reason FieldError", reason, err)
		}
	}
	r := LoadRequest{GameDate: "2026-02-03", RequestID: "r1", Reason: " replay "}
	if err := r.Validate("2026-02-03.load.r1"); err != nil {
		t.Errorf("a reason with surrounding spaces: %v", err)
	}
}
