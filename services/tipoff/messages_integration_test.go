package main

import (
	"strings"
	"testing"
)

// TestEmptyProjectAndNeverLoadedMessages: an empty project is named, and rebuild of one
// date never loaded says so plainly.
func TestEmptyProjectAndNeverLoadedMessages(t *testing.T) {
	e := newTestEnv(t)

	r := e.mustRun("status", statusCommand)
	if want := "no dates in project " + e.project; !strings.Contains(r.errs, want) {
		t.Errorf("status of an empty project: stderr %q, want %q", r.errs, want)
	}
	r = e.run("rebuild", rebuildCommand)
	if want := "no dates in project " + e.project; r.code != exitFailed ||
		!strings.Contains(r.errs, want) {
		t.Errorf("rebuild of an empty project: exit %d, stderr %q, want %q", r.code, r.errs,
			want)
	}
	r = e.run("rebuild", rebuildCommand, "--date", "2030-01-01")
	if want := "2030-01-01 has never been loaded"; r.code != exitFailed ||
		!strings.Contains(r.errs, want) {
		t.Errorf("rebuild of a date never loaded: exit %d, stderr %q, want %q", r.code,
			r.errs, want)
	}
}
