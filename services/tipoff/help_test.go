package main

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
)

// TestHelp: every command's --help prints a usage line, at least one example and every
// flag with its default, on stdout, and exits 0 without touching any backend.
func TestHelp(t *testing.T) {
	cases := []struct {
		name  string
		cmd   operatorCommand
		args  []string
		flags []string
	}{
		{"status", statusCommand, nil, []string{"from-date", "to-date", "status", "json"}},
		{"events", eventsCommand, nil, []string{"date", "json"}},
		{"deadletters", deadLettersCommand, nil, []string{"date", "json"}},
		{"deadletters redrive", deadLettersCommand, []string{"redrive"},
			[]string{"id", "topic", "force"}},
		{"unblock", unblockCommand, nil, []string{"date", "processor"}},
		{"pause", pauseCommand, nil, []string{"processor", "reason"}},
		{"resume", resumeCommand, nil, []string{"processor", "reason"}},
		{"replay", replayCommand, nil, []string{"date", "from-date", "to-date", "from",
			"request-id", "reason", "concurrency", "wait", "new"}},
		{"rebuild", rebuildCommand, nil, []string{"date", "from-date", "to-date", "json"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var out, errs bytes.Buffer
			con := console{out: &out, errs: &errs}

			err := tc.cmd(context.Background(), con, append(tc.args, "--help"))

			if !errors.Is(err, errHelp) || exitCode(con, tc.name, err) != exitOK {
				t.Fatalf("err = %v, want errHelp and exit 0", err)
			}
			help := out.String()
			for _, want := range []string{"Usage: tipoff " + tc.name, "Examples:\n  tipoff " +
				strings.Fields(tc.name)[0], `(default "tipoff-local")`, "(default 1m0s)",
				"-allow-cloud"} {
				if !strings.Contains(help, want) {
					t.Errorf("help lacks %q:\n%s", want, help)
				}
			}
			for _, f := range tc.flags {
				if !strings.Contains(help, "  -"+f+" ") && !strings.Contains(help, "  -"+f+"\n") {
					t.Errorf("help lacks flag -%s:\n%s", f, help)
				}
			}
			if errs.Len() != 0 {
				t.Errorf("stderr: %q", errs.String())
			}
		})
	}
}

// TestCommandName: messages about redrive name the subcommand.
func TestCommandName(t *testing.T) {
	if got := commandName("deadletters", []string{"redrive", "--id", "x"}); got !=
		"deadletters redrive" {
		t.Errorf("got %q", got)
	}
	if got := commandName("deadletters", []string{"--date", "2026-02-03"}); got != "deadletters" {
		t.Errorf("got %q", got)
	}
}

// TestMainUsageListsCommands: the top-level usage names every command with an example.
func TestMainUsageListsCommands(t *testing.T) {
	names := []string{"run"}
	for name := range operatorCommands {
		names = append(names, name)
	}
	for _, name := range names {
		if !strings.Contains(usage, "\n  "+name+" ") {
			t.Errorf("usage does not list %s", name)
		}
		if !strings.Contains(usage, "example: tipoff "+name+" ") {
			t.Errorf("usage has no example of %s", name)
		}
	}
}
