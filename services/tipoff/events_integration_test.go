package main

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/tipoff-nba/tipoff/events"
	"github.com/tipoff-nba/tipoff/services/internal/state"
)

const storyDay = "2026-02-05"

// seedStory runs storyDay through the pipeline with team offense before team defense (so
// the log's time order differs from its document-id order), redelivers the raw
// completion to team offense, records a quality finding of the player summary and a dead
// letter of the date, and a dead letter of another date.
func seedStory(e *testEnv) {
	at := seedAt
	e.load(storyDay, "r1", at)
	e.complete(storyDay, events.TeamOffense, 1, at.Add(time.Minute))
	e.complete(storyDay, events.TeamDefense, 1, at.Add(2*time.Minute))
	redelivered, err := e.store.Claim(e.ctx(), state.Trigger{GameDate: storyDay,
		Processor: events.TeamOffense, Needs: []events.Processor{events.RawBoxScores},
		EventID: events.CompletionID(events.RawBoxScores, storyDay, 1), EventType: events.RawLoaded,
		Generation: 1, Owner: "again", Now: at.Add(3 * time.Minute), LeaseTTL: time.Minute})
	if err != nil || redelivered.Decision != state.DecisionDuplicate {
		e.t.Fatalf("redelivery: %s, %v", redelivered.Decision, err)
	}
	v := e.claimDependent(storyDay, events.PlayerGameSummary, 1, at.Add(4*time.Minute))
	e.finish(v, state.Finish{Status: state.StatusComplete, Now: at.Add(5 * time.Minute),
		Findings: []events.Finding{{GameDate: storyDay, Generation: 1,
			Processor: events.PlayerGameSummary, Rule: "usage_rate_range",
			Severity: events.SeverityWarning, GameID: "0022500700", Value: "61.2",
			Detail: "usage rate above 60"}}})
	for _, dl := range []state.DeadLetter{
		{Subscription: "raw-boxscores--" + events.LoadRequested.Topic(), MessageID: "9",
			Processor: "raw_boxscores", GameDate: storyDay, Reason: "events: bad request_id",
			Payload: "{}", FirstAt: at.Add(6 * time.Minute)},
		{Subscription: "raw-boxscores--" + events.LoadRequested.Topic(), MessageID: "10",
			Processor: "raw_boxscores", GameDate: "2026-02-06", Reason: "other day",
			Payload: "{}", FirstAt: at},
	} {
		if _, err := e.store.RecordDeadLetter(e.ctx(), dl); err != nil {
			e.t.Fatal(err)
		}
	}
}

// wantStory is the log in time order: "<direction> <processor> <event id>".
var wantStory = []string{
	"consumed raw_boxscores 2026-02-05.load.r1",
	"published raw_boxscores 2026-02-05.raw_boxscores.g1",
	"consumed team_offense 2026-02-05.raw_boxscores.g1",
	"published team_offense 2026-02-05.team_offense.g1",
	"consumed team_defense 2026-02-05.raw_boxscores.g1",
	"published team_defense 2026-02-05.team_defense.g1",
	"consumed player_game_summary 2026-02-05.team_offense.g1",
	"published player_game_summary 2026-02-05.player_game_summary.g1",
}

// TestEventsCommand: the log is listed by first_at, a redelivery counts in its entry
// instead of adding a row, and the date's finding and dead letter follow, without the
// other date's dead letter.
func TestEventsCommand(t *testing.T) {
	e := newTestEnv(t)
	seedStory(e)

	r := e.mustRun("events", eventsCommand, "--date", storyDay)

	logPart, rest, ok := strings.Cut(r.out, "\nQUALITY FINDINGS (1)\n")
	findings, deadLetters, ok2 := strings.Cut(rest, "\nDEAD LETTERS (1)\n")
	if !ok || !ok2 {
		t.Fatalf("sections missing or miscounted:\n%s", r.out)
	}
	lines := strings.Split(strings.TrimSpace(logPart), "\n")[1:]
	var got, reasons []string
	for _, l := range lines {
		if r, ok := strings.CutPrefix(l, reasonIndent); ok {
			reasons = append(reasons, r)
			continue
		}
		f := strings.Fields(l)
		got = append(got, strings.Join([]string{f[1], f[2], f[7]}, " "))
		if f[1] == "consumed" && f[2] == "team_offense" && f[6] != "2" {
			t.Errorf("redelivered entry shows %s deliveries, want 2: %q", f[6], l)
		}
	}
	if strings.Join(got, "\n") != strings.Join(wantStory, "\n") {
		t.Errorf("log order:\n%s\nwant:\n%s", strings.Join(got, "\n"),
			strings.Join(wantStory, "\n"))
	}
	// The redelivered completion was a duplicate; its reason says why.
	if !strings.Contains(strings.Join(reasons, "\n"), "g1 is already complete") {
		t.Errorf("no entry's reason is shown:\n%s", logPart)
	}
	if !strings.Contains(findings, "usage_rate_range") || !strings.Contains(findings, "warning") {
		t.Errorf("findings section:\n%s", findings)
	}
	if !strings.Contains(deadLetters, "bad request_id") ||
		strings.Contains(deadLetters, "other day") {
		t.Errorf("dead letters section:\n%s", deadLetters)
	}
}

// TestEventsCommandJSON: the same story as one JSON object, log in order.
func TestEventsCommandJSON(t *testing.T) {
	e := newTestEnv(t)
	seedStory(e)

	r := e.mustRun("events", eventsCommand, "--date", storyDay, "--json")

	var story struct {
		GameDate    string           `json:"game_date"`
		Loaded      bool             `json:"loaded"`
		Events      []map[string]any `json:"events"`
		Findings    []map[string]any `json:"findings"`
		DeadLetters []map[string]any `json:"dead_letters"`
	}
	if err := json.Unmarshal([]byte(r.out), &story); err != nil {
		t.Fatalf("%v in %s", err, r.out)
	}
	if story.GameDate != storyDay || !story.Loaded || len(story.Events) != len(wantStory) ||
		len(story.Findings) != 1 || len(story.DeadLetters) != 1 {
		t.Fatalf("story %+v", story)
	}
	for i, ev := range story.Events {
		if got := ev["direction"].(string) + " " + ev["processor"].(string) + " " +
			ev["event_id"].(string); got != wantStory[i] {
			t.Errorf("event %d = %s, want %s", i, got, wantStory[i])
		}
	}
	if story.DeadLetters[0]["id"] != state.DeadLetterID("raw-boxscores--"+
		events.LoadRequested.Topic(), "9") {
		t.Errorf("dead letter %v", story.DeadLetters[0])
	}
}

// TestEventsCommandUnknownDate: a date never loaded says so on stderr and exits 0.
func TestEventsCommandUnknownDate(t *testing.T) {
	e := newTestEnv(t)
	r := e.mustRun("events", eventsCommand, "--date", "2026-03-01")
	if !strings.Contains(r.errs, "2026-03-01 has never been loaded") ||
		!strings.Contains(r.out, "no events logged for 2026-03-01") {
		t.Errorf("stdout %q stderr %q", r.out, r.errs)
	}
}
