package state_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"cloud.google.com/go/firestore"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/tipoff-nba/tipoff/events"
	"github.com/tipoff-nba/tipoff/services/internal/state"
)

// c07Day is the date of C07's emulator variant (shared/cases/inputs/C07.json).
const c07Day = "2024-01-21"

// c07Rounds is how often each race runs, each on a project of its own. The emulator is
// slow under contention, so the races stay small.
const c07Rounds = 3

// TestC07TwoClaimsCreateTheDate is C07's emulator variant: two claim transactions that
// both create dates/2024-01-21 at the same moment. In Tipoff only the root creates a date
// document, when a load request opens its first generation, so the two are one load
// request delivered twice. Whatever the emulator does under the contention (a lock
// timeout, an abort, a wait), exactly one claim gets the run, the date is created once at
// generation 1, the other gets busy, and both deliveries are in the event log. Outcomes are
// asserted, not error codes or timings: production Firestore contends differently.
func TestC07TwoClaimsCreateTheDate(t *testing.T) {
	for round := 1; round <= c07Rounds; round++ {
		t.Run(fmt.Sprintf("round=%d", round), func(t *testing.T) {
			client, store := emulatorClient(t)
			at := time.Date(2024, 1, 22, 4, 0, 0, 0, time.UTC)
			triggers := make([]state.Trigger, 2)
			for i := range triggers {
				triggers[i] = state.Trigger{GameDate: c07Day, Processor: events.RawBoxScores,
					EventID:   events.LoadRequestID(c07Day, "r1"),
					EventType: events.LoadRequested, RequestID: "r1",
					Owner: fmt.Sprintf("raw-%d/run-1", i), Now: at.Add(time.Duration(i) *
						time.Millisecond), LeaseTTL: time.Minute}
			}

			winner := checkOneRun(t, claimAtOnce(t, store, triggers), triggers)

			snap, err := client.Doc("dates/" + c07Day).Get(testContext(t))
			if err != nil {
				t.Fatalf("read the date: %v", err)
			}
			date, ok, err := store.Date(testContext(t), c07Day)
			if err != nil || !ok {
				t.Fatalf("date %s: found %v, %v", c07Day, ok, err)
			}
			if date.Generation != 1 || len(date.Requests) != 1 || date.Requests["r1"] != 1 ||
				!date.CreatedAt.Equal(winner.Now) || !snap.CreateTime.Equal(snap.UpdateTime) {
				t.Errorf("date = %+v, created %s, updated %s; want created once, by %s, at g1 "+
					"for r1", date, snap.CreateTime, snap.UpdateTime, winner.Owner)
			}
			checkClaimed(t, store, c07Day, events.RawBoxScores, winner)
			checkDeliveries(t, store, c07Day, triggers[0].EventID, events.RawBoxScores, 2)
		})
	}
}

// TestC07TwoJoinClaimsAtOnce: the player's join on a date whose team summaries are both
// complete, from the offense and the defense completions at the same moment. One run,
// the other busy; the contention is never counted as a failed dependency check.
func TestC07TwoJoinClaimsAtOnce(t *testing.T) {
	for round := 1; round <= c07Rounds; round++ {
		t.Run(fmt.Sprintf("round=%d", round), func(t *testing.T) {
			store := emulatorStore(t)
			loadDate(t, store, c07Day)
			for _, p := range []events.Processor{events.TeamOffense, events.TeamDefense} {
				finishTeam(t, store, c07Day, p, claimTeam(t, store, c07Day, p))
			}
			at := seedAt.Add(time.Minute)
			var triggers []state.Trigger
			for i, up := range []events.Processor{events.TeamOffense, events.TeamDefense} {
				typ, _ := events.CompletionType(up)
				triggers = append(triggers, state.Trigger{GameDate: c07Day,
					Processor: events.PlayerGameSummary,
					Needs:     []events.Processor{events.TeamOffense, events.TeamDefense},
					EventID:   events.CompletionID(up, c07Day, 1), EventType: typ,
					Generation: 1, Owner: fmt.Sprintf("player-%d/run-1", i), Now: at,
					LeaseTTL: time.Minute})
			}

			winner := checkOneRun(t, claimAtOnce(t, store, triggers), triggers)

			checkClaimed(t, store, c07Day, events.PlayerGameSummary, winner)
			for _, trig := range triggers {
				checkDeliveries(t, store, c07Day, trig.EventID, events.PlayerGameSummary, 1)
			}
		})
	}
}

// emulatorClient is emulatorStore with the client under it, on a project of its own, for
// tests that read document metadata the store does not expose.
func emulatorClient(t *testing.T) (*firestore.Client, *state.Store) {
	t.Helper()
	emulatorStore(t) // starts the emulator once and points the environment at it
	client, err := firestore.NewClient(context.Background(),
		fmt.Sprintf("state-c07-%d", projectSeq.Add(1)))
	if err != nil {
		t.Fatalf("firestore client: %v", err)
	}
	t.Cleanup(func() { client.Close() })
	return client, state.NewStore(client, events.Processors)
}

