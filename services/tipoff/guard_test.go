package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/tipoff-nba/tipoff/services/localstack"
)

// TestGuardRefusesCloud: with the emulator variables unset or pointing away from
// loopback, every command refuses to start (exit 2) and says how to mean it; nothing is
// dialled, because the guard runs before any client exists.
func TestGuardRefusesCloud(t *testing.T) {
	commands := map[string]struct {
		cmd  operatorCommand
		args []string
	}{
		"status":      {statusCommand, nil},
		"events":      {eventsCommand, []string{"--date", "2026-02-03"}},
		"deadletters": {deadLettersCommand, nil},
		"redrive":     {deadLettersCommand, []string{"redrive", "--id", "x"}},
		"unblock": {unblockCommand, []string{"--date", "2026-02-03", "--processor",
			"team_offense"}},
		"pause":  {pauseCommand, []string{"--processor", "team_offense", "--reason", "r"}},
		"resume": {resumeCommand, []string{"--processor", "team_offense"}},
	}
	envs := []struct{ firestore, pubsub string }{
		{"", ""},
		{"firestore.googleapis.com:443", "127.0.0.1:8085"},
		{"127.0.0.1:8080", "10.0.0.7:8085"},
	}
	for name, c := range commands {
		for _, env := range envs {
			t.Setenv(localstack.FirestoreHostEnv, env.firestore)
			t.Setenv(localstack.PubSubHostEnv, env.pubsub)
			var out, errs bytes.Buffer
			con := console{out: &out, errs: &errs}

			code := exitCode(con, name, c.cmd(context.Background(), con, c.args))

			if code != exitUsage || !strings.Contains(errs.String(), "--allow-cloud") ||
				strings.Contains(errs.String(), "localstack") {
				t.Errorf("%s with %+v: exit %d, stderr %q; want 2 naming --allow-cloud, "+
					"not the package", name, env, code, errs.String())
			}
		}
	}
}

// TestGuardAllowCloud: --allow-cloud lifts the guard, and nothing else does.
func TestGuardAllowCloud(t *testing.T) {
	t.Setenv(localstack.FirestoreHostEnv, "")
	if err := guardTarget(target{allowCloud: true}, true); err != nil {
		t.Errorf("--allow-cloud: %v", err)
	}
	if err := guardTarget(target{}, true); err == nil {
		t.Error("no emulator variables and no --allow-cloud passed the guard")
	}
}

// TestUnreachableEmulatorFailsFast: an emulator variable left over from a stopped stack
// ends the command within seconds, naming the endpoint and the variable, instead of the
// clients retrying until --timeout.
func TestUnreachableEmulatorFailsFast(t *testing.T) {
	t.Setenv(localstack.FirestoreHostEnv, "127.0.0.1:1")
	t.Setenv(localstack.PubSubHostEnv, "")
	var out, errs bytes.Buffer
	con := console{out: &out, errs: &errs}
	start := time.Now()

	code := exitCode(con, "status", statusCommand(context.Background(), con, nil))

	want := "cannot reach the Firestore emulator at 127.0.0.1:1 (FIRESTORE_EMULATOR_HOST); " +
		"is `tipoff run --serve` still running?"
	if code != exitFailed || !strings.Contains(errs.String(), want) {
		t.Errorf("exit %d, stderr %q; want 1 and %q", code, errs.String(), want)
	}
	if took := time.Since(start); took > 10*time.Second {
		t.Errorf("took %s; the check should answer within seconds", took)
	}
}
