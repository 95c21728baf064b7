package state

import (
	"errors"
	"reflect"
	"testing"

	"github.com/tipoff-nba/tipoff/events"
)

// TestDecideDependent covers the gate of a processor with upstream needs: it runs only
// when every need succeeded at the date's current generation, and otherwise writes
// nothing, so a wait is never counted against anyone.
func TestDecideDependent(t *testing.T) {
	const day = "2024-01-18"
	off, def, pl := events.TeamOffense, events.TeamDefense, events.PlayerGameSummary
	live, expired := t0.Add(leaseTTL), t0.Add(-1)
	both := func(o, d *ProcessorDoc) map[events.Processor]*ProcessorDoc {
		return map[events.Processor]*ProcessorDoc{off: o, def: d}
	}
	// ready is the upstream state in which only the player's own document decides.
	ready := func() map[events.Processor]*ProcessorDoc {
		return both(procAt(day, off, 2, StatusComplete), procAt(day, def, 2, StatusComplete))
	}
	cases := []struct {
		name     string
		date     *DateDoc
		proc     *ProcessorDoc
		upstream map[events.Processor]*ProcessorDoc
		eventGen int64
		want     Decision
		// wantAttempt is the attempt of the claim when want is DecisionRun.
		wantAttempt int
	}{
		{name: "waits while a need is missing", date: dateAt(day, 2), eventGen: 2,
			upstream: both(procAt(day, off, 2, StatusComplete), nil), want: DecisionWait},
		{name: "waits while a need is at an older generation", date: dateAt(day, 2), eventGen: 2,
			upstream: both(procAt(day, off, 2, StatusComplete),
				procAt(day, def, 1, StatusComplete)),
			want: DecisionWait},
		{name: "waits while a need is running", date: dateAt(day, 2), eventGen: 2,
			upstream: both(procAt(day, off, 2, StatusComplete),
				leased(procAt(day, def, 2, StatusRunning), "def/a", live)),
			want: DecisionWait},
		{name: "waits while a need failed", date: dateAt(day, 2), eventGen: 2,
			upstream: both(procAt(day, off, 2, StatusFailed),
				procAt(day, def, 2, StatusComplete)),
			want: DecisionWait},
		{name: "waits while a need is quarantined", date: dateAt(day, 2), eventGen: 2,
			upstream: both(procAt(day, off, 2, StatusComplete),
				procAt(day, def, 2, StatusQuarantined)),
			want: DecisionWait},
		{name: "runs when every need succeeded at the current generation",
			date: dateAt(day, 2), eventGen: 2, proc: procAt(day, pl, 1, StatusComplete),
			upstream: both(procAt(day, off, 2, StatusComplete),
				procAt(day, def, 2, StatusPartial)),
			want: DecisionRun, wantAttempt: 1},
		{name: "stale for an event older than the date", date: dateAt(day, 2), eventGen: 1,
			upstream: ready(), want: DecisionStale},
		{name: "stale for a date that was never loaded", eventGen: 1, want: DecisionStale},
		{name: "duplicate when already complete", date: dateAt(day, 2), eventGen: 2,
			proc:     procAt(day, pl, 2, StatusComplete),
			upstream: ready(),
			want:     DecisionDuplicate},
		{name: "settled when the run failed at the generation", date: dateAt(day, 2), eventGen: 2,
			proc:     procAt(day, pl, 2, StatusFailed),
			upstream: ready(),
			want:     DecisionSettled},
		{name: "busy while another owner holds a live lease", date: dateAt(day, 2), eventGen: 2,
			proc:     leased(procAt(day, pl, 2, StatusRunning), "player/a", live),
			upstream: ready(),
			want:     DecisionBusy},
		{name: "takes over after the lease expired", date: dateAt(day, 2), eventGen: 2,
			proc:     leased(procAt(day, pl, 2, StatusRunning), "player/a", expired),
			upstream: ready(),
			want:     DecisionRun, wantAttempt: 2},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			trig := playerTrigger(day, off, tc.eventGen, "player/b", t0)

			v, proc, err := decideDependent(tc.date, tc.proc, tc.upstream, trig)

			if err != nil {
				t.Fatalf("unexpected error: %v", err)
			}
			if v.Decision != tc.want {
				t.Fatalf("decision = %s (%s), want %s", v.Decision, v.Reason, tc.want)
			}
			if tc.want != DecisionRun {
				if proc != nil || v.Inputs != nil {
					t.Errorf("%s wrote %+v with inputs %v; want nothing", v.Decision, proc,
						v.Inputs)
				}
				return
			}
			checkClaim(t, v, proc, trig, tc.date.Generation, tc.wantAttempt)
			if want := wantInputs(day, tc.date.Generation); !reflect.DeepEqual(v.Inputs, want) {
				t.Errorf("inputs = %+v, want %+v", v.Inputs, want)
			}
			if want := inputRefs(v.Inputs); !reflect.DeepEqual(proc.Inputs, want) {
				t.Errorf("stored inputs = %+v, want %+v", proc.Inputs, want)
			}
		})
	}
}

// TestDecideDependentAhead: an event newer than the date cannot be acted on yet. It must
// be an error the caller retries, not a decision that acks the event away.
func TestDecideDependentAhead(t *testing.T) {
	const day = "2024-01-18"
	up := map[events.Processor]*ProcessorDoc{
		events.TeamOffense: procAt(day, events.TeamOffense, 3, StatusComplete),
		events.TeamDefense: procAt(day, events.TeamDefense, 3, StatusComplete),
	}

	v, proc, err := decideDependent(dateAt(day, 2), nil, up,
		playerTrigger(day, events.TeamOffense, 3, "player/a", t0))

	if !errors.Is(err, ErrAhead) {
		t.Fatalf("err = %v, want ErrAhead", err)
	}
	if proc != nil || v.Decision == DecisionRun {
		t.Errorf("an event ahead of the date claimed a run: %s, %+v", v.Decision, proc)
	}
}
