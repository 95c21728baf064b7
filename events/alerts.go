package events

import (
	"fmt"
	"regexp"
	"strconv"
	"time"

	cloudevents "github.com/cloudevents/sdk-go/v2/event"
)

var ruleName = regexp.MustCompile(`^[a-z][a-z0-9_]{0,63}$`)

// Severity grades a data-quality finding.
type Severity string

const (
	// SeverityInfo: worth knowing, expected in real data (for example a tiny-minutes usage).
	SeverityInfo Severity = "info"
	// SeverityWarning: unusual; the output is announced, a person should look.
	SeverityWarning Severity = "warning"
	// SeverityCritical: the output is wrong or built from wrong inputs; it is quarantined
	// and nothing downstream runs on it.
	SeverityCritical Severity = "critical"
)

// Finding is the body of a QualityFinding event: one rule that one row or team broke.
type Finding struct {
	GameDate   string    `json:"game_date"`
	Generation int64     `json:"generation"`
	Processor  Processor `json:"processor"`
	// Rule is the verification rule's stable snake_case name.
	Rule     string   `json:"rule"`
	Severity Severity `json:"severity"`
	// GameID, TeamID and PersonID locate the finding; zero values mean "not about one".
	GameID   string `json:"game_id,omitempty"`
	TeamID   int64  `json:"team_id,omitempty"`
	Team     string `json:"team,omitempty"`
	PersonID int64  `json:"person_id,omitempty"`
	// Value is the observed value, as text; Detail says what was expected.
	Value  string `json:"value"`
	Detail string `json:"detail"`
}

// Blocked is the body of a ProcessorBlocked event.
type Blocked struct {
	GameDate   string    `json:"game_date"`
	Generation int64     `json:"generation"`
	Processor  Processor `json:"processor"`
	// FailedChecks is how many dependency checks failed before the breaker opened.
	FailedChecks int    `json:"failed_checks"`
	Reason       string `json:"reason"`
}

// Validate checks every field of a finding.
func (f Finding) Validate(id string) error {
	if err := validRun(id, f.GameDate, f.Generation, f.Processor); err != nil {
		return err
	}
	if !ruleName.MatchString(f.Rule) {
		return fieldErr(id, "data.rule", f.Rule, "must be a snake_case rule name")
	}
	switch f.Severity {
	case SeverityInfo, SeverityWarning, SeverityCritical:
	default:
		return fieldErr(id, "data.severity", string(f.Severity), "must be info, warning or critical")
	}
	if f.GameID != "" && !gameIDPattern.MatchString(f.GameID) {
		return fieldErr(id, "data.game_id", f.GameID, "not a 10-digit game id")
	}
	if f.Detail == "" {
		return fieldErr(id, "data.detail", "", "must say what was expected")
	}
	return nil
}

// Validate checks every field of a breaker alert.
func (b Blocked) Validate(id string) error {
	if err := validRun(id, b.GameDate, b.Generation, b.Processor); err != nil {
		return err
	}
	if b.FailedChecks < 1 {
		return fieldErr(id, "data.failed_checks", strconv.Itoa(b.FailedChecks), "must be at least 1")
	}
	if b.Reason == "" {
		return fieldErr(id, "data.reason", "", "must say why")
	}
	return nil
}

func validRun(id, gameDate string, generation int64, p Processor) error {
	if !ValidDate(gameDate) {
		return fieldErr(id, "data.game_date", gameDate, "not a YYYY-MM-DD date")
	}
	if generation < 1 {
		return fieldErr(id, "data.generation", strconv.FormatInt(generation, 10), "must be at least 1")
	}
	if !p.Valid() {
		return fieldErr(id, "data.processor", string(p), "unknown processor")
	}
	return nil
}

// FindingID is the deterministic id of a finding: the same finding of the same run is
// the same event.
func FindingID(f Finding) string {
	return fmt.Sprintf("%s.%s.g%d.quality.%s.%s.%d.%d", f.GameDate, f.Processor, f.Generation,
		f.Rule, f.GameID, f.TeamID, f.PersonID)
}

// BlockedID is the deterministic id of a breaker alert.
func BlockedID(p Processor, gameDate string, generation int64) string {
	return fmt.Sprintf("%s.%s.g%d.blocked", gameDate, p, generation)
}

// NewFinding builds a QualityFinding event.
func NewFinding(f Finding, at time.Time) (cloudevents.Event, error) {
	id := FindingID(f)
	if err := f.Validate(id); err != nil {
		return cloudevents.Event{}, err
	}
	return build(id, QualityFinding, SourcePrefix+string(f.Processor), f.GameDate, f.Generation,
		f, at)
}

// NewBlocked builds a ProcessorBlocked event.
func NewBlocked(b Blocked, at time.Time) (cloudevents.Event, error) {
	id := BlockedID(b.Processor, b.GameDate, b.Generation)
	if err := b.Validate(id); err != nil {
		return cloudevents.Event{}, err
	}
	return build(id, ProcessorBlocked, SourcePrefix+string(b.Processor), b.GameDate,
		b.Generation, b, at)
}
