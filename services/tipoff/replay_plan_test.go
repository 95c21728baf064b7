package main

import (
	"bytes"
	"strings"
	"testing"
)

// TestNeverLoadedHintDoesNotInviteLoadingEveryDay: without --new the days left out are
// counted as calendar days and the hint says what --new would cost; with --new over a
// range the first loads are announced with the same caveat.
func TestNeverLoadedHintDoesNotInviteLoadingEveryDay(t *testing.T) {
	f := replayFlags{fromDate: "2026-01-27", toDate: "2026-02-03"}
	var errs bytes.Buffer
	plan := replayPlan{publish: []string{"2026-02-03"},
		neverLoaded: []string{"2026-01-28", "2026-01-29"}}

	if err := plan.checkNeverLoaded(console{errs: &errs}, f); err != nil {
		t.Fatal(err)
	}
	got := errs.String()
	if want := "not replayed, never loaded (2 calendar days): 2026-01-28..2026-01-29\n"; got !=
		want {
		t.Errorf("without --new: %q, want %q", got, want)
	}
	if strings.Contains(got, "--new loads them") {
		t.Errorf("the hint invites loading every day: %q", got)
	}

	errs.Reset()
	f.allowNew = true
	plan = replayPlan{publish: []string{"2026-01-28", "2026-01-29", "2026-02-03"},
		firstLoads: []string{"2026-01-28", "2026-01-29"}}
	if err := plan.checkNeverLoaded(console{errs: &errs}, f); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"warning: --new requests a first load of 2 calendar days",
		"2026-01-28..2026-01-29", "fails its raw load"} {
		if !strings.Contains(errs.String(), want) {
			t.Errorf("with --new: %q lacks %q", errs.String(), want)
		}
	}

	plan = replayPlan{neverLoaded: []string{"2026-01-28"}}
	err := plan.checkNeverLoaded(console{errs: &errs}, replayFlags{fromDate: "2026-01-28",
		toDate: "2026-01-28"})
	if err == nil || !strings.Contains(err.Error(), "fails its raw load") {
		t.Errorf("a range never loaded: %v", err)
	}
}
