package main

import (
	"strings"
	"testing"
	"time"
)

// TestParseReplayFlags: every mistake in a replay command line names the flag and value.
func TestParseReplayFlags(t *testing.T) {
	parse := func(con console, args []string) error {
		_, err := parseReplayFlags(con, args)
		return err
	}
	checkParse(t, parse, []parseCase{
		{"one date", []string{"--date", "2026-02-03", "--from", "team-offense"}, ""},
		{"a range", []string{"--from-date", "2026-01-27", "--to-date", "2026-02-03"}, ""},
		{"no date", nil, "--date or --from-date and --to-date is required"},
		{"date and range", []string{"--date", "2026-02-03", "--to-date", "2026-02-04"},
			"--date 2026-02-03 with a range"},
		{"half a range", []string{"--from-date", "2026-01-27"},
			`a range needs both --from-date and --to-date (got --from-date "2026-01-27", ` +
				`--to-date "")`},
		{"reversed range", []string{"--from-date", "2026-02-03", "--to-date", "2026-01-27"},
			"--from-date 2026-02-03 is after --to-date 2026-01-27"},
		{"not a date", []string{"--date", "2026-02-30"}, `--date "2026-02-30": not a real`},
		{"unknown processor", []string{"--date", "2026-02-03", "--from", "box_scores"},
			`--from "box_scores": unknown processor`},
		{"no concurrency", []string{"--date", "2026-02-03", "--concurrency", "0"},
			"--concurrency 0: must be 1 to 64"},
		{"too much concurrency", []string{"--date", "2026-02-03", "--concurrency", "65"},
			"--concurrency 65: must be 1 to 64"},
		{"bad request id", []string{"--date", "2026-02-03", "--request-id", "a b"},
			`--request-id "a b": must be 1-128 characters`},
		{"empty reason", []string{"--date", "2026-02-03", "--reason", " "},
			`--reason " ": must not be empty`},
		{"no wait", []string{"--date", "2026-02-03", "--wait", "0s"},
			"--wait 0s: must be positive"},
	})
}

// TestReplayRequestIDAndResumeCommand: a made-up request id is valid and unique, and the
// resume command repeats the run's dates, origin, --new, --concurrency and id.
func TestReplayRequestIDAndResumeCommand(t *testing.T) {
	at := time.Date(2026, 2, 4, 6, 0, 0, 0, time.UTC)
	a, b := newReplayRequestID(at), newReplayRequestID(at)
	if a == b || !strings.HasPrefix(a, "replay-20260204T060000-") {
		t.Errorf("request ids %q and %q", a, b)
	}
	f, err := parseReplayFlags(console{}, []string{"--from-date", "2026-01-27", "--to-date",
		"2026-02-03", "--from", "team_defense", "--new", "--concurrency", "8"})
	if err != nil {
		t.Fatal(err)
	}
	want := "tipoff replay --from-date 2026-01-27 --to-date 2026-02-03 --from team_defense " +
		"--new --concurrency 8 --request-id " + f.requestID
	if got := f.resumeCommand(); got != want || !f.generated {
		t.Errorf("resume command %q, want %q", got, want)
	}
}

// TestResumeCommandKeepsReason: a reason other than the default is repeated, quoted for
// the shell.
func TestResumeCommandKeepsReason(t *testing.T) {
	f, err := parseReplayFlags(console{}, []string{"--date", "2026-02-03", "--reason",
		"INC-42: Bob's fix", "--request-id", "r1"})
	if err != nil {
		t.Fatal(err)
	}
	want := `tipoff replay --date 2026-02-03 --reason 'INC-42: Bob'\''s fix' --request-id r1`
	if got := f.resumeCommand(); got != want {
		t.Errorf("resume command %q, want %q", got, want)
	}
}

func TestCompactDays(t *testing.T) {
	got := compactDays([]string{"2026-01-28", "2026-01-29", "2026-01-30", "2026-02-01",
		"2026-02-28", "2026-03-01"})
	if want := "2026-01-28..2026-01-30, 2026-02-01, 2026-02-28..2026-03-01"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if n := len(calendarDays("2025-12-30", "2026-01-02")); n != 4 {
		t.Errorf("calendarDays across a year: %d days, want 4", n)
	}
}