// claimAtOnce runs one claim per trigger, all released at the same moment, each retried
// as the runtime retries contention.
func claimAtOnce(t *testing.T, store *state.Store, triggers []state.Trigger) []state.Verdict {
	t.Helper()
	verdicts := make([]state.Verdict, len(triggers))
	errs := make([]error, len(triggers))
	release := make(chan struct{})
	var wg sync.WaitGroup
	for i, trig := range triggers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-release
			began := time.Now()
			var retries int
			verdicts[i], retries, errs[i] = claimRetrying(testContext(t), store, trig)
			took := time.Since(began).Round(time.Millisecond)
			t.Logf("%s: %s after %d retries of the whole claim, %s (timings are noisy)",
				trig.Owner, verdicts[i].Decision, retries, took)
		}()
	}
	close(release)
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("claim by %s failed after its retries: %v", triggers[i].Owner, err)
		}
	}
	return verdicts
}

// claimRetrying retries a claim the client gave up on for contention: the emulator
// aborts contending transactions with a lock timeout, and refuses the client's own retry
// of an aborted transaction ("Transaction is invalid or closed"). Deciding again is safe:
// the claim decides from what it reads.
func claimRetrying(ctx context.Context, store *state.Store, trig state.Trigger) (
	v state.Verdict, retries int, err error) {
	wait := 50 * time.Millisecond
	for ; ; retries++ {
		v, err = store.Claim(ctx, trig)
		if err == nil || retries == 7 || !contention(err) {
			return v, retries, err
		}
		select {
		case <-time.After(wait + time.Duration(time.Now().UnixNano()%int64(wait))):
		case <-ctx.Done():
			return v, retries, err
		}
		wait *= 2
	}
}

func contention(err error) bool {
	switch status.Code(err) {
	case codes.Aborted:
		return true
	case codes.InvalidArgument:
		return strings.Contains(err.Error(), "Transaction is invalid or closed")
	}
	return false
}

// checkOneRun: exactly one verdict is a run, every other is busy. It returns the winning
// trigger.
func checkOneRun(t *testing.T, verdicts []state.Verdict, triggers []state.Trigger) state.Trigger {
	t.Helper()
	var winner *state.Trigger
	for i, v := range verdicts {
		switch v.Decision {
		case state.DecisionRun:
			if winner != nil {
				t.Fatalf("both %s and %s got the run", winner.Owner, triggers[i].Owner)
			}
			winner = &triggers[i]
		case state.DecisionBusy:
		default:
			t.Errorf("%s: %s (%s), want run or busy", triggers[i].Owner, v.Decision, v.Reason)
		}
	}
	if winner == nil {
		t.Fatalf("no claim got the run: %+v", verdicts)
	}
	return *winner
}

// checkClaimed: p's document holds winner's claim, the first of the generation, with no
// failed dependency check counted.
func checkClaimed(t *testing.T, store *state.Store, gameDate string, p events.Processor,
	winner state.Trigger) {
	t.Helper()
	procs, err := store.Processors(testContext(t), gameDate)
	if err != nil {
		t.Fatal(err)
	}
	d := procs[p]
	if d.Status != state.StatusRunning || d.Generation != 1 || d.Attempt != 1 ||
		d.GateFailures != 0 || d.Lease == nil || d.Lease.Owner != winner.Owner {
		t.Errorf("%s = %+v; want running at g1, attempt 1, no failed check, leased to %s", p,
			d, winner.Owner)
	}
}

// checkDeliveries: the event log of gameDate counts want deliveries of eventID to p.
func checkDeliveries(t *testing.T, store *state.Store, gameDate, eventID string,
	p events.Processor, want int64) {
	t.Helper()
	log, err := store.EventLog(testContext(t), gameDate)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range log {
		if e.EventID == eventID && e.Processor == string(p) && e.Direction == "consumed" {
			if e.Deliveries != want {
				t.Errorf("%s consumed by %s: %d deliveries, want %d", eventID, p, e.Deliveries,
					want)
			}
			return
		}
	}
	t.Errorf("%s consumed by %s is not in the event log", eventID, p)
}

// claimTeam claims team processor p of gameDate at g1 from the raw completion and
// returns the run's owner; the run is left going.
func claimTeam(t *testing.T, store *state.Store, gameDate string, p events.Processor) string {
	t.Helper()
	owner := string(p) + "/run-1"
	v, err := store.Claim(testContext(t), state.Trigger{GameDate: gameDate, Processor: p,
		Needs:     []events.Processor{events.RawBoxScores},
		EventID:   events.CompletionID(events.RawBoxScores, gameDate, 1),
		EventType: events.RawLoaded, Generation: 1, Owner: owner,
		Now: seedAt.Add(2 * time.Second), LeaseTTL: time.Minute})
	if err != nil || v.Decision != state.DecisionRun {
		t.Fatalf("claim %s: %v (%s), %v", p, v.Decision, v.Reason, err)
	}
	return owner
}

// finishTeam completes owner's run of team processor p of gameDate at g1.
func finishTeam(t *testing.T, store *state.Store, gameDate string, p events.Processor,
	owner string) {
	t.Helper()
	typ, _ := events.CompletionType(p)
	if _, err := store.Finish(testContext(t), state.Finish{GameDate: gameDate, Processor: p,
		Generation: 1, Owner: owner, Status: state.StatusComplete,
		EventID: events.CompletionID(p, gameDate, 1), EventType: typ,
		Rows: map[string]int{string(p): 12}, Games: 12,
		InputDigest: "sha256:" + strings.Repeat("b", 64),
		Now:         seedAt.Add(3 * time.Second)}); err != nil {
		t.Fatalf("finish %s: %v", p, err)
	}
}
