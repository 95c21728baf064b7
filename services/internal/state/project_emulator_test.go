package state_test

import (
	"strings"
	"testing"
	"time"

	"cloud.google.com/go/firestore"

	"github.com/tipoff-nba/tipoff/events"
	"github.com/tipoff-nba/tipoff/services/internal/state"
)

// history drives one date through the store the way workers and operators do, with a
// clock of its own that moves a second per step.
type history struct {
	t     *testing.T
	store *state.Store
	day   string
	now   time.Time
}

func (h *history) tick() time.Time {
	h.now = h.now.Add(time.Second)
	return h.now
}

// load delivers load request id (with replay origin from) to the raw loader and, when
// the root runs, returns the claim.
func (h *history) load(id string, from events.Processor) state.Verdict {
	h.t.Helper()
	return h.claim(state.Trigger{GameDate: h.day, Processor: events.RawBoxScores,
		EventID: events.LoadRequestID(h.day, id), EventType: events.LoadRequested,
		RequestID: id, ReplayFrom: from, Owner: "raw-" + id})
}

// deliver delivers upstream's completion of gen to p.
func (h *history) deliver(p events.Processor, upstream events.Processor, gen int64,
	owner string) state.Verdict {
	h.t.Helper()
	needs := map[events.Processor][]events.Processor{
		events.TeamOffense:       {events.RawBoxScores},
		events.TeamDefense:       {events.RawBoxScores},
		events.PlayerGameSummary: {events.TeamOffense, events.TeamDefense},
	}[p]
	typ, _ := events.CompletionType(upstream)
	return h.claim(state.Trigger{GameDate: h.day, Processor: p, Needs: needs,
		EventID: events.CompletionID(upstream, h.day, gen), EventType: typ, Generation: gen,
		Owner: owner})
}

func (h *history) claim(tr state.Trigger) state.Verdict {
	h.t.Helper()
	tr.Now, tr.LeaseTTL = h.tick(), time.Minute
	v, err := h.store.Claim(testContext(h.t), tr)
	if err != nil {
		h.t.Fatalf("claim %s by %s: %v", tr.EventID, tr.Processor, err)
	}
	return v
}

// finish records v's run as status; a success gets a completion as a worker builds it.
func (h *history) finish(v state.Verdict, status state.Status, missing []string,
	carriedFrom int64) error {
	h.t.Helper()
	p := events.Processor(v.Processor.Processor)
	f := state.Finish{GameDate: h.day, Processor: p, Generation: v.Generation,
		Owner: v.Processor.Lease.Owner, Status: status, Now: h.tick(),
		UpdateDate: p == events.RawBoxScores || p == events.PlayerGameSummary}
	if status.Succeeded() {
		typ, _ := events.CompletionType(p)
		f.EventID, f.EventType = events.CompletionID(p, h.day, v.Generation), typ
		f.Rows = map[string]int{string(p): 10 + int(v.Generation)}
		f.Games, f.MissingGames, f.CarriedFrom = 2, missing, carriedFrom
		f.InputDigest = "sha256:" + strings.Repeat("ab", 32)
	} else {
		f.Error = "box score 0022500001: minutes: not a duration"
	}
	_, err := h.store.Finish(testContext(h.t), f)
	return err
}

func (h *history) mustFinish(v state.Verdict, status state.Status, missing []string,
	carriedFrom int64) {
	h.t.Helper()
	if v.Decision != state.DecisionRun {
		h.t.Fatalf("%s was not claimed: %s (%s)", v.Processor.Processor, v.Decision, v.Reason)
	}
	if err := h.finish(v, status, missing, carriedFrom); err != nil {
		h.t.Fatalf("finish %s: %v", v.Processor.Processor, err)
	}
}

// rebuild projects the date's log and compares it with the live documents.
func (h *history) rebuild() (state.Projection, []state.Difference) {
	h.t.Helper()
	ctx := testContext(h.t)
	log, err := h.store.EventLog(ctx, h.day)
	if err != nil {
		h.t.Fatal(err)
	}
	date, _, err := h.store.Date(ctx, h.day)
	if err != nil {
		h.t.Fatal(err)
	}
	procs, err := h.store.Processors(ctx, h.day)
	if err != nil {
		h.t.Fatal(err)
	}
	p := state.Project(h.day, log, []events.Processor{events.PlayerGameSummary})
	return p, state.Compare(p, date, procs)
}

