package state

import (
	"testing"

	"github.com/tipoff-nba/tipoff/events"
)

// TestDecideRoot covers how a load request opens or finds its generation. A request id
// must open exactly one generation however often it is delivered, and a request that an
// operator has since overtaken must not run again.
func TestDecideRoot(t *testing.T) {
	const day = "2024-01-15"
	raw := events.RawBoxScores
	live, expired := t0.Add(leaseTTL), t0.Add(-1)
	cases := []struct {
		name    string
		date    *DateDoc
		proc    *ProcessorDoc
		request string
		want    Decision
		wantGen int64
		// wantOpened is the generation the returned date document opens; 0: none written.
		wantOpened  int64
		wantAttempt int
	}{
		{name: "first load opens g1", request: "r1",
			want: DecisionRun, wantGen: 1, wantOpened: 1, wantAttempt: 1},
		{name: "new request id opens the next generation", request: "r2",
			date: dateAt(day, 1), proc: procAt(day, raw, 1, StatusComplete),
			want: DecisionRun, wantGen: 2, wantOpened: 2, wantAttempt: 1},
		{name: "same request id again is a replay of its own generation", request: "r1",
			date: dateAt(day, 1), proc: procAt(day, raw, 1, StatusComplete),
			want: DecisionDuplicate, wantGen: 1},
		{name: "same request id while its run holds a live lease", request: "r2",
			date: dateAt(day, 2), proc: leased(procAt(day, raw, 2, StatusRunning), "raw/a", live),
			want: DecisionBusy, wantGen: 2},
		{name: "old request after a newer generation opened is stale", request: "r1",
			date: dateAt(day, 2), proc: procAt(day, raw, 2, StatusComplete),
			want: DecisionStale, wantGen: 1},
		{name: "old request while the newer run is going is still stale", request: "r1",
			date: dateAt(day, 2), proc: leased(procAt(day, raw, 2, StatusRunning), "raw/a", live),
			want: DecisionStale, wantGen: 1},
		{name: "running raw with a live lease is busy", request: "r1",
			date: dateAt(day, 1), proc: leased(procAt(day, raw, 1, StatusRunning), "raw/a", live),
			want: DecisionBusy, wantGen: 1},
		{name: "running raw with an expired lease is taken over", request: "r1",
			date: dateAt(day, 1),
			proc: leased(procAt(day, raw, 1, StatusRunning), "raw/a", expired),
			want: DecisionRun, wantGen: 1, wantAttempt: 2},
		{name: "failed raw settles the generation", request: "r1",
			date: dateAt(day, 1), proc: procAt(day, raw, 1, StatusFailed),
			want: DecisionSettled, wantGen: 1},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			trig := loadTrigger(day, tc.request, "raw/b", t0)

			v, date, proc := decideRoot(tc.date, tc.proc, trig)

			if v.Decision != tc.want || v.Generation != tc.wantGen {
				t.Fatalf("got %s g%d (%s), want %s g%d", v.Decision, v.Generation, v.Reason,
					tc.want, tc.wantGen)
			}
			checkOpened(t, date, tc.wantOpened, tc.request)
			if tc.want != DecisionRun {
				if proc != nil {
					t.Errorf("%s wrote the processor document: %+v", v.Decision, *proc)
				}
				return
			}
			checkClaim(t, v, proc, trig, tc.wantGen, tc.wantAttempt)
		})
	}
}

// checkOpened checks the date document a root decision writes: one only when a
// generation opens, recording which request opened it.
func checkOpened(t *testing.T, date *DateDoc, want int64, request string) {
	t.Helper()
	if want == 0 {
		if date != nil {
			t.Errorf("opened g%d; want no new generation", date.Generation)
		}
		return
	}
	if date == nil {
		t.Fatalf("no date document written; want g%d opened", want)
	}
	if date.Generation != want || date.Requests[request] != want || date.Status != StatusRunning {
		t.Errorf("date = g%d %s, requests %v; want g%d running with %s -> %d",
			date.Generation, date.Status, date.Requests, want, request, want)
	}
}

// checkClaim checks the processor document of a run: the caller's lease, at gen.
func checkClaim(t *testing.T, v Verdict, proc *ProcessorDoc, trig Trigger, gen int64,
	attempt int) {
	t.Helper()
	if proc == nil {
		t.Fatal("run decided but no processor document written: the claim would not hold")
	}
	if proc.Status != StatusRunning || proc.Generation != gen || proc.Attempt != attempt {
		t.Errorf("claim = %s g%d attempt %d; want running g%d attempt %d", proc.Status,
			proc.Generation, proc.Attempt, gen, attempt)
	}
	if proc.Lease == nil || proc.Lease.Owner != trig.Owner ||
		!proc.Lease.ExpiresAt.Equal(trig.Now.Add(trig.LeaseTTL)) {
		t.Errorf("lease = %+v; want %s until %s", proc.Lease, trig.Owner,
			trig.Now.Add(trig.LeaseTTL))
	}
	if v.Attempt != attempt {
		t.Errorf("verdict attempt = %d, want %d", v.Attempt, attempt)
	}
}
