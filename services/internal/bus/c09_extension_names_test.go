package bus

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/tipoff-nba/tipoff/events"
)

// c09OtherDay is the second date of C09's case-collision message.
const c09OtherDay = "2024-01-22"

// gameDateAttr is the game date's attribute in binary mode, spelled from the contract's
// constant as every reader must.
var gameDateAttr = "ce-" + events.ExtGameDate

// c09BadNames are C09's invalid candidate names (checked against the case file by
// TestCaseInputsMatch), plus "GameDate". The case's 22-character name is left out: its
// limit binds the names Tipoff emits (events.Extensions), not what a reader accepts.
var c09BadNames = []string{"game_date", "game-date", "gameDate", "GameDate", "Ce-Gamedate", ""}

// TestC09BadExtensionNames: field case C09. An attribute whose name is not a valid
// lower-case extension name must make the whole message fail to decode, so it goes down
// the malformed-event (dead-letter) path. If it were dropped instead, the event would
// look like it merely lacks its game date, or worse, decode with the wrong one.
func TestC09BadExtensionNames(t *testing.T) {
	for _, name := range c09BadNames {
		for _, keepValid := range []bool{false, true} {
			t.Run(fmt.Sprintf("ce-%s/valid kept %t", name, keepValid), func(t *testing.T) {
				remove := []string{gameDateAttr}
				if keepValid {
					remove = nil
				}
				msg := withAttributes(encoded(t, offenseCompleted(t)), remove,
					map[string]string{"ce-" + name: caseDay})

				_, err := Decode(context.Background(), msg)

				if !errors.Is(err, ErrMalformed) {
					t.Errorf("err = %v, want ErrMalformed", err)
				}
			})
		}
	}
}

// TestC09UnderscoreIsMalformed: C09's "underscore" message, with only ce-game_date, is a
// malformed event whichever layer notices, never an event for some other date.
func TestC09UnderscoreIsMalformed(t *testing.T) {
	msg := withAttributes(encoded(t, offenseCompleted(t)), []string{gameDateAttr},
		map[string]string{"ce-game_date": caseDay})

	env, err := receive(msg)

	if !isMalformed(err) {
		t.Fatalf("err = %v, want ErrMalformed or events.ErrInvalid", err)
	}
	if env.GameDate != "" {
		t.Errorf("a malformed message yielded game date %q", env.GameDate)
	}
}

// TestC09CaseCollision: C09's "case-collision" message carries ce-gamedate and
// ce-GameDate with different dates. The SDK lower-cases names, so which date survives
// would depend on map order; the message must be rejected instead. Decoding is repeated
// because a map-order dependence only shows on some runs.
func TestC09CaseCollision(t *testing.T) {
	cases := []struct {
		name  string
		extra map[string]string
		// names are the attributes the reason must mention.
		names []string
	}{
		{"ce- extension", map[string]string{"ce-GameDate": c09OtherDay},
			[]string{"ce-GameDate"}},
		{"content type", map[string]string{"content-type": "text/plain"},
			[]string{contentTypeAttr, "content-type"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			msg := withAttributes(encoded(t, offenseCompleted(t)), nil, tc.extra)
			for i := 0; i < 20; i++ {
				_, err := Decode(context.Background(), msg)

				if !errors.Is(err, ErrMalformed) {
					t.Fatalf("decode %d: err = %v, want ErrMalformed", i, err)
				}
				for _, n := range tc.names {
					if !strings.Contains(err.Error(), n) {
						t.Errorf("error %q does not name %q", err, n)
					}
				}
			}
		})
	}
}

// TestC09MissingGameDate: without ce-gamedate the event still decodes, but the contract
// must refuse it and name the attribute. Nothing may fall back to another date (such as
// today's) when the one the event should name is missing.
func TestC09MissingGameDate(t *testing.T) {
	msg := withAttributes(encoded(t, offenseCompleted(t)), []string{gameDateAttr}, nil)

	e, err := Decode(context.Background(), msg)
	if err != nil {
		t.Fatalf("Decode: %v; the codec has no reason to refuse it", err)
	}
	_, err = events.Parse(e)

	var fe *events.FieldError
	if !errors.As(err, &fe) || !errors.Is(err, events.ErrInvalid) {
		t.Fatalf("err = %v, want a FieldError wrapping events.ErrInvalid", err)
	}
	if want := "ext:" + events.ExtGameDate; fe.Field != want || fe.Value != "" {
		t.Errorf("field %s value %q, want %s with no value", fe.Field, fe.Value, want)
	}
}
