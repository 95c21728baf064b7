package state

import (
	"errors"
	"testing"

	"github.com/tipoff-nba/tipoff/events"
)

// TestDecideFinishRefusesLostLease: a run whose lease is gone must not record anything,
// because the run that holds it now owns the outcome.
func TestDecideFinishRefusesLostLease(t *testing.T) {
	const day = "2024-01-15"
	pl := events.PlayerGameSummary
	cases := []struct {
		name string
		proc *ProcessorDoc
	}{
		{"no processor document", nil},
		{"another owner took the lease over", leased(procAt(day, pl, 1, StatusRunning),
			"player/b", t0.Add(leaseTTL))},
		{"the run already finished", procAt(day, pl, 1, StatusComplete)},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := completeFinish(day, pl, 1, "player/a", t0.Add(leaseTTL/2))

			date, proc, err := decideFinish(dateAt(day, 1), tc.proc, f, events.Processors)

			if !errors.Is(err, ErrLeaseLost) {
				t.Fatalf("err = %v, want ErrLeaseLost", err)
			}
			if date != nil || proc != nil {
				t.Errorf("wrote date %+v and processor %+v; want nothing", date, proc)
			}
		})
	}
}

// TestDecideFinishOvertakenIsSuperseded: a run whose date opened a newer generation, and
// whose processor that generation already re-claimed, lost its lease to the date moving
// on: it is reported superseded (not "lease lost to another run") and writes nothing, as
// the processor document belongs to the newer generation now.
func TestDecideFinishOvertakenIsSuperseded(t *testing.T) {
	const day = "2024-01-15"
	pl := events.PlayerGameSummary
	cases := []struct {
		name string
		date *DateDoc
		proc *ProcessorDoc
	}{
		{"the newer generation re-claimed the processor", dateAt(day, 2),
			leased(procAt(day, pl, 2, StatusRunning), "player/b", t0.Add(leaseTTL))},
		{"the processor moved ahead of the date read", dateAt(day, 1),
			leased(procAt(day, pl, 2, StatusRunning), "player/a", t0.Add(leaseTTL))},
		{"the run's superseded record already landed", dateAt(day, 2),
			procAt(day, pl, 1, StatusSuperseded)},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := completeFinish(day, pl, 1, "player/a", t0.Add(leaseTTL/2))

			date, proc, err := decideFinish(tc.date, tc.proc, f, events.Processors)

			if !errors.Is(err, ErrSuperseded) || errors.Is(err, ErrLeaseLost) {
				t.Fatalf("err = %v, want ErrSuperseded", err)
			}
			if date != nil || proc != nil {
				t.Errorf("wrote date %+v and processor %+v; want nothing", date, proc)
			}
		})
	}
}

// TestDecideFinishSuperseded: a run that finishes after a newer generation opened must
// not touch the date, and its own document must say why its result was not announced.
func TestDecideFinishSuperseded(t *testing.T) {
	const day = "2024-01-18"
	off := events.TeamOffense
	running := leased(procAt(day, off, 1, StatusRunning), "off/a", t0.Add(leaseTTL))
	f := completeFinish(day, off, 1, "off/a", t0)

	date, proc, err := decideFinish(dateAt(day, 2), running, f, events.Processors)

	if !errors.Is(err, ErrSuperseded) {
		t.Fatalf("err = %v, want ErrSuperseded", err)
	}
	if date != nil {
		t.Errorf("date written: %+v; a superseded run must leave g2 alone", *date)
	}
	if proc == nil {
		t.Fatal("no processor document: the run would look alive until its lease ends")
	}
	if proc.Status != StatusSuperseded || proc.Generation != 1 || proc.Lease != nil {
		t.Errorf("processor = %s g%d lease %+v; want superseded g1 without a lease",
			proc.Status, proc.Generation, proc.Lease)
	}
	if proc.EventID != "" {
		t.Errorf("superseded run recorded event %q; its completion is never announced",
			proc.EventID)
	}
}

// TestDecideFinishRecords: a successful finish records the run and updates the date's
// line for the processor and its derived status in the same write.
func TestDecideFinishRecords(t *testing.T) {
	const day = "2024-01-15"
	pl := events.PlayerGameSummary
	date := dateAt(day, 1)
	date.Processors = map[string]ProcessorSummary{}
	for _, p := range []events.Processor{events.RawBoxScores, events.TeamOffense,
		events.TeamDefense} {
		date.Processors[string(p)] = ProcessorSummary{Status: StatusComplete, Generation: 1}
	}
	running := leased(procAt(day, pl, 1, StatusRunning), "player/a", t0.Add(leaseTTL))
	cases := []struct {
		name     string
		status   Status
		errText  string
		wantDate Status
	}{
		{"complete completes the date", StatusComplete, "", StatusComplete},
		{"partial makes the date partial", StatusPartial, "", StatusPartial},
		{"failed fails the date", StatusFailed, "box score malformed", StatusFailed},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := completeFinish(day, pl, 1, "player/a", t0.Add(leaseTTL/2))
			f.Status, f.Error = tc.status, tc.errText

			next, proc, err := decideFinish(date, running, f, events.Processors)

			if err != nil {
				t.Fatalf("decideFinish: %v", err)
			}
			want := ProcessorSummary{Status: tc.status, Generation: 1}
			if got := next.Processors[string(pl)]; got != want {
				t.Errorf("date line = %+v, want %+v", got, want)
			}
			if next.Status != tc.wantDate {
				t.Errorf("date status = %s, want %s", next.Status, tc.wantDate)
			}
			if proc.Status != tc.status || proc.Lease != nil || proc.EventID != f.EventID ||
				proc.LastError != tc.errText || !proc.CompletedAt.Equal(f.Now) {
				t.Errorf("processor = %+v; want %s, no lease, event %s", *proc, tc.status,
					f.EventID)
			}
			if _, ok := date.Processors[string(pl)]; ok {
				t.Error("decideFinish changed the date document it was given")
			}
		})
	}
}
