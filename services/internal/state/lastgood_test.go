package state

import (
	"reflect"
	"testing"

	"github.com/tipoff-nba/tipoff/events"
)

// TestLastGoodSurvivesClaimsAndFailures: a replay from a downstream processor carries the
// processor's last good output forward, so a claim of a newer generation must not forget
// it, a failed run must not overwrite it, and only a success replaces it.
func TestLastGoodSurvivesClaimsAndFailures(t *testing.T) {
	const day = "2024-01-10"
	off := events.TeamOffense
	running := leased(procAt(day, off, 1, StatusRunning), "off/a", t0.Add(leaseTTL))
	f1 := completeFinish(day, off, 1, "off/a", t0)
	f1.Games, f1.MissingGames, f1.InputDigest = 2, []string{"0022300001"}, "sha256:g1"

	_, done1, err := decideFinish(dateAt(day, 1), running, f1, events.Processors)
	if err != nil {
		t.Fatal(err)
	}
	want := &LastGood{Generation: 1, EventID: f1.EventID, Rows: f1.Rows, Games: 2,
		MissingGames: f1.MissingGames, InputDigest: "sha256:g1"}
	if !reflect.DeepEqual(done1.LastGood, want) {
		t.Fatalf("after the g1 success last_good = %+v, want %+v", done1.LastGood, want)
	}

	claimed := claimedDoc(done1, 2, nil, completionTrigger(day, off,
		[]events.Processor{events.RawBoxScores}, events.RawBoxScores, 2, "off/b", t0))
	if claimed.Rows != nil || !reflect.DeepEqual(claimed.LastGood, want) {
		t.Fatalf("claim of g2: rows %v, last_good %+v; want no rows and last_good %+v",
			claimed.Rows, claimed.LastGood, want)
	}

	failed := Finish{GameDate: day, Processor: off, Generation: 2, Owner: "off/b",
		Status: StatusFailed, Error: "malformed", Now: t0}
	_, done2, err := decideFinish(dateAt(day, 2), &claimed, failed, events.Processors)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(done2.LastGood, want) {
		t.Errorf("a failed g2 changed last_good to %+v, want %+v", done2.LastGood, want)
	}

	again := claimedDoc(done2, 3, nil, completionTrigger(day, off,
		[]events.Processor{events.RawBoxScores}, events.RawBoxScores, 3, "off/c", t0))
	f3 := completeFinish(day, off, 3, "off/c", t0)
	f3.CarriedFrom = 1
	_, done3, err := decideFinish(dateAt(day, 3), &again, f3, events.Processors)
	if err != nil {
		t.Fatal(err)
	}
	if done3.LastGood == nil || done3.LastGood.Generation != 3 ||
		done3.LastGood.EventID != f3.EventID {
		t.Errorf("after the g3 success last_good = %+v, want generation 3, event %s",
			done3.LastGood, f3.EventID)
	}
}

// TestLastGoodOfAnOlderDocument: a processor document written before last_good existed
// still tells a claim what it stored, from its own fields.
func TestLastGoodOfAnOlderDocument(t *testing.T) {
	const day = "2024-01-10"
	prev := procAt(day, events.RawBoxScores, 1, StatusPartial)
	prev.Rows, prev.Games, prev.MissingGames = map[string]int{"a": 3}, 1, []string{"x"}

	claimed := claimedDoc(prev, 2, nil, loadTrigger(day, "r2", "raw/b", t0))

	want := &LastGood{Generation: 1, EventID: prev.EventID, Rows: prev.Rows, Games: 1,
		MissingGames: []string{"x"}}
	if !reflect.DeepEqual(claimed.LastGood, want) {
		t.Errorf("last_good = %+v, want %+v", claimed.LastGood, want)
	}
}
