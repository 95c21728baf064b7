package events

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// DateLayout is the layout of a game date: the US Eastern calendar date, YYYY-MM-DD.
const DateLayout = "2006-01-02"

// Outcome is how completely a processor covered a date.
type Outcome string

const (
	// OutcomeComplete means every game the league game log lists for the date was processed.
	OutcomeComplete Outcome = "complete"
	// OutcomePartial means some listed games had no box score; they are named in
	// Completion.MissingGames and the others were processed.
	OutcomePartial Outcome = "partial"
)

// LoadRequest is the body of a LoadRequested event.
type LoadRequest struct {
	GameDate string `json:"game_date"`
	// RequestID identifies the request; the same id sent twice opens one generation.
	RequestID string `json:"request_id"`
	// Reason says why the date is loaded: "initial", "replay", "correction", ...
	Reason string `json:"reason"`
	// ReplayFrom, when set, names the processor a replay starts from: it and every
	// processor downstream of it compute the new generation, and every other processor
	// carries its output of the previous generation forward (Completion.CarriedFrom).
	// Empty means every processor computes, the raw loader reading the files again.
	ReplayFrom Processor `json:"replay_from,omitempty"`
}

// Input names one upstream completion that a run used.
type Input struct {
	Processor  Processor `json:"processor"`
	Generation int64     `json:"generation"`
	EventID    string    `json:"event_id"`
}

// Completion is the body of every "completed" event (RawLoaded included).
type Completion struct {
	GameDate   string    `json:"game_date"`
	Generation int64     `json:"generation"`
	Processor  Processor `json:"processor"`
	Outcome    Outcome   `json:"outcome"`
	// Rows counts the rows written, by table name.
	Rows map[string]int `json:"rows"`
	// Games is the number of games processed.
	Games int `json:"games"`
	// MissingGames lists game ids the game log has for the date but no box score has.
	MissingGames []string `json:"missing_games,omitempty"`
	// InputDigest is "sha256:" and 64 hex digits over the inputs the run read.
	InputDigest string `json:"input_digest"`
	// Inputs are the upstream completions used; empty for the raw loader.
	Inputs []Input `json:"inputs,omitempty"`
	// RequestID is the load request that opened the generation (raw loader only).
	RequestID string `json:"request_id,omitempty"`
	// CarriedFrom, when not 0, is the earlier generation whose output this completion
	// carried forward unchanged instead of computing it again (a replay from a downstream
	// processor). The rows are stored again under Generation.
	CarriedFrom int64 `json:"carried_from,omitempty"`
}

var (
	digestPattern    = regexp.MustCompile(`^sha256:[0-9a-f]{64}$`)
	requestIDPattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$`)
	gameIDPattern    = regexp.MustCompile(`^[0-9]{10}$`)
)

// ValidDate reports whether s is a real calendar date in YYYY-MM-DD form.
func ValidDate(s string) bool {
	t, err := time.Parse(DateLayout, s)
	return err == nil && t.Format(DateLayout) == s
}

// Validate checks every field of a load request.
func (r LoadRequest) Validate(id string) error {
	if !ValidDate(r.GameDate) {
		return fieldErr(id, "data.game_date", r.GameDate, "not a YYYY-MM-DD date")
	}
	if !requestIDPattern.MatchString(r.RequestID) {
		return fieldErr(id, "data.request_id", r.RequestID,
			"must be 1-128 characters of letters, digits, '.', '_', ':' or '-'")
	}
	if strings.TrimSpace(r.Reason) == "" {
		return fieldErr(id, "data.reason", r.Reason, "must not be empty or blank")
	}
	if r.ReplayFrom != "" && !r.ReplayFrom.Valid() {
		return fieldErr(id, "data.replay_from", string(r.ReplayFrom), "unknown processor")
	}
	return nil
}

// Validate checks every field of a completion.
func (c Completion) Validate(id string) error {
	if !ValidDate(c.GameDate) {
		return fieldErr(id, "data.game_date", c.GameDate, "not a YYYY-MM-DD date")
	}
	if c.Generation < 1 {
		return fieldErr(id, "data.generation", strconv.FormatInt(c.Generation, 10),
			"must be at least 1")
	}
	if !c.Processor.Valid() {
		return fieldErr(id, "data.processor", string(c.Processor), "unknown processor")
	}
	if c.Outcome != OutcomeComplete && c.Outcome != OutcomePartial {
		return fieldErr(id, "data.outcome", string(c.Outcome), "must be complete or partial")
	}
	if err := c.validateCounts(id); err != nil {
		return err
	}
	if !digestPattern.MatchString(c.InputDigest) {
		return fieldErr(id, "data.input_digest", c.InputDigest, "must be sha256: and 64 hex digits")
	}
	if c.CarriedFrom < 0 || c.CarriedFrom >= c.Generation && c.CarriedFrom != 0 {
		return fieldErr(id, "data.carried_from", strconv.FormatInt(c.CarriedFrom, 10),
			"must be an earlier generation than the event's own")
	}
	return c.validateInputs(id)
}

func (c Completion) validateCounts(id string) error {
	if len(c.Rows) == 0 {
		return fieldErr(id, "data.rows", "{}", "must count at least one table")
	}
	for table, n := range c.Rows {
		if table == "" || n < 0 {
			return fieldErr(id, "data.rows."+table, strconv.Itoa(n), "must be a named, non-negative count")
		}
	}
	if c.Games < 0 {
		return fieldErr(id, "data.games", strconv.Itoa(c.Games), "must not be negative")
	}
	for i, g := range c.MissingGames {
		if !gameIDPattern.MatchString(g) {
			return fieldErr(id, fmt.Sprintf("data.missing_games[%d]", i), g, "not a 10-digit game id")
		}
	}
	if (c.Outcome == OutcomePartial) != (len(c.MissingGames) > 0) {
		return fieldErr(id, "data.outcome", string(c.Outcome),
			"partial if and only if missing_games is not empty")
	}
	return nil
}

func (c Completion) validateInputs(id string) error {
	if c.Processor == RawBoxScores {
		if len(c.Inputs) != 0 {
			return fieldErr(id, "data.inputs", fmt.Sprint(len(c.Inputs)), "raw loader has no inputs")
		}
		if !requestIDPattern.MatchString(c.RequestID) {
			return fieldErr(id, "data.request_id", c.RequestID, "raw loader must name its request")
		}
		return nil
	}
	if len(c.Inputs) == 0 {
		return fieldErr(id, "data.inputs", "[]", "a derived table must name its inputs")
	}
	for i, in := range c.Inputs {
		field := fmt.Sprintf("data.inputs[%d]", i)
		if !in.Processor.Valid() {
			return fieldErr(id, field+".processor", string(in.Processor), "unknown processor")
		}
		if in.Generation != c.Generation {
			return fieldErr(id, field+".generation", strconv.FormatInt(in.Generation, 10),
				"inputs must be of the event's own generation")
		}
		if in.EventID != CompletionID(in.Processor, c.GameDate, in.Generation) {
			return fieldErr(id, field+".event_id", in.EventID, "does not name that completion")
		}
	}
	return nil
}

// CompletionID is the deterministic id of processor p's completion of a date at a
// generation, for example "2026-02-03.team_offense.g1".
func CompletionID(p Processor, gameDate string, generation int64) string {
	return fmt.Sprintf("%s.%s.g%d", gameDate, p, generation)
}

// LoadRequestID is the deterministic id of a load request.
func LoadRequestID(gameDate, requestID string) string {
	return gameDate + ".load." + requestID
}
