package main

import (
	"strings"
	"testing"

	"github.com/tipoff-nba/tipoff/events"
)

// TestPauseResume: pause turns the processor's kill switch on with the reason and who
// set it; resume turns it off; the other processors are untouched.
func TestPauseResume(t *testing.T) {
	e := newTestEnv(t)
	t.Setenv("USER", "ops-alice")

	r := e.mustRun("pause", pauseCommand, "--processor", "team-defense", "--reason", "INC-42")

	c, err := e.store.Control(e.ctx(), events.TeamDefense)
	if err != nil {
		t.Fatal(err)
	}
	if !c.Paused || c.Reason != "INC-42" || c.UpdatedBy != "ops-alice" || c.UpdatedAt.IsZero() ||
		c.Processor != "team_defense" {
		t.Errorf("after pause: %+v", c)
	}
	if !strings.Contains(r.out, "paused team_defense (by ops-alice: INC-42)") {
		t.Errorf("stdout %q", r.out)
	}
	if other, _ := e.store.Control(e.ctx(), events.TeamOffense); other.Paused {
		t.Error("pausing team_defense paused team_offense")
	}

	r = e.mustRun("pause", pauseCommand, "--processor", "team_defense", "--reason", "still")
	if !strings.Contains(r.out, "it was paused already (by ops-alice: INC-42)") {
		t.Errorf("second pause: %q", r.out)
	}

	t.Setenv("USER", "")
	e.mustRun("resume", resumeCommand, "--processor", "team_defense")

	c, err = e.store.Control(e.ctx(), events.TeamDefense)
	if err != nil {
		t.Fatal(err)
	}
	if c.Paused || c.UpdatedBy != cliSource {
		t.Errorf("after resume: %+v", c)
	}
}
