package main

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/tipoff-nba/tipoff/events"
	"github.com/tipoff-nba/tipoff/services/internal/state"
)

// TestRenderStory: the log table in the given order with short types, an entry's reason
// whole and wrapped under its row, then the findings, then the dead letters, each section
// counted.
func TestRenderStory(t *testing.T) {
	s := dateStory{gameDate: "2026-02-03", loaded: true,
		log: []state.EventLogEntry{
			{EventID: "2026-02-03.load.r1", EventType: string(events.LoadRequested),
				Direction: state.DirectionConsumed, Processor: "raw_boxscores", Generation: 1,
				Decision: "run", Deliveries: 1, FirstAt: viewAt},
			{EventID: "2026-02-03.raw_boxscores.g1", EventType: string(events.RawLoaded),
				Direction: state.DirectionPublished, Processor: "raw_boxscores", Generation: 1,
				Decision: "complete", Deliveries: 1, FirstAt: viewAt.Add(time.Second)},
			{EventID: "2026-02-03.load.r0", EventType: string(events.LoadRequested),
				Direction: state.DirectionConsumed, Processor: "raw_boxscores", Generation: 1,
				Decision: "stale", Deliveries: 2, FirstAt: viewAt.Add(2 * time.Second),
				Reason: "event of g0; the date is at g1 " + strings.Repeat("and more words ", 10) +
					"END"},
		},
		findings: []state.QualityDoc{{Processor: "player_game_summary", Generation: 1,
			Severity: "warning", Rule: "usage_rate_range", GameID: "0022500700", Value: "61.2",
			Detail: "usage rate above 60", FoundAt: viewAt.Add(2 * time.Second)}},
		deadLetters: []state.DeadLetter{{Subscription: "raw-boxscores--" +
			events.LoadRequested.Topic(), MessageID: "3", Processor: "raw_boxscores",
			GameDate: "2026-02-03", Reason: "events: bad", Deliveries: 2, FirstAt: viewAt}},
	}
	var out bytes.Buffer

	if err := renderStory(&out, s); err != nil {
		t.Fatal(err)
	}

	text := out.String()
	order := []string{"TIME", "raw_boxscores.load_requested.v1", "raw_boxscores.loaded.v1",
		"stale", "\n    reason: event of g0; the date is at g1", "END\n",
		"QUALITY FINDINGS (1)", "usage_rate_range", "DEAD LETTERS (1)",
		state.DeadLetterID(s.deadLetters[0].Subscription, "3")}
	at := 0
	for _, want := range order {
		i := strings.Index(text[at:], want)
		if i < 0 {
			t.Fatalf("%q missing or out of order in:\n%s", want, text)
		}
		at += i + len(want)
	}
	for _, l := range strings.Split(text, "\n") {
		if len(l) > reasonLineWidth && strings.HasPrefix(strings.TrimSpace(l), "and more") {
			t.Errorf("reason line of %d columns: %q", len(l), l)
		}
	}
	lines := strings.Split(text, "\n")
	if strings.Index(lines[0], "GEN") != strings.Index(lines[3], "g1") {
		t.Errorf("the reason lines broke the table's columns:\n%s", text)
	}
	if strings.Contains(text, "dev.tipoff.") {
		t.Errorf("event types are not shortened:\n%s", text)
	}
}

// TestRenderStoryEmpty: an empty date still shows the three sections, saying so.
func TestRenderStoryEmpty(t *testing.T) {
	var out bytes.Buffer
	if err := renderStory(&out, dateStory{gameDate: "2026-02-09"}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"no events logged for 2026-02-09", "QUALITY FINDINGS (0)",
		"DEAD LETTERS (0)"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}
