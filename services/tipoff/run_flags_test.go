package main

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
)

// TestRunHelp: tipoff run --help prints its usage, an example and its flags on stdout and
// exits 0, like every other command; a missing --data is a usage error (exit 2).
func TestRunHelp(t *testing.T) {
	var out, errs bytes.Buffer
	con := console{out: &out, errs: &errs}

	_, err := parseRunFlags(con, []string{"--help"})

	if !errors.Is(err, errHelp) || exitCode(con, "run", err) != exitOK {
		t.Fatalf("err = %v, want errHelp and exit 0", err)
	}
	for _, want := range []string{"Usage: tipoff run --data DIR", "Examples:\n  tipoff run ",
		"  -data ", "  -serve", "  -work "} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("help lacks %q:\n%s", want, out.String())
		}
	}
	if errs.Len() != 0 {
		t.Errorf("stderr: %q", errs.String())
	}

	_, err = parseRunFlags(con, nil)
	if code := exitCode(con, "run", err); code != exitUsage ||
		!strings.Contains(errs.String(), "--data is required") {
		t.Errorf("no --data: exit %d, stderr %q", code, errs.String())
	}
}

// TestRunInterruptedSaysSo: a run cut short by Ctrl-C says "interrupted", not the
// clients' rpc error.
func TestRunInterruptedSaysSo(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	rpc := errors.New("rpc error: code = Canceled desc = context canceled")

	if got := describeRunError(ctx, rpc); !strings.HasPrefix(got, "interrupted") {
		t.Errorf("interrupted run: %q", got)
	}
	if got := describeRunError(context.Background(), rpc); got != rpc.Error() {
		t.Errorf("failed run: %q", got)
	}
}
