package main

import (
	"bytes"
	"context"
	"regexp"
	"strings"
	"testing"
	"time"

	"cloud.google.com/go/firestore"

	"github.com/tipoff-nba/tipoff/events"
	"github.com/tipoff-nba/tipoff/services/internal/state"
)

// Real dates of the shared data: opening night lists two games and has one box score
// (partial); 2026-02-02 has all four of its box scores.
const (
	partialDay  = "2025-10-21"
	completeDay = "2026-02-02"
)

// requestIDIn returns the request id a replay printed first.
func requestIDIn(t *testing.T, out string) string {
	t.Helper()
	m := regexp.MustCompile(`(?m)^request id (\S+);`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("no request id printed:\n%s", out)
	}
	return m[1]
}

// TestReplayOnRealRuns replays real dates through the four workers: a first load with
// --new, a replay from a processor, a range with a partial date, its resume, a refused
// change of origin; then rebuilds every date from its event log and finds it equal to
// the live state, until a live field is corrupted.
func TestReplayOnRealRuns(t *testing.T) {
	e := newTestEnv(t)
	e.startPipeline()
	wait := []string{"--wait", "25s"}

	// A date never loaded is refused without --new, and loaded with it.
	r := e.run("replay", replayCommand, append(wait, "--date", completeDay)...)
	if r.code != exitFailed || !strings.Contains(r.errs, completeDay+" has never been loaded") ||
		!strings.Contains(r.errs, "--new") {
		t.Fatalf("replay of a never-loaded date: exit %d\n%s%s", r.code, r.out, r.errs)
	}
	for _, day := range []string{partialDay, completeDay} {
		r = e.mustRun("replay", replayCommand, append(wait, "--date", day, "--new")...)
		if !strings.Contains(r.out, day+"  g1  ") {
			t.Fatalf("first load of %s:\n%s", day, r.out)
		}
	}

	// A replay from team_offense opens g2 with that origin and waits for it to settle.
	r = e.mustRun("replay", replayCommand, append(wait, "--date", completeDay,
		"--from", "team-offense")...)
	id := requestIDIn(t, r.out)
	date := e.date(completeDay)
	if date.Generation != 2 || date.Requests[id] != 2 || date.ReplayFrom != "team_offense" ||
		date.Status != state.StatusComplete {
		t.Fatalf("after the replay: %+v", date)
	}
	if !strings.Contains(r.out, completeDay+"  g2  complete") ||
		!strings.Contains(r.out, "1 complete, 0 partial, 0 failed") {
		t.Errorf("replay output:\n%s", r.out)
	}
	r = e.mustRun("events", eventsCommand, "--date", completeDay)
	if !strings.Contains(r.out, "run (replay from team_offense)") {
		t.Errorf("events do not show the replay origin:\n%s", r.out)
	}
	// Workers that carry output forward mark the raw load of g2 as carried from g1; workers
	// that recompute everything do not, and then there is nothing carried to show.
	if e.processor(completeDay, events.RawBoxScores).CarriedFrom == 1 {
		t.Log("the raw load of g2 was carried forward from g1")
		if !strings.Contains(r.out, "complete (carried from g1)") {
			t.Errorf("events do not show the carried raw load:\n%s", r.out)
		}
		st := e.mustRun("status", statusCommand, "--from-date", completeDay, "--to-date",
			completeDay)
		if f := strings.Fields(strings.Split(st.out, "\n")[1]); len(f) < 4 || f[3] != "carried" {
			t.Errorf("status does not show the raw load as carried:\n%s", st.out)
		}
	}

	// A range: both loaded dates in flight one at a time; the days between are named.
	r = e.mustRun("replay", replayCommand, append(wait, "--from-date", partialDay,
		"--to-date", completeDay, "--concurrency", "1")...)
	rangeID := requestIDIn(t, r.out)
	for _, want := range []string{partialDay + "  g2  partial  (1/2 settled)",
		completeDay + "  g3  complete  (2/2 settled)", "1 complete, 1 partial, 0 failed"} {
		if !strings.Contains(r.out, want) {
			t.Errorf("range output lacks %q:\n%s", want, r.out)
		}
	}
	if !strings.Contains(r.errs, "never loaded (103 calendar days): "+
		"2025-10-22..2026-02-01") {
		t.Errorf("range does not name the days never loaded:\n%s", r.errs)
	}

	// The same run resumed skips both dates and opens nothing.
	r = e.mustRun("replay", replayCommand, append(wait, "--from-date", partialDay,
		"--to-date", completeDay, "--request-id", rangeID)...)
	if !strings.Contains(r.out, "skipped 2 dates already settled") ||
		!strings.Contains(r.out, "0 complete, 0 partial, 0 failed; 2 skipped") {
		t.Errorf("resume output:\n%s", r.out)
	}
	if g := e.date(completeDay).Generation; g != 3 {
		t.Errorf("resume opened a generation: %s at g%d", completeDay, g)
	}

	// The same request id with another origin is refused, naming each date.
	r = e.run("replay", replayCommand, append(wait, "--from-date", partialDay, "--to-date",
		completeDay, "--request-id", rangeID, "--from", "player_game_summary")...)
	if r.code != exitFailed || !strings.Contains(r.errs, "request id "+rangeID+
		" cannot replay 2 dates") ||
		!strings.Contains(r.errs, partialDay+": the request opened g2 as a replay of every "+
			"processor; this run asks for a replay from player_game_summary") ||
		!strings.Contains(r.errs, completeDay+": the request opened g3") ||
		!strings.Contains(r.errs, "use the same --from") {
		t.Errorf("changed origin: exit %d\n%s", r.code, r.errs)
	}

	// Every date's log rebuilds its live state; a corrupted field is reported.
	r = e.mustRun("rebuild", rebuildCommand)
	for _, day := range []string{partialDay, completeDay} {
		if !strings.Contains(r.out, day+"  ") || !strings.Contains(r.out, "matches its event log") {
			t.Errorf("rebuild of %s:\n%s", day, r.out)
		}
	}
	if _, err := e.fs.Doc("dates/"+completeDay+"/processors/team_defense").Update(e.ctx(),
		[]firestore.Update{{Path: "rows", Value: map[string]int{"team_defense_game_summary": 1}}},
	); err != nil {
		t.Fatal(err)
	}
	r = e.run("rebuild", rebuildCommand, "--date", completeDay)
	if r.code != exitFailed || !strings.Contains(r.out, "processors.team_defense.rows: log "+
		"{team_defense_game_summary:8}, live {team_defense_game_summary:1}") ||
		!strings.Contains(r.errs, "1 of 1 dates differ") {
		t.Errorf("rebuild after corruption: exit %d\n%s%s", r.code, r.out, r.errs)
	}
}

