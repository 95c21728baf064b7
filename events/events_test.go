package events

import (
	"errors"
	"regexp"
	"strings"
	"testing"
	"time"

	cloudevents "github.com/cloudevents/sdk-go/v2/event"
)

var at = time.Date(2026, 2, 4, 5, 0, 0, 0, time.UTC)

func offenseCompletion() Completion {
	return Completion{
		GameDate: "2026-02-03", Generation: 2, Processor: TeamOffense,
		Outcome: OutcomeComplete, Rows: map[string]int{"team_offense_game_summary": 20},
		Games: 10, InputDigest: "sha256:" + strings.Repeat("ab", 32),
		Inputs: []Input{{Processor: RawBoxScores, Generation: 2,
			EventID: CompletionID(RawBoxScores, "2026-02-03", 2)}},
	}
}

func TestCompletionRoundTrip(t *testing.T) {
	e, err := NewCompletion(offenseCompletion(), at)
	if err != nil {
		t.Fatal(err)
	}
	env, err := Parse(e)
	if err != nil {
		t.Fatal(err)
	}
	if env.Type != TeamOffenseCompleted || env.GameDate != "2026-02-03" || env.Generation != 2 {
		t.Fatalf("got %+v", env)
	}
	if env.ID != "2026-02-03.team_offense.g2" {
		t.Errorf("id = %q, want the deterministic completion id", env.ID)
	}
	again, _ := NewCompletion(offenseCompletion(), at.Add(time.Hour))
	if again.ID() != e.ID() {
		t.Errorf("republished completion has id %q, first had %q", again.ID(), e.ID())
	}
}

func TestLoadRequestRoundTrip(t *testing.T) {
	r := LoadRequest{GameDate: "2025-10-21", RequestID: "run-1", Reason: "initial"}
	e, err := NewLoadRequest("tipoff-cli", r, at)
	if err != nil {
		t.Fatal(err)
	}
	env, err := Parse(e)
	if err != nil {
		t.Fatal(err)
	}
	if env.Load == nil || *env.Load != r || env.Generation != 0 {
		t.Fatalf("got %+v", env)
	}
}

// TestExtensionNames runs every emitted extension name through the SDK's own check and
// the CloudEvents naming rule (field case C09).
func TestExtensionNames(t *testing.T) {
	rule := regexp.MustCompile(`^[a-z0-9]{1,20}$`)
	for _, name := range Extensions {
		if !rule.MatchString(name) || !cloudevents.IsExtensionNameValid(name) {
			t.Errorf("extension %q breaks the CloudEvents naming rule", name)
		}
	}
	for _, bad := range []string{"game_date", "game-date", "upstreamoffenseversion"} {
		if cloudevents.IsExtensionNameValid(bad) && rule.MatchString(bad) {
			t.Errorf("%q was accepted", bad)
		}
	}
}

func TestTopicsAreDistinct(t *testing.T) {
	seen := map[string]Type{}
	for _, ty := range []Type{LoadRequested, RawLoaded, TeamOffenseCompleted,
		TeamDefenseCompleted, PlayerGameSummaryCompleted} {
		if prev, dup := seen[ty.Topic()]; dup {
			t.Fatalf("%s and %s share topic %s", prev, ty, ty.Topic())
		}
		seen[ty.Topic()] = ty
	}
	if got := TeamOffenseCompleted.Topic(); got != "tipoff.team-offense.completed.v1" {
		t.Errorf("topic = %q", got)
	}
}

func TestParseRejects(t *testing.T) {
	cases := []struct {
		name   string
		mutate func(*cloudevents.Event)
		field  string
	}{
		{"subject not a date", func(e *cloudevents.Event) { e.SetSubject("2026-02-30") }, "subject"},
		{"extension disagrees", func(e *cloudevents.Event) {
			e.SetExtension(ExtGameDate, "2026-02-04")
		}, "ext:gamedate"},
		{"generation extension missing", func(e *cloudevents.Event) {
			ext := e.Context.(*cloudevents.EventContextV1)
			delete(ext.Extensions, ExtGeneration)
		}, "ext:generation"},
		{"generation disagrees", func(e *cloudevents.Event) {
			e.SetExtension(ExtGeneration, "3")
		}, "data.generation"},
		{"unknown body field", func(e *cloudevents.Event) {
			_ = e.SetData(ContentType, map[string]any{"game_date": "2026-02-03", "extra": 1})
		}, "data"},
		{"wrong id", func(e *cloudevents.Event) { e.SetID("random") }, "id"},
		{"foreign source", func(e *cloudevents.Event) { e.SetSource("/elsewhere") }, "source"},
		{"xml body", func(e *cloudevents.Event) {
			_ = e.SetData("application/xml", []byte("<a/>"))
		}, "datacontenttype"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			e, err := NewCompletion(offenseCompletion(), at)
			if err != nil {
				t.Fatal(err)
			}
			tc.mutate(&e)
			_, err = Parse(e)
			var fe *FieldError
			if !errors.As(err, &fe) || !errors.Is(err, ErrInvalid) {
				t.Fatalf("err = %v, want a FieldError wrapping ErrInvalid", err)
			}
			if fe.Field != tc.field {
				t.Errorf("field = %q, want %q (%v)", fe.Field, tc.field, err)
			}
		})
	}
}

