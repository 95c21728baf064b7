package state

import (
	"errors"
	"testing"
	"time"

	"github.com/tipoff-nba/tipoff/events"
)

// A commit can land while the client sees an error; Firestore then runs the transaction
// again and it reads its own write. The claim and the finish must both recognise that.
func TestRetriedCommitOfOwnClaim(t *testing.T) {
	now := time.Date(2026, 2, 4, 5, 0, 0, 0, time.UTC)
	date := &DateDoc{GameDate: "2026-02-03", Generation: 1}
	trig := Trigger{GameDate: "2026-02-03", Processor: events.TeamOffense,
		Needs: nil, Generation: 1, Owner: "w1/run-7", Now: now, LeaseTTL: time.Minute}
	first := claimedDoc(nil, 1, nil, trig)

	again := trig
	again.Now = now.Add(time.Second)
	v := decideRun(&first, 1, again)
	if v.Decision != DecisionRun {
		t.Fatalf("own claim read back: %s (%s), want run", v.Decision, v.Reason)
	}
	if doc := claimedDoc(&first, 1, nil, again); doc.Attempt != first.Attempt ||
		!doc.StartedAt.Equal(first.StartedAt) {
		t.Errorf("own claim counted again: attempt %d (was %d)", doc.Attempt, first.Attempt)
	}
	other := trig
	other.Owner = "w2/run-1"
	if v := decideRun(&first, 1, other); v.Decision != DecisionBusy {
		t.Errorf("another run: %s, want busy", v.Decision)
	}

	f := Finish{GameDate: "2026-02-03", Processor: events.TeamOffense, Generation: 1,
		Owner: trig.Owner, Status: StatusComplete, EventID: "2026-02-03.team_offense.g1",
		Now: now}
	_, done, err := decideFinish(date, &first, f, events.Processors)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := decideFinish(date, done, f, events.Processors); !errors.Is(err, errRecorded) {
		t.Errorf("finish read back its own commit: %v, want errRecorded", err)
	}
	f.Owner = "w2/run-1"
	if _, _, err := decideFinish(date, done, f, events.Processors); !errors.Is(err, ErrLeaseLost) {
		t.Errorf("another run's finish: %v, want ErrLeaseLost", err)
	}
}
