package main

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/tipoff-nba/tipoff/events"
	"github.com/tipoff-nba/tipoff/services/internal/state"
)

// seedStatusDates writes four dates, each in a different state:
//
//	2026-01-31  running   g2 opened; raw running at g2, team offense still at g1 (waiting)
//	2026-02-01  complete  every processor complete at g1
//	2026-02-02  blocked   team offense blocked by the breaker at g1
//	2026-02-03  running   only the raw loader has completed g1
func seedStatusDates(e *testEnv) {
	at := seedAt
	e.load("2026-01-31", "r1", at)
	e.complete("2026-01-31", events.TeamOffense, 1, at.Add(time.Minute))
	e.claim(state.Trigger{GameDate: "2026-01-31", Processor: events.RawBoxScores,
		EventID: events.LoadRequestID("2026-01-31", "r2"), EventType: events.LoadRequested,
		RequestID: "r2", Owner: "raw-r2", Now: at.Add(2 * time.Minute), LeaseTTL: time.Hour})

	e.load("2026-02-01", "r1", at)
	for _, p := range []events.Processor{events.TeamOffense, events.TeamDefense,
		events.PlayerGameSummary} {
		at = at.Add(time.Minute)
		e.complete("2026-02-01", p, 1, at)
	}
	e.load("2026-02-02", "r1", at)
	e.block("2026-02-02", events.TeamOffense, 1, at.Add(time.Minute))
	e.load("2026-02-03", "r1", at)
}

// statusTable parses the status table into rows of fields, keyed by date.
func statusTable(t *testing.T, out string) (dates []string, rows map[string][]string) {
	t.Helper()
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if !strings.HasPrefix(lines[0], "DATE") {
		t.Fatalf("no header:\n%s", out)
	}
	rows = map[string][]string{}
	for _, l := range lines[1:] {
		f := strings.Fields(l)
		dates = append(dates, f[0])
		rows[f[0]] = f
	}
	return dates, rows
}

// TestStatusCommand: the table lists the dates of the range in order, filters by date
// status, shows a processor of an older generation as waiting, and says when nothing
// matches without failing.
func TestStatusCommand(t *testing.T) {
	e := newTestEnv(t)
	seedStatusDates(e)

	dates, rows := statusTable(t, e.mustRun("status", statusCommand).out)
	if strings.Join(dates, " ") != "2026-01-31 2026-02-01 2026-02-02 2026-02-03" {
		t.Errorf("all dates: %v", dates)
	}
	// DATE GEN STATUS RAW OFFENSE DEFENSE PLAYER
	want := map[string]string{
		"2026-01-31": "g2 running running waiting waiting waiting",
		"2026-02-01": "g1 complete complete complete complete complete",
		"2026-02-02": "g1 blocked complete blocked waiting waiting",
		"2026-02-03": "g1 running complete waiting waiting waiting",
	}
	for d, w := range want {
		if got := strings.Join(rows[d][1:7], " "); got != w {
			t.Errorf("%s: %q, want %q", d, got, w)
		}
	}
	// The cell is cut in the middle: it starts with the processor and ends with the cause.
	if e := strings.Join(rows["2026-02-02"][8:], " "); !strings.HasPrefix(e, "team_offense:") ||
		!strings.HasSuffix(e, "upstream rows missing") {
		t.Errorf("blocked date does not show where and why: %v", rows["2026-02-02"])
	}

	cases := []struct {
		args []string
		want string
	}{
		{[]string{"--from-date", "2026-02-01", "--to-date", "2026-02-02"}, "2026-02-01 2026-02-02"},
		{[]string{"--status", "blocked"}, "2026-02-02"},
		{[]string{"--status", "running,complete", "--from-date", "2026-02-01"},
			"2026-02-01 2026-02-03"},
		{[]string{"--to-date", "2026-01-31"}, "2026-01-31"},
	}
	for _, tc := range cases {
		dates, _ := statusTable(t, e.mustRun("status", statusCommand, tc.args...).out)
		if got := strings.Join(dates, " "); got != tc.want {
			t.Errorf("status %v: %s, want %s", tc.args, got, tc.want)
		}
	}

	r := e.mustRun("status", statusCommand, "--status", "failed")
	if r.out != "" || !strings.Contains(r.errs, "no dates match") {
		t.Errorf("no match: stdout %q stderr %q", r.out, r.errs)
	}
}

// TestStatusCommandJSON: --json has every field of the date, the processor documents, and
// the status each column shows; an empty result is an empty array.
func TestStatusCommandJSON(t *testing.T) {
	e := newTestEnv(t)
	seedStatusDates(e)

	r := e.mustRun("status", statusCommand, "--json", "--from-date", "2026-01-31", "--to-date",
		"2026-01-31")

	var rows []map[string]any
	if err := json.Unmarshal([]byte(r.out), &rows); err != nil || len(rows) != 1 {
		t.Fatalf("output %q: %v", r.out, err)
	}
	row := rows[0]
	if row["game_date"] != "2026-01-31" || row["generation"] != float64(2) ||
		row["requests"].(map[string]any)["r2"] != float64(2) {
		t.Errorf("date fields: %v", row)
	}
	shown := row["processor_status"].(map[string]any)
	if shown["raw_boxscores"] != "running" || shown["team_offense"] != "waiting" {
		t.Errorf("processor_status = %v", shown)
	}
	offense := row["processor_docs"].(map[string]any)["team_offense"].(map[string]any)
	if offense["generation"] != float64(1) || offense["status"] != "complete" {
		t.Errorf("team_offense document = %v", offense)
	}

	r = e.mustRun("status", statusCommand, "--json", "--status", "quarantined")
	if strings.TrimSpace(r.out) != "[]" || !strings.Contains(r.errs, "no dates match") {
		t.Errorf("empty JSON: stdout %q stderr %q", r.out, r.errs)
	}
}