func TestParseUnknownType(t *testing.T) {
	e, _ := NewCompletion(offenseCompletion(), at)
	e.SetType("dev.tipoff.team_offense.completed.v9")
	_, err := Parse(e)
	if !errors.Is(err, ErrUnknownType) || !errors.Is(err, ErrInvalid) {
		t.Fatalf("err = %v, want ErrUnknownType and ErrInvalid", err)
	}
	if !strings.Contains(err.Error(), "v9") {
		t.Errorf("error %q does not name the type", err)
	}
}

func TestCompletionValidation(t *testing.T) {
	c := offenseCompletion()
	c.Inputs[0].Generation = 1
	if _, err := NewCompletion(c, at); err == nil {
		t.Error("mixed-generation inputs were accepted")
	}
	c = offenseCompletion()
	c.Outcome = OutcomePartial
	if _, err := NewCompletion(c, at); err == nil {
		t.Error("partial without missing games was accepted")
	}
	c.MissingGames = []string{"0022500002"}
	if _, err := NewCompletion(c, at); err != nil {
		t.Errorf("partial with a missing game: %v", err)
	}
}

func TestAlertsRoundTrip(t *testing.T) {
	f := Finding{GameDate: "2026-02-03", Generation: 1, Processor: PlayerGameSummary,
		Rule: "team_usage_identity", Severity: SeverityCritical, GameID: "0022500716",
		TeamID: 1610612765, Team: "DET", Value: "112.4", Detail: "want 100 ± 0.01"}
	e, err := NewFinding(f, at)
	if err != nil {
		t.Fatal(err)
	}
	env, err := Parse(e)
	if err != nil {
		t.Fatal(err)
	}
	if env.Finding == nil || *env.Finding != f || env.Type.Topic() != "tipoff.quality.finding.v1" {
		t.Fatalf("got %+v", env)
	}
	b := Blocked{GameDate: "2026-02-03", Generation: 1, Processor: PlayerGameSummary,
		FailedChecks: 3, Reason: "team_offense rows missing"}
	e, err = NewBlocked(b, at)
	if err != nil {
		t.Fatal(err)
	}
	if env, err = Parse(e); err != nil || env.Blocked == nil || *env.Blocked != b {
		t.Fatalf("blocked: %+v, %v", env, err)
	}
	f.Severity = "fatal"
	if _, err := NewFinding(f, at); !errors.Is(err, ErrInvalid) {
		t.Errorf("severity fatal accepted: %v", err)
	}
}

func TestReplayFields(t *testing.T) {
	r := LoadRequest{GameDate: "2026-02-03", RequestID: "replay-1", Reason: "replay",
		ReplayFrom: PlayerGameSummary}
	e, err := NewLoadRequest("tipoff-cli", r, at)
	if err != nil {
		t.Fatal(err)
	}
	env, err := Parse(e)
	if err != nil {
		t.Fatal(err)
	}
	if env.Load == nil || env.Load.ReplayFrom != PlayerGameSummary {
		t.Fatalf("replay_from lost in the round trip: %+v", env.Load)
	}
	r.ReplayFrom = "box_scores"
	if _, err := NewLoadRequest("tipoff-cli", r, at); err == nil ||
		!strings.Contains(err.Error(), "data.replay_from") {
		t.Errorf("unknown replay_from: err = %v, want one naming data.replay_from", err)
	}

	c := offenseCompletion()
	c.CarriedFrom = 1
	e, err = NewCompletion(c, at)
	if err != nil {
		t.Fatal(err)
	}
	if env, err = Parse(e); err != nil || env.Completion.CarriedFrom != 1 {
		t.Fatalf("carried_from lost in the round trip: %v %+v", err, env.Completion)
	}
	for _, bad := range []int64{2, 3, -1} {
		c.CarriedFrom = bad
		if _, err := NewCompletion(c, at); err == nil ||
			!strings.Contains(err.Error(), "data.carried_from") {
			t.Errorf("carried_from %d at g2: err = %v, want one naming data.carried_from", bad, err)
		}
	}
}