// TestReplayWaitReachedSaysHowToResume: with no worker running, the date never settles;
// the load request is published with its replay origin, --wait ends the run with exit 1
// and the command that resumes, and the resumed run publishes the same request again.
func TestReplayWaitReachedSaysHowToResume(t *testing.T) {
	e := newTestEnv(t)
	e.load(completeDay, "first", seedAt)
	sub := e.subscribe(events.LoadRequested.Topic())

	r := e.run("replay", replayCommand, "--date", completeDay, "--from", "team_defense",
		"--wait", "1s")
	id := requestIDIn(t, r.out)
	resume := "tipoff replay --date " + completeDay + " --from team_defense --request-id " + id
	if r.code != exitFailed || !strings.Contains(r.errs, "--wait 1s reached with 1 date not "+
		"settled (1 in flight, 0 not yet requested)") || !strings.Contains(r.errs, resume) {
		t.Fatalf("exit %d\n%s%s", r.code, r.out, r.errs)
	}
	got := e.receive(sub, 1, 10*time.Second)
	if len(got) != 1 || !strings.Contains(string(got[0].Data), `"replay_from":"team_defense"`) ||
		!strings.Contains(string(got[0].Data), `"request_id":"`+id+`"`) {
		t.Fatalf("published: %v", got)
	}

	r = e.run("replay", replayCommand, "--date", completeDay, "--from", "team_defense",
		"--request-id", id, "--wait", "1s")
	if r.code != exitFailed || requestIDIn(t, r.out) != id {
		t.Fatalf("resume: exit %d\n%s%s", r.code, r.out, r.errs)
	}
	if got := e.receive(sub, 1, 10*time.Second); len(got) != 1 ||
		got[0].Attributes["ce-id"] != events.LoadRequestID(completeDay, id) {
		t.Fatalf("resume published: %v", got)
	}
}

