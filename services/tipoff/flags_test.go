package main

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/tipoff-nba/tipoff/events"
	"github.com/tipoff-nba/tipoff/services/internal/state"
)

// parseCase is one command line and what parsing it must say.
type parseCase struct {
	name string
	args []string
	// wantErr is a substring of the usage error; "" means the line is valid.
	wantErr string
}

// checkParse runs parse on each case: a bad line is a usageError (exit 2) whose message
// names the flag and the value; a good one parses.
func checkParse(t *testing.T, parse func(console, []string) error, cases []parseCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var out, errs bytes.Buffer
			err := parse(console{out: &out, errs: &errs}, tc.args)
			if tc.wantErr == "" {
				if err != nil {
					t.Fatalf("%v: unexpected error %v", tc.args, err)
				}
				return
			}
			var usage *usageError
			if !errors.As(err, &usage) {
				t.Fatalf("%v: err = %v, want a usage error", tc.args, err)
			}
			if !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("%v: error %q does not contain %q", tc.args, err, tc.wantErr)
			}
			if code := exitCode(console{out: &out, errs: &errs}, "x", err); code != exitUsage {
				t.Errorf("exit code %d, want %d", code, exitUsage)
			}
		})
	}
}

// parser drops the parsed flags, for checkParse.
func parser[F any](parse func(console, []string) (F, error)) func(console, []string) error {
	return func(c console, args []string) error {
		_, err := parse(c, args)
		return err
	}
}

func TestParseStatusFlags(t *testing.T) {
	checkParse(t, parser(parseStatusFlags),
		[]parseCase{
			{"no flags", nil, ""},
			{"range and statuses", []string{"--from-date", "2026-02-01", "--to-date",
				"2026-02-07", "--status", "failed, blocked", "--json"}, ""},
			{"bad from", []string{"--from-date", "2026-02-30"}, `--from-date "2026-02-30"`},
			{"bad to", []string{"--to-date", "02/03/2026"}, `--to-date "02/03/2026"`},
			{"reversed", []string{"--from-date", "2026-02-07", "--to-date", "2026-02-01"},
				"--from-date 2026-02-07 is after --to-date 2026-02-01"},
			{"unknown status", []string{"--status", "complete,done"},
				`--status "complete,done": unknown status "done"`},
			{"unknown flag", []string{"--date", "2026-02-01"}, "-date"},
			{"stray argument", []string{"2026-02-01"}, `unexpected argument "2026-02-01"`},
			{"empty project", []string{"--project", ""}, `--project ""`},
			{"zero timeout", []string{"--timeout", "0s"}, "--timeout 0s"},
		})
}

func TestParseEventsFlags(t *testing.T) {
	checkParse(t, parser(parseEventsFlags),
		[]parseCase{
			{"date", []string{"--date", "2026-02-03"}, ""},
			{"missing date", nil, "--date is required"},
			{"bad date", []string{"--date", "2026-13-01"}, `--date "2026-13-01"`},
		})
}

func TestParseDeadLettersFlags(t *testing.T) {
	checkParse(t, parser(parseDeadLettersFlags), []parseCase{
		{"all", nil, ""},
		{"date", []string{"--date", "2026-02-02"}, ""},
		{"bad date", []string{"--date", "yesterday"}, `--date "yesterday"`},
	})
	checkParse(t, parser(parseRedriveFlags),
		[]parseCase{
			{"id", []string{"--id", "abc"}, ""},
			{"id and topic", []string{"--id", "abc", "--topic", events.RawLoaded.Topic()}, ""},
			{"missing id", []string{"--force"}, "--id is required"},
			{"unknown topic", []string{"--id", "abc", "--topic", "tipoff.nope"},
				`--topic "tipoff.nope"`},
		})
}

func TestParseUnblockFlags(t *testing.T) {
	checkParse(t, parser(parseUnblockFlags),
		[]parseCase{
			{"valid", []string{"--date", "2026-02-03", "--processor", "team_offense"}, ""},
			{"worker name", []string{"--date", "2026-02-03", "--processor", "team-offense"}, ""},
			{"missing date", []string{"--processor", "team_offense"}, "--date is required"},
			{"missing processor", []string{"--date", "2026-02-03"}, "--processor is required"},
			{"unknown processor", []string{"--date", "2026-02-03", "--processor", "box"},
				`--processor "box": unknown processor; one of raw_boxscores, team_offense`},
			{"bad date", []string{"--date", "2026-2-3", "--processor", "team_offense"},
				`--date "2026-2-3"`},
		})
}

func TestParseControlFlags(t *testing.T) {
	pause := func(c console, a []string) error {
		_, err := parseControlFlags(c, "pause", pauseHelp, true, a)
		return err
	}
	resume := func(c console, a []string) error {
		_, err := parseControlFlags(c, "resume", resumeHelp, false, a)
		return err
	}
	checkParse(t, pause, []parseCase{
		{"valid", []string{"--processor", "team_defense", "--reason", "INC-42"}, ""},
		{"missing reason", []string{"--processor", "team_defense"}, "--reason is required"},
		{"unknown processor", []string{"--processor", "defense", "--reason", "x"},
			`--processor "defense"`},
		{"list", []string{"--list"}, ""},
		{"no flag lists", nil, ""},
		{"list with a change", []string{"--list", "--processor", "team_defense"},
			"--list changes nothing"},
		{"reason alone", []string{"--reason", "x"}, "--processor is required"},
	})
	checkParse(t, resume, []parseCase{
		{"valid", []string{"--processor", "team_defense"}, ""},
		{"missing processor", nil, "--processor is required"},
	})
}

// TestParseStallsFlags: a limit without a unit says what a duration looks like.
func TestParseStallsFlags(t *testing.T) {
	checkParse(t, parser(parseStallsFlags), []parseCase{
		{"valid", []string{"--team-limit", "10m", "--player-limit", "5m"}, ""},
		{"no unit", []string{"--team-limit", "30"},
			`--team-limit "30": not a duration; give one such as 30m`},
		{"timeout", []string{"--timeout", "soon"}, `--timeout "soon": not a duration`},
		{"zero", []string{"--player-limit", "0s"}, "must be positive"},
	})
}

// TestParsedValues: the parsed flags carry the values, the worker name maps to its
// processor, and the project and timeout defaults apply.
func TestParsedValues(t *testing.T) {
	t.Setenv(projectEnv, "from-env")
	con := console{out: &bytes.Buffer{}, errs: &bytes.Buffer{}}
	f, err := parseUnblockFlags(con, []string{"--date", "2026-02-03", "--processor",
		"player-game-summary"})
	if err != nil {
		t.Fatal(err)
	}
	if f.processor != events.PlayerGameSummary || f.date != "2026-02-03" ||
		f.project != "from-env" || f.timeout != defaultTimeout || f.allowCloud {
		t.Errorf("parsed %+v", f)
	}
	s, err := parseStatusFlags(con, []string{"--status", "failed,blocked", "--project", "p"})
	if err != nil {
		t.Fatal(err)
	}
	want := []state.Status{state.StatusFailed, state.StatusBlocked}
	if len(s.statuses) != 2 || s.statuses[0] != want[0] || s.statuses[1] != want[1] ||
		s.project != "p" {
		t.Errorf("parsed %+v", s)
	}
	t.Setenv(projectEnv, "")
	ev, _ := parseEventsFlags(con, []string{"--date", "2026-02-03", "--timeout", "5s"})
	if ev.project != defaultProject || ev.timeout != 5*time.Second {
		t.Errorf("defaults: project %q timeout %s", ev.project, ev.timeout)
	}
}