func (h *history) mustMatch(stage string) state.Projection {
	h.t.Helper()
	p, diffs := h.rebuild()
	for _, d := range diffs {
		h.t.Errorf("%s: %s", stage, d)
	}
	return p
}

// TestProjectionMatchesLiveState drives a date through three generations with every
// outcome the store records (partial, a replay with carried output, a run superseded by
// a newer generation, a breaker that blocks, an operator's unblock, a quarantine,
// redeliveries and a paused root) and checks after each step that the state rebuilt
// from the event log alone equals the live documents.
func TestProjectionMatchesLiveState(t *testing.T) {
	store := emulatorStoreWithLeaves(t, []events.Processor{events.PlayerGameSummary})
	h := &history{t: t, store: store, day: "2026-01-27",
		now: time.Date(2026, 1, 28, 6, 0, 0, 0, time.UTC)}
	off, def, pl := events.TeamOffense, events.TeamDefense, events.PlayerGameSummary
	raw := events.RawBoxScores
	missing := []string{"0022500002"}

	// g1: partial everywhere.
	h.mustFinish(h.load("r1", ""), state.StatusPartial, missing, 0)
	h.load("r1", "") // a redelivered request: duplicate
	h.mustFinish(h.deliver(off, raw, 1, "off-1"), state.StatusPartial, missing, 0)
	if v := h.deliver(pl, off, 1, "pl-1"); v.Decision != state.DecisionWait {
		t.Fatalf("player before defense: %s", v.Decision)
	}
	h.mustFinish(h.deliver(def, raw, 1, "def-1"), state.StatusPartial, missing, 0)
	h.mustFinish(h.deliver(pl, def, 1, "pl-2"), state.StatusPartial, missing, 0)
	p := h.mustMatch("g1 partial")
	if p.Status != state.StatusPartial || p.Generation != 1 || len(p.MissingGames) != 1 {
		t.Fatalf("g1 projection: %+v", p)
	}

	// g2: a replay from team_offense; the raw loader carries g1 forward. The defense run
	// of g2 is still going when g3 opens, so it ends superseded.
	h.mustFinish(h.load("r2", off), state.StatusComplete, nil, 1)
	h.mustFinish(h.deliver(off, raw, 2, "off-2"), state.StatusComplete, nil, 0)
	slow := h.deliver(def, raw, 2, "def-2")
	h.mustMatch("g2 running")

	// g3: a new load; the slow g2 defense run finishes superseded.
	h.mustFinish(h.load("r3", ""), state.StatusComplete, nil, 0)
	if err := h.finish(slow, state.StatusComplete, nil, 0); err == nil {
		t.Fatal("the g2 defense run finished after g3 opened without being superseded")
	}
	h.mustMatch("g2 defense superseded")
	h.mustFinish(h.deliver(off, raw, 3, "off-3"), state.StatusComplete, nil, 0)

	// The defense breaker opens, an operator unblocks, the next run completes.
	blocked := h.deliver(def, raw, 3, "def-3")
	if _, open, err := store.RecordGateFailure(testContext(t), state.GateFailure{
		GameDate: h.day, Processor: def, Generation: 3, Owner: blocked.Processor.Lease.Owner,
		Reason: "gamebook_team_stats holds 0 rows", MaxFailures: 1, Now: h.tick()}); err != nil ||
		!open {
		t.Fatalf("breaker: open %t, %v", open, err)
	}
	if p := h.mustMatch("g3 defense blocked"); p.Status != state.StatusBlocked {
		t.Errorf("projected status %s, want blocked", p.Status)
	}
	if ok, err := store.Unblock(testContext(t), h.day, def, h.tick()); err != nil || !ok {
		t.Fatalf("unblock: %t, %v", ok, err)
	}
	h.mustMatch("g3 defense unblocked")
	h.mustFinish(h.deliver(def, raw, 3, "def-4"), state.StatusComplete, nil, 0)

	// The player output is quarantined; redelivered completions change nothing.
	h.mustFinish(h.deliver(pl, def, 3, "pl-3"), state.StatusQuarantined, nil, 0)
	h.deliver(pl, off, 3, "pl-4")
	h.deliver(off, raw, 2, "off-5") // stale
	p = h.mustMatch("g3 quarantined")
	if p.Status != state.StatusQuarantined || p.Generation != 3 || p.ReplayFrom != "" ||
		len(p.Requests) != 3 {
		t.Errorf("g3 projection: %+v", p)
	}

	// A paused root records the request it holds, but the request opens nothing.
	if err := store.SetPaused(testContext(t), state.Control{Processor: string(raw), Paused: true,
		Reason: "INC-1", UpdatedAt: h.tick()}); err != nil {
		t.Fatal(err)
	}
	if v := h.load("r4", pl); v.Decision != state.DecisionPaused {
		t.Fatalf("paused root decided %s", v.Decision)
	}
	h.mustMatch("root paused")
}