// date reads a date document that must exist.
func (e *testEnv) date(day string) state.DateDoc {
	e.t.Helper()
	d, ok, err := e.store.Date(e.ctx(), day)
	if err != nil || !ok {
		e.t.Fatalf("read %s: found %t, %v", day, ok, err)
	}
	return d
}

// TestReplayResumeCountsAFailedSkippedDate: a resumed run skips a date that already
// settled at its request's generation, and still exits 1, naming it, when it failed.
func TestReplayResumeCountsAFailedSkippedDate(t *testing.T) {
	e := newTestEnv(t)
	e.load(partialDay, "first", seedAt)
	v := e.claim(state.Trigger{GameDate: completeDay, Processor: events.RawBoxScores,
		EventID: events.LoadRequestID(completeDay, "run-7"), EventType: events.LoadRequested,
		RequestID: "run-7", Owner: "raw-run-7", Now: seedAt, LeaseTTL: time.Minute})
	e.finish(v, state.Finish{Status: state.StatusFailed, Error: "box score 0022500700: bad",
		Now: seedAt.Add(time.Second)})
	gen := e.load(partialDay, "run-7", seedAt.Add(2*time.Second))
	for _, p := range []events.Processor{events.TeamOffense, events.TeamDefense,
		events.PlayerGameSummary} {
		e.complete(partialDay, p, gen, seedAt.Add(3*time.Second))
	}

	r := e.run("replay", replayCommand, "--from-date", partialDay, "--to-date", completeDay,
		"--request-id", "run-7", "--wait", "5s")

	if r.code != exitFailed || !strings.Contains(r.out, "skipped 2 dates already settled") ||
		!strings.Contains(r.out, "failed: "+completeDay+" g1 failed: raw_boxscores: box score "+
			"0022500700: bad") || !strings.Contains(r.errs, "1 of 2 dates did not settle") {
		t.Fatalf("exit %d\n%s%s", r.code, r.out, r.errs)
	}
}

// TestReplayInterruptedSaysHowToResume: a run interrupted (SIGINT cancels the command's
// context) reports the dates it left and the command that resumes it, with its
// --concurrency, and exits 1.
func TestReplayInterruptedSaysHowToResume(t *testing.T) {
	e := newTestEnv(t)
	e.load(partialDay, "first", seedAt)
	e.load(completeDay, "first", seedAt)
	ctx, interrupt := context.WithCancel(context.Background())
	defer interrupt()
	time.AfterFunc(time.Second, interrupt)
	var out, errs bytes.Buffer
	con := console{out: &out, errs: &errs}

	code := exitCode(con, "replay", replayCommand(ctx, con, []string{"--from-date", partialDay,
		"--to-date", completeDay, "--concurrency", "1", "--project", e.project}))

	id := requestIDIn(t, out.String())
	want := "interrupted with 2 dates not settled (1 in flight, 1 not yet requested); resume " +
		"with: tipoff replay --from-date " + partialDay + " --to-date " + completeDay +
		" --concurrency 1 --request-id " + id
	if code != exitFailed || !strings.Contains(errs.String(), want) ||
		!strings.Contains(out.String(), "0 complete, 0 partial, 0 failed; 2 not settled") {
		t.Fatalf("exit %d\n%s%s", code, out.String(), errs.String())
	}
}
