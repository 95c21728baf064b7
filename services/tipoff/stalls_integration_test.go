package main

import (
	"strings"
	"testing"

	"github.com/tipoff-nba/tipoff/events"
)

// TestStallsCommand: a date whose raw load completed long ago while its team summaries
// never ran is reported, with exit 1; a complete date is not.
func TestStallsCommand(t *testing.T) {
	e := newTestEnv(t)
	e.load("2026-02-02", "r1", seedAt) // hours before now: both teams are past 30 minutes
	gen := e.load("2026-02-03", "r1", seedAt)
	for _, p := range []events.Processor{events.TeamOffense, events.TeamDefense,
		events.PlayerGameSummary} {
		e.complete("2026-02-03", p, gen, seedAt)
	}

	res := e.run("stalls", stallsCommand)
	if res.code != exitFailed {
		t.Fatalf("exit %d, want %d; stderr %s", res.code, exitFailed, res.errs)
	}
	for _, want := range []string{"2026-02-02", "team_offense", "team_defense", "waiting"} {
		if !strings.Contains(res.out, want) {
			t.Errorf("report lacks %q:\n%s", want, res.out)
		}
	}
	if strings.Contains(res.out, "2026-02-03") || strings.Contains(res.out, "player_game") {
		t.Errorf("a complete date or a processor whose upstream never ran is reported:\n%s",
			res.out)
	}
}

// TestStallsJSONEmpty: no stall is an empty array, not null.
func TestStallsJSONEmpty(t *testing.T) {
	e := newTestEnv(t)

	r := e.mustRun("stalls", stallsCommand, "--json")

	if strings.TrimSpace(r.out) != "[]" {
		t.Errorf("stalls --json with nothing stalled: %q, want []", r.out)
	}
}