// TestCompareReportsACorruptedField: a live field changed behind the log's back is the
// one difference Compare reports.
func TestCompareReportsACorruptedField(t *testing.T) {
	store := emulatorStoreWithLeaves(t, []events.Processor{events.PlayerGameSummary})
	h := &history{t: t, store: store, day: "2026-02-02",
		now: time.Date(2026, 2, 3, 6, 0, 0, 0, time.UTC)}
	raw := events.RawBoxScores
	h.mustFinish(h.load("r1", ""), state.StatusComplete, nil, 0)
	h.mustFinish(h.deliver(events.TeamOffense, raw, 1, "off-1"), state.StatusComplete, nil, 0)
	h.mustFinish(h.deliver(events.TeamDefense, raw, 1, "def-1"), state.StatusComplete, nil, 0)
	h.mustFinish(h.deliver(events.PlayerGameSummary, events.TeamDefense, 1, "pl-1"),
		state.StatusComplete, nil, 0)
	h.mustMatch("complete")

	corruptRows(t, store, h.day, events.TeamDefense, 7)

	_, diffs := h.rebuild()
	if len(diffs) != 1 || diffs[0].Field != "processors.team_defense.rows" ||
		diffs[0].Log != "{team_defense:11}" || diffs[0].Live != "{team_defense:7}" {
		t.Fatalf("differences = %v, want only processors.team_defense.rows 11 → 7", diffs)
	}
}

func corruptRows(t *testing.T, store *state.Store, day string, p events.Processor, n int) {
	t.Helper()
	if err := state.OverwriteRows(testContext(t), store, day, p,
		map[string]int{string(p): n}); err != nil {
		t.Fatal(err)
	}
}

// TestCleanRunStaysWithinTheWriteBudget: the fields the event log gained ride on entries
// already written, so a clean date of the four processors (the player's first delivery
// waiting for the second team) still commits 20 document writes, within the budget of 25
// (docs/FIRESTORE.md, "Write budget").
func TestCleanRunStaysWithinTheWriteBudget(t *testing.T) {
	leaves := []events.Processor{events.PlayerGameSummary}
	emulatorStoreWithLeaves(t, leaves) // starts the emulator and points the client at it
	var writes state.WriteCounter
	opt, err := writes.DialOption()
	if err != nil {
		t.Fatal(err)
	}
	client, err := firestore.NewClient(testContext(t), "state-write-budget", opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { client.Close() })
	h := &history{t: t, store: state.NewStore(client, leaves), day: "2026-01-29",
		now: time.Date(2026, 1, 30, 6, 0, 0, 0, time.UTC)}
	raw, pl := events.RawBoxScores, events.PlayerGameSummary

	h.mustFinish(h.load("r1", ""), state.StatusComplete, nil, 0)
	h.mustFinish(h.deliver(events.TeamOffense, raw, 1, "off-1"), state.StatusComplete, nil, 0)
	if v := h.deliver(pl, events.TeamOffense, 1, "pl-1"); v.Decision != state.DecisionWait {
		t.Fatalf("player before defense: %s", v.Decision)
	}
	h.mustFinish(h.deliver(events.TeamDefense, raw, 1, "def-1"), state.StatusComplete, nil, 0)
	h.mustFinish(h.deliver(pl, events.TeamDefense, 1, "pl-2"), state.StatusComplete, nil, 0)

	if got := writes.Total(); got != 20 {
		t.Errorf("a clean date committed %d document writes, want 20 (budget 25)", got)
	}
	h.mustMatch("clean run")
}
