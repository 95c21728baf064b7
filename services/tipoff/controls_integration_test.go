package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestPausedProcessorIsVisible: once team_defense is paused, status names it under the
// table, pause with no flag and pause --list show every switch, stalls marks its waits
// and does not count them, and a replay that runs out of --wait names it.
func TestPausedProcessorIsVisible(t *testing.T) {
	e := newTestEnv(t)
	t.Setenv("USER", "ops-alice")
	e.load("2026-02-02", "r1", seedAt) // hours ago: both team summaries are past their limit
	e.mustRun("pause", pauseCommand, "--processor", "team_defense", "--reason", "INC-42")

	r := e.mustRun("status", statusCommand)
	if !strings.Contains(r.out, "\npaused: team_defense (reason INC-42, by ops-alice, since ") {
		t.Errorf("status does not name the paused processor:\n%s", r.out)
	}

	for _, args := range [][]string{nil, {"--list"}} {
		r = e.mustRun("pause", pauseCommand, args...)
		lines := strings.Split(r.out, "\n")
		if len(lines) < 5 || !strings.HasPrefix(lines[0], "PROCESSOR") ||
			!strings.Contains(r.out, "team_offense") {
			t.Fatalf("pause %v does not list every switch:\n%s", args, r.out)
		}
		if f := strings.Fields(findLine(r.out, "team_defense")); len(f) < 4 ||
			f[1] != "paused" || f[2] != "INC-42" || f[3] != "ops-alice" {
			t.Errorf("pause %v: team_defense row %q", args, findLine(r.out, "team_defense"))
		}
		if f := strings.Fields(findLine(r.out, "team_offense")); len(f) < 2 || f[1] != "off" {
			t.Errorf("pause %v: team_offense row %q", args, findLine(r.out, "team_offense"))
		}
	}
	if c, _ := e.store.Control(e.ctx(), "team_offense"); c.Paused {
		t.Error("listing the switches changed one")
	}

	// team_offense still pages; team_defense is marked.
	r = e.run("stalls", stallsCommand)
	if r.code != exitFailed || !strings.Contains(findLine(r.out, "team_defense"),
		"waiting (paused)") || strings.Contains(findLine(r.out, "team_offense"), "paused") {
		t.Errorf("stalls with team_defense paused: exit %d\n%s%s", r.code, r.out, r.errs)
	}

	// Both paused: nothing to page about, and the JSON says why.
	e.mustRun("pause", pauseCommand, "--processor", "team_offense", "--reason", "INC-43")
	r = e.run("stalls", stallsCommand, "--json")
	var got []map[string]any
	if err := json.Unmarshal([]byte(r.out), &got); err != nil {
		t.Fatalf("stalls --json: %v\n%s", err, r.out)
	}
	if r.code != exitOK || len(got) != 2 || got[0]["paused"] != true || got[1]["paused"] != true {
		t.Errorf("stalls with both teams paused: exit %d, %v", r.code, got)
	}

	r = e.run("replay", replayCommand, "--date", "2026-02-02", "--wait", "1s")
	if r.code != exitFailed || !strings.Contains(r.errs, "--wait 1s reached") ||
		!strings.Contains(r.errs, "; paused: team_offense (reason INC-43") ||
		!strings.Contains(r.errs, "team_defense (reason INC-42") {
		t.Errorf("replay past --wait does not name the paused processors: exit %d\n%s",
			r.code, r.errs)
	}
}

// findLine is the first line of s that contains sub, or "".
func findLine(s, sub string) string {
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, sub) {
			return l
		}
	}
	return ""
}
