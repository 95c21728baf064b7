package boxscore

import (
	"errors"
	"fmt"
)

// Sentinel errors. They are returned wrapped (usually in a [*FieldError]); use errors.Is.
var (
	// ErrBoxScoreEmpty means a box score lists a team with no players or with empty team
	// statistics, as NBA.com sometimes publishes a final game before its stats. The date
	// stays incomplete; retry later. Usage must never be computed from such totals.
	ErrBoxScoreEmpty = errors.New("box score has no players or no team statistics")
	// ErrFieldMissing means a field the parser needs is absent.
	ErrFieldMissing = errors.New("field is missing")
	// ErrInvalidMinutes means a minutes value has a shape or range no feed uses.
	ErrInvalidMinutes = errors.New("invalid minutes")
	// ErrTotalsMismatch means team totals disagree with the player rows or the game log.
	ErrTotalsMismatch = errors.New("totals do not match")
	// ErrDuplicatePlayer means one person is listed twice in one game.
	ErrDuplicatePlayer = errors.New("player listed twice in one game")
	// ErrNotInGameLog means a box score's game id is listed in no game log, so its game
	// date is unknown.
	ErrNotInGameLog = errors.New("game id is in no game log")
	// ErrMalformedJSON means a file is not valid JSON.
	ErrMalformedJSON = errors.New("malformed JSON")
	// ErrDataDirMissing means the NBA data directory does not exist or lacks its
	// endpoints' folders.
	ErrDataDirMissing = errors.New("NBA data directory not found")
)

// FieldError reports a value the parser rejected. File is the file name (as given to the
// parser), Field the JSON path of the value (for example
// "boxScoreTraditional.homeTeam.players[3].statistics.minutes"), Value the value as text
// ("" when the field is missing) and Err the reason.
type FieldError struct {
	File  string
	Field string
	Value string
	Err   error
}

// Error formats the error as
// `boxscore: FILE: field FIELD: invalid value "VALUE": REASON`.
func (e *FieldError) Error() string {
	if errors.Is(e.Err, ErrFieldMissing) {
		return fmt.Sprintf("boxscore: %s: field %s: %v", e.File, e.Field, e.Err)
	}
	return fmt.Sprintf("boxscore: %s: field %s: invalid value %q: %v",
		e.File, e.Field, e.Value, e.Err)
}

// Unwrap returns the reason, so errors.Is and errors.As see through a FieldError.
func (e *FieldError) Unwrap() error {
	return e.Err
}

// fieldErr builds a FieldError.
func fieldErr(file, field, value string, reason error) error {
	return &FieldError{File: file, Field: field, Value: value, Err: reason}
}
