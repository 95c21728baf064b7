package state

import (
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/tipoff-nba/tipoff/events"
)

// c01Day is the game date of shared/cases/inputs/C01.json.
const c01Day = "2024-01-15"

// TestC01RedeliveryNeverRunsTwice replays field case C01: Pub/Sub delivers the offense
// completion again 2 s after it was acked and a third time after the player run finished.
// Only the defense event starts a run; every copy after that must be busy while the run
// holds its lease and a duplicate once it finished, and none may write the claim again.
func TestC01RedeliveryNeverRunsTwice(t *testing.T) {
	m := newDateModel()
	gen := m.load(t, c01Day, "r1", t0)
	m.runTeam(t, c01Day, events.TeamOffense, gen, t0)
	defOwner := m.claimTeam(t, c01Day, events.TeamDefense, gen, t0)
	ms := func(n int) time.Time { return t0.Add(time.Minute + time.Duration(n)*time.Millisecond) }
	runOwner := ""

	steps := []struct {
		label string
		// finishes, when set, completes that run just before the delivery.
		finishes func()
		upstream events.Processor
		at       time.Time
		want     Decision
	}{
		{label: "offense copy 1 (t=0)", upstream: events.TeamOffense, at: ms(0),
			want: DecisionWait},
		{label: "offense copy 2 (t=2s)", upstream: events.TeamOffense, at: ms(2000),
			want: DecisionWait},
		{label: "defense (t=3.5s)", upstream: events.TeamDefense, at: ms(3500), want: DecisionRun,
			finishes: func() {
				m.mustFinish(t, completeFinish(c01Day, events.TeamDefense, gen, defOwner, ms(3400)))
			}},
		{label: "offense copy 2 again, run going", upstream: events.TeamOffense, at: ms(4000),
			want: DecisionBusy},
		{label: "defense again, run going", upstream: events.TeamDefense, at: ms(5000),
			want: DecisionBusy},
		{label: "offense copy 3 (t=95s)", upstream: events.TeamOffense, at: ms(95000),
			want: DecisionDuplicate, finishes: func() {
				m.mustFinish(t, completeFinish(c01Day, events.PlayerGameSummary, gen,
					runOwner, ms(60000)))
			}},
		{label: "defense again, after the run", upstream: events.TeamDefense, at: ms(96000),
			want: DecisionDuplicate},
	}
	runs := 0
	for i, s := range steps {
		if s.finishes != nil {
			s.finishes()
		}
		before := clone(t, m.procs[events.PlayerGameSummary])
		owner := fmt.Sprintf("player/run-%d", i)

		v, err := m.claim(playerTrigger(c01Day, s.upstream, gen, owner, s.at))

		if err != nil || v.Decision != s.want {
			t.Fatalf("%s: got %s (%s), err %v; want %s", s.label, v.Decision, v.Reason, err,
				s.want)
		}
		if v.Decision == DecisionRun {
			runs, runOwner = runs+1, owner
			continue
		}
		if after := m.procs[events.PlayerGameSummary]; !reflect.DeepEqual(clone(t, after), before) {
			t.Errorf("%s: %s rewrote the player document:\n got %+v\nwant %+v", s.label,
				v.Decision, after, before)
		}
	}
	if runs != 1 {
		t.Errorf("%d player runs for %s g%d, want 1", runs, c01Day, gen)
	}
}
